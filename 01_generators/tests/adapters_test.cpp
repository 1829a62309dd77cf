#include "course_test.hpp"
#include "section_fixture.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "borrow.hpp"
#include "fibonacci.hpp"
#include "filter.hpp"
#include "map.hpp"
#include "sections.hpp"
#include "take.hpp"
#include "to_vector.hpp"

using Numbers = std::vector<std::uint64_t>;

namespace {
// 0, 1, 2, ... without end, counting how many items anyone pulled: the tests' witness of laziness.
class Naturals {
public:
    using value_type = int;
    explicit Naturals(int& pulled) : pulled_(&pulled) {}
    std::optional<int> next() { return (*pulled_)++; }

private:
    int* pulled_;
};
}  // namespace

// Whether take(gen, n), filter(p, gen) and map(f, gen) accept a plain lvalue gen.
template <class G>
concept TakeCopiesLvalue = requires(G& gen) {
    generators::take(gen, 3);
};
struct KeepAll {
    bool operator()(int /*x*/) const { return true; }
};
struct Identity {
    int operator()(int x) const { return x; }
};
template <class G>
concept FilterCopiesLvalue = requires(G& gen) {
    generators::filter(KeepAll{}, gen);
};
template <class G>
concept MapCopiesLvalue = requires(G& gen) {
    generators::map(Identity{}, gen);
};
template <class G>
concept AdaptsRvalue = requires(G& gen) {
    generators::take(std::move(gen), 3);
    generators::filter(KeepAll{}, std::move(gen));
    generators::map(Identity{}, std::move(gen));
    generators::take(generators::borrow(gen), 3);
};
template <class G>
concept BorrowsTemporary = requires {
    generators::borrow(G(std::declval<int&>()));
};

TEST_CASE("an adapter refuses a plain lvalue generator: a copy would be a silent fork") {
    static_assert(!TakeCopiesLvalue<Naturals>);
    static_assert(!FilterCopiesLvalue<Naturals>);
    static_assert(!MapCopiesLvalue<Naturals>);
    static_assert(!BorrowsTemporary<Naturals>);  // a borrowed temporary would dangle
    static_assert(AdaptsRvalue<Naturals>);       // handed over or lent: both said out loud
    int pulled = 0;
    Naturals gen(pulled);
    auto owned = generators::take(std::move(gen), 2);  // handed over, said out loud
    CHECK(generators::to_vector(owned) == std::vector<int>{0, 1});
    CHECK(pulled == 2);
}

TEST_CASE("take(borrow(gen), n) shares gen as islice does: gen goes on from item n + 1") {
    int pulled = 0;
    Naturals gen(pulled);
    CHECK(generators::to_vector(generators::take(generators::borrow(gen), 3)) == std::vector<int>{0, 1, 2});
    CHECK(gen.next() == 3);
    CHECK(generators::to_vector(generators::map(
              [](int x) { return 10 * x; }, generators::take(generators::borrow(gen), 2))) == std::vector<int>{40, 50});
    CHECK(generators::to_vector(
              generators::take(generators::filter([](int x) { return x % 2 == 0; }, generators::borrow(gen)), 1)) ==
          std::vector<int>{6});
    CHECK(gen.next() == 7);
    CHECK(pulled == 8);
}

TEST_CASE("to_vector(gen) drains gen itself, as list(gen) does: after one next(), the rest") {
    generators::Fibonacci fib = generators::fibonacci();
    CHECK(fib.next() == 0U);
    const Numbers rest = generators::to_vector(fib);
    CHECK(rest.size() == 93);
    CHECK(rest.front() == 1U);
    CHECK(fib.next() == std::nullopt);
    CHECK(generators::to_vector(fib).empty());
}

TEST_CASE("fibonacci() starts 0, 1, 1, 2, 3, 5, 8, 13, 21, 34") {
    CHECK(generators::to_vector(generators::take(generators::fibonacci(), 10)) ==
          Numbers{0, 1, 1, 2, 3, 5, 8, 13, 21, 34});
}

TEST_CASE("fibonacci() ends after F(93), the last one a uint64_t holds, instead of wrapping") {
    const Numbers all = generators::to_vector(generators::fibonacci());
    CHECK(all.size() == 94);
    CHECK(all.back() == 12'200'160'415'121'876'738ULL);
    CHECK(all[92] == 7'540'113'804'746'346'429ULL);
}

TEST_CASE("take(gen, n) pulls exactly n items from its source, never one more") {
    int pulled = 0;
    auto first = generators::take(Naturals(pulled), 3);
    CHECK(pulled == 0);
    CHECK(first.next() == 0);
    CHECK(pulled == 1);
    CHECK(first.next() == 1);
    CHECK(first.next() == 2);
    CHECK(first.next() == std::nullopt);
    CHECK(first.next() == std::nullopt);
    CHECK(pulled == 3);
}

