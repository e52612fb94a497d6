/* isa/access_log.c: recording the data accesses of instructions into an
 * attached a64_access_log, in pieces a trace format can show. */
#include "access_log.h"

#include <string.h>

void a64_access_log_add(a64_access_log *log, uint64_t va, unsigned len, bool write, const void *data)
{
    const uint8_t *p = data;
    for (unsigned off = 0; off < len;) {
        unsigned size = 8;
        while (size > len - off)
            size >>= 1; // the largest power of two that is left
        if (log->n == A64_ACCESS_LOG_MAX) {
            log->dropped++;
        } else {
            a64_access *a = &log->a[log->n++];
            a->va = va + off;
            a->value = 0;
            memcpy(&a->value, p + off, size); // little-endian host (ldst.h)
            a->size = (uint8_t)size;
            a->write = write;
        }
        off += size;
    }
}
