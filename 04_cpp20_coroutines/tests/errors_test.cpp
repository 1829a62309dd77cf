#include "course_test.hpp"

#include <string>
#include <type_traits>

#include "aio/errors.hpp"

TEST_CASE("TimeoutError is a std::exception, CancelledError is not, both say what happened") {
    const aio::CancelledError cancelled;
    const aio::TimeoutError timeout;
    const std::exception& as_timeout = timeout;
    CHECK_FALSE(std::is_base_of_v<std::exception, aio::CancelledError>);
    CHECK(std::string(cancelled.what()) == "CancelledError: the task was cancelled");
    CHECK(std::string(as_timeout.what()) == "TimeoutError: the deadline passed");
}
