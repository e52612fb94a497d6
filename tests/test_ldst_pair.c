/* tests/test_ldst_pair.c: general-register pairs: LDP/STP in each form,
 * LDPSW, LDNP/STNP, write-back, overlaps, faults. */
#include "ldst_testrows.h"

#define A0 0xf1e2d3c4b5a69788
#define A1 0x0807060504030201
#define A2 0x1716151413121110
#define A3 0x1f1e1d1c1b1a1918
#define MEMA M8(D, A0), M8(D + 8, A1)
#define MEMB M8(D, A0), M8(D + 8, A1), M8(D + 16, A2), M8(D + 24, A3)
#define XY R(0, 0x1122334455667788), R(1, 0x99aabbccddeeff00)

static const ldst_row load_rows[] = {
    { 0xa9400440, "ldp x0, x1, [x2]", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(1, A1) } },
    { 0x29408440, "ldp w0, w1, [x2, #4]", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4), R(1, 0x04030201) } },
    { 0xa9c10440, "ldp x0, x1, [x2, #0x10]!", .in = { R(2, D) }, .mem = { MEMB },
      .out = { R(0, A2), R(1, A3), R(2, D + 16) } },
    { 0xa8ff0440, "ldp x0, x1, [x2], #-0x10", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(1, A1), R(2, D - 16) } },
    { 0x29ff10a3, "ldp w3, w4, [x5, #-8]!", .in = { R(5, D + 8) }, .mem = { MEMA },
      .out = { R(3, 0xb5a69788), R(4, 0xf1e2d3c4), R(5, D) } },
    { 0x28c110a3, "ldp w3, w4, [x5], #8", .in = { R(5, D) }, .mem = { MEMA },
      .out = { R(3, 0xb5a69788), R(4, 0xf1e2d3c4), R(5, D + 8) } },
    { 0x69400440, "ldpsw x0, x1, [x2]", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffb5a69788), R(1, 0xfffffffff1e2d3c4) } },
    { 0x69c08440, "ldpsw x0, x1, [x2, #4]!", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, 0xfffffffff1e2d3c4), R(1, 0x04030201), R(2, D + 4) } },
    { 0x68c10440, "ldpsw x0, x1, [x2], #8", .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffb5a69788), R(1, 0xfffffffff1e2d3c4), R(2, D + 8) } },
    { 0x69600440, "ldpsw x0, x1, [x2, #-0x100]", .in = { R(2, D + 256) }, .mem = { MEMA },
      .out = { R(0, 0xffffffffb5a69788), R(1, 0xfffffffff1e2d3c4) } },
    { 0xa8408440, "ldnp x0, x1, [x2, #8]", .in = { R(2, D) }, .mem = { MEMB },
      .out = { R(0, A1), R(1, A2) } },
    { 0x287f8440, "ldnp w0, w1, [x2, #-4]", .in = { R(2, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xb5a69788), R(1, 0xf1e2d3c4) } },
    { 0xa95f8440, "ldp x0, x1, [x2, #0x1f8]", .in = { R(2, D - 504) }, .mem = { MEMA },
      .out = { R(0, A0), R(1, A1) } },
    { 0xa9600440, "ldp x0, x1, [x2, #-0x200]", .in = { R(2, D + 512) }, .mem = { MEMA },
      .out = { R(0, A0), R(1, A1) } },
    { 0xa8c27bfd, "ldp x29, x30, [sp], #0x20", .in = { R(REG_SP, D) }, .mem = { MEMA },
      .out = { R(29, A0), R(30, A1), R(REG_SP, D + 32) } },
    // unaligned, across a page boundary
    { 0xa9400440, "ldp x0, x1, [x2]", .in = { R(2, D + 0xffc) },
      .mem = { M8(D + 0xff8, 0x8877665544332211), M8(D + 0x1000, 0x0fedcba987654321),
               M8(D + 0x1008, 0x1111111122222222) },
      .out = { R(0, 0x8765432188776655), R(1, 0x222222220fedcba9) } },
};

