# {fmt}, doctest and Threads: the installed packages when there are some (Debian: libfmt-dev,
# doctest-dev), otherwise pinned releases fetched once.
include(FetchContent)

find_package(Threads REQUIRED)

find_package(fmt 9.1 QUIET)
if(NOT fmt_FOUND)
    message(STATUS "{fmt} not installed: fetching 10.2.1")
    FetchContent_Declare(fmt GIT_REPOSITORY https://github.com/fmtlib/fmt.git GIT_TAG 10.2.1 GIT_SHALLOW ON)
    FetchContent_MakeAvailable(fmt)
endif()

if(COURSE_TESTS)
    find_package(doctest 2.4.9 QUIET)
    if(doctest_FOUND)
        include("${doctest_DIR}/doctest.cmake")
    else()
        message(STATUS "doctest not installed: fetching 2.4.11")
        FetchContent_Declare(doctest GIT_REPOSITORY https://github.com/doctest/doctest.git GIT_TAG v2.4.11 GIT_SHALLOW ON)
        FetchContent_MakeAvailable(doctest)
        include("${doctest_SOURCE_DIR}/scripts/cmake/doctest.cmake")
    endif()
endif()
