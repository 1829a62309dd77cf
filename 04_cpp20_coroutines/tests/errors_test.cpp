#include "course_test.hpp"

#include <string>

#include "aio/errors.hpp"

TEST_CASE("CancelledError and TimeoutError are std::exceptions that say what happened") {
    const aio::CancelledError cancelled;
    const aio::TimeoutError timeout;
    const std::exception& as_cancelled = cancelled;
    const std::exception& as_timeout = timeout;
    CHECK(std::string(as_cancelled.what()) == "CancelledError: the task was cancelled");
    CHECK(std::string(as_timeout.what()) == "TimeoutError: the deadline passed");
}
