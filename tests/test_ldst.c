/* tests/test_ldst.c: general-register single loads and stores: every size
 * and extension, each addressing form, write-back, faults and SP checks. */
#include "ldst_testrows.h"

/* Memory image: bytes 88 97 a6 b5 c4 d3 e2 f1 at D (negative when
 * sign-extended), then 01 02 .. 08 at D + 8. */
#define MEMA M8(D, 0xf1e2d3c4b5a69788), M8(D + 8, 0x0807060504030201)
#define X2 R(2, 0x1122334455667788)

/* Unsigned offset: sizes, sign extension, SP base, largest offsets. */
static const ldst_row uimm_rows[] = {
    { 0x39400420, "ldrb w0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, 0x97) } },
    { 0x39800420, "ldrsb x0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffff97) } },
    { 0x39c00420, "ldrsb w0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffff97) } },
    { 0x39802020, "ldrsb x0, [x1, #8]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, 0x01) } },
    { 0x79400420, "ldrh w0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xb5a6) } },
    { 0x79800420, "ldrsh x0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffb5a6) } },
    { 0x79c00420, "ldrsh w0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffb5a6) } },
    { 0xb9400420, "ldr w0, [x1, #4]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4) } },
    { 0xb9800420, "ldrsw x0, [x1, #4]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xfffffffff1e2d3c4) } },
    { 0xb9800820, "ldrsw x0, [x1, #8]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0x04030201) } },
    { 0xf9400420, "ldr x0, [x1, #8]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788) } },
    { 0xf9400be0, "ldr x0, [sp, #0x10]", .in = { R(REG_SP, D - 16) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788) } },
    // SCTLR_EL1.SA is clear at reset: a misaligned SP base is fine
    { 0xf94003e0, "ldr x0, [sp]", .in = { R(REG_SP, D + 8) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xb97ffc3e, "ldr w30, [x1, #0x3ffc]", .in = { R(1, D) },
      .mem = { M(D + 0x3ffc, 0x89abcdef, 4) }, .out = { R(30, 0x89abcdef) } },
    { 0xf97ffc83, "ldr x3, [x4, #0x7ff8]", .in = { R(4, D) },
      .mem = { M8(D + 0x7ff8, 0x1122334455667788) }, .out = { R(3, 0x1122334455667788) } },
    { 0xf940003f, "ldr xzr, [x1]", .in = { R(1, D) }, .mem = { MEMA } }, // XZR discards
    // unaligned (Normal memory), and across a page boundary
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, D + 3) }, .mem = { MEMA },
      .out = { R(0, 0x030201f1e2d3c4b5) } },
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, D + 0xffd) },
      .mem = { M8(D + 0xff8, 0xccbbaa0000000000), M8(D + 0x1000, 0xffeedd) },
      .out = { R(0, 0xffeeddccbbaa) } },
    { 0xb9400020, "ldr w0, [x1]", .in = { R(1, D + 0xffe) },
      .mem = { M8(D + 0xff8, 0xccbbaa0000000000), M8(D + 0x1000, 0xffeedd) },
      .out = { R(0, 0xeeddccbb) } },
    // stores write exactly their size
    { 0x39000c22, "strb w2, [x1, #3]", .in = { R(1, D), X2 }, .mout = { M8(D, 0x88000000) } },
    { 0x79000422, "strh w2, [x1, #2]", .in = { R(1, D), X2 }, .mout = { M8(D, 0x77880000) } },
    { 0xb9000422, "str w2, [x1, #4]", .in = { R(1, D), X2 },
      .mout = { M8(D, 0x5566778800000000) } },
    { 0xf9000422, "str x2, [x1, #8]", .in = { R(1, D), X2 },
      .mout = { M8(D, 0), M8(D + 8, 0x1122334455667788) } },
    { 0xf900003f, "str xzr, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .mout = { M8(D, 0), M8(D + 8, 0x0807060504030201) } },
    { 0xb90007e2, "str w2, [sp, #4]", .in = { R(REG_SP, D), X2 },
      .mout = { M8(D, 0x5566778800000000) } },
    { 0xf9000022, "str x2, [x1]", .in = { R(1, D + 0xffd), X2 },
      .mout = { M8(D + 0xff8, 0x6677880000000000), M8(D + 0x1000, 0x1122334455) } },
    // PRFM is a hint: an unmapped address does not fault
    { 0xf9800420, "prfm pldl1keep, [x1, #8]", .in = { R(1, 0x10) } },
    { 0xf98007f3, "prfm pstl2strm, [sp, #8]", .in = { R(REG_SP, D + 8) } },
};

/* Pre- and post-index: the address used and the value written back. */
static const ldst_row index_rows[] = {
    { 0xf8408c20, "ldr x0, [x1, #8]!", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201), R(1, D + 8) } },
    { 0xf8408420, "ldr x0, [x1], #8", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788), R(1, D + 8) } },
    { 0xf85f8c20, "ldr x0, [x1, #-8]!", .in = { R(1, D + 16) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201), R(1, D + 8) } },
    { 0xf8500420, "ldr x0, [x1], #0xffffffffffffff00", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788), R(1, D - 256) } },
    { 0xf84ffc20, "ldr x0, [x1, #0xff]!", .in = { R(1, D) },
      .mem = { M8(D + 0xff, 0x0123456789abcdef) },
      .out = { R(0, 0x0123456789abcdef), R(1, D + 0xff) } },
    { 0x38401c20, "ldrb w0, [x1, #1]!", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0x97), R(1, D + 1) } },
    { 0x38c01420, "ldrsb w0, [x1], #1", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffff88), R(1, D + 1) } },
    { 0x38801c20, "ldrsb x0, [x1, #1]!", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffff97), R(1, D + 1) } },
    { 0x785fe483, "ldrh w3, [x4], #0xfffffffffffffffe", .in = { R(4, D + 2) }, .mem = { MEMA },
      .out = { R(3, 0xb5a6), R(4, D) } },
    { 0x78802483, "ldrsh x3, [x4], #2", .in = { R(4, D + 2) }, .mem = { MEMA },
      .out = { R(3, 0xffffffffffffb5a6), R(4, D + 4) } },
    { 0x78c02c83, "ldrsh w3, [x4, #2]!", .in = { R(4, D) }, .mem = { MEMA },
      .out = { R(3, 0xffffb5a6), R(4, D + 2) } },
    { 0xb8404cc5, "ldr w5, [x6, #4]!", .in = { R(6, D) }, .mem = { MEMA },
      .out = { R(5, 0xf1e2d3c4), R(6, D + 4) } },
    { 0xb8804cc5, "ldrsw x5, [x6, #4]!", .in = { R(6, D) }, .mem = { MEMA },
      .out = { R(5, 0xfffffffff1e2d3c4), R(6, D + 4) } },
    { 0xb88044c5, "ldrsw x5, [x6], #4", .in = { R(6, D + 8) }, .mem = { MEMA },
      .out = { R(5, 0x04030201), R(6, D + 12) } },
    { 0xf84107e0, "ldr x0, [sp], #0x10", .in = { R(REG_SP, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788), R(REG_SP, D + 16) } },
    { 0xf81f0fe2, "str x2, [sp, #-0x10]!", .in = { R(REG_SP, D + 16), X2 },
      .out = { R(REG_SP, D) }, .mout = { M8(D, 0x1122334455667788) } },
    { 0x38001422, "strb w2, [x1], #1", .in = { R(1, D), X2 }, .out = { R(1, D + 1) },
      .mout = { M8(D, 0x88) } },
    { 0x781fec22, "strh w2, [x1, #-2]!", .in = { R(1, D + 2), X2 }, .out = { R(1, D) },
      .mout = { M8(D, 0x7788) } },
    { 0xb8004422, "str w2, [x1], #4", .in = { R(1, D), X2 }, .out = { R(1, D + 4) },
      .mout = { M8(D, 0x55667788) } },
    { 0xf81f8422, "str x2, [x1], #0xfffffffffffffff8", .in = { R(1, D + 8), X2 },
      .out = { R(1, D) }, .mout = { M8(D + 8, 0x1122334455667788) } },
    // Rn == Rt (CONSTRAINED UNPREDICTABLE): a load keeps the loaded value
    // (WBSUPPRESS), a store stores the original Rt (Constraint_NONE).
    // llvm-mc and Capstone reject the loads: ldr x1, [x1, #8]! / [x1], #8
    { 0xf8408c21, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(1, 0x0807060504030201) } },
    { 0xf8408421, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(1, 0xf1e2d3c4b5a69788) } },
    { 0xf8008c21, "str x1, [x1, #8]!", .in = { R(1, D) }, .out = { R(1, D + 8) },
      .mout = { M8(D + 8, D) } },
    { 0xf8008421, "str x1, [x1], #8", .in = { R(1, D) }, .out = { R(1, D + 8) },
      .mout = { M8(D, D) } },
};