TEST_CASE("take(gen, n) of a shorter generator ends where the generator ends") {
    CHECK(generators::to_vector(generators::take(generators::take(generators::fibonacci(), 2), 5)) == Numbers{0, 1});
    CHECK(generators::to_vector(generators::take(generators::fibonacci(), 0)).empty());
}

TEST_CASE("filter pulls until an item passes, and only that far") {
    int pulled = 0;
    auto multiples_of_five = generators::filter([](int x) { return x % 5 == 0 && x > 0; }, Naturals(pulled));
    CHECK(pulled == 0);
    CHECK(multiples_of_five.next() == 5);
    CHECK(pulled == 6);  // 0, 1, 2, 3, 4 rejected, 5 passed
    CHECK(multiples_of_five.next() == 10);
    CHECK(pulled == 11);
}

TEST_CASE("filter of a finite generator ends when the source ends") {
    auto odd =
        generators::filter([](std::uint64_t x) { return x % 2 == 1; }, generators::take(generators::fibonacci(), 8));
    CHECK(generators::to_vector(std::move(odd)) == Numbers{1, 1, 3, 5, 13});
}

TEST_CASE("map calls its function once per item, when the item is pulled") {
    int pulled = 0;
    int calls = 0;
    auto labels = generators::map(
        [&calls](int x) {
            ++calls;
            return "#" + std::to_string(x);
        },
        Naturals(pulled));
    CHECK(calls == 0);
    CHECK(labels.next() == "#0");
    CHECK(labels.next() == "#1");
    CHECK(calls == 2);
    CHECK(pulled == 2);
}

TEST_CASE("take(map(filter(endless))) finishes, pulling only what the answer needs") {
    int pulled = 0;
    auto squares_of_evens =
        generators::take(generators::map([](int x) { return x * x; },
                                         generators::filter([](int x) { return x % 2 == 0; }, Naturals(pulled))),
                         3);
    CHECK(generators::to_vector(std::move(squares_of_evens)) == std::vector<int>{0, 4, 16});
    CHECK(pulled == 5);  // 0 1 2 3 4: the third even is 4, and nothing after it is asked for
}

TEST_CASE("the pipeline section shows each fibonacci number made just before it is needed") {
    SectionFixture f;
    sections::pipeline(f.ctx);
    CHECK(
        f.log.lines() ==
        std::vector<std::string>{
            "[  0.000s] fibonacci() never ends; take() asks it for 10 items and then stops asking",
            "[  0.000s] list(islice(fibonacci(), 10)) = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]",
            "[  0.000s] for x in islice(map(square, filter(is_even, fibonacci())), 4):",
            "[  0.000s]   fibonacci: 0",
            "[  0.000s]   -> 0",
            "[  0.000s]   fibonacci: 1",
            "[  0.000s]   fibonacci: 1",
            "[  0.000s]   fibonacci: 2",
            "[  0.000s]   -> 4",
            "[  0.000s]   fibonacci: 3",
            "[  0.000s]   fibonacci: 5",
            "[  0.000s]   fibonacci: 8",
            "[  0.000s]   -> 64",
            "[  0.000s]   fibonacci: 13",
            "[  0.000s]   fibonacci: 21",
            "[  0.000s]   fibonacci: 34",
            "[  0.000s]   -> 1156",
            "[  0.000s] 4 items out, so fibonacci made 10 numbers: each one only when the loop asked",
            "[  0.000s] fib = fibonacci(); islice(fib, 5) twice   # take(borrow(fib), 5): fib is lent, not handed over",
            "[  0.000s] list(islice(fib, 5)) = [0, 1, 1, 2, 3]",
            "[  0.000s] list(islice(fib, 5)) = [5, 8, 13, 21, 34]   # fib went on from where the first islice stopped",
        });
}

TEST_CASE("the pipeline section's timeline: fibonacci makes each number in the turn before the loop needs it") {
    SectionFixture f;
    sections::pipeline(f.ctx);
    CHECK(drawn(f.timeline) == std::vector<std::string>{
                                   "fibonacci: 0 0..1",
                                   "loop: 0 1..2",
                                   "fibonacci: 1 2..3",
                                   "fibonacci: 1 3..4",
                                   "fibonacci: 2 4..5",
                                   "loop: 4 5..6",
                                   "fibonacci: 3 6..7",
                                   "fibonacci: 5 7..8",
                                   "fibonacci: 8 8..9",
                                   "loop: 64 9..10",
                                   "fibonacci: 13 10..11",
                                   "fibonacci: 21 11..12",
                                   "fibonacci: 34 12..13",
                                   "loop: 1156 13..14",
                               });
}
