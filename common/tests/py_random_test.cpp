#include "course_test.hpp"

#include "common/py_random.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace {
struct Draws {
    std::uint64_t seed;
    std::array<double, 5> randoms;       // random() x5
    std::array<std::uint64_t, 8> bits;   // getrandbits(1, 7, 31, 32, 33, 53, 63, 64)
    std::array<std::int64_t, 8> ints;    // randint(0, 10) x6, randint(-5, 5), randint(1, 2**40)
    std::array<std::int64_t, 3> ranges;  // randrange(0, 3), randrange(-2**63, 2**63 - 1), randrange(7, 8)
};

// What CPython 3.11.7 prints: the output of py_random_values.py, beside this file.
const std::array<Draws, 5> python_draws{{
    {0u,
     {0.8444218515250481, 0.7579544029403025, 0.420571580830845, 0.25891675029296335, 0.5112747213686085},
     {1u, 49u, 1627694678u, 3823568514u, 1806341205u, 8696133065399866u, 4481891911369680482u, 16938433693753131896u},
     {6, 6, 0, 4, 8, 7, 1, 669284121953},
     {1, 7198729688045931692, 7}},
    {1u,
     {0.13436424411240122, 0.8474337369372327, 0.763774618976614, 0.2550690257394217, 0.49543508709194095},
     {0u, 72u, 1819850095u, 3445702192u, 3280387012u, 1062116443042876u, 7018639715332314491u, 8711387064946514083u},
     {2, 9, 1, 4, 1, 7, 2, 207060179246},
     {0, 6409021253179889738, 7}},
    {444u,
     {0.3088946587429545, 0.01323751590501987, 0.4844375347808497, 0.8614799253779063, 0.7426396870165088},
     {0u, 36u, 28427358u, 1327727452u, 2080643381u, 2718662163821261u, 4740692631437025907u, 16626869753402951522u},
     {4, 4, 0, 4, 7, 4, -1, 1087964129038},
     {1, -8979182885480285840, 7}},
    {4294967296u,
     {0.11299430095636409, 0.41782886486292836, 0.0166763664992291, 0.6117214625782752, 0.8056470212514185},
     {0u, 44u, 897280643u, 4014597330u, 71624475u, 7891146040264457u, 7031281961490375168u, 15455483573206641377u},
     {1, 5, 6, 0, 0, 9, 0, 996409757030},
     {0, -1515790001308202052, 7}},
    {18446744073709551615u,
     {0.021825695401270107, 0.3380953268613758, 0.21196748656082065, 0.6151259995625727, 0.9195709817171983},
     {0u, 31u, 726054176u, 2657516307u, 910393425u, 855843595150787u, 8308523266359230708u, 14166965630497767659u},
     {0, 3, 5, 9, 3, 7, 4, 815617776583},
     {0, -2986614153697823960, 7}},
}};
}  // namespace

TEST_CASE("random() draws the doubles CPython's random.Random(seed).random() draws") {
    for (const Draws& python : python_draws) {
        CAPTURE(python.seed);
        common::PyRandom rng{python.seed};
        for (double expected : python.randoms) CHECK(rng.random() == expected);
    }
}

TEST_CASE("getrandbits(k) draws CPython's bits for k from 1 to 64, seeds past 32 bits included") {
    for (const Draws& python : python_draws) {
        CAPTURE(python.seed);
        common::PyRandom rng{python.seed};
        const std::array<unsigned, 8> widths{1, 7, 31, 32, 33, 53, 63, 64};
        for (std::size_t i = 0; i < widths.size(); ++i) CHECK(rng.getrandbits(widths[i]) == python.bits[i]);
    }
}

TEST_CASE("randint and randrange reject draws as CPython's _randbelow does, so later draws agree too") {
    for (const Draws& python : python_draws) {
        CAPTURE(python.seed);
        common::PyRandom rng{python.seed};
        for (int i = 0; i < 6; ++i) CHECK(rng.randint(0, 10) == python.ints[i]);
        CHECK(rng.randint(-5, 5) == python.ints[6]);
        CHECK(rng.randint(1, std::int64_t{1} << 40) == python.ints[7]);

        common::PyRandom ranges{python.seed};
        CHECK(ranges.randrange(0, 3) == python.ranges[0]);
        CHECK(ranges.randrange(INT64_MIN, INT64_MAX) == python.ranges[1]);
        CHECK(ranges.randrange(7, 8) == python.ranges[2]);
    }
}

TEST_CASE("empty ranges and bit counts outside 1..64 are errors, as ValueError is in Python") {
    common::PyRandom rng{444};
    CHECK_THROWS_AS(rng.getrandbits(0), std::invalid_argument);
    CHECK_THROWS_AS(rng.getrandbits(65), std::invalid_argument);
    CHECK_THROWS_AS(rng.randrange(3, 3), std::invalid_argument);
    CHECK_THROWS_AS(rng.randint(2, 1), std::invalid_argument);
    CHECK_THROWS_AS(rng.randint(INT64_MIN, INT64_MAX), std::out_of_range);
    CHECK(rng.randint(5, 5) == 5);
}
