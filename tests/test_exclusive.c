/* tests/test_exclusive.c: load/store exclusive and the local monitor,
 * load-acquire/store-release (LDAR, STLR, LDAPR, LDLAR, STLLR). */
#include "ldst_testrows.h"

#define A0 0xf1e2d3c4b5a69788
#define A1 0x0807060504030201
#define MEMA M8(D, A0), M8(D + 8, A1)
#define UNCHANGED M8(D, A0), M8(D + 8, A1)

#define LDXR_X0_X1 W(0xc85f7c20, "ldxr x0, [x1]")

/* Load-exclusive: the value, and the monitor it marks (address and size). */
static const ldst_row ldxr_rows[] = {
    { 0xc85f7c20, "ldxr x0, [x1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) },
      MON_SET(D, 8) },
    { 0x885f7c20, "ldxr w0, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xb5a69788) }, MON_SET(D, 4) },
    { 0x085f7c20, "ldxrb w0, [x1]", .in = { R(1, D + 1) }, .mem = { MEMA }, .out = { R(0, 0x97) },
      MON_SET(D + 1, 1) },
    { 0x485f7c20, "ldxrh w0, [x1]", .in = { R(1, D + 2) }, .mem = { MEMA },
      .out = { R(0, 0xb5a6) }, MON_SET(D + 2, 2) },
    { 0xc85ffc20, "ldaxr x0, [x1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) },
      MON_SET(D, 8) },
    { 0x085ffc20, "ldaxrb w0, [x1]", .in = { R(1, D + 7) }, .mem = { MEMA },
      .out = { R(0, 0xf1) }, MON_SET(D + 7, 1) },
    { 0xc87f1020, "ldxp x0, x4, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(4, A1) }, MON_SET(D, 16) },
    { 0x887f1020, "ldxp w0, w4, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, 0xb5a69788), R(4, 0xf1e2d3c4) }, MON_SET(D, 8) },
    { 0xc87f9020, "ldaxp x0, x4, [x1]", .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(4, A1) }, MON_SET(D, 16) },
    // ldaxp x0, x0, [x1] (CONSTRAINED UNPREDICTABLE; the second value stays)
    { 0xc87f8020, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A1) },
      MON_SET(D, 16) },
    { 0xc85f7fe0, "ldxr x0, [sp]", .in = { R(REG_SP, D) }, .mem = { MEMA }, .out = { R(0, A0) },
      MON_SET(D, 8) },
};

/* Store-exclusive after (or without) a load-exclusive: status 0 and the
 * store only when the monitor holds the same address and size. */
