# tests/trace_file.cmake: -DSIM -DELF -DOUT: `sim --trace-file OUT` writes
# one line per retired instruction to OUT and only the summary to stdout.
file(REMOVE ${OUT})
execute_process(COMMAND ${SIM} --elf ${ELF} --trace-file ${OUT} --json
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit status ${rc}")
endif()
string(JSON insns GET "${out}" insns)
file(STRINGS ${OUT} lines REGEX "^ +[0-9]+ EL[0-2] ")
list(LENGTH lines n)
if(NOT n EQUAL insns)
  message(FATAL_ERROR "${n} trace lines for ${insns} instructions")
endif()
