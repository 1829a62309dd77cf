#include "course_test.hpp"
#include "section_fixture.hpp"

#include <cstdint>
#include <vector>

#include "footprint.hpp"
#include "thousands.hpp"
#include "sections.hpp"
#include "squares.hpp"
#include "to_vector.hpp"

using Items = std::vector<std::int64_t>;

TEST_CASE("squares_list builds every item at once, in a vector exactly as large as the items") {
    const Items squares = generators::squares_list(5);
    CHECK(squares == Items{0, 1, 4, 9, 16});
    CHECK(squares.capacity() == 5);
}

TEST_CASE("Squares gives the same items one next() at a time, then nullopt") {
    generators::Squares gen(3);
    CHECK(gen.next() == 0);
    CHECK(gen.next() == 1);
    CHECK(gen.next() == 4);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.next() == std::nullopt);
    CHECK(generators::to_vector(generators::Squares(5)) == Items{0, 1, 4, 9, 16});
}

TEST_CASE("the generator is two int64 whatever n is: it holds no items") {
    CHECK(sizeof(generators::Squares) == 16);
    CHECK(sizeof(generators::Squares) == 2 * sizeof(std::int64_t));
}

TEST_CASE("the footprint is the vector's capacity times 8 bytes against sizeof the generator") {
    const generators::Footprint footprint = generators::measure_footprint(1000);
    CHECK(footprint.items == 1000);
    CHECK(footprint.eager_capacity == 1000);
    CHECK(footprint.eager_heap_bytes == 8000);
    CHECK(footprint.eager_object_bytes == sizeof(std::vector<std::int64_t>));
    CHECK(footprint.lazy_bytes == 16);
    CHECK(footprint.same_items);
    CHECK(footprint.last_item == 999 * 999);

    const generators::Footprint ten_million = generators::measure_footprint(10'000'000);
    CHECK(ten_million.eager_heap_bytes == 80'000'000);
    CHECK(ten_million.lazy_bytes == 16);
    CHECK(ten_million.same_items);
    CHECK(ten_million.last_item == 99'999'980'000'001);
}

TEST_CASE("an empty range costs the vector no heap and ends both at once") {
    const generators::Footprint footprint = generators::measure_footprint(0);
    CHECK(footprint.eager_heap_bytes == 0);
    CHECK(footprint.lazy_bytes == 16);
    CHECK(footprint.same_items);
}

TEST_CASE("the eager section prints the measured table") {
    SectionFixture f;
    sections::eager(f.ctx, 1000);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] eager = squares_list(1,000)   # [i * i for i in range(n)]: every item, now",
              "[  0.000s] lazy = Squares(1,000)         # (i * i for i in range(n)): one item per next()",
              "[  0.000s] both give the same 1,000 items, the last one 998,001: checked item by item",
              "",
              "  bytes held by                 object   heap",
              "  eager: std::vector<int64_t>       24  8,000",
              "  lazy: Squares                     16      0",
              "",
              "The vector's heap is its capacity, 1,000 items, times 8 bytes each: it grows with n.",
              "The generator is 16 bytes, i and n, for any n: it makes each item when asked.",
          });
}

TEST_CASE("thousands groups digits in threes") {
    CHECK(generators::thousands(0) == "0");
    CHECK(generators::thousands(999) == "999");
    CHECK(generators::thousands(1000) == "1,000");
    CHECK(generators::thousands(80'000'000) == "80,000,000");
    CHECK(generators::thousands(123'456'789'012) == "123,456,789,012");
}
