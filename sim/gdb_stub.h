/* sim/gdb_stub.h: `--gdb PORT`: a GDB remote serial protocol server that
 * drives a machine's run: it stops before the first instruction, and at
 * GDB's breakpoints, single steps and Ctrl-C, across every machine_run
 * call of a run (the world-switch harness makes many). */
#ifndef SIM_GDB_STUB_H
#define SIM_GDB_STUB_H

#include <stdbool.h>
#include <stddef.h>

struct sim_machine;
typedef struct gdb_stub gdb_stub;

/* Listen on addr:port (port 0 picks a free one) and say where on stderr.
 * NULL with a one-line err on failure. */
gdb_stub *gdb_stub_listen(const char *addr, unsigned port, char *err, size_t len);
/* machine_run under the debugger: the first call waits for GDB to
 * connect. Returns as machine_run does (c->stop), for stops that belong
 * to the caller or end the run; A64_STOP_KILLED after GDB's kill. */
int gdb_stub_run(gdb_stub *g, struct sim_machine *m);
/* Whether the stub still drives runs (false once GDB detached, killed the
 * run or went away: machine_run then runs as without it). */
bool gdb_stub_active(const gdb_stub *g);
/* The run is over with exit status `status`: tell GDB (W) and close (m:
 * the machine GDB's breakpoints leave, or NULL when it is going away). */
void gdb_stub_finish(gdb_stub *g, struct sim_machine *m, int status);
void gdb_stub_free(gdb_stub *g);

#endif
