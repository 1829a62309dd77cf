// "Did you mean ...?": the name nearest to a misspelt one, for the lesson runner's section names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace common {

// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` by edit distance, the first one on a tie; "" if none.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace common
