/* sim/script.c: Lua scenario scripts (being written). */
#include "script.h"

#include <stdio.h>

int script_run(const sim_options *o)
{
    fprintf(stderr, "sim: %s: scenario scripts are not implemented yet\n", o->script);
    return SIM_EXIT_USAGE;
}
