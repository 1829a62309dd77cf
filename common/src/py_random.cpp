#include "common/py_random.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <vector>

namespace common {

namespace {
constexpr int shift_size = 397;
constexpr std::uint32_t matrix_a = 0x9908b0dfU;
constexpr std::uint32_t upper_mask = 0x80000000U;
constexpr std::uint32_t lower_mask = 0x7fffffffU;
}  // namespace

void PyRandom::init_genrand(std::uint32_t seed) {
    state_[0] = seed;
    for (int i = 1; i < state_size; ++i) {
        const std::uint32_t previous = state_[i - 1];
        state_[i] = 1812433253U * (previous ^ (previous >> 30)) + static_cast<std::uint32_t>(i);
    }
    index_ = state_size;
}

// init_by_array of the reference MT19937, fed the seed's 32-bit words as CPython's random_seed
// feeds them: zero is one word, a seed below 2**32 is one word, anything larger two.
PyRandom::PyRandom(std::uint64_t seed) {
    std::vector<std::uint32_t> key{static_cast<std::uint32_t>(seed)};
    if (seed >> 32 != 0) key.push_back(static_cast<std::uint32_t>(seed >> 32));
    const int key_length = static_cast<int>(key.size());

    init_genrand(19650218U);
    int i = 1;
    int j = 0;
    for (int k = std::max(state_size, key_length); k > 0; --k) {
        const std::uint32_t previous = state_[i - 1];
        state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= state_size) {
            state_[0] = state_[state_size - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (int k = state_size - 1; k > 0; --k) {
        const std::uint32_t previous = state_[i - 1];
        state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= state_size) {
            state_[0] = state_[state_size - 1];
            i = 1;
        }
    }
    state_[0] = 0x80000000U;  // a non-zero initial state, as the reference code guarantees
}

std::uint32_t PyRandom::genrand_uint32() {
    if (index_ >= state_size) {
        const auto twist = [this](int at, int next, int far) {
            const std::uint32_t y = (state_[at] & upper_mask) | (state_[next] & lower_mask);
            state_[at] = state_[far] ^ (y >> 1) ^ ((y & 1U) != 0 ? matrix_a : 0U);
        };
        int k = 0;
        for (; k < state_size - shift_size; ++k) twist(k, k + 1, k + shift_size);
        for (; k < state_size - 1; ++k) twist(k, k + 1, k + shift_size - state_size);
        twist(state_size - 1, 0, shift_size - 1);
        index_ = 0;
    }
    std::uint32_t y = state_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double PyRandom::random() {
    const std::uint32_t a = genrand_uint32() >> 5;
    const std::uint32_t b = genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t PyRandom::getrandbits(unsigned k) {
    if (k < 1 || k > 64) throw std::invalid_argument("getrandbits: k must be in 1..64");
    if (k <= 32) return genrand_uint32() >> (32 - k);
    const std::uint64_t low = genrand_uint32();
    const std::uint64_t high = genrand_uint32() >> (64 - k);
    return high << 32 | low;
}

// _randbelow_with_getrandbits: k = n.bit_length() bits (not n - 1's), drawn again until below n.
std::uint64_t PyRandom::randbelow(std::uint64_t n) {
    const auto k = static_cast<unsigned>(std::bit_width(n));
    std::uint64_t r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

std::int64_t PyRandom::randrange(std::int64_t start, std::int64_t stop) {
    if (stop <= start) throw std::invalid_argument("randrange: empty range");
    // The width and the sum are taken modulo 2**64, where they are exact for every int64 range.
    const std::uint64_t width = static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + randbelow(width));
}

std::int64_t PyRandom::randint(std::int64_t a, std::int64_t b) {
    if (b < a) throw std::invalid_argument("randint: empty range");
    const std::uint64_t width = static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a) + 1;
    if (width == 0) throw std::out_of_range("randint: the whole int64 range needs 65 random bits");
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + randbelow(width));
}

double PyRandom::uniform(double a, double b) { return a + (b - a) * random(); }

}  // namespace common
