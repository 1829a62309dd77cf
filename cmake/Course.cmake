# The three shapes every chapter is made of: its code and binary, its tests, its exercises.

if(COURSE_TESTS)
    # One doctest main for every test program of the course.
    add_library(course_doctest_main STATIC "${PROJECT_SOURCE_DIR}/testing/doctest_main.cpp")
    target_include_directories(course_doctest_main PUBLIC "${PROJECT_SOURCE_DIR}/testing")
    target_link_libraries(course_doctest_main PUBLIC doctest::doctest course_flags)

    # The same main at -O0 for the learner's exercise programs: the first of them waits for it,
    # and doctest's runner compiles about twice as fast without the optimiser.
    add_library(course_doctest_main_quick STATIC EXCLUDE_FROM_ALL "${PROJECT_SOURCE_DIR}/testing/doctest_main.cpp")
    target_include_directories(course_doctest_main_quick PUBLIC "${PROJECT_SOURCE_DIR}/testing")
    target_link_libraries(course_doctest_main_quick PUBLIC doctest::doctest course_flags)
    target_compile_options(course_doctest_main_quick PRIVATE -O0)
endif()

# Registers each doctest case of TARGET as its own CTest test, "PREFIX<case name>", with LABELS.
function(course_discover_tests target prefix labels timeout)
    doctest_discover_tests(${target} TEST_PREFIX "${prefix}" PROPERTIES TIMEOUT ${timeout})
    # doctest's discovery knows no fixed labels; set them on the list it leaves behind.
    set(label_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_labels.cmake")
    file(WRITE "${label_file}"
        "if(${target}_TESTS)\n"
        "  set_tests_properties(\${${target}_TESTS} PROPERTIES LABELS \"${labels}\")\n"
        "endif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${label_file}")
endfunction()

# course_chapter(NAME <folder> [SOURCES <files>...] [LIBRARIES <targets>...])
# The chapter's code becomes library <folder>_code (what its tests link too), and main.cpp
# becomes the chapter binary <folder>.
function(course_chapter)
    cmake_parse_arguments(arg "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
    if(arg_SOURCES)
        add_library(${arg_NAME}_code STATIC ${arg_SOURCES})
        set(scope PUBLIC)
    else()
        add_library(${arg_NAME}_code INTERFACE)  # a header-only chapter
        set(scope INTERFACE)
    endif()
    target_include_directories(${arg_NAME}_code ${scope} "${CMAKE_CURRENT_SOURCE_DIR}")
    target_link_libraries(${arg_NAME}_code ${scope} course_common ${arg_LIBRARIES})
    add_executable(${arg_NAME} main.cpp)
    target_link_libraries(${arg_NAME} PRIVATE ${arg_NAME}_code)
endfunction()

# course_tests(CHAPTER <folder> SOURCES <files>... [LIBRARIES <targets>...])
# The chapter's tests: one program <folder>_tests, each case a CTest test labelled <folder>.
function(course_tests)
    cmake_parse_arguments(arg "" "CHAPTER" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT COURSE_TESTS)
        return()
    endif()
    add_executable(${arg_CHAPTER}_tests ${arg_SOURCES})
    target_link_libraries(${arg_CHAPTER}_tests PRIVATE course_doctest_main ${arg_LIBRARIES})
    course_discover_tests(${arg_CHAPTER}_tests "${arg_CHAPTER}: " "${arg_CHAPTER}" 300)
endfunction()

# course_exercise(CHAPTER <folder> NAME <exercise> [SOURCES <files>...] [LIBRARIES <targets>...])
# Test exercises/tests/<exercise>_test.cpp, built against the learner's exercises/ or against
# solutions/ (COURSE_SOLUTIONS). SOURCES are file names found in both folders. Its cases are
# labelled exercise, <folder> and <folder>/<exercise>; a stub that hangs fails by timeout.
function(course_exercise)
    cmake_parse_arguments(arg "THREAD_SANITIZER" "CHAPTER;NAME" "SOURCES;LIBRARIES" ${ARGN})
    if(NOT COURSE_TESTS)
        return()
    endif()
    if(COURSE_SOLUTIONS)
        set(dir "${CMAKE_CURRENT_SOURCE_DIR}/solutions")
    else()
        set(dir "${CMAKE_CURRENT_SOURCE_DIR}/exercises")
    endif()
    set(file_names ${arg_SOURCES})
    list(TRANSFORM arg_SOURCES PREPEND "${dir}/")
    set(target ${arg_CHAPTER}_exercise_${arg_NAME})
    add_executable(${target} "${CMAKE_CURRENT_SOURCE_DIR}/exercises/tests/${arg_NAME}_test.cpp" ${arg_SOURCES})
    target_include_directories(${target} PRIVATE "${dir}")
    target_link_libraries(${target} PRIVATE course_doctest_main course_common ${arg_LIBRARIES})
    course_discover_tests(${target} "${arg_CHAPTER}/${arg_NAME}: "
        "exercise;${arg_CHAPTER};${arg_CHAPTER}/${arg_NAME}" 20)

    # The learner's loop (./course progress, ./course exercise) builds <target>_yours: the same
    # test against exercises/, in this tree, so it links the chapter libraries that ./course walk
    # has already built instead of building them again in a tree of their own. Only the test
    # and the learner's files are compiled, at -O0 (quick to compile, easy to step through),
    # with warnings shown but not fatal. Not part of `all`, not a CTest test: the solutions' build
    # and CI never depend on the learner's half-written code.
    set(yours "")
    if(COURSE_SOLUTIONS)
        set(yours ${target}_yours)
        set(mine "${CMAKE_CURRENT_SOURCE_DIR}/exercises")
        set(mine_sources ${arg_SOURCES})
        list(TRANSFORM mine_sources REPLACE "^${dir}/" "${mine}/")
        add_executable(${yours} EXCLUDE_FROM_ALL
            "${CMAKE_CURRENT_SOURCE_DIR}/exercises/tests/${arg_NAME}_test.cpp" ${mine_sources})
        target_include_directories(${yours} PRIVATE "${mine}")
        target_link_libraries(${yours} PRIVATE course_doctest_main_quick course_common ${arg_LIBRARIES})
        target_compile_options(${yours} PRIVATE -O0)
        set_target_properties(${yours} PROPERTIES COURSE_WARNINGS_ALLOWED ON)
    endif()
    # THREAD_SANITIZER: an exercise about threads runs its test under ThreadSanitizer, which stops
    # at the first report: a data race then fails it on every run, in ./course exercise too, not
    # only on the runs where the threads happen to collide. A tree built with a sanitizer of its
    # own keeps that one (the tsan preset has it already).
    if(arg_THREAD_SANITIZER AND COURSE_SANITIZER STREQUAL "")
        foreach(program IN ITEMS ${target} ${yours})
            target_compile_options(${program} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
            target_link_options(${program} PRIVATE -fsanitize=thread)
        endforeach()
    endif()
    # Known-wrong versions of a thread exercise are caught by ThreadSanitizer only: they are built
    # in a tree built with it (the tsan preset), the others in the wrong-answers tree (ASan).
    set(thread_tree OFF)
    if(COURSE_SANITIZER STREQUAL "thread")
        set(thread_tree ON)
    endif()
    if(COURSE_WRONG_ANSWERS AND ((arg_THREAD_SANITIZER AND thread_tree) OR (NOT arg_THREAD_SANITIZER AND NOT thread_tree)))
        course_wrong_answers(${arg_CHAPTER} ${arg_NAME} "${file_names}" "${arg_LIBRARIES}")
    endif()
endfunction()

# course_wrong_answers(<folder> <exercise> <source file names> <libraries>), for COURSE_WRONG_ANSWERS:
# each folder wrong/<exercise>/<mistake>/ holds a known-wrong version of the solution (the files
# that differ; the rest comes from solutions/). Each becomes one test program,
# <folder>_wrong_<exercise>_<mistake>, whose single CTest test "<folder>/<exercise> wrong
# <mistake>" must FAIL: its label wrong_answer keeps it out of the usual test runs, and
# tools/check-wrong-answers runs it. The target course_wrong_answers builds them all.
function(course_wrong_answers chapter name sources libraries)
    set(wrong_dir "${CMAKE_CURRENT_SOURCE_DIR}/wrong/${name}")
    # CONFIGURE_DEPENDS: a new mistake folder is picked up by the next build, not only by cmake.
    file(GLOB mistakes LIST_DIRECTORIES true CONFIGURE_DEPENDS "${wrong_dir}/*")
    if(NOT TARGET course_wrong_answers)
        add_custom_target(course_wrong_answers)
    endif()
    foreach(mistake_dir IN LISTS mistakes)
        if(NOT IS_DIRECTORY "${mistake_dir}")
            continue()
        endif()
        get_filename_component(mistake "${mistake_dir}" NAME)
        set(files "")
        foreach(file IN LISTS sources)
            if(EXISTS "${mistake_dir}/${file}")
                list(APPEND files "${mistake_dir}/${file}")
            else()
                list(APPEND files "${CMAKE_CURRENT_SOURCE_DIR}/solutions/${file}")
            endif()
        endforeach()
        set(target ${chapter}_wrong_${name}_${mistake})
        add_executable(${target} "${CMAKE_CURRENT_SOURCE_DIR}/exercises/tests/${name}_test.cpp" ${files})
        # The mistake's folder first: its files hide the solution's of the same name.
        target_include_directories(${target} BEFORE PRIVATE "${mistake_dir}" "${CMAKE_CURRENT_SOURCE_DIR}/solutions")
        target_link_libraries(${target} PRIVATE course_doctest_main course_common ${libraries})
        add_test(NAME "${chapter}/${name} wrong ${mistake}" COMMAND ${target})
        set_tests_properties("${chapter}/${name} wrong ${mistake}" PROPERTIES
            LABELS "wrong_answer;${chapter};${chapter}/${name}" TIMEOUT 10)
        add_dependencies(course_wrong_answers ${target})
    endforeach()
endfunction()
