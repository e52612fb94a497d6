# tests/same_output.cmake: cmake -DA="cmd;args" -DB="cmd;args" [-DMERGE=...]
# -P same_output.cmake: the two commands (lists separated by @@) print the
# same bytes: a sweep gives the same result whatever --jobs or sharding.
string(REPLACE "@@" ";" A "${A}")
string(REPLACE "@@" ";" B "${B}")
execute_process(COMMAND ${A} OUTPUT_VARIABLE oa RESULT_VARIABLE ra)
execute_process(COMMAND ${B} OUTPUT_VARIABLE ob RESULT_VARIABLE rb)
if(NOT ra EQUAL 0 OR NOT rb EQUAL 0)
  message(FATAL_ERROR "exit statuses ${ra} and ${rb}")
endif()
if(NOT oa STREQUAL ob)
  message(FATAL_ERROR "outputs differ:\n--- A\n${oa}\n--- B\n${ob}")
endif()
