/* tests/test_atomic.c: the LSE atomics: every LD<op>/SWP at each size, the
 * ST<op> aliases, CAS and CASP, faults and FEAT_LSE gating. Capstone 4 does
 * not know FEAT_LSE: each word carries llvm-mc's text in a comment. */
#include "ldst_testrows.h"

/* Each op at 8, 16, 32, 64 bits. Old values and Rs are chosen so signed and
 * unsigned order disagree (0xf0 vs 0x3c, 0x8001 vs 0x7fff, ...) and Rs has
 * garbage above the access size, which must be ignored; Rt gets the old
 * value zero-extended; memory beyond the access is untouched. */
static const ldst_row ldop_rows[] = {
    // ldaddalb w4, w1, [x2]
    { 0x38e40041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaa2c) } },
    // ldaddah w4, w1, [x2]
    { 0x78a40041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb0000) } },
    // ldaddl w4, w1, [x2]
    { 0xb8640041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xcccccccc00000001) } },
    // ldadd x4, x1, [x2]
    { 0xf8240041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000008) } },
    // ldclralb w4, w1, [x2]
    { 0x38e41041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaac0) } },
    // ldclrah w4, w1, [x2]
    { 0x78a41041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb8000) } },
    // ldclrl w4, w1, [x2]
    { 0xb8641041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xccccccccfffffffc) } },
    // ldclr x4, x1, [x2]
    { 0xf8241041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000004) } },
    // ldeoralb w4, w1, [x2]
    { 0x38e42041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaacc) } },
    // ldeorah w4, w1, [x2]
    { 0x78a42041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbbfffe) } },
    // ldeorl w4, w1, [x2]
    { 0xb8642041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xccccccccfffffffd) } },
    // ldeor x4, x1, [x2]
    { 0xf8242041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000006) } },
    // ldsetalb w4, w1, [x2]
    { 0x38e43041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaafc) } },
    // ldsetah w4, w1, [x2]
    { 0x78a43041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbbffff) } },
    // ldsetl w4, w1, [x2]
    { 0xb8643041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xccccccccffffffff) } },
    // ldset x4, x1, [x2]
    { 0xf8243041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000007) } },
    // ldsmaxalb w4, w1, [x2]
    { 0x38e44041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaa3c) } },
    // ldsmaxah w4, w1, [x2]
    { 0x78a44041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb7fff) } },
    // ldsmaxl w4, w1, [x2]
    { 0xb8644041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xcccccccc00000003) } },
    // ldsmax x4, x1, [x2]
    { 0xf8244041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x3) } },
    // ldsminalb w4, w1, [x2]
    { 0x38e45041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaaf0) } },
    // ldsminah w4, w1, [x2]
    { 0x78a45041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb8001) } },
    // ldsminl w4, w1, [x2]
    { 0xb8645041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xccccccccfffffffe) } },
    // ldsmin x4, x1, [x2]
    { 0xf8245041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000005) } },
    // ldumaxalb w4, w1, [x2]
    { 0x38e46041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaaf0) } },
    // ldumaxah w4, w1, [x2]
    { 0x78a46041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb8001) } },
    // ldumaxl w4, w1, [x2]
    { 0xb8646041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xccccccccfffffffe) } },
    // ldumax x4, x1, [x2]
    { 0xf8246041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x8000000000000005) } },
    // lduminalb w4, w1, [x2]
    { 0x38e47041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaa3c) } },
    // lduminah w4, w1, [x2]
    { 0x78a47041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb7fff) } },
    // lduminl w4, w1, [x2]
    { 0xb8647041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xcccccccc00000003) } },
    // ldumin x4, x1, [x2]
    { 0xf8247041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x3) } },
    // swpalb w4, w1, [x2]
    { 0x38e48041, NULL, .in = { R(2, D), R(4, 0x123456789abcde3c) },
      .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) }, .out = { R(1, 0xf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaa3c) } },
    // swpah w4, w1, [x2]
    { 0x78a48041, NULL, .in = { R(2, D), R(4, 0x5a5a5a5a5a5a7fff) },
      .mem = { M8(D, 0xbbbbbbbbbbbb8001) }, .out = { R(1, 0x8001) },
      .mout = { M8(D, 0xbbbbbbbbbbbb7fff) } },
    // swpl w4, w1, [x2]
    { 0xb8648041, NULL, .in = { R(2, D), R(4, 0xdeadbeef00000003) },
      .mem = { M8(D, 0xccccccccfffffffe) }, .out = { R(1, 0xfffffffe) },
      .mout = { M8(D, 0xcccccccc00000003) } },
    // swp x4, x1, [x2]
    { 0xf8248041, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .out = { R(1, 0x8000000000000005) }, .mout = { M8(D, 0x3) } },
    // staddlb w4, [x2]
    { 0x3864005f, NULL, .in = { R(2, D), R(4, 0x3c) }, .mem = { M8(D, 0xaaaaaaaaaaaaaaf0) },
      .mout = { M8(D, 0xaaaaaaaaaaaaaa2c) } },
    // stsmaxlh w4, [x2]
    { 0x7864405f, NULL, .in = { R(2, D), R(4, 0x7fff) }, .mem = { M8(D, 0x8001) },
      .mout = { M8(D, 0x7fff) } },
    // stuminl w4, [x2]
    { 0xb864705f, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0xfffffffe) },
      .mout = { M8(D, 0x3) } },
    // steorl x4, [x2]
    { 0xf864205f, NULL, .in = { R(2, D), R(4, 0x3) }, .mem = { M8(D, 0x8000000000000005) },
      .mout = { M8(D, 0x8000000000000006) } },
    // ldadd x4, x1, [x2]
    { 0xf8240041, NULL, .in = { R(2, D), R(4, 0x2) }, .mem = { M8(D, 0xffffffffffffffff) },
      .out = { R(1, 0xffffffffffffffff) }, .mout = { M8(D, 0x1) } },
    // the reverse order: old positive, Rs negative
    // ldsmin x4, x1, [x2]
    { 0xf8245041, NULL, .in = { R(2, D), R(4, 0xfffffffffffffffe) }, .mem = { M8(D, 5) },
      .out = { R(1, 5) }, .mout = { M8(D, 0xfffffffffffffffe) } },
    // ldumin x4, x1, [x2]
    { 0xf8247041, NULL, .in = { R(2, D), R(4, 0xfffffffffffffffe) }, .mem = { M8(D, 5) },
      .out = { R(1, 5) }, .mout = { M8(D, 5) } },
    // ldsmax x4, x1, [x2]
    { 0xf8244041, NULL, .in = { R(2, D), R(4, 0xfffffffffffffffe) }, .mem = { M8(D, 5) },
      .out = { R(1, 5) }, .mout = { M8(D, 5) } },
    // ldumax x4, x1, [x2]
    { 0xf8246041, NULL, .in = { R(2, D), R(4, 0xfffffffffffffffe) }, .mem = { M8(D, 5) },
      .out = { R(1, 5) }, .mout = { M8(D, 0xfffffffffffffffe) } },
    // ldadd x4, x1, [sp]
    { 0xf82403e1, NULL, .in = { R(REG_SP, D), R(4, 0x10) }, .mem = { M8(D, 0x20) },
      .out = { R(1, 0x20) }, .mout = { M8(D, 0x30) } },
    // ldaddb w4, w1, [x2] at an odd address (bytes are always aligned)
    { 0x38240041, NULL, .in = { R(2, D + 3), R(4, 1) }, .mem = { M8(D, 0x11223344) },
      .out = { R(1, 0x11) }, .mout = { M8(D, 0x12223344) } },
};

