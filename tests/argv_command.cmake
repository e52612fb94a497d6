# tests/argv_command.cmake: included by the check scripts run as
# `cmake -D... -P script.cmake -- COMMAND ARGS...`: collects what follows
# `--` into the list CMD, so arguments need no escaping.
set(CMD)
set(_seen FALSE)
math(EXPR _last "${CMAKE_ARGC} - 1")
foreach(_i RANGE ${_last})
  if(_seen)
    list(APPEND CMD "${CMAKE_ARGV${_i}}")
  elseif("${CMAKE_ARGV${_i}}" STREQUAL "--")
    set(_seen TRUE)
  endif()
endforeach()
if(NOT CMD)
  message(FATAL_ERROR "usage: cmake [-D...] -P script.cmake -- COMMAND [ARGS...]")
endif()
