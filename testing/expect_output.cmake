# cmake -DPROGRAM=... -DEXPECTED=... -P expect_output.cmake
# Runs PROGRAM, which must fail, and passes when every block of the file EXPECTED (blocks are
# separated by a blank line) appears in its output and "{?}" does not: how the course checks
# what a failed check prints.
execute_process(COMMAND "${PROGRAM}" --no-colors=true OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
string(APPEND output "${errors}")
if(status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} passed; its checks are meant to fail")
endif()
if(output MATCHES "\\{\\?\\}")
    message(FATAL_ERROR "a value printed as {?}:\n${output}")
endif()
file(READ "${EXPECTED}" expected)
string(STRIP "${expected}" expected)
string(REPLACE "\n\n" ";" blocks "${expected}")
foreach(block IN LISTS blocks)
    string(FIND "${output}" "${block}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "missing from the output:\n${block}\n--- output:\n${output}")
    endif()
endforeach()