static const ldst_row stxr_rows[] = {
    { 0xc8027c23, "stxr w2, x3, [x1]", .pre = { LDXR_X0_X1 }, .in = { R(1, D), R(3, 0x1234) },
      .mem = { MEMA }, .out = { R(0, A0), R(2, 0) }, .mout = { M8(D, 0x1234), M8(D + 8, A1) },
      MON_CLEAR },
    { 0xc8027c23, "stxr w2, x3, [x1]", .in = { R(1, D), R(3, 0x1234) }, .mem = { MEMA },
      .out = { R(2, 1) }, .mout = { UNCHANGED }, MON_CLEAR },
    // a different address fails (and still clears the monitor)
    { 0xc8027c83, "stxr w2, x3, [x4]", .pre = { LDXR_X0_X1 },
      .in = { R(1, D), R(3, 0x1234), R(4, D + 8) }, .mem = { MEMA },
      .out = { R(0, A0), R(2, 1) }, .mout = { UNCHANGED }, MON_CLEAR },
    { 0xc8027c23, "stxr w2, x3, [x1]", .pre = { LDXR_X0_X1, W(0xd5033f5f, "clrex") },
      .in = { R(1, D), R(3, 0x1234) }, .mem = { MEMA }, .out = { R(0, A0), R(2, 1) },
      .mout = { UNCHANGED }, MON_CLEAR },
    // a different size fails
    { 0xc8027c23, "stxr w2, x3, [x1]", .pre = { W(0x885f7c20, "ldxr w0, [x1]") },
      .in = { R(1, D), R(3, 0x1234) }, .mem = { MEMA }, .out = { R(0, 0xb5a69788), R(2, 1) },
      .mout = { UNCHANGED }, MON_CLEAR },
    { 0x08027c23, "stxrb w2, w3, [x1]", .pre = { W(0x085f7c20, "ldxrb w0, [x1]") },
      .in = { R(1, D + 3), R(3, 0x1ab) }, .mem = { MEMA }, .out = { R(0, 0xb5), R(2, 0) },
      .mout = { M8(D, 0xf1e2d3c4aba69788), M8(D + 8, A1) } },
    { 0x48027c23, "stxrh w2, w3, [x1]", .pre = { W(0x485f7c20, "ldxrh w0, [x1]") },
      .in = { R(1, D + 6), R(3, 0x5678) }, .mem = { MEMA }, .out = { R(0, 0xf1e2), R(2, 0) },
      .mout = { M8(D, 0x5678d3c4b5a69788), M8(D + 8, A1) } },
    { 0x88027c23, "stxr w2, w3, [x1]", .pre = { W(0x885f7c20, "ldxr w0, [x1]") },
      .in = { R(1, D), R(3, 0x1122334455667788) }, .mem = { MEMA },
      .out = { R(0, 0xb5a69788), R(2, 0) }, .mout = { M8(D, 0xf1e2d3c455667788) } },
    { 0xc802fc23, "stlxr w2, x3, [x1]", .pre = { W(0xc85ffc20, "ldaxr x0, [x1]") },
      .in = { R(1, D), R(3, 0x1234) }, .mem = { MEMA }, .out = { R(0, A0), R(2, 0) },
      .mout = { M8(D, 0x1234) }, MON_CLEAR },
    { 0x4802fc23, "stlxrh w2, w3, [x1]", .pre = { W(0x485f7c20, "ldxrh w0, [x1]") },
      .in = { R(1, D), R(3, 0xbeef) }, .mem = { MEMA }, .out = { R(0, 0x9788), R(2, 0) },
      .mout = { M8(D, 0xf1e2d3c4b5a6beef) } },
    { 0xc8221423, "stxp w2, x3, x5, [x1]", .pre = { W(0xc87f1020, "ldxp x0, x4, [x1]") },
      .in = { R(1, D), R(3, 0x33), R(5, 0x55) }, .mem = { MEMA },
      .out = { R(0, A0), R(4, A1), R(2, 0) }, .mout = { M8(D, 0x33), M8(D + 8, 0x55) },
      MON_CLEAR },
    { 0x88221423, "stxp w2, w3, w5, [x1]", .pre = { W(0x887f1020, "ldxp w0, w4, [x1]") },
      .in = { R(1, D), R(3, 0xaaaaaaaa33333333), R(5, 0xbbbbbbbb55555555) }, .mem = { MEMA },
      .out = { R(0, 0xb5a69788), R(4, 0xf1e2d3c4), R(2, 0) },
      .mout = { M8(D, 0x5555555533333333), M8(D + 8, A1) } },
    { 0xc8229423, "stlxp w2, x3, x5, [x1]", .pre = { W(0xc87f9020, "ldaxp x0, x4, [x1]") },
      .in = { R(1, D), R(3, 0x33), R(5, 0x55) }, .mem = { MEMA },
      .out = { R(0, A0), R(4, A1), R(2, 0) }, .mout = { M8(D, 0x33), M8(D + 8, 0x55) } },
    // a pair store after a single load-exclusive: size mismatch
    { 0xc8221423, "stxp w2, x3, x5, [x1]", .pre = { LDXR_X0_X1 },
      .in = { R(1, D), R(3, 0x33), R(5, 0x55) }, .mem = { MEMA }, .out = { R(0, A0), R(2, 1) },
      .mout = { UNCHANGED }, MON_CLEAR },
    { 0xc8221423, "stxp w2, x3, x5, [x1]", .in = { R(1, D), R(3, 0x33), R(5, 0x55) },
      .mem = { MEMA }, .out = { R(2, 1) }, .mout = { UNCHANGED } },
    // Rs == Rt (CONSTRAINED UNPREDICTABLE): the original Rt is stored
    { 0xc8017c41, "stxr w1, x1, [x2]", .pre = { W(0xc85f7c40, "ldxr x0, [x2]") },
      .in = { R(1, 0x77), R(2, D) }, .mem = { MEMA }, .out = { R(0, A0), R(1, 0) },
      .mout = { M8(D, 0x77) } },
    // a store-exclusive that fails never accesses memory: no abort
    { 0xc8027c23, "stxr w2, x3, [x1]", .in = { R(1, 0x10) }, .out = { R(2, 1) } },
    // exception entry clears the monitor (udf #0: UNDEFINED)
    { 0x00000000, NULL, .pre = { LDXR_X0_X1 }, .in = { R(1, D) }, .mem = { MEMA },
      .out = { R(0, A0) }, MON_CLEAR, FAULT(EC_UNKNOWN, 0, 0) },
};

