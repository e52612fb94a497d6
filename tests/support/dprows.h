/* tests/support/dprows.h: the table-row runner shared by the data-
 * processing tests: each row runs one word on a fresh CPU and checks that
 * only its destination (and NZCV) changed. */
#ifndef DPROWS_H
#define DPROWS_H

#include <stddef.h>
#include <stdint.h>

/* Each row runs on a fresh CPU at EL1 (SPSel = 1) with x0..x3 from the
 * row, every other register holding a sentinel and SP = SP_INIT. After
 * the step, only `rd` (RD_SP: the stack pointer, RD_NONE: nothing, as for
 * an XZR destination) may differ, and NZCV must be `nzcv_want`. NZCV
 * values are nibbles: 8 N, 4 Z, 2 C, 1 V. */
#define G UINT64_C(0xdeadbeefcafef00d) /* an input the instruction ignores */
#define SP_INIT UINT64_C(0x40090000)
#define ALL1 UINT64_C(0xffffffffffffffff)
#define RD_NONE 31
#define RD_SP 32

typedef struct dp_case {
    unsigned op;     /* the row of insns.def the word must decode to */
    uint32_t word;
    const char *text; /* Capstone's text for word */
    uint64_t x[4];   /* x0..x3 before */
    unsigned nzcv;
    unsigned rd;
    uint64_t want;
    unsigned nzcv_want;
} dp_case;

/* Unallocated words: UNDEFINED, taken to EL1 at the current-EL SPx vector
 * with EC 0, nothing else changed. `op` says which mechanism rejects the
 * word: a row's handler, or OP_UNALLOCATED when no row matches. Capstone
 * must not know the word either (a cross-check that it is unallocated). */
typedef struct undef_case {
    unsigned op;
    uint32_t word;
    const char *why;
} undef_case;

void run_cases(const dp_case *cases, size_t n);
void run_undef(const undef_case *cases, size_t n);

#define RUN(tab) run_cases(tab, sizeof tab / sizeof tab[0])

#endif
