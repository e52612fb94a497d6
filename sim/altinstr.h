/* sim/altinstr.h: a Linux image's alternatives (.altinstructions): the code
 * patched for the CPU's capabilities, as the kernel does at boot. */
#ifndef SIM_ALTINSTR_H
#define SIM_ALTINSTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim_machine;

#define ALT_ENTRY_SIZE 12u
#define ALT_CB_BIT 0x8000u /* 6.x: a callback alternative (capability | bit 15) */

/* One entry of struct alt_instr, with both addresses resolved. */
typedef struct alt_entry {
    uint64_t orig, alt;
    uint16_t cap;
    uint8_t orig_len, alt_len;
} alt_entry;

/* Entry i of the table at [start, end) (read from the loaded image). */
bool alt_read(struct sim_machine *m, uint64_t start, uint64_t end, size_t i, alt_entry *e);

#define ALT_MAX_CALLBACKS 64

/* A callback alternative left in its default form, and its sites. */
typedef struct alt_callback {
    char name[64];
    size_t count;
} alt_callback;

typedef struct alt_stats {
    size_t total, patched, callbacks, other; /* other: capabilities not applied */
    alt_callback cb[ALT_MAX_CALLBACKS];      /* by first appearance */
    size_t ncb;
} alt_stats;

/* Patch every entry whose capability is in caps[0..ncaps) the way the
 * kernel does: copy the replacement over the original, retargeting
 * branches and ADRPs that leave it. Callback alternatives stay in their
 * default form: st names each callback once, with its number of sites. */
bool alt_apply(struct sim_machine *m, uint64_t start, uint64_t end, const uint16_t *caps,
               size_t ncaps, alt_stats *st, char *err, size_t len);

#endif
