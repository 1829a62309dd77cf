#include "squares.hpp"

namespace generators {

std::vector<std::int64_t> squares_list(std::int64_t n) {
    std::vector<std::int64_t> squares;
    // Reserve first, so the capacity the lesson reports is the items themselves, not growth slack.
    squares.reserve(static_cast<std::size_t>(n > 0 ? n : 0));
    for (std::int64_t i = 0; i < n; ++i) squares.push_back(i * i);
    return squares;
}

}  // namespace generators