/* CAS: memory takes Rt only when it equals Rs (at the access size); Rs
 * always receives the old value, zero-extended. */
static const ldst_row cas_rows[] = {
    // cas x4, x1, [x2]: equal
    { 0xc8a47c41, NULL, .in = { R(1, 0x2222), R(2, D), R(4, 0x1111) }, .mem = { M8(D, 0x1111) },
      .out = { R(4, 0x1111) }, .mout = { M8(D, 0x2222) } },
    // cas x4, x1, [x2]: different, nothing written
    { 0xc8a47c41, NULL, .in = { R(1, 0x2222), R(2, D), R(4, 0x1112) }, .mem = { M8(D, 0x1111) },
      .out = { R(4, 0x1111) }, .mout = { M8(D, 0x1111) } },
    // casb w4, w1, [x2]: only the low byte of Rs compares
    { 0x08a47c41, NULL, .in = { R(1, 0x1234), R(2, D + 1), R(4, 0xffffff80) },
      .mem = { M8(D, 0x5555555555558055) }, .out = { R(4, 0x80) },
      .mout = { M8(D, 0x5555555555553455) } },
    // cash w4, w1, [x2]: different
    { 0x48a47c41, NULL, .in = { R(1, 0x1234), R(2, D), R(4, 0x8000) },
      .mem = { M8(D, 0x77778001) }, .out = { R(4, 0x8001) }, .mout = { M8(D, 0x77778001) } },
    // casa w4, w1, [x2]: equal, Rs has garbage above bit 31
    { 0x88e47c41, NULL, .in = { R(1, 0xaaaaaaaa87654321), R(2, D), R(4, 0xffffffff00001111) },
      .mem = { M8(D, 0x9999999900001111) }, .out = { R(4, 0x1111) },
      .mout = { M8(D, 0x9999999987654321) } },
    // casal w4, w1, [x2]: different
    { 0x88e4fc41, NULL, .in = { R(1, 0x5), R(2, D), R(4, 0xfffffffe) },
      .mem = { M8(D, 0xffffffff) }, .out = { R(4, 0xffffffff) }, .mout = { M8(D, 0xffffffff) } },
    // casl x4, x1, [x2]: equal
    { 0xc8a4fc41, NULL, .in = { R(1, 0x5), R(2, D), R(4, 0x8000000000000000) },
      .mem = { M8(D, 0x8000000000000000) }, .out = { R(4, 0x8000000000000000) },
      .mout = { M8(D, 0x5) } },
    // cas xzr, x1, [x2]: compares with zero, the old value is discarded
    { 0xc8bf7c41, NULL, .in = { R(1, 0x77), R(2, D) }, .mout = { M8(D, 0x77) } },
    { 0xc8bf7c41, NULL, .in = { R(1, 0x77), R(2, D) }, .mem = { M8(D, 3) }, .mout = { M8(D, 3) } },
};