static void mark_0x10(testcpu *t)
{
    t->cpu.excl_valid = true;
    t->cpu.excl_addr = 0x10;
    t->cpu.excl_size = 8;
}

/* Misaligned exclusives are alignment faults; no monitor is marked. */
static const ldst_row excl_fault_rows[] = {
    { 0xc85f7c20, "ldxr x0, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA }, MON_CLEAR,
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    { 0xc8027c23, "stxr w2, x3, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .mout = { UNCHANGED }, FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_ALIGNMENT), D + 4) },
    { 0xc87f1020, "ldxp x0, x4, [x1]", .in = { R(1, D + 8) }, .mem = { MEMA }, MON_CLEAR,
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 8) },
    { 0x887f1020, "ldxp w0, w4, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    { 0xc8221423, "stxp w2, x3, x5, [x1]", .in = { R(1, D + 8) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_ALIGNMENT), D + 8) },
    { 0x485f7c20, "ldxrh w0, [x1]", .in = { R(1, D + 1) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 1) },
    { 0xc85f7c20, "ldxr x0, [x1]", .in = { R(1, 0x10) }, MON_CLEAR,
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
    // the monitor passes, the store aborts: Ws is not written
    { 0xc8027c23, "stxr w2, x3, [x1]", .in = { R(1, 0x10) }, .setup = mark_0x10, MON_CLEAR,
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), 0x10) },
};

/* Load-acquire / store-release: aligned accesses, no monitor. */
static const ldst_row ordered_rows[] = {
    { 0xc8dffc20, "ldar x0, [x1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) } },
    { 0x88dffc20, "ldar w0, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4) } },
    { 0x08dffc20, "ldarb w0, [x1]", .in = { R(1, D + 3) }, .mem = { MEMA }, .out = { R(0, 0xb5) } },
    { 0x48dffc20, "ldarh w0, [x1]", .in = { R(1, D + 6) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2) } },
    { 0xc89ffc20, "stlr x0, [x1]", .in = { R(0, 0x1122334455667788), R(1, D) },
      .mout = { M8(D, 0x1122334455667788) } },
    { 0x889ffc20, "stlr w0, [x1]", .in = { R(0, 0x1122334455667788), R(1, D + 4) },
      .mout = { M8(D, 0x5566778800000000) } },
    { 0x089ffc20, "stlrb w0, [x1]", .in = { R(0, 0x1122334455667788), R(1, D + 5) },
      .mout = { M8(D, 0x0000880000000000) } },
    { 0x489ffc20, "stlrh w0, [x1]", .in = { R(0, 0x1122334455667788), R(1, D + 2) },
      .mout = { M8(D, 0x77880000) } },
    { 0xc89fffe0, "stlr x0, [sp]", .in = { R(0, 0x1122334455667788), R(REG_SP, D) },
      .mout = { M8(D, 0x1122334455667788) } },
    // ldapr x0 / w0, ldaprb, ldaprh [x1] (FEAT_LRCPC; Capstone 4 lacks them)
    { 0xf8bfc020, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) } },
    { 0xb8bfc020, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, 0xb5a69788) } },
    { 0x38bfc020, NULL, .in = { R(1, D + 1) }, .mem = { MEMA }, .out = { R(0, 0x97) } },
    { 0x78bfc020, NULL, .in = { R(1, D + 2) }, .mem = { MEMA }, .out = { R(0, 0xb5a6) } },
    // ldlar x0, stllr w0, ldlarb w0, stllrh w0 [x1] (FEAT_LOR)
    { 0xc8df7c20, NULL, .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) } },
    { 0x889f7c20, NULL, .in = { R(0, 0x1122334455667788), R(1, D) },
      .mout = { M8(D, 0x55667788) } },
    { 0x08df7c20, NULL, .in = { R(1, D + 1) }, .mem = { MEMA }, .out = { R(0, 0x97) } },
    { 0x489f7c20, NULL, .in = { R(0, 0x1122334455667788), R(1, D) }, .mout = { M8(D, 0x7788) } },
    // misaligned: alignment faults
    { 0xc8dffc20, "ldar x0, [x1]", .in = { R(1, D + 4) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    { 0x889ffc20, "stlr w0, [x1]", .in = { R(1, D + 2) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_ALIGNMENT), D + 2) },
    { 0x48dffc20, "ldarh w0, [x1]", .in = { R(1, D + 1) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 1) },
    { 0xf8bfc020, NULL, .in = { R(1, D + 1) }, .mem = { MEMA }, // ldapr x0, [x1]
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 1) },
    { 0x089ffc20, "stlrb w0, [x1]", .in = { R(0, 0xab), R(1, D + 3) },
      .mout = { M8(D, 0xab000000) } },
};

