/* isa/access_log.h: an optional record of the data accesses instructions
 * make, for an observer such as a trace; off (a NULL pointer) by default. */
#ifndef ACCESS_LOG_H
#define ACCESS_LOG_H

#include <stdbool.h>
#include <stdint.h>

/* Enough 8-byte pieces for the largest single instruction: DC ZVA/GZVA
 * zero up to 2 KiB (DCZID_EL0.BS <= 9), LD4/ST4 move 64 bytes. */
#define A64_ACCESS_LOG_MAX 320

/* One piece of an access: 1, 2, 4 or 8 bytes at va, value little-endian. */
typedef struct a64_access {
    uint64_t va;
    uint64_t value;
    uint8_t size;
    bool write;
} a64_access;

typedef struct a64_access_log {
    unsigned n;       /* pieces recorded */
    unsigned dropped; /* pieces that did not fit */
    a64_access a[A64_ACCESS_LOG_MAX];
} a64_access_log;

/* Record a completed access of len bytes at va (data as it moved), cut
 * into pieces of at most 8 bytes, each a power of two. */
void a64_access_log_add(a64_access_log *log, uint64_t va, unsigned len, bool write, const void *data);

#endif
