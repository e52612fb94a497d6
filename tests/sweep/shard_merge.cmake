# tests/sweep/shard_merge.cmake: -DSIM=... -DHYP=... -DGUEST=... -DDIR=...
# A sweep split with --shard 1/2 and 2/2 and joined by `sim sweep-merge`
# gives the same JSON as the sweep run whole.
set(args sweep --elf ${HYP} --guest ${GUEST} --inject serror --over __guest_exit --json --jobs 1)
execute_process(COMMAND ${SIM} ${args} OUTPUT_VARIABLE whole RESULT_VARIABLE r0)
execute_process(COMMAND ${SIM} ${args} --shard 1/2 OUTPUT_FILE ${DIR}/shard1.json RESULT_VARIABLE r1)
execute_process(COMMAND ${SIM} ${args} --shard 2/2 OUTPUT_FILE ${DIR}/shard2.json RESULT_VARIABLE r2)
execute_process(COMMAND ${SIM} sweep-merge --json ${DIR}/shard1.json ${DIR}/shard2.json
  OUTPUT_VARIABLE merged RESULT_VARIABLE r3)
if(NOT "${r0}${r1}${r2}${r3}" STREQUAL "0000")
  message(FATAL_ERROR "exit statuses ${r0} ${r1} ${r2} ${r3}")
endif()
# the shard field differs by design; compare the points and the summary
string(JSON pw GET "${whole}" points)
string(JSON pm GET "${merged}" points)
string(JSON sw GET "${whole}" summary)
string(JSON sm GET "${merged}" summary)
if(NOT pw STREQUAL pm OR NOT sw STREQUAL sm)
  message(FATAL_ERROR "merged shards differ from the whole sweep")
endif()
