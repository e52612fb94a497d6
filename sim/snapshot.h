/* sim/snapshot.h: a machine's whole state (CPU, memory pages, injections,
 * asynchronous-exception records, and an opaque copy of the mode's own
 * state such as the harness) taken at one instant and restored any number
 * of times: the basis of sweeps and of script snapshots. */
#ifndef SIM_SNAPSHOT_H
#define SIM_SNAPSHOT_H

#include <stddef.h>

#include "machine.h"

typedef struct sim_snapshot sim_snapshot;

/* Capture m (and `extra_len` bytes at `extra`, restored to the same place).
 * NULL when out of memory. */
sim_snapshot *snapshot_take(sim_machine *m, void *extra, size_t extra_len);
/* Put m (and the extra bytes) back as they were; the snapshot stays valid. */
void snapshot_restore(sim_snapshot *s, sim_machine *m);
void snapshot_free(sim_snapshot *s);

#endif
