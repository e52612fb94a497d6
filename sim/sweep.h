/* sim/sweep.h: `sim sweep`: one injection per instruction boundary of a
 * range, each started from a snapshot taken when the range is first
 * reached, classified and tabulated; `sim sweep-merge` joins shards. */
#ifndef SIM_SWEEP_H
#define SIM_SWEEP_H

#include "options.h"

int sweep_main(int argc, char **argv);
int sweep_merge_main(int argc, char **argv);

#endif
