/* sim/gdb_monitor.h: GDB's `monitor` commands (qRcmd): the exception-
 * model state a hypervisor developer asks about (EL, the exception
 * registers, any system register by name, pending asynchronous
 * exceptions), as text. */
#ifndef SIM_GDB_MONITOR_H
#define SIM_GDB_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

struct sim_machine;

#define GDB_MONITOR_OUT 8192

/* Text a command printed (truncated at GDB_MONITOR_OUT - 1 bytes). */
typedef struct gdb_text {
    char buf[GDB_MONITOR_OUT];
    size_t len;
} gdb_text;

/* Run one command line; its output (or the error) in out. False when the
 * command is unknown or its arguments are bad (out says why). */
bool gdb_monitor(struct sim_machine *m, const char *line, gdb_text *out);

#endif