/* Unscaled (LDUR/STUR) and unprivileged (LDTR/STTR) forms. */
static const ldst_row unscaled_rows[] = {
    { 0xf85ff020, "ldur x0, [x1, #-1]", .in = { R(1, D + 1) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788) } },
    { 0xb8403020, "ldur w0, [x1, #3]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xe2d3c4b5) } },
    { 0x389fd020, "ldursb x0, [x1, #-3]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffff97) } },
    { 0x38dfd020, "ldursb w0, [x1, #-3]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xffffff97) } },
    { 0x789fe020, "ldursh x0, [x1, #-2]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffb5a6) } },
    { 0x78dfe020, "ldursh w0, [x1, #-2]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xffffb5a6) } },
    { 0xb89fc020, "ldursw x0, [x1, #-4]", .in = { R(1, D + 8) }, .mem = { MEMA },
      .out = { R(0, 0xfffffffff1e2d3c4) } },
    { 0x78501020, "ldurh w0, [x1, #-0xff]", .in = { R(1, D + 0x101) }, .mem = { MEMA },
      .out = { R(0, 0xb5a6) } },
    { 0x384ff020, "ldurb w0, [x1, #0xff]", .in = { R(1, D - 0xfe) }, .mem = { MEMA },
      .out = { R(0, 0x97) } },
    { 0x381ff022, "sturb w2, [x1, #-1]", .in = { R(1, D + 1), X2 }, .mout = { M8(D, 0x88) } },
    { 0x78001022, "sturh w2, [x1, #1]", .in = { R(1, D), X2 }, .mout = { M8(D, 0x778800) } },
    { 0xb81fd022, "stur w2, [x1, #-3]", .in = { R(1, D + 3), X2 }, .mout = { M8(D, 0x55667788) } },
    { 0xf8005022, "stur x2, [x1, #5]", .in = { R(1, D), X2 },
      .mout = { M8(D, 0x6677880000000000), M8(D + 8, 0x1122334455) } },
    { 0xf89ff020, "prfum pldl1keep, [x1, #-1]", .in = { R(1, 0x10) } },
    { 0xf8408820, "ldtr x0, [x1, #8]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xb8404820, "ldtr w0, [x1, #4]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4) } },
    { 0x38401820, "ldtrb w0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, 0x97) } },
    { 0x78402820, "ldtrh w0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xb5a6) } },
    { 0x38801820, "ldtrsb x0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffff97) } },
    { 0x38c01820, "ldtrsb w0, [x1, #1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffff97) } },
    { 0x78802820, "ldtrsh x0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffffffb5a6) } },
    { 0x78c02820, "ldtrsh w0, [x1, #2]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffb5a6) } },
    { 0xb8804820, "ldtrsw x0, [x1, #4]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xfffffffff1e2d3c4) } },
    { 0xf81f8822, "sttr x2, [x1, #-8]", .in = { R(1, D + 8), X2 },
      .mout = { M8(D, 0x1122334455667788) } },
    { 0xb8004822, "sttr w2, [x1, #4]", .in = { R(1, D), X2 },
      .mout = { M8(D, 0x5566778800000000) } },
    { 0x38001822, "sttrb w2, [x1, #1]", .in = { R(1, D), X2 }, .mout = { M8(D, 0x8800) } },
    { 0x78002822, "sttrh w2, [x1, #2]", .in = { R(1, D), X2 }, .mout = { M8(D, 0x77880000) } },
};

/* Register offset: each extend, with and without the shift by size. */
static const ldst_row reg_rows[] = {
    { 0xf8626820, "ldr x0, [x1, x2]", .in = { R(1, D), R(2, 8) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xf8627820, "ldr x0, [x1, x2, lsl #3]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xf8625820, "ldr x0, [x1, w2, uxtw #3]", .in = { R(1, D), R(2, 0xffffffff00000001) },
      .mem = { MEMA }, .out = { R(0, 0x0807060504030201) } },
    { 0xf862d820, "ldr x0, [x1, w2, sxtw #3]", .in = { R(1, D + 16), R(2, 0xffffffff) },
      .mem = { MEMA }, .out = { R(0, 0x0807060504030201) } },
    { 0xf862e820, "ldr x0, [x1, x2, sxtx]", .in = { R(1, D + 16), R(2, 0xfffffffffffffff8) },
      .mem = { MEMA }, .out = { R(0, 0x0807060504030201) } },
    { 0xf862c820, "ldr x0, [x1, w2, sxtw]", .in = { R(1, D + 16), R(2, 0x12345678fffffff8) },
      .mem = { MEMA }, .out = { R(0, 0x0807060504030201) } },
    { 0xf8624820, "ldr x0, [x1, w2, uxtw]", .in = { R(1, D), R(2, 0xffffffff00000008) },
      .mem = { MEMA }, .out = { R(0, 0x0807060504030201) } },
    { 0x38626820, "ldrb w0, [x1, x2]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0x97) } },
    { 0x38627820, "ldrb w0, [x1, x2, lsl #0]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0x97) } },
    { 0x38a2c820, "ldrsb x0, [x1, w2, sxtw]", .in = { R(1, D + 2), R(2, 0xffffffff) },
      .mem = { MEMA }, .out = { R(0, 0xffffffffffffff97) } },
    { 0x38e24820, "ldrsb w0, [x1, w2, uxtw]", .in = { R(1, D), R(2, 0xabcdef0000000001) },
      .mem = { MEMA }, .out = { R(0, 0xffffff97) } },
    { 0x78625820, "ldrh w0, [x1, w2, uxtw #1]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0xb5a6) } },
    { 0x78e27820, "ldrsh w0, [x1, x2, lsl #1]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0xffffb5a6) } },
    { 0x78a2f820, "ldrsh x0, [x1, x2, sxtx #1]", .in = { R(1, D + 4), R(2, 0xffffffffffffffff) },
      .mem = { MEMA }, .out = { R(0, 0xffffffffffffb5a6) } },
    { 0xb862d820, "ldr w0, [x1, w2, sxtw #2]", .in = { R(1, D + 12), R(2, 0xfffffffe) },
      .mem = { MEMA }, .out = { R(0, 0xf1e2d3c4) } },
    { 0xb8a27820, "ldrsw x0, [x1, x2, lsl #2]", .in = { R(1, D), R(2, 1) }, .mem = { MEMA },
      .out = { R(0, 0xfffffffff1e2d3c4) } },
    { 0x38226820, "strb w0, [x1, x2]", .in = { R(0, 0xabcd), R(1, D), R(2, 3) },
      .mout = { M8(D, 0xcd000000) } },
    { 0x7822d820, "strh w0, [x1, w2, sxtw #1]",
      .in = { R(0, 0xabcd), R(1, D + 4), R(2, 0xffffffff) }, .mout = { M8(D, 0xabcd0000) } },
    { 0xb8227820, "str w0, [x1, x2, lsl #2]", .in = { R(0, 0x11223344aabbccdd), R(1, D), R(2, 1) },
      .mout = { M8(D, 0xaabbccdd00000000) } },
    { 0xf822d820, "str x0, [x1, w2, sxtw #3]",
      .in = { R(0, 0x1122334455667788), R(1, D + 16), R(2, 0xfffffffe) },
      .mout = { M8(D, 0x1122334455667788) } },
    { 0xf8626be0, "ldr x0, [sp, x2]", .in = { R(REG_SP, D), R(2, 8) }, .mem = { MEMA },
      .out = { R(0, 0x0807060504030201) } },
    { 0xf8a26820, "prfm pldl1keep, [x1, x2]", .in = { R(1, 0x10), R(2, 8) } },
    // option<1> == 0 is unallocated: UNDEFINED (ldr x0, [x1, w2, uxtw] and
    // sxtw with option<1> cleared; Capstone rejects them too)
    { 0xf8620820, NULL, .in = { R(1, D) }, .mem = { MEMA }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0xf8628820, NULL, .in = { R(1, D) }, .mem = { MEMA }, FAULT(EC_UNKNOWN, 0, 0) },
    // ldrsb x0, [x1, w2, uxtw] with option 000
    { 0x38a20820, NULL, .in = { R(1, D) }, .mem = { MEMA }, FAULT(EC_UNKNOWN, 0, 0) },
};

/* Literal: PC-relative (the word is at TC_CODE). */
static const ldst_row lit_rows[] = {
    { 0x58000040, "ldr x0, #0x1008", .mem = { M8(TC_CODE + 8, 0xf1e2d3c4b5a69788) },
      .out = { R(0, 0xf1e2d3c4b5a69788) } },
    { 0x18000060, "ldr w0, #0x100c", .mem = { M8(TC_CODE + 8, 0xf1e2d3c4b5a69788) },
      .out = { R(0, 0xf1e2d3c4) } },
    { 0x98000040, "ldrsw x0, #0x1008", .mem = { M8(TC_CODE + 8, 0xf1e2d3c4b5a69788) },
      .out = { R(0, 0xffffffffb5a69788) } },
    { 0xd8000040, "prfm pldl1keep, #0x1008", .exc = false }, // changes nothing
};

/* Faults: external aborts change no register (no write-back either). */
static const ldst_row fault_rows[] = {
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
    { 0xf9000020, "str x0, [x1]", .in = { R(1, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), 0x10) },
    { 0x38408c20, "ldrb w0, [x1, #8]!", .in = { R(1, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x18) },
    { 0xf8008420, "str x0, [x1], #8", .in = { R(1, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), 0x10) },
    { 0xf8626820, "ldr x0, [x1, x2]", .in = { R(1, 0x8), R(2, 8) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
    // the end of RAM: the access crosses into an unmapped page, whose first
    // byte is where the (byte by byte) access faults
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, TC_RAM_BASE + TC_RAM_SIZE - 3) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), TC_RAM_BASE + TC_RAM_SIZE) },
    { 0xf9000020, "str x0, [x1]", .in = { R(1, TC_RAM_BASE + TC_RAM_SIZE - 3) },
      .mem = { M8(TC_RAM_BASE + TC_RAM_SIZE - 8, 0x1111111111111111) },
      .mout = { M8(TC_RAM_BASE + TC_RAM_SIZE - 8, 0x1111111111111111) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), TC_RAM_BASE + TC_RAM_SIZE) },
};

static void set_sa(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA; }
static void set_a(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_A; }

/* With SCTLR_EL1.SA: an SP base not 16-aligned faults (EC 0x26), checked
 * on SP itself, before the offset; PRFM is exempt. */
static const ldst_row sa_rows[] = {
    { 0xf94003e0, "ldr x0, [sp]", .in = { R(REG_SP, D + 8) }, .mem = { MEMA },
      FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xf94007e0, "ldr x0, [sp, #8]", .in = { R(REG_SP, D + 8) }, .mem = { MEMA },
      FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xf81f0fe0, "str x0, [sp, #-0x10]!", .in = { R(REG_SP, D + 8) }, .mout = { M8(D - 8, 0) },
      FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xf94003e0, "ldr x0, [sp]", .in = { R(REG_SP, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4b5a69788) } },
    { 0xf98003e0, "prfm pldl1keep, [sp]", .in = { R(REG_SP, D + 8) } },
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, D + 3) }, .mem = { MEMA },
      .out = { R(0, 0x030201f1e2d3c4b5) } },
};

/* With SCTLR_EL1.A: ordinary accesses must be aligned to their size. */
static const ldst_row a_rows[] = {
    { 0xf9400020, "ldr x0, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    { 0xb9400020, "ldr w0, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4) } },
    { 0xf9000020, "str x0, [x1]", .in = { R(1, D + 1) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_ALIGNMENT), D + 1) },
};

static void test_uimm(void **state) { (void)state; TR_RUN(uimm_rows, NULL); }
static void test_index(void **state) { (void)state; TR_RUN(index_rows, NULL); }
static void test_unscaled(void **state) { (void)state; TR_RUN(unscaled_rows, NULL); }
static void test_reg(void **state) { (void)state; TR_RUN(reg_rows, NULL); }
static void test_lit(void **state) { (void)state; TR_RUN(lit_rows, NULL); }
static void test_faults(void **state) { (void)state; TR_RUN(fault_rows, NULL); }
static void test_sp_align(void **state) { (void)state; TR_RUN(sa_rows, set_sa); }
static void test_sctlr_a(void **state) { (void)state; TR_RUN(a_rows, set_a); }

/* A negative literal offset, from a PC further into RAM. */
static void test_lit_negative(void **state)
{
    (void)state;
    tc_assert_disasm(0x58ffffc0, "ldr x0, #0xff8");
    testcpu *t = tr_cpu();
    t->cpu.pc = TC_CODE + 0x100;
    tc_write64(t, TC_CODE + 0xf8, 0x1234567890abcdef);
    tc_exec1(t, 0x58ffffc0);
    assert_int_equal(t->cpu.exc_taken, 0);
    assert_int_equal(t->cpu.x[0], 0x1234567890abcdef);
    tc_free(t);
}

/* EL0 checks SCTLR_EL1.SA0, not SA; the fault goes to EL1 (lower EL vector). */
static void test_sp_align_el0(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL0);
    a64_cpu *c = &t->cpu;
    c->sr[SR_SCTLR_EL1] |= SCTLR_SA; // SA alone does not check EL0
    c->sp_el[0] = D + 8;
    tc_exec1(t, 0xf94003e0); // ldr x0, [sp]
    assert_int_equal(c->exc_taken, 0);
    c->sr[SR_SCTLR_EL1] |= SCTLR_SA0;
    c->pc = TC_CODE;
    tc_exec1(t, 0xf94003e0);
    assert_int_equal(c->exc_taken, 1);
    assert_int_equal(c->pc, TC_VBAR + 0x400);
    assert_int_equal(syn_ec((uint32_t)c->sr[SR_ESR_EL1]), EC_SP_ALIGN);
    tc_free(t);
}

/* EL2 checks SCTLR_EL2.SA; EL0 in the EL2&0 host regime (E2H = TGE = 1)
 * checks SCTLR_EL2.SA0 and faults to EL2. */
static void test_sp_align_el2(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    a64_cpu *c = &t->cpu;
    c->sr[SR_SCTLR_EL1] |= SCTLR_SA;
    c->sp_el[2] = D + 4;
    tc_exec1(t, 0xf94003e0);
    assert_int_equal(c->exc_taken, 0);
    c->sr[SR_SCTLR_EL2] |= SCTLR_SA;
    c->pc = TC_CODE;
    tc_exec1(t, 0xf94003e0);
    assert_int_equal(c->pc, TC_VBAR + 0x200);
    assert_int_equal(syn_ec((uint32_t)c->sr[SR_ESR_EL2]), EC_SP_ALIGN);
    tc_free(t);

    t = tc_new(A64_EL0);
    c = &t->cpu;
    c->feat |= FEAT_BIT(FEAT_VHE);
    c->sr[SR_HCR_EL2] |= HCR_EL2_E2H | HCR_EL2_TGE;
    c->sr[SR_SCTLR_EL2] |= SCTLR_SA0;
    c->sp_el[0] = D + 8;
    tc_exec1(t, 0xf94003e0);
    assert_int_equal(c->ps.el, A64_EL2);
    assert_int_equal(c->pc, TC_VBAR + 0x400);
    assert_int_equal(syn_ec((uint32_t)c->sr[SR_ESR_EL2]), EC_SP_ALIGN);
    tc_free(t);
}

/* Every single-register row of insns_ldst.def, from an llvm-mc encoding. */
static const decode_row decode_rows[] = {
    { 0x39002041, "strb w1, [x2, #8]", OP_STRB_uimm },
    { 0x39402041, "ldrb w1, [x2, #8]", OP_LDRB_uimm },
    { 0x39802041, "ldrsb x1, [x2, #8]", OP_LDRSB_x_uimm },
    { 0x39c02041, "ldrsb w1, [x2, #8]", OP_LDRSB_w_uimm },
    { 0x79001041, "strh w1, [x2, #8]", OP_STRH_uimm },
    { 0x79401041, "ldrh w1, [x2, #8]", OP_LDRH_uimm },
    { 0x79801041, "ldrsh x1, [x2, #8]", OP_LDRSH_x_uimm },
    { 0x79c01041, "ldrsh w1, [x2, #8]", OP_LDRSH_w_uimm },
    { 0xb9000841, "str w1, [x2, #8]", OP_STR_w_uimm },
    { 0xb9400841, "ldr w1, [x2, #8]", OP_LDR_w_uimm },
    { 0xb9800841, "ldrsw x1, [x2, #8]", OP_LDRSW_uimm },
    { 0xf9000441, "str x1, [x2, #8]", OP_STR_x_uimm },
    { 0xf9400441, "ldr x1, [x2, #8]", OP_LDR_x_uimm },
    { 0xf9800440, "prfm pldl1keep, [x2, #8]", OP_PRFM_uimm },
    { 0x381fdc41, "strb w1, [x2, #-3]!", OP_STRB_pre },
    { 0x385fdc41, "ldrb w1, [x2, #-3]!", OP_LDRB_pre },
    { 0x389fdc41, "ldrsb x1, [x2, #-3]!", OP_LDRSB_x_pre },
    { 0x38dfdc41, "ldrsb w1, [x2, #-3]!", OP_LDRSB_w_pre },
    { 0x781fdc41, "strh w1, [x2, #-3]!", OP_STRH_pre },
    { 0x785fdc41, "ldrh w1, [x2, #-3]!", OP_LDRH_pre },
    { 0x789fdc41, "ldrsh x1, [x2, #-3]!", OP_LDRSH_x_pre },
    { 0x78dfdc41, "ldrsh w1, [x2, #-3]!", OP_LDRSH_w_pre },
    { 0xb81fdc41, "str w1, [x2, #-3]!", OP_STR_w_pre },
    { 0xb85fdc41, "ldr w1, [x2, #-3]!", OP_LDR_w_pre },
    { 0xb89fdc41, "ldrsw x1, [x2, #-3]!", OP_LDRSW_pre },
    { 0xf81fdc41, "str x1, [x2, #-3]!", OP_STR_x_pre },
    { 0xf85fdc41, "ldr x1, [x2, #-3]!", OP_LDR_x_pre },
    { 0x38005441, "strb w1, [x2], #5", OP_STRB_post },
    { 0x38405441, "ldrb w1, [x2], #5", OP_LDRB_post },
    { 0x38805441, "ldrsb x1, [x2], #5", OP_LDRSB_x_post },
    { 0x38c05441, "ldrsb w1, [x2], #5", OP_LDRSB_w_post },
    { 0x78005441, "strh w1, [x2], #5", OP_STRH_post },
    { 0x78405441, "ldrh w1, [x2], #5", OP_LDRH_post },
    { 0x78805441, "ldrsh x1, [x2], #5", OP_LDRSH_x_post },
    { 0x78c05441, "ldrsh w1, [x2], #5", OP_LDRSH_w_post },
    { 0xb8005441, "str w1, [x2], #5", OP_STR_w_post },
    { 0xb8405441, "ldr w1, [x2], #5", OP_LDR_w_post },
    { 0xb8805441, "ldrsw x1, [x2], #5", OP_LDRSW_post },
    { 0xf8005441, "str x1, [x2], #5", OP_STR_x_post },
    { 0xf8405441, "ldr x1, [x2], #5", OP_LDR_x_post },
    { 0x381f9041, "sturb w1, [x2, #-7]", OP_STURB },
    { 0x385f9041, "ldurb w1, [x2, #-7]", OP_LDURB },
    { 0x389f9041, "ldursb x1, [x2, #-7]", OP_LDURSB_x },
    { 0x38df9041, "ldursb w1, [x2, #-7]", OP_LDURSB_w },
    { 0x781f9041, "sturh w1, [x2, #-7]", OP_STURH },
    { 0x785f9041, "ldurh w1, [x2, #-7]", OP_LDURH },
    { 0x789f9041, "ldursh x1, [x2, #-7]", OP_LDURSH_x },
    { 0x78df9041, "ldursh w1, [x2, #-7]", OP_LDURSH_w },
    { 0xb81f9041, "stur w1, [x2, #-7]", OP_STUR_w },
    { 0xb85f9041, "ldur w1, [x2, #-7]", OP_LDUR_w },
    { 0xb89f9041, "ldursw x1, [x2, #-7]", OP_LDURSW },
    { 0xf81f9041, "stur x1, [x2, #-7]", OP_STUR_x },
    { 0xf85f9041, "ldur x1, [x2, #-7]", OP_LDUR_x },
    { 0xf89f9040, "prfum pldl1keep, [x2, #-7]", OP_PRFUM },
    { 0x381f9841, "sttrb w1, [x2, #-7]", OP_STTRB },
    { 0x385f9841, "ldtrb w1, [x2, #-7]", OP_LDTRB },
    { 0x389f9841, "ldtrsb x1, [x2, #-7]", OP_LDTRSB_x },
    { 0x38df9841, "ldtrsb w1, [x2, #-7]", OP_LDTRSB_w },
    { 0x781f9841, "sttrh w1, [x2, #-7]", OP_STTRH },
    { 0x785f9841, "ldtrh w1, [x2, #-7]", OP_LDTRH },
    { 0x789f9841, "ldtrsh x1, [x2, #-7]", OP_LDTRSH_x },
    { 0x78df9841, "ldtrsh w1, [x2, #-7]", OP_LDTRSH_w },
    { 0xb81f9841, "sttr w1, [x2, #-7]", OP_STTR_w },
    { 0xb85f9841, "ldtr w1, [x2, #-7]", OP_LDTR_w },
    { 0xb89f9841, "ldtrsw x1, [x2, #-7]", OP_LDTRSW },
    { 0xf81f9841, "sttr x1, [x2, #-7]", OP_STTR_x },
    { 0xf85f9841, "ldtr x1, [x2, #-7]", OP_LDTR_x },
    { 0x3823c841, "strb w1, [x2, w3, sxtw]", OP_STRB_reg },
    { 0x3863c841, "ldrb w1, [x2, w3, sxtw]", OP_LDRB_reg },
    { 0x38a3c841, "ldrsb x1, [x2, w3, sxtw]", OP_LDRSB_x_reg },
    { 0x38e3c841, "ldrsb w1, [x2, w3, sxtw]", OP_LDRSB_w_reg },
    { 0x7823c841, "strh w1, [x2, w3, sxtw]", OP_STRH_reg },
    { 0x7863c841, "ldrh w1, [x2, w3, sxtw]", OP_LDRH_reg },
    { 0x78a3c841, "ldrsh x1, [x2, w3, sxtw]", OP_LDRSH_x_reg },
    { 0x78e3c841, "ldrsh w1, [x2, w3, sxtw]", OP_LDRSH_w_reg },
    { 0xb823c841, "str w1, [x2, w3, sxtw]", OP_STR_w_reg },
    { 0xb863c841, "ldr w1, [x2, w3, sxtw]", OP_LDR_w_reg },
    { 0xb8a3c841, "ldrsw x1, [x2, w3, sxtw]", OP_LDRSW_reg },
    { 0xf823c841, "str x1, [x2, w3, sxtw]", OP_STR_x_reg },
    { 0xf863c841, "ldr x1, [x2, w3, sxtw]", OP_LDR_x_reg },
    { 0xf8a3c840, "prfm pldl1keep, [x2, w3, sxtw]", OP_PRFM_reg },
    { 0x18000041, "ldr w1, #0x1008", OP_LDR_w_lit },
    { 0x58ffffc1, "ldr x1, #0xff8", OP_LDR_x_lit },
    { 0x98000081, "ldrsw x1, #0x1010", OP_LDRSW_lit },
    { 0xd8000040, "prfm pldl1keep, #0x1008", OP_PRFM_lit },
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
        cmocka_unit_test(test_uimm),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_unscaled),
        cmocka_unit_test(test_reg),
        cmocka_unit_test(test_lit),
        cmocka_unit_test(test_lit_negative),
        cmocka_unit_test(test_faults),
        cmocka_unit_test(test_sp_align),
        cmocka_unit_test(test_sctlr_a),
        cmocka_unit_test(test_sp_align_el0),
        cmocka_unit_test(test_sp_align_el2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
