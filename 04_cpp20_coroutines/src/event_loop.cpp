#include "aio/errors.hpp"
