/* tests/diff/gen.h: random A64 instruction sequences built from encoding
 * templates, with the initial state both sides of the diff test start from. */
#ifndef DIFF_GEN_H
#define DIFF_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "diffrec.h"

/* Which instruction groups a sequence may contain (bits of gen_opts.groups). */
enum {
    GEN_DP = 1u << 0,     /* data processing, immediate and register */
    GEN_BRANCH = 1u << 1, /* forward branches, BL/BLR to subroutines */
    GEN_LDST = 1u << 2,   /* general-register loads and stores */
    GEN_SIMD = 1u << 3,   /* FP/SIMD register loads and stores */
    GEN_ATOMIC = 1u << 4, /* exclusives, acquire/release, LSE atomics */
    GEN_CRC = 1u << 5,    /* CRC32* among the data processing (needs GEN_DP) */
    GEN_SYS = 1u << 6,    /* hints, barriers, CLREX, TPIDR_EL0, BRK/ERET/UDF */
    GEN_ALL = 0x7f,
};

typedef struct gen_opts {
    unsigned groups;    /* GEN_* bits */
    bool aligned_only;  /* every data access naturally aligned */
} gen_opts;

/* One sequence and the state it starts from. The code ends with a
 * `b DR_EXIT` (at word `nbody`), followed by the subroutines BL calls. */
typedef struct dseq {
    uint64_t code_addr;
    unsigned ncode, nbody;
    uint32_t code[DR_MAX_CODE];
    uint64_t x[31];
    uint64_t nzcv;
    uint64_t v[32][2];
    uint8_t data[DR_DATA_SIZE];
} dseq;

/* Sequence `index` of the stream `seed`: depends on nothing else, so one
 * failing sequence can be regenerated alone. */
void gen_seq(uint64_t seed, unsigned index, const gen_opts *o, dseq *out);

/* Registers a sequence never writes except by base writeback (x24..x28:
 * index and base registers keeping data accesses inside the window). */
#define GEN_FIRST_RESERVED 24
#define GEN_LAST_RESERVED 28

#endif