#define P0 0x1111111111111111
#define P1 0x2222222222222222
/* CASP: both halves must match; Rs, Rs+1 get the old pair. */
static const ldst_row casp_rows[] = {
    // casp x4, x5, x6, x7, [x2]: equal
    { 0x48247c46, NULL, .in = { R(2, D), R(4, P0), R(5, P1), R(6, 0x66), R(7, 0x77) },
      .mem = { M8(D, P0), M8(D + 8, P1) }, .mout = { M8(D, 0x66), M8(D + 8, 0x77) } },
    // caspal x4, x5, x6, x7, [x2]: the high half differs
    { 0x4864fc46, NULL, .in = { R(2, D), R(4, P0), R(5, P1 + 1), R(6, 0x66), R(7, 0x77) },
      .mem = { M8(D, P0), M8(D + 8, P1) }, .out = { R(5, P1) },
      .mout = { M8(D, P0), M8(D + 8, P1) } },
    // casp w4, w5, w6, w7, [x2]: equal, 32-bit halves of one doubleword
    { 0x08247c46, NULL,
      .in = { R(2, D), R(4, 0xffffffff11111111), R(5, 0x22222222), R(6, 0x99999999a6a6a6a6),
              R(7, 0x7b7b7b7b) },
      .mem = { M8(D, 0x2222222211111111) }, .out = { R(4, 0x11111111) },
      .mout = { M8(D, 0x7b7b7b7ba6a6a6a6), M8(D + 8, 0) } },
    // caspa w4, w5, w6, w7, [x2]: the low half differs
    { 0x08647c46, NULL, .in = { R(2, D), R(4, 0x11111112), R(5, 0x22222222), R(6, 1), R(7, 2) },
      .mem = { M8(D, 0x2222222211111111) }, .out = { R(4, 0x11111111) },
      .mout = { M8(D, 0x2222222211111111) } },
    // casp x30, xzr, x6, x7, [x2]: the pair's odd register is XZR
    { 0x483e7c46, NULL, .in = { R(2, D), R(30, P0), R(6, 0x66), R(7, 0x77) },
      .mem = { M8(D, P0), M8(D + 8, 0) }, .mout = { M8(D, 0x66), M8(D + 8, 0x77) } },
    // casp x5, x6, ... and casp x4, x5, x7, x8, ...: odd registers are UNDEFINED
    { 0x48257c46, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0x48247c47, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) },
};

