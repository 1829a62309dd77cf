#include "kitchen.hpp"

#include <limits>
#include <stdexcept>

namespace restaurant {

namespace {
int checked(int cooks) {
    if (cooks < 0) throw std::invalid_argument("Kitchen: the number of cooks must be >= 0");
    return cooks;
}
}  // namespace

// No limit: more permits than any day has products.
Kitchen::Kitchen(int cooks)
    : cooks_(checked(cooks)), free_cooks_(cooks == 0 ? std::numeric_limits<int>::max() : cooks) {}

}  // namespace restaurant
