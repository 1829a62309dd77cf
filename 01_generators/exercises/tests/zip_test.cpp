#include "course_test.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "borrow.hpp"
#include "zip.hpp"

namespace {
// A generator over fixed items that writes its name into `pulls` each time it is asked.
template <class T>
class Recorded {
public:
    using value_type = T;
    Recorded(std::string name, std::vector<T> items, std::vector<std::string>& pulls)
        : name_(std::move(name)), items_(std::move(items)), pulls_(&pulls) {}
    std::optional<T> next() {
        pulls_->push_back(name_);
        if (index_ == items_.size()) return std::nullopt;
        return items_[index_++];
    }

private:
    std::string name_;
    std::vector<T> items_;
    std::size_t index_ = 0;
    std::vector<std::string>* pulls_;
};

using Pulls = std::vector<std::string>;

// zip(a, b) of two lvalues would copy both: two silent forks. Like take(), it must not compile.
template <class A, class B>
concept Zippable = requires(A&& a, B&& b) {
    exercises::zip(std::forward<A>(a), std::forward<B>(b));
};
static_assert(Zippable<Recorded<int>, Recorded<int>>, "zip takes generators handed over");
static_assert(!Zippable<Recorded<int>&, Recorded<int>&>, "zip(a, b) must not copy a and b");
static_assert(!Zippable<Recorded<int>&, Recorded<int>>, "zip(a, ...) must not copy a");
static_assert(!Zippable<Recorded<int>, Recorded<int>&>, "zip(..., b) must not copy b");
}  // namespace

TEST_CASE("zip pairs the items in order and ends with the shorter generator") {
    Pulls pulls;
    auto pairs = exercises::zip(Recorded<int>("a", {1, 2, 3}, pulls), Recorded<std::string>("b", {"x", "y"}, pulls));
    CHECK(pairs.next() == std::pair<int, std::string>{1, "x"});
    CHECK(pairs.next() == std::pair<int, std::string>{2, "y"});
    CHECK(pairs.next() == std::nullopt);
}

TEST_CASE("zip pulls nothing when made, then exactly one item from a, then one from b") {
    Pulls pulls;
    auto pairs = exercises::zip(Recorded<int>("a", {1, 2}, pulls), Recorded<int>("b", {10, 20}, pulls));
    CHECK(pulls.empty());
    CHECK(pairs.next() == std::pair{1, 10});
    CHECK(pulls == Pulls{"a", "b"});
    CHECK(pairs.next() == std::pair{2, 20});
    CHECK(pulls == Pulls{"a", "b", "a", "b"});
}

TEST_CASE("when a ends first, zip does not even ask b") {
    Pulls pulls;
    auto pairs = exercises::zip(Recorded<int>("a", {1}, pulls), Recorded<int>("b", {10, 20, 30}, pulls));
    CHECK(pairs.next() == std::pair{1, 10});
    CHECK(pairs.next() == std::nullopt);
    CHECK(pulls == Pulls{"a", "b", "a"});
}

TEST_CASE("when b ends first, a's item of that round is pulled and dropped, as in Python") {
    Pulls pulls;
    auto pairs = exercises::zip(Recorded<int>("a", {1, 2, 3}, pulls), Recorded<int>("b", {10}, pulls));
    CHECK(pairs.next() == std::pair{1, 10});
    CHECK(pairs.next() == std::nullopt);
    CHECK(pulls == Pulls{"a", "b", "a", "b"});
}

TEST_CASE("zip of two empty generators yields nothing") {
    Pulls pulls;
    auto pairs = exercises::zip(Recorded<int>("a", {}, pulls), Recorded<int>("b", {}, pulls));
    CHECK(pairs.next() == std::nullopt);
    CHECK(pulls == Pulls{"a"});
}

TEST_CASE("zip of borrowed generators pulls from them, which go on from where zip stopped") {
    Pulls pulls;
    Recorded<int> a("a", {1, 2, 3}, pulls);
    Recorded<int> b("b", {10, 20, 30}, pulls);
    {
        auto pairs = exercises::zip(generators::borrow(a), generators::borrow(b));
        CHECK(pairs.next() == std::pair{1, 10});
    }
    CHECK(a.next() == 2);
    CHECK(b.next() == 20);
    CHECK(pulls == Pulls{"a", "b", "a", "b"});
}