/* Atomics must be aligned; they read first, so faults report WnR = 0. */
static const ldst_row fault_rows[] = {
    // ldadd x4, x1, [x2]
    { 0xf8240041, NULL, .in = { R(2, D + 4) }, .mem = { M8(D, 1) }, .mout = { M8(D, 1) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    // ldaddh w4, w1, [x2]
    { 0x78240041, NULL, .in = { R(2, D + 1) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 1) },
    // casa w4, w1, [x2]
    { 0x88e47c41, NULL, .in = { R(2, D + 2) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 2) },
    // casp x4, x5, x6, x7, [x2]: a pair of X registers needs 16-byte alignment
    { 0x48247c46, NULL, .in = { R(2, D + 8) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 8) },
    // swp x4, x1, [x2] to unmapped memory
    { 0xf8248041, NULL, .in = { R(2, 0x10) }, FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
    // cas x4, x1, [x2] to unmapped memory
    { 0xc8a47c41, NULL, .in = { R(2, 0x10) }, FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
};

static void no_lse(testcpu *t) { t->cpu.feat &= ~FEAT_BIT(FEAT_LSE); }
static void set_sa(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA; }

/* Without FEAT_LSE (an ARMv8.0 model) every row is UNDEFINED. */
static const ldst_row no_lse_rows[] = {
    { 0xf8240041, NULL, .in = { R(2, D) }, .mem = { M8(D, 1) }, .mout = { M8(D, 1) },
      FAULT(EC_UNKNOWN, 0, 0) },
    { 0xf8248041, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0xc8a47c41, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0x48247c46, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) },
};

static const ldst_row sa_rows[] = {
    // ldadd x4, x1, [sp]
    { 0xf82403e1, NULL, .in = { R(REG_SP, D + 8) }, FAULT(EC_SP_ALIGN, 0, 0) },
};

static void test_ldop(void **state) { (void)state; TR_RUN(ldop_rows, NULL); }
static void test_cas(void **state) { (void)state; TR_RUN(cas_rows, NULL); }
static void test_casp(void **state) { (void)state; TR_RUN(casp_rows, NULL); }
static void test_faults(void **state) { (void)state; TR_RUN(fault_rows, NULL); }
static void test_no_lse(void **state) { (void)state; TR_RUN(no_lse_rows, no_lse); }
static void test_sp_align(void **state) { (void)state; TR_RUN(sa_rows, set_sa); }

/* Every LSE row of insns_ldst.def (llvm-mc encodings). */
static const decode_row decode_rows[] = {
    { 0x08e4fc41, NULL, OP_CASB }, // casalb w4, w1, [x2]
    { 0x48e4fc41, NULL, OP_CASH }, // casalh w4, w1, [x2]
    { 0x88e4fc41, NULL, OP_CAS_w }, // casal w4, w1, [x2]
    { 0xc8e4fc41, NULL, OP_CAS_x }, // casal x4, x1, [x2]
    { 0x0824fc46, NULL, OP_CASP_w }, // caspl w4, w5, w6, w7, [x2]
    { 0x4824fc46, NULL, OP_CASP_x }, // caspl x4, x5, x6, x7, [x2]
    { 0x38a40041, NULL, OP_LDADDB }, // ldaddab w4, w1, [x2]
    { 0x78a40041, NULL, OP_LDADDH }, // ldaddah w4, w1, [x2]
    { 0xb8a40041, NULL, OP_LDADD_w }, // ldadda w4, w1, [x2]
    { 0xf8a40041, NULL, OP_LDADD_x }, // ldadda x4, x1, [x2]
    { 0x38a41041, NULL, OP_LDCLRB }, // ldclrab w4, w1, [x2]
    { 0x78a41041, NULL, OP_LDCLRH }, // ldclrah w4, w1, [x2]
    { 0xb8a41041, NULL, OP_LDCLR_w }, // ldclra w4, w1, [x2]
    { 0xf8a41041, NULL, OP_LDCLR_x }, // ldclra x4, x1, [x2]
    { 0x38a42041, NULL, OP_LDEORB }, // ldeorab w4, w1, [x2]
    { 0x78a42041, NULL, OP_LDEORH }, // ldeorah w4, w1, [x2]
    { 0xb8a42041, NULL, OP_LDEOR_w }, // ldeora w4, w1, [x2]
    { 0xf8a42041, NULL, OP_LDEOR_x }, // ldeora x4, x1, [x2]
    { 0x38a43041, NULL, OP_LDSETB }, // ldsetab w4, w1, [x2]
    { 0x78a43041, NULL, OP_LDSETH }, // ldsetah w4, w1, [x2]
    { 0xb8a43041, NULL, OP_LDSET_w }, // ldseta w4, w1, [x2]
    { 0xf8a43041, NULL, OP_LDSET_x }, // ldseta x4, x1, [x2]
    { 0x38a44041, NULL, OP_LDSMAXB }, // ldsmaxab w4, w1, [x2]
    { 0x78a44041, NULL, OP_LDSMAXH }, // ldsmaxah w4, w1, [x2]
    { 0xb8a44041, NULL, OP_LDSMAX_w }, // ldsmaxa w4, w1, [x2]
    { 0xf8a44041, NULL, OP_LDSMAX_x }, // ldsmaxa x4, x1, [x2]
    { 0x38a45041, NULL, OP_LDSMINB }, // ldsminab w4, w1, [x2]
    { 0x78a45041, NULL, OP_LDSMINH }, // ldsminah w4, w1, [x2]
    { 0xb8a45041, NULL, OP_LDSMIN_w }, // ldsmina w4, w1, [x2]
    { 0xf8a45041, NULL, OP_LDSMIN_x }, // ldsmina x4, x1, [x2]
    { 0x38a46041, NULL, OP_LDUMAXB }, // ldumaxab w4, w1, [x2]
    { 0x78a46041, NULL, OP_LDUMAXH }, // ldumaxah w4, w1, [x2]
    { 0xb8a46041, NULL, OP_LDUMAX_w }, // ldumaxa w4, w1, [x2]
    { 0xf8a46041, NULL, OP_LDUMAX_x }, // ldumaxa x4, x1, [x2]
    { 0x38a47041, NULL, OP_LDUMINB }, // lduminab w4, w1, [x2]
    { 0x78a47041, NULL, OP_LDUMINH }, // lduminah w4, w1, [x2]
    { 0xb8a47041, NULL, OP_LDUMIN_w }, // ldumina w4, w1, [x2]
    { 0xf8a47041, NULL, OP_LDUMIN_x }, // ldumina x4, x1, [x2]
    { 0x38a48041, NULL, OP_SWPB }, // swpab w4, w1, [x2]
    { 0x78a48041, NULL, OP_SWPH }, // swpah w4, w1, [x2]
    { 0xb8a48041, NULL, OP_SWP_w }, // swpa w4, w1, [x2]
    { 0xf8a48041, NULL, OP_SWP_x }, // swpa x4, x1, [x2]
};

static void test_decode(void **state)
{
    (void)state;
    TR_DECODE(decode_rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_ldop),
        cmocka_unit_test(test_cas),
        cmocka_unit_test(test_casp),
        cmocka_unit_test(test_faults),
        cmocka_unit_test(test_no_lse),
        cmocka_unit_test(test_sp_align),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
