#include "course_test.hpp"

#include <cstddef>
#include <istream>
#include <sstream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "lines.hpp"

namespace {
// A stream buffer that hands the stream one character at a time, like a very slow file, and
// counts how many it has handed out: the witness that nobody read ahead.
class TrickleBuffer : public std::streambuf {
public:
    explicit TrickleBuffer(std::string text) : text_(std::move(text)) {}
    [[nodiscard]] std::size_t handed_out() const { return position_; }

protected:
    int_type underflow() override {
        if (gptr() != nullptr && gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (position_ == text_.size()) return traits_type::eof();
        char* const at = text_.data() + position_;
        ++position_;
        setg(at, at, at + 1);
        return traits_type::to_int_type(*at);
    }

private:
    std::string text_;
    std::size_t position_ = 0;
};

std::vector<std::string> all_lines(const std::string& text) {
    std::istringstream in(text);
    exercises::Lines lines(in);
    std::vector<std::string> result;
    while (std::optional<std::string> line = lines.next()) result.push_back(*line);
    return result;
}

using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("lines yields each line without its newline, then nullopt for ever") {
    std::istringstream in("alpha\nbeta\n");
    exercises::Lines lines(in);
    CHECK(lines.next() == "alpha");
    CHECK(lines.next() == "beta");
    CHECK(lines.next() == std::nullopt);
    CHECK(lines.next() == std::nullopt);
}

TEST_CASE("a last line without a newline is still a line, and an empty line is an empty string") {
    CHECK(all_lines("one\n\nthree") == Strings{"one", "", "three"});
    CHECK(all_lines("\n") == Strings{""});
}

TEST_CASE("an empty stream has no lines") { CHECK(all_lines("").empty()); }

TEST_CASE("lines reads nothing until next(), then only up to the end of the line it returns") {
    TrickleBuffer buffer("alpha\nbeta\ngamma\n");
    std::istream in(&buffer);
    exercises::Lines lines(in);
    CHECK(buffer.handed_out() == 0);
    CHECK(lines.next() == "alpha");
    CHECK(buffer.handed_out() == 6);  // "alpha\n", not a character more
    CHECK(lines.next() == "beta");
    CHECK(buffer.handed_out() == 11);
    CHECK(lines.next() == "gamma");
    CHECK(buffer.handed_out() == 17);
    CHECK(lines.next() == std::nullopt);
}

TEST_CASE("lines walks a text of 100,000 lines one line at a time") {
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += "line " + std::to_string(i) + "\n";
    TrickleBuffer buffer(text);
    std::istream in(&buffer);
    exercises::Lines lines(in);
    CHECK(lines.next() == "line 0");
    CHECK(lines.next() == "line 1");
    CHECK(buffer.handed_out() == 14);  // two lines of 7 characters, out of 1,088,890
    CHECK(text.size() == 1'088'890);
}