static void no_lor(testcpu *t) { t->cpu.feat &= ~FEAT_BIT(FEAT_LOR); }
static void set_sa(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA; }

/* Without FEAT_LOR, LDLAR/STLLR are UNDEFINED; LDAR is not affected. */
static const ldst_row no_lor_rows[] = {
    { 0xc8df7c20, NULL, .in = { R(1, D) }, .mem = { MEMA }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0x889f7c20, NULL, .in = { R(1, D) }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0xc8dffc20, "ldar x0, [x1]", .in = { R(1, D) }, .mem = { MEMA }, .out = { R(0, A0) } },
};

static const ldst_row sa_rows[] = {
    { 0xc85f7fe0, "ldxr x0, [sp]", .in = { R(REG_SP, D + 8) }, .mem = { MEMA },
      FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xc89fffe0, "stlr x0, [sp]", .in = { R(REG_SP, D + 8) }, FAULT(EC_SP_ALIGN, 0, 0) },
};

static void test_ldxr(void **state) { (void)state; TR_RUN(ldxr_rows, NULL); }
static void test_stxr(void **state) { (void)state; TR_RUN(stxr_rows, NULL); }
static void test_excl_faults(void **state) { (void)state; TR_RUN(excl_fault_rows, NULL); }
static void test_ordered(void **state) { (void)state; TR_RUN(ordered_rows, NULL); }
static void test_no_lor(void **state) { (void)state; TR_RUN(no_lor_rows, no_lor); }
static void test_sp_align(void **state) { (void)state; TR_RUN(sa_rows, set_sa); }