static const ldst_row store_rows[] = {
    { 0xa9000440, "stp x0, x1, [x2]", .in = { XY, R(2, D) },
      .mout = { M8(D, 0x1122334455667788), M8(D + 8, 0x99aabbccddeeff00) } },
    { 0x29bf0440, "stp w0, w1, [x2, #-8]!", .in = { XY, R(2, D + 8) }, .out = { R(2, D) },
      .mout = { M8(D, 0xddeeff0055667788), M8(D + 8, 0) } },
    { 0xa9bf07e0, "stp x0, x1, [sp, #-0x10]!", .in = { XY, R(REG_SP, D + 16) },
      .out = { R(REG_SP, D) },
      .mout = { M8(D, 0x1122334455667788), M8(D + 8, 0x99aabbccddeeff00) } },
    { 0xa9be7bfd, "stp x29, x30, [sp, #-0x20]!",
      .in = { R(29, 0xf0f0), R(30, 0x40001234), R(REG_SP, D + 32) }, .out = { R(REG_SP, D) },
      .mout = { M8(D, 0xf0f0), M8(D + 8, 0x40001234), M8(D + 16, 0) } },
    { 0x28810440, "stp w0, w1, [x2], #8", .in = { XY, R(2, D) }, .out = { R(2, D + 8) },
      .mout = { M8(D, 0xddeeff0055667788), M8(D + 8, 0) } },
    { 0xa8010440, "stnp x0, x1, [x2, #0x10]", .in = { XY, R(2, D) },
      .mout = { M8(D, 0), M8(D + 16, 0x1122334455667788), M8(D + 24, 0x99aabbccddeeff00) } },
    { 0x28000440, "stnp w0, w1, [x2]", .in = { XY, R(2, D) },
      .mout = { M8(D, 0xddeeff0055667788), M8(D + 8, 0) } },
    { 0xa9007c5f, "stp xzr, xzr, [x2]", .in = { R(2, D) }, .mem = { MEMA },
      .mout = { M8(D, 0), M8(D + 8, 0) } },
};

/* CONSTRAINED UNPREDICTABLE overlaps (llvm-mc rejects these words; they are
 * the neighbouring encodings with the register fields changed):
 * a load that writes back to one of its destinations keeps the loaded value
 * (WBSUPPRESS); LDP with Rt == Rt2 keeps the second value (UNKNOWN); a store
 * that writes back its own data register stores the original (NONE). */
static const ldst_row overlap_rows[] = {
    // ldp x2, x3, [x2, #16]!
    { 0xa9c10c42, NULL, .in = { R(2, D) }, .mem = { MEMB }, .out = { R(2, A2), R(3, A3) } },
    // ldp x0, x2, [x2], #16
    { 0xa8c10840, NULL, .in = { R(2, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(2, A1) } },
    // ldp x0, x0, [x2]
    { 0xa9400040, NULL, .in = { R(2, D) }, .mem = { MEMA }, .out = { R(0, A1) } },
    // stp x2, x3, [x2, #-16]!
    { 0xa9bf0c42, NULL, .in = { R(2, D + 16), R(3, 0x3333) }, .out = { R(2, D) },
      .mout = { M8(D, D + 16), M8(D + 8, 0x3333) } },
};

static const ldst_row fault_rows[] = {
    // the second register lies in the unmapped page after RAM: nothing is
    // written, FAR is the first byte that faults
    { 0xa9400440, "ldp x0, x1, [x2]", .in = { R(2, TC_RAM_BASE + TC_RAM_SIZE - 8) },
      .mem = { M8(TC_RAM_BASE + TC_RAM_SIZE - 8, 0x55) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), TC_RAM_BASE + TC_RAM_SIZE) },
    { 0xa9810440, "stp x0, x1, [x2, #0x10]!", .in = { R(2, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), 0x20) },
    { 0xa9000440, "stp x0, x1, [x2]", .in = { R(2, TC_RAM_BASE + TC_RAM_SIZE - 8) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), TC_RAM_BASE + TC_RAM_SIZE) },
};

