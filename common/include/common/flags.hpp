// A small command-line parser for a chapter's own flags (05's -p/--nprod, --seed, ...).
// Bad input is a UsageError whose message is the one line the lesson prints before exit 2.
#pragma once

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace common {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Flags {
public:
    // `short_name` may be '\0'. Numbers outside [min, max] are rejected with a clear message.
    void add(std::string long_name, char short_name, std::string help, int& target,
             int min = std::numeric_limits<int>::min(), int max = std::numeric_limits<int>::max());
    void add(std::string long_name, char short_name, std::string help, std::uint64_t& target);
    void add(std::string long_name, char short_name, std::string help, double& target,
             double min = -std::numeric_limits<double>::max(), double max = std::numeric_limits<double>::max());
    void add(std::string long_name, char short_name, std::string help, std::string& target);
    // A switch: present means true.
    void add(std::string long_name, char short_name, std::string help, bool& target);

    // What --help shows for the flag's value ("X" unless set): `--trace FILE`.
    void set_value_name(std::string_view long_name, std::string value_name);

    // Parses argv[1..], sets the targets, returns the positional arguments in order.
    // Throws UsageError on an unknown flag, a missing or malformed value, or a value out of range.
    std::vector<std::string> parse(const std::vector<std::string_view>& args) const;
    std::vector<std::string> parse(int argc, const char* const* argv) const;

    // One line per flag, aligned, for --help.
    [[nodiscard]] std::string help() const;
    [[nodiscard]] bool empty() const noexcept { return flags_.empty(); }

private:
    struct IntTarget {
        int* value;
        int min;
        int max;
    };
    struct DoubleTarget {
        double* value;
        double min;
        double max;
    };
    using Target = std::variant<IntTarget, std::uint64_t*, DoubleTarget, std::string*, bool*>;
    struct Flag {
        std::string long_name;
        char short_name;
        std::string help;
        Target target;
        std::string value_name = "X";
    };
    void add_flag(Flag flag);
    [[nodiscard]] const Flag* find(std::string_view name) const;
    static void assign(const Flag& flag, std::string_view value);

    std::vector<Flag> flags_;
};

// Strict number parsing: the whole text must be the number. Throws UsageError naming `what`.
long long parse_integer(std::string_view text, std::string_view what);
double parse_number(std::string_view text, std::string_view what);

}  // namespace common
