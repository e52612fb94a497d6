# testdata/scenarios/negative/expect_failure.cmake: cmake -DSTATUS=n
# -DREGEX=re -P expect_failure.cmake -- COMMAND ARGS...: the command must
# exit with STATUS and its stderr match REGEX (a script that must fail).
include(${CMAKE_CURRENT_LIST_DIR}/../../../tests/argv_command.cmake)
execute_process(COMMAND ${CMD} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc STREQUAL "${STATUS}")
  message(FATAL_ERROR "exit status ${rc}, expected ${STATUS}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${REGEX}")
  message(FATAL_ERROR "stderr does not match: ${REGEX}\nstderr was:\n${err}")
endif()
