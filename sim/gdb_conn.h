/* sim/gdb_conn.h: the TCP side of the GDB stub: a listening socket on one
 * IPv4 address, one accepted connection, blocking and non-blocking
 * reads, whole writes. */
#ifndef SIM_GDB_CONN_H
#define SIM_GDB_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Listen on addr:port (port 0: the kernel picks a free one); returns the
 * socket and the port in *bound, or -1 with err ("--gdb ...: why"). */
int gdb_conn_listen(const char *addr, unsigned port, unsigned *bound, char *err, size_t len);
/* Wait for one debugger; the connection, or -1. */
int gdb_conn_accept(int lfd);
/* Read what is there (waiting up to timeout_ms, -1: for ever): bytes
 * read, 0 when nothing came in time, -1 when the peer has gone. */
long gdb_conn_read(int fd, void *buf, size_t len, int timeout_ms);
/* Write all of buf; false when the peer has gone. */
bool gdb_conn_write(int fd, const void *buf, size_t len);
void gdb_conn_close(int fd);

#endif
