# Flags every target of the course gets: warnings (errors in CI) and the sanitizer presets.
add_library(course_flags INTERFACE)
# A target with COURSE_WARNINGS_ALLOWED (the learner's own exercise programs) shows warnings
# without failing on them, even in a tree built with COURSE_WERROR.
target_compile_options(course_flags INTERFACE -Wall -Wextra -Wpedantic
    $<$<AND:$<BOOL:${COURSE_WERROR}>,$<NOT:$<BOOL:$<TARGET_PROPERTY:COURSE_WARNINGS_ALLOWED>>>>:-Werror>)

if(COURSE_SANITIZER STREQUAL "address")
    set(sanitize -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # clang 14's -fsanitize=function cannot compile coroutines ("Cannot represent a
        # difference across sections"): see COMPILERS.md.
        list(APPEND sanitize -fno-sanitize=function)
    endif()
    target_compile_options(course_flags INTERFACE ${sanitize})
    target_link_options(course_flags INTERFACE ${sanitize})
    target_compile_definitions(course_flags INTERFACE COURSE_ASAN=1)
elseif(COURSE_SANITIZER STREQUAL "thread")
    target_compile_options(course_flags INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(course_flags INTERFACE -fsanitize=thread)
    target_compile_definitions(course_flags INTERFACE COURSE_TSAN=1)
elseif(NOT COURSE_SANITIZER STREQUAL "")
    message(FATAL_ERROR "COURSE_SANITIZER must be empty, 'address' or 'thread', not '${COURSE_SANITIZER}'")
endif()