static void set_sa(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA; }
static void set_a(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_A; }

static const ldst_row sa_rows[] = {
    { 0xa94007e0, "ldp x0, x1, [sp]", .in = { R(REG_SP, D + 8) }, .mem = { MEMA },
      FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xa9bf07e0, "stp x0, x1, [sp, #-0x10]!", .in = { R(REG_SP, D + 24) },
      .mout = { M8(D + 8, 0) }, FAULT(EC_SP_ALIGN, 0, 0) },
    { 0xa94007e0, "ldp x0, x1, [sp]", .in = { R(REG_SP, D) }, .mem = { MEMA },
      .out = { R(0, A0), R(1, A1) } },
};

/* SCTLR_EL1.A checks each register's alignment, not the pair's. */
static const ldst_row a_rows[] = {
    { 0xa9400440, "ldp x0, x1, [x2]", .in = { R(2, D + 4) }, .mem = { MEMA },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 4) },
    { 0x29400440, "ldp w0, w1, [x2]", .in = { R(2, D + 4) }, .mem = { MEMA },
      .out = { R(0, 0xf1e2d3c4), R(1, 0x04030201) } },
};

static void test_load(void **state) { (void)state; TR_RUN(load_rows, NULL); }
static void test_store(void **state) { (void)state; TR_RUN(store_rows, NULL); }
static void test_overlap(void **state) { (void)state; TR_RUN(overlap_rows, NULL); }
static void test_faults(void **state) { (void)state; TR_RUN(fault_rows, NULL); }
static void test_sp_align(void **state) { (void)state; TR_RUN(sa_rows, set_sa); }
static void test_sctlr_a(void **state) { (void)state; TR_RUN(a_rows, set_a); }

/* Every general-register pair row of insns_ldst.def (llvm-mc encodings). */
static const decode_row decode_rows[] = {
    { 0x28010861, "stnp w1, w2, [x3, #8]", OP_STNP_w },
    { 0x28410861, "ldnp w1, w2, [x3, #8]", OP_LDNP_w },
    { 0x28bf0861, "stp w1, w2, [x3], #-8", OP_STP_w_post },
    { 0x28ff0861, "ldp w1, w2, [x3], #-8", OP_LDP_w_post },
    { 0x293e0861, "stp w1, w2, [x3, #-0x10]", OP_STP_w_off },
    { 0x297e0861, "ldp w1, w2, [x3, #-0x10]", OP_LDP_w_off },
    { 0x29820be1, "stp w1, w2, [sp, #0x10]!", OP_STP_w_pre },
    { 0x29c20be1, "ldp w1, w2, [sp, #0x10]!", OP_LDP_w_pre },
    { 0xa8008861, "stnp x1, x2, [x3, #8]", OP_STNP_x },
    { 0xa8408861, "ldnp x1, x2, [x3, #8]", OP_LDNP_x },
    { 0xa8bf8861, "stp x1, x2, [x3], #-8", OP_STP_x_post },
    { 0xa8ff8861, "ldp x1, x2, [x3], #-8", OP_LDP_x_post },
    { 0xa93f0861, "stp x1, x2, [x3, #-0x10]", OP_STP_x_off },
    { 0xa97f0861, "ldp x1, x2, [x3, #-0x10]", OP_LDP_x_off },
    { 0xa9810be1, "stp x1, x2, [sp, #0x10]!", OP_STP_x_pre },
    { 0xa9c10be1, "ldp x1, x2, [sp, #0x10]!", OP_LDP_x_pre },
    { 0x68c10861, "ldpsw x1, x2, [x3], #8", OP_LDPSW_post },
    { 0x69408861, "ldpsw x1, x2, [x3, #4]", OP_LDPSW_off },
    { 0x69ff0861, "ldpsw x1, x2, [x3, #-8]!", OP_LDPSW_pre },
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
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_overlap),
        cmocka_unit_test(test_faults),
        cmocka_unit_test(test_sp_align),
        cmocka_unit_test(test_sctlr_a),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
