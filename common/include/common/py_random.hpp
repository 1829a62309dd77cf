// CPython's random.Random, bit for bit: the same seed gives the same draws as Python's, so a section
// that ports a Python program (makerandom, chain, chapter 05's producers) prints what Python prints.
#pragma once

#include <array>
#include <cstdint>

namespace common {

// Mersenne Twister MT19937 seeded as random.seed(int) seeds it (init_by_array over the 32-bit
// words of the seed, least significant first), with Python's recipes for each draw on top.
class PyRandom {
public:
    explicit PyRandom(std::uint64_t seed);

    // random.random(): 53 random bits from two 32-bit outputs, in [0, 1).
    double random();
    // random.getrandbits(k) for 1 <= k <= 64 (std::invalid_argument otherwise): the 32-bit words
    // are filled least significant first, and the last one keeps its top bits.
    std::uint64_t getrandbits(unsigned k);
    // random.randint(a, b): a <= N <= b, drawn by _randbelow (rejection sampling on getrandbits),
    // std::invalid_argument if b < a; std::out_of_range for the one range Python draws with 65
    // bits (the whole of std::int64_t).
    std::int64_t randint(std::int64_t a, std::int64_t b);
    // random.randrange(start, stop): start <= N < stop, std::invalid_argument if the range is empty.
    std::int64_t randrange(std::int64_t start, std::int64_t stop);
    // random.uniform(a, b): a + (b - a) * random().
    double uniform(double a, double b);

private:
    std::uint32_t genrand_uint32();
    void init_genrand(std::uint32_t seed);
    std::uint64_t randbelow(std::uint64_t n);

    static constexpr int state_size = 624;
    std::array<std::uint32_t, state_size> state_{};
    int index_ = state_size + 1;
};

}  // namespace common