/* Every exclusive and ordered row of insns_ldst.def (llvm-mc encodings). */
static const decode_row decode_rows[] = {
    { 0x08047c41, "stxrb w4, w1, [x2]", OP_STXRB },
    { 0x0804fc41, "stlxrb w4, w1, [x2]", OP_STLXRB },
    { 0x085f7c41, "ldxrb w1, [x2]", OP_LDXRB },
    { 0x085ffc41, "ldaxrb w1, [x2]", OP_LDAXRB },
    { 0x48047c41, "stxrh w4, w1, [x2]", OP_STXRH },
    { 0x4804fc41, "stlxrh w4, w1, [x2]", OP_STLXRH },
    { 0x485f7c41, "ldxrh w1, [x2]", OP_LDXRH },
    { 0x485ffc41, "ldaxrh w1, [x2]", OP_LDAXRH },
    { 0x88047c41, "stxr w4, w1, [x2]", OP_STXR_w },
    { 0x8804fc41, "stlxr w4, w1, [x2]", OP_STLXR_w },
    { 0x885f7c41, "ldxr w1, [x2]", OP_LDXR_w },
    { 0x885ffc41, "ldaxr w1, [x2]", OP_LDAXR_w },
    { 0xc8047c41, "stxr w4, x1, [x2]", OP_STXR_x },
    { 0xc804fc41, "stlxr w4, x1, [x2]", OP_STLXR_x },
    { 0xc85f7c41, "ldxr x1, [x2]", OP_LDXR_x },
    { 0xc85ffc41, "ldaxr x1, [x2]", OP_LDAXR_x },
    { 0x089f7c41, NULL, OP_STLLRB }, // stllrb w1, [x2]
    { 0x089ffc41, "stlrb w1, [x2]", OP_STLRB },
    { 0x08df7c41, NULL, OP_LDLARB }, // ldlarb w1, [x2]
    { 0x08dffc41, "ldarb w1, [x2]", OP_LDARB },
    { 0x489f7c41, NULL, OP_STLLRH }, // stllrh w1, [x2]
    { 0x489ffc41, "stlrh w1, [x2]", OP_STLRH },
    { 0x48df7c41, NULL, OP_LDLARH }, // ldlarh w1, [x2]
    { 0x48dffc41, "ldarh w1, [x2]", OP_LDARH },
    { 0x889f7c41, NULL, OP_STLLR_w }, // stllr w1, [x2]
    { 0x889ffc41, "stlr w1, [x2]", OP_STLR_w },
    { 0x88df7c41, NULL, OP_LDLAR_w }, // ldlar w1, [x2]
    { 0x88dffc41, "ldar w1, [x2]", OP_LDAR_w },
    { 0xc89f7c41, NULL, OP_STLLR_x }, // stllr x1, [x2]
    { 0xc89ffc41, "stlr x1, [x2]", OP_STLR_x },
    { 0xc8df7c41, NULL, OP_LDLAR_x }, // ldlar x1, [x2]
    { 0xc8dffc41, "ldar x1, [x2]", OP_LDAR_x },
    { 0x88240861, "stxp w4, w1, w2, [x3]", OP_STXP_w },
    { 0x88248861, "stlxp w4, w1, w2, [x3]", OP_STLXP_w },
    { 0x887f0861, "ldxp w1, w2, [x3]", OP_LDXP_w },
    { 0x887f8861, "ldaxp w1, w2, [x3]", OP_LDAXP_w },
    { 0xc8240861, "stxp w4, x1, x2, [x3]", OP_STXP_x },
    { 0xc8248861, "stlxp w4, x1, x2, [x3]", OP_STLXP_x },
    { 0xc87f0861, "ldxp x1, x2, [x3]", OP_LDXP_x },
    { 0xc87f8861, "ldaxp x1, x2, [x3]", OP_LDAXP_x },
    { 0x38bfc041, NULL, OP_LDAPRB }, // ldaprb w1, [x2]
    { 0x78bfc041, NULL, OP_LDAPRH }, // ldaprh w1, [x2]
    { 0xb8bfc041, NULL, OP_LDAPR_w }, // ldapr w1, [x2]
    { 0xf8bfc041, NULL, OP_LDAPR_x }, // ldapr x1, [x2]
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
        cmocka_unit_test(test_ldxr),
        cmocka_unit_test(test_stxr),
        cmocka_unit_test(test_excl_faults),
        cmocka_unit_test(test_ordered),
        cmocka_unit_test(test_no_lor),
        cmocka_unit_test(test_sp_align),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
