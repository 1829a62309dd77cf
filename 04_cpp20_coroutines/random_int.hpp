// random.randint for the sections "makerandom" and "chain": a seeded std::mt19937, whose
// sequence the standard fixes, so the same --seed prints the same story on every compiler.
// (std::uniform_int_distribution is not fixed by the standard; this simple modulo is.)
#pragma once

#include <cstdint>
#include <random>

namespace coroutines {

// A number in [low, high], both included.
inline int random_int(std::mt19937& generator, int low, int high) {
    const auto span = static_cast<std::uint32_t>(high - low + 1);
    return low + static_cast<int>(generator() % span);
}

}  // namespace coroutines
