/* sim/script.h: Lua 5.4 scenario scripts (`sim --script FILE.lua`): build
 * machines, inject, run, step, snapshot, read state and assert. */
#ifndef SIM_SCRIPT_H
#define SIM_SCRIPT_H

#include "options.h"

/* Run the scenario o->script; returns the exit status (0 all assertions
 * held, 1 an assertion failed, 2 a Lua error or bad input, 3/4 as a run). */
int script_run(const sim_options *o);

#endif
