# tests/tarmac/run_check.cmake: cmake -DOUT=TRACE -DCHECK=tarmac_check
# [-DCHECKARGS=a@@b...] [-DSTATUS=n] -P run_check.cmake -- SIM ARGS...: runs
# sim writing a Tarmac trace to OUT, expects exit STATUS (default 0), then
# runs the checker over every line of it with CHECKARGS.
include(${CMAKE_CURRENT_LIST_DIR}/../argv_command.cmake)
file(REMOVE ${OUT})
execute_process(COMMAND ${CMD} --trace-format tarmac --trace-file ${OUT}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT DEFINED STATUS)
  set(STATUS 0)
endif()
if(NOT rc STREQUAL "${STATUS}")
  message(FATAL_ERROR "sim: exit status ${rc}, expected ${STATUS}; stderr: ${err}")
endif()
string(REPLACE "@@" ";" args "${CHECKARGS}")
execute_process(COMMAND ${CHECK} ${args} ${OUT} OUTPUT_VARIABLE cout ERROR_VARIABLE cerr RESULT_VARIABLE crc)
message("${cout}${cerr}")
if(NOT crc EQUAL 0)
  message(FATAL_ERROR "tarmac_check failed (${crc})")
endif()
