/* tests/test_simd_struct.c: SIMD structure loads and stores: LD1-LD4 and
 * ST1-ST4 (multiple structures, single lanes), LD1R-LD4R, post-index. */
#include "ldst_testrows.h"

/* Memory: the bytes 0x00, 0x01, ... 0x3f from D; Bn = the doubleword at D + n. */
#define B0 0x0706050403020100
#define B8 0x0f0e0d0c0b0a0908
#define B16 0x1716151413121110
#define B24 0x1f1e1d1c1b1a1918
#define B32 0x2726252423222120
#define B40 0x2f2e2d2c2b2a2928
#define B48 0x3736353433323130
#define B56 0x3f3e3d3c3b3a3938
#define SEQ M8(D, B0), M8(D + 8, B8), M8(D + 16, B16), M8(D + 24, B24), M8(D + 32, B32), \
            M8(D + 40, B40), M8(D + 48, B48), M8(D + 56, B56)
#define VE V(1, 0x8786858483828180, 0x8f8e8d8c8b8a8988)
#define V2 V(2, 0x0706050403020100, 0x0f0e0d0c0b0a0908)
#define ISS_FP 0x1e00000

/* Multiple structures: LD1 moves whole registers, LDn de-interleaves;
 * a 64-bit arrangement zeroes the upper halves; registers wrap at 31. */
static const ldst_row multi_rows[] = {
    { 0x4c407041, "ld1 {v1.16b}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, B8) } },
    { 0x0c407041, "ld1 {v1.8b}, [x2]", .in = { R(2, D) }, .mem = { SEQ }, .vout = { V(1, B0, 0) } },
    { 0x4c40ac41, "ld1 {v1.2d, v2.2d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, B8), V(2, B16, B24) } },
    { 0x4c40685f, "ld1 {v31.4s, v0.4s, v1.4s}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(31, B0, B8), V(0, B16, B24), V(1, B32, B40) } },
    { 0x0c402c41, "ld1 {v1.1d, v2.1d, v3.1d, v4.1d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, 0), V(2, B8, 0), V(3, B16, 0), V(4, B24, 0) } },
    { 0x0c40ac41, "ld1 {v1.1d, v2.1d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, 0), V(2, B8, 0) } },
    { 0x0c408041, "ld2 {v1.8b, v2.8b}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x0e0c0a0806040200, 0), V(2, 0x0f0d0b0907050301, 0) } },
    { 0x0c408841, "ld2 {v1.2s, v2.2s}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x0b0a090803020100, 0), V(2, 0x0f0e0d0c07060504, 0) } },
    { 0x4c408841, "ld2 {v1.4s, v2.4s}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x0b0a090803020100, 0x1b1a191813121110),
                V(2, 0x0f0e0d0c07060504, 0x1f1e1d1c17161514) } },
    { 0x0c404441, "ld3 {v1.4h, v2.4h, v3.4h}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x13120d0c07060100, 0), V(2, 0x15140f0e09080302, 0),
                V(3, 0x171611100b0a0504, 0) } },
    { 0x4c400c41, "ld4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, B32), V(2, B8, B40), V(3, B16, B48), V(4, B24, B56) } },
    { 0x0c400041, "ld4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x1c1814100c080400, 0), V(2, 0x1d1915110d090501, 0),
                V(3, 0x1e1a16120e0a0602, 0), V(4, 0x1f1b17130f0b0703, 0) } },
    { 0x0c008041, "st2 {v1.8b, v2.8b}, [x2]", .in = { R(2, D) },
      .vin = { V(1, 0x0e0c0a0806040200, 0x9999), V(2, 0x0f0d0b0907050301, 0x8888) },
      .mout = { M8(D, B0), M8(D + 8, B8), M8(D + 16, 0) } },
    { 0x4c00a041, "st1 {v1.16b, v2.16b}, [x2]", .in = { R(2, D) },
      .vin = { V(1, 0x1122334455667788, 0x99aabbccddeeff00),
               V(2, 0x3333333333333333, 0x4444444444444444) },
      .mout = { M8(D, 0x1122334455667788), M8(D + 8, 0x99aabbccddeeff00),
                M8(D + 16, 0x3333333333333333), M8(D + 24, 0x4444444444444444), M8(D + 32, 0) } },
    { 0x0c004841, "st3 {v1.2s, v2.2s, v3.2s}, [x2]", .in = { R(2, D) },
      .vin = { V(1, 0xa1a1a1a1a0a0a0a0, 1), V(2, 0xb1b1b1b1b0b0b0b0, 2),
               V(3, 0xc1c1c1c1c0c0c0c0, 3) },
      .mout = { M8(D, 0xb0b0b0b0a0a0a0a0), M8(D + 8, 0xa1a1a1a1c0c0c0c0),
                M8(D + 16, 0xc1c1c1c1b1b1b1b1), M8(D + 24, 0) } },
    { 0x4c000c41, "st4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2]", .in = { R(2, D) },
      .vin = { V(1, B0, B32), V(2, B8, B40), V(3, B16, B48), V(4, B24, B56) }, .mout = { SEQ } },
    { 0x4c000041, "st4 {v1.16b, v2.16b, v3.16b, v4.16b}, [x2]", .in = { R(2, D) },
      .vin = { V(1, 0, 0), V(2, 0x0101010101010101, 0x0101010101010101),
               V(3, 0x0202020202020202, 0x0202020202020202),
               V(4, 0x0303030303030303, 0x0303030303030303) },
      .mout = { M8(D, 0x0302010003020100), M8(D + 8, 0x0302010003020100),
                M8(D + 56, 0x0302010003020100), M8(D + 64, 0) } },
    // post-index: by the bytes moved (Rm = 31) or by Xm
    { 0x4cdf7041, "ld1 {v1.16b}, [x2], #0x10", .in = { R(2, D) }, .mem = { SEQ },
      .out = { R(2, D + 16) }, .vout = { V(1, B0, B8) } },
    { 0x4cc37041, "ld1 {v1.16b}, [x2], x3", .in = { R(2, D), R(3, 100) }, .mem = { SEQ },
      .out = { R(2, D + 100) }, .vout = { V(1, B0, B8) } },
    { 0x4cdf0841, "ld4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x2], #0x40", .in = { R(2, D) },
      .mem = { SEQ }, .out = { R(2, D + 64) },
      .vout = { V(1, 0x1312111003020100, 0x3332313023222120),
                V(2, 0x1716151407060504, 0x3736353427262524),
                V(3, 0x1b1a19180b0a0908, 0x3b3a39382b2a2928),
                V(4, 0x1f1e1d1c0f0e0d0c, 0x3f3e3d3c2f2e2d2c) } },
    { 0x0c9f7041, "st1 {v1.8b}, [x2], #8", .in = { R(2, D) },
      .vin = { V(1, 0x1122334455667788, 0x99aabbccddeeff00) }, .out = { R(2, D + 8) },
      .mout = { M8(D, 0x1122334455667788), M8(D + 8, 0) } },
    { 0x0cdf83e1, "ld2 {v1.8b, v2.8b}, [sp], #0x10", .in = { R(REG_SP, D) }, .mem = { SEQ },
      .out = { R(REG_SP, D + 16) },
      .vout = { V(1, 0x0e0c0a0806040200, 0), V(2, 0x0f0d0b0907050301, 0) } },
};

/* Single lanes: the other lanes and the upper half are kept. */
static const ldst_row lane_rows[] = {
    { 0x0d401441, "ld1 {v1.b}[5], [x2]", .in = { R(2, D + 0x21) }, .vin = { VE }, .mem = { SEQ },
      .vout = { V(1, 0x8786218483828180, 0x8f8e8d8c8b8a8988) } },
    { 0x4d401c41, "ld1 {v1.b}[0xf], [x2]", .in = { R(2, D + 0x21) }, .vin = { VE }, .mem = { SEQ },
      .vout = { V(1, 0x8786858483828180, 0x218e8d8c8b8a8988) } },
    { 0x4d405041, "ld1 {v1.h}[6], [x2]", .in = { R(2, D + 0x22) }, .vin = { VE }, .mem = { SEQ },
      .vout = { V(1, 0x8786858483828180, 0x8f8e23228b8a8988) } },
    { 0x0d409041, "ld1 {v1.s}[1], [x2]", .in = { R(2, D + 0x20) }, .vin = { VE }, .mem = { SEQ },
      .vout = { V(1, 0x2322212083828180, 0x8f8e8d8c8b8a8988) } },
    { 0x4d408441, "ld1 {v1.d}[1], [x2]", .in = { R(2, D + 0x28) }, .vin = { VE }, .mem = { SEQ },
      .vout = { V(1, 0x8786858483828180, B40) } },
    { 0x0d605841, "ld2 {v1.h, v2.h}[3], [x2]", .in = { R(2, D + 0x20) }, .vin = { VE, V2 },
      .mem = { SEQ },
      .vout = { V(1, 0x2120858483828180, 0x8f8e8d8c8b8a8988),
                V(2, 0x2322050403020100, 0x0f0e0d0c0b0a0908) } },
    { 0x4d40a041, "ld3 {v1.s, v2.s, v3.s}[2], [x2]", .in = { R(2, D + 0x20) }, .vin = { VE, V2 },
      .mem = { SEQ },
      .vout = { V(1, 0x8786858483828180, 0x8f8e8d8c23222120),
                V(2, 0x0706050403020100, 0x0f0e0d0c27262524),
                V(3, 0x7700000000000003, 0x771100002b2a2928) } },
    { 0x0d60a441, "ld4 {v1.d, v2.d, v3.d, v4.d}[0], [x2]", .in = { R(2, D) }, .vin = { VE, V2 },
      .mem = { SEQ },
      .vout = { V(1, B0, 0x8f8e8d8c8b8a8988), V(2, B8, 0x0f0e0d0c0b0a0908),
                V(3, B16, 0x7711000000000003), V(4, B24, 0x7711000000000004) } },
    { 0x4d009041, "st1 {v1.s}[3], [x2]", .in = { R(2, D) }, .vin = { VE },
      .mout = { M8(D, 0x8f8e8d8c) } },
    { 0x4d201c41, "st2 {v1.b, v2.b}[0xf], [x2]", .in = { R(2, D) }, .vin = { VE, V2 },
      .mout = { M8(D, 0x0f8f) } },
    { 0x4d00a441, "st3 {v1.d, v2.d, v3.d}[1], [x2]", .in = { R(2, D) },
      .vin = { VE, V2, V(3, 0x33, 0x3333) },
      .mout = { M8(D, 0x8f8e8d8c8b8a8988), M8(D + 8, 0x0f0e0d0c0b0a0908), M8(D + 16, 0x3333),
                M8(D + 24, 0) } },
    { 0x0ddf9041, "ld1 {v1.s}[1], [x2], #4", .in = { R(2, D + 0x20) }, .vin = { VE },
      .mem = { SEQ }, .out = { R(2, D + 0x24) },
      .vout = { V(1, 0x2322212083828180, 0x8f8e8d8c8b8a8988) } },
    { 0x0de35841, "ld2 {v1.h, v2.h}[3], [x2], x3", .in = { R(2, D + 0x20), R(3, (uint64_t)-2) },
      .vin = { VE, V2 }, .mem = { SEQ }, .out = { R(2, D + 0x1e) },
      .vout = { V(1, 0x2120858483828180, 0x8f8e8d8c8b8a8988),
                V(2, 0x2322050403020100, 0x0f0e0d0c0b0a0908) } },
    { 0x0d9f0041, "st1 {v1.b}[0], [x2], #1", .in = { R(2, D) }, .vin = { VE },
      .out = { R(2, D + 1) }, .mout = { M8(D, 0x80) } },
};

/* Load and replicate: every lane; a 64-bit arrangement zeroes the upper half. */
static const ldst_row repl_rows[] = {
    { 0x0d40c041, "ld1r {v1.8b}, [x2]", .in = { R(2, D + 5) }, .mem = { SEQ },
      .vout = { V(1, 0x0505050505050505, 0) } },
    { 0x4d40c841, "ld1r {v1.4s}, [x2]", .in = { R(2, D + 0x20) }, .mem = { SEQ },
      .vout = { V(1, 0x2322212023222120, 0x2322212023222120) } },
    { 0x4d60cc41, "ld2r {v1.2d, v2.2d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, B0), V(2, B8, B8) } },
    { 0x0d40e441, "ld3r {v1.4h, v2.4h, v3.4h}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, 0x0100010001000100, 0), V(2, 0x0302030203020302, 0),
                V(3, 0x0504050405040504, 0) } },
    { 0x4d60e041, "ld4r {v1.16b, v2.16b, v3.16b, v4.16b}, [x2]", .in = { R(2, D + 0x10) },
      .mem = { SEQ },
      .vout = { V(1, 0x1010101010101010, 0x1010101010101010),
                V(2, 0x1111111111111111, 0x1111111111111111),
                V(3, 0x1212121212121212, 0x1212121212121212),
                V(4, 0x1313131313131313, 0x1313131313131313) } },
    { 0x0d40cc41, "ld1r {v1.1d}, [x2]", .in = { R(2, D) }, .mem = { SEQ },
      .vout = { V(1, B0, 0) } },
    { 0x4ddfc841, "ld1r {v1.4s}, [x2], #4", .in = { R(2, D) }, .mem = { SEQ },
      .out = { R(2, D + 4) }, .vout = { V(1, 0x0302010003020100, 0x0302010003020100) } },
    { 0x0dffe841, "ld4r {v1.2s, v2.2s, v3.2s, v4.2s}, [x2], #0x10", .in = { R(2, D) },
      .mem = { SEQ }, .out = { R(2, D + 16) },
      .vout = { V(1, 0x0302010003020100, 0), V(2, 0x0706050407060504, 0),
                V(3, 0x0b0a09080b0a0908, 0), V(4, 0x0f0e0d0c0f0e0d0c, 0) } },
    { 0x4dc3e441, "ld3r {v1.8h, v2.8h, v3.8h}, [x2], x3", .in = { R(2, D), R(3, 0x1000) },
      .mem = { SEQ }, .out = { R(2, D + 0x1000) },
      .vout = { V(1, 0x0100010001000100, 0x0100010001000100),
                V(2, 0x0302030203020302, 0x0302030203020302),
                V(3, 0x0504050405040504, 0x0504050405040504) } },
};

/* One access for the whole transfer: a fault changes no register. */
static const ldst_row fault_rows[] = {
    { 0x4c40ac41, "ld1 {v1.2d, v2.2d}, [x2]", .in = { R(2, TC_RAM_BASE + TC_RAM_SIZE - 16) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), TC_RAM_BASE + TC_RAM_SIZE) },
    { 0x4c000c41, "st4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2]", .in = { R(2, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(1, FSC_SEA), 0x10) },
    { 0x4cdf7041, "ld1 {v1.16b}, [x2], #0x10", .in = { R(2, 0x10) },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_SEA), 0x10) },
    // ld2 {v1.1d, v2.1d}, [x2]: size:Q = 11:0 is reserved for LD2-LD4 (no
    // row matches it)
    { 0x0c408c41, NULL, .in = { R(2, D) }, .mem = { SEQ }, FAULT(EC_UNKNOWN, 0, 0) },
    { 0x0c000c41, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) }, // st4 {v1.1d-v4.1d}
};

static void set_a(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_A; }
static void set_sa(testcpu *t) { t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA; }
static void fpen0(testcpu *t) { t->cpu.sr[SR_CPACR_EL1] &= ~(UINT64_C(3) << CPACR_EL1_FPEN_SHIFT); }

/* SCTLR_EL1.A checks the element size. */
static const ldst_row a_rows[] = {
    { 0x4c407841, "ld1 {v1.4s}, [x2]", .in = { R(2, D + 2) }, .mem = { SEQ },
      FAULT(EC_DABT_CUR, ISS_DABT(0, FSC_ALIGNMENT), D + 2) },
    { 0x4c407041, "ld1 {v1.16b}, [x2]", .in = { R(2, D + 1) }, .mem = { SEQ },
      .vout = { V(1, 0x0807060504030201, 0x100f0e0d0c0b0a09) } },
};

static const ldst_row sa_rows[] = {
    { 0x4c4073e1, "ld1 {v1.16b}, [sp]", .in = { R(REG_SP, D + 8) }, FAULT(EC_SP_ALIGN, 0, 0) },
};

/* FP/SIMD disabled: EC 0x07, but a reserved encoding is UNDEFINED first. */
static const ldst_row fpen0_rows[] = {
    { 0x4c407041, "ld1 {v1.16b}, [x2]", .in = { R(2, D) }, FAULT(EC_FP_ASIMD, ISS_FP, 0) },
    { 0x4d60e041, "ld4r {v1.16b, v2.16b, v3.16b, v4.16b}, [x2]", .in = { R(2, D) },
      FAULT(EC_FP_ASIMD, ISS_FP, 0) },
    { 0x0c408c41, NULL, .in = { R(2, D) }, FAULT(EC_UNKNOWN, 0, 0) }, // reserved ld2 .1d
};

static void test_multi(void **state) { (void)state; TR_RUN(multi_rows, NULL); }
static void test_lane(void **state) { (void)state; TR_RUN(lane_rows, NULL); }
static void test_repl(void **state) { (void)state; TR_RUN(repl_rows, NULL); }
static void test_faults(void **state) { (void)state; TR_RUN(fault_rows, NULL); }
static void test_sctlr_a(void **state) { (void)state; TR_RUN(a_rows, set_a); }
static void test_sp_align(void **state) { (void)state; TR_RUN(sa_rows, set_sa); }
static void test_fpen0(void **state) { (void)state; TR_RUN(fpen0_rows, fpen0); }

/* Every structure row of insns_simd.def (llvm-mc encodings). */
static const decode_row decode_rows[] = {
    { 0x4c000c41, "st4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2]", OP_ST4_q },
    { 0x0c000041, "st4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x2]", OP_ST4_8b },
    { 0x0c000441, "st4 {v1.4h, v2.4h, v3.4h, v4.4h}, [x2]", OP_ST4_4h },
    { 0x0c000841, "st4 {v1.2s, v2.2s, v3.2s, v4.2s}, [x2]", OP_ST4_2s },
    { 0x4c9f0c41, "st4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2], #0x40", OP_ST4_q_post },
    { 0x0c9f0041, "st4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x2], #0x20", OP_ST4_8b_post },
    { 0x0c9f0441, "st4 {v1.4h, v2.4h, v3.4h, v4.4h}, [x2], #0x20", OP_ST4_4h_post },
    { 0x0c9f0841, "st4 {v1.2s, v2.2s, v3.2s, v4.2s}, [x2], #0x20", OP_ST4_2s_post },
    { 0x0c002c41, "st1 {v1.1d, v2.1d, v3.1d, v4.1d}, [x2]", OP_ST1_4 },
    { 0x0c9f2c41, "st1 {v1.1d, v2.1d, v3.1d, v4.1d}, [x2], #0x20", OP_ST1_4_post },
    { 0x4c004041, "st3 {v1.16b, v2.16b, v3.16b}, [x2]", OP_ST3_q },
    { 0x0c004041, "st3 {v1.8b, v2.8b, v3.8b}, [x2]", OP_ST3_8b },
    { 0x0c004441, "st3 {v1.4h, v2.4h, v3.4h}, [x2]", OP_ST3_4h },
    { 0x0c004841, "st3 {v1.2s, v2.2s, v3.2s}, [x2]", OP_ST3_2s },
    { 0x4c834041, "st3 {v1.16b, v2.16b, v3.16b}, [x2], x3", OP_ST3_q_post },
    { 0x0c834041, "st3 {v1.8b, v2.8b, v3.8b}, [x2], x3", OP_ST3_8b_post },
    { 0x0c834441, "st3 {v1.4h, v2.4h, v3.4h}, [x2], x3", OP_ST3_4h_post },
    { 0x0c834841, "st3 {v1.2s, v2.2s, v3.2s}, [x2], x3", OP_ST3_2s_post },
    { 0x0c006841, "st1 {v1.2s, v2.2s, v3.2s}, [x2]", OP_ST1_3 },
    { 0x0c9f6841, "st1 {v1.2s, v2.2s, v3.2s}, [x2], #0x18", OP_ST1_3_post },
    { 0x4c007041, "st1 {v1.16b}, [x2]", OP_ST1_1 },
    { 0x4c9f7041, "st1 {v1.16b}, [x2], #0x10", OP_ST1_1_post },
    { 0x4c008841, "st2 {v1.4s, v2.4s}, [x2]", OP_ST2_q },
    { 0x0c008041, "st2 {v1.8b, v2.8b}, [x2]", OP_ST2_8b },
    { 0x0c008441, "st2 {v1.4h, v2.4h}, [x2]", OP_ST2_4h },
    { 0x0c008841, "st2 {v1.2s, v2.2s}, [x2]", OP_ST2_2s },
    { 0x4c9f8841, "st2 {v1.4s, v2.4s}, [x2], #0x20", OP_ST2_q_post },
    { 0x0c9f8041, "st2 {v1.8b, v2.8b}, [x2], #0x10", OP_ST2_8b_post },
    { 0x0c9f8441, "st2 {v1.4h, v2.4h}, [x2], #0x10", OP_ST2_4h_post },
    { 0x0c9f8841, "st2 {v1.2s, v2.2s}, [x2], #0x10", OP_ST2_2s_post },
    { 0x4c00a441, "st1 {v1.8h, v2.8h}, [x2]", OP_ST1_2 },
    { 0x4c9fa441, "st1 {v1.8h, v2.8h}, [x2], #0x20", OP_ST1_2_post },
    { 0x4c400c41, "ld4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2]", OP_LD4_q },
    { 0x0c400041, "ld4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x2]", OP_LD4_8b },
    { 0x0c400441, "ld4 {v1.4h, v2.4h, v3.4h, v4.4h}, [x2]", OP_LD4_4h },
    { 0x0c400841, "ld4 {v1.2s, v2.2s, v3.2s, v4.2s}, [x2]", OP_LD4_2s },
    { 0x4cdf0c41, "ld4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x2], #0x40", OP_LD4_q_post },
    { 0x0cdf0041, "ld4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x2], #0x20", OP_LD4_8b_post },
    { 0x0cdf0441, "ld4 {v1.4h, v2.4h, v3.4h, v4.4h}, [x2], #0x20", OP_LD4_4h_post },
    { 0x0cdf0841, "ld4 {v1.2s, v2.2s, v3.2s, v4.2s}, [x2], #0x20", OP_LD4_2s_post },
    { 0x0c402c41, "ld1 {v1.1d, v2.1d, v3.1d, v4.1d}, [x2]", OP_LD1_4 },
    { 0x0cdf2c41, "ld1 {v1.1d, v2.1d, v3.1d, v4.1d}, [x2], #0x20", OP_LD1_4_post },
    { 0x4c404041, "ld3 {v1.16b, v2.16b, v3.16b}, [x2]", OP_LD3_q },
    { 0x0c404041, "ld3 {v1.8b, v2.8b, v3.8b}, [x2]", OP_LD3_8b },
    { 0x0c404441, "ld3 {v1.4h, v2.4h, v3.4h}, [x2]", OP_LD3_4h },
    { 0x0c404841, "ld3 {v1.2s, v2.2s, v3.2s}, [x2]", OP_LD3_2s },
    { 0x4cc34041, "ld3 {v1.16b, v2.16b, v3.16b}, [x2], x3", OP_LD3_q_post },
    { 0x0cc34041, "ld3 {v1.8b, v2.8b, v3.8b}, [x2], x3", OP_LD3_8b_post },
    { 0x0cc34441, "ld3 {v1.4h, v2.4h, v3.4h}, [x2], x3", OP_LD3_4h_post },
    { 0x0cc34841, "ld3 {v1.2s, v2.2s, v3.2s}, [x2], x3", OP_LD3_2s_post },
    { 0x0c406841, "ld1 {v1.2s, v2.2s, v3.2s}, [x2]", OP_LD1_3 },
    { 0x0cdf6841, "ld1 {v1.2s, v2.2s, v3.2s}, [x2], #0x18", OP_LD1_3_post },
    { 0x4c407041, "ld1 {v1.16b}, [x2]", OP_LD1_1 },
    { 0x4cdf7041, "ld1 {v1.16b}, [x2], #0x10", OP_LD1_1_post },
    { 0x4c408841, "ld2 {v1.4s, v2.4s}, [x2]", OP_LD2_q },
    { 0x0c408041, "ld2 {v1.8b, v2.8b}, [x2]", OP_LD2_8b },
    { 0x0c408441, "ld2 {v1.4h, v2.4h}, [x2]", OP_LD2_4h },
    { 0x0c408841, "ld2 {v1.2s, v2.2s}, [x2]", OP_LD2_2s },
    { 0x4cdf8841, "ld2 {v1.4s, v2.4s}, [x2], #0x20", OP_LD2_q_post },
    { 0x0cdf8041, "ld2 {v1.8b, v2.8b}, [x2], #0x10", OP_LD2_8b_post },
    { 0x0cdf8441, "ld2 {v1.4h, v2.4h}, [x2], #0x10", OP_LD2_4h_post },
    { 0x0cdf8841, "ld2 {v1.2s, v2.2s}, [x2], #0x10", OP_LD2_2s_post },
    { 0x4c40a441, "ld1 {v1.8h, v2.8h}, [x2]", OP_LD1_2 },
    { 0x4cdfa441, "ld1 {v1.8h, v2.8h}, [x2], #0x20", OP_LD1_2_post },
    { 0x4d000441, "st1 {v1.b}[9], [x2]", OP_ST1_b },
    { 0x4d9f0441, "st1 {v1.b}[9], [x2], #1", OP_ST1_b_post },
    { 0x4d004841, "st1 {v1.h}[5], [x2]", OP_ST1_h },
    { 0x4d9f4841, "st1 {v1.h}[5], [x2], #2", OP_ST1_h_post },
    { 0x4d009041, "st1 {v1.s}[3], [x2]", OP_ST1_s },
    { 0x4d9f9041, "st1 {v1.s}[3], [x2], #4", OP_ST1_s_post },
    { 0x4d008441, "st1 {v1.d}[1], [x2]", OP_ST1_d },
    { 0x4d9f8441, "st1 {v1.d}[1], [x2], #8", OP_ST1_d_post },
    { 0x4d200441, "st2 {v1.b, v2.b}[9], [x2]", OP_ST2_b },
    { 0x4da30441, "st2 {v1.b, v2.b}[9], [x2], x3", OP_ST2_b_post },
    { 0x4d204841, "st2 {v1.h, v2.h}[5], [x2]", OP_ST2_h },
    { 0x4da34841, "st2 {v1.h, v2.h}[5], [x2], x3", OP_ST2_h_post },
    { 0x4d209041, "st2 {v1.s, v2.s}[3], [x2]", OP_ST2_s },
    { 0x4da39041, "st2 {v1.s, v2.s}[3], [x2], x3", OP_ST2_s_post },
    { 0x4d208441, "st2 {v1.d, v2.d}[1], [x2]", OP_ST2_d },
    { 0x4da38441, "st2 {v1.d, v2.d}[1], [x2], x3", OP_ST2_d_post },
    { 0x4d002441, "st3 {v1.b, v2.b, v3.b}[9], [x2]", OP_ST3_b },
    { 0x4d9f2441, "st3 {v1.b, v2.b, v3.b}[9], [x2], #3", OP_ST3_b_post },
    { 0x4d006841, "st3 {v1.h, v2.h, v3.h}[5], [x2]", OP_ST3_h },
    { 0x4d9f6841, "st3 {v1.h, v2.h, v3.h}[5], [x2], #6", OP_ST3_h_post },
    { 0x4d00b041, "st3 {v1.s, v2.s, v3.s}[3], [x2]", OP_ST3_s },
    { 0x4d9fb041, "st3 {v1.s, v2.s, v3.s}[3], [x2], #0xc", OP_ST3_s_post },
    { 0x4d00a441, "st3 {v1.d, v2.d, v3.d}[1], [x2]", OP_ST3_d },
    { 0x4d9fa441, "st3 {v1.d, v2.d, v3.d}[1], [x2], #0x18", OP_ST3_d_post },
    { 0x4d202441, "st4 {v1.b, v2.b, v3.b, v4.b}[9], [x2]", OP_ST4_b },
    { 0x4dbf2441, "st4 {v1.b, v2.b, v3.b, v4.b}[9], [x2], #4", OP_ST4_b_post },
    { 0x4d206841, "st4 {v1.h, v2.h, v3.h, v4.h}[5], [x2]", OP_ST4_h },
    { 0x4dbf6841, "st4 {v1.h, v2.h, v3.h, v4.h}[5], [x2], #8", OP_ST4_h_post },
    { 0x4d20b041, "st4 {v1.s, v2.s, v3.s, v4.s}[3], [x2]", OP_ST4_s },
    { 0x4dbfb041, "st4 {v1.s, v2.s, v3.s, v4.s}[3], [x2], #0x10", OP_ST4_s_post },
    { 0x4d20a441, "st4 {v1.d, v2.d, v3.d, v4.d}[1], [x2]", OP_ST4_d },
    { 0x4dbfa441, "st4 {v1.d, v2.d, v3.d, v4.d}[1], [x2], #0x20", OP_ST4_d_post },
    { 0x4d400441, "ld1 {v1.b}[9], [x2]", OP_LD1_b },
    { 0x4ddf0441, "ld1 {v1.b}[9], [x2], #1", OP_LD1_b_post },
    { 0x4d404841, "ld1 {v1.h}[5], [x2]", OP_LD1_h },
    { 0x4ddf4841, "ld1 {v1.h}[5], [x2], #2", OP_LD1_h_post },
    { 0x4d409041, "ld1 {v1.s}[3], [x2]", OP_LD1_s },
    { 0x4ddf9041, "ld1 {v1.s}[3], [x2], #4", OP_LD1_s_post },
    { 0x4d408441, "ld1 {v1.d}[1], [x2]", OP_LD1_d },
    { 0x4ddf8441, "ld1 {v1.d}[1], [x2], #8", OP_LD1_d_post },
    { 0x4d600441, "ld2 {v1.b, v2.b}[9], [x2]", OP_LD2_b },
    { 0x4de30441, "ld2 {v1.b, v2.b}[9], [x2], x3", OP_LD2_b_post },
    { 0x4d604841, "ld2 {v1.h, v2.h}[5], [x2]", OP_LD2_h },
    { 0x4de34841, "ld2 {v1.h, v2.h}[5], [x2], x3", OP_LD2_h_post },
    { 0x4d609041, "ld2 {v1.s, v2.s}[3], [x2]", OP_LD2_s },
    { 0x4de39041, "ld2 {v1.s, v2.s}[3], [x2], x3", OP_LD2_s_post },
    { 0x4d608441, "ld2 {v1.d, v2.d}[1], [x2]", OP_LD2_d },
    { 0x4de38441, "ld2 {v1.d, v2.d}[1], [x2], x3", OP_LD2_d_post },
    { 0x4d402441, "ld3 {v1.b, v2.b, v3.b}[9], [x2]", OP_LD3_b },
    { 0x4ddf2441, "ld3 {v1.b, v2.b, v3.b}[9], [x2], #3", OP_LD3_b_post },
    { 0x4d406841, "ld3 {v1.h, v2.h, v3.h}[5], [x2]", OP_LD3_h },
    { 0x4ddf6841, "ld3 {v1.h, v2.h, v3.h}[5], [x2], #6", OP_LD3_h_post },
    { 0x4d40b041, "ld3 {v1.s, v2.s, v3.s}[3], [x2]", OP_LD3_s },
    { 0x4ddfb041, "ld3 {v1.s, v2.s, v3.s}[3], [x2], #0xc", OP_LD3_s_post },
    { 0x4d40a441, "ld3 {v1.d, v2.d, v3.d}[1], [x2]", OP_LD3_d },
    { 0x4ddfa441, "ld3 {v1.d, v2.d, v3.d}[1], [x2], #0x18", OP_LD3_d_post },
    { 0x4d602441, "ld4 {v1.b, v2.b, v3.b, v4.b}[9], [x2]", OP_LD4_b },
    { 0x4dff2441, "ld4 {v1.b, v2.b, v3.b, v4.b}[9], [x2], #4", OP_LD4_b_post },
    { 0x4d606841, "ld4 {v1.h, v2.h, v3.h, v4.h}[5], [x2]", OP_LD4_h },
    { 0x4dff6841, "ld4 {v1.h, v2.h, v3.h, v4.h}[5], [x2], #8", OP_LD4_h_post },
    { 0x4d60b041, "ld4 {v1.s, v2.s, v3.s, v4.s}[3], [x2]", OP_LD4_s },
    { 0x4dffb041, "ld4 {v1.s, v2.s, v3.s, v4.s}[3], [x2], #0x10", OP_LD4_s_post },
    { 0x4d60a441, "ld4 {v1.d, v2.d, v3.d, v4.d}[1], [x2]", OP_LD4_d },
    { 0x4dffa441, "ld4 {v1.d, v2.d, v3.d, v4.d}[1], [x2], #0x20", OP_LD4_d_post },
    { 0x0d40c041, "ld1r {v1.8b}, [x2]", OP_LD1R },
    { 0x0ddfc041, "ld1r {v1.8b}, [x2], #1", OP_LD1R_post },
    { 0x4d60c441, "ld2r {v1.8h, v2.8h}, [x2]", OP_LD2R },
    { 0x4de3c441, "ld2r {v1.8h, v2.8h}, [x2], x3", OP_LD2R_post },
    { 0x4d40e841, "ld3r {v1.4s, v2.4s, v3.4s}, [x2]", OP_LD3R },
    { 0x4ddfe841, "ld3r {v1.4s, v2.4s, v3.4s}, [x2], #0xc", OP_LD3R_post },
    { 0x0d60ec41, "ld4r {v1.1d, v2.1d, v3.1d, v4.1d}, [x2]", OP_LD4R },
    { 0x0de3ec41, "ld4r {v1.1d, v2.1d, v3.1d, v4.1d}, [x2], x3", OP_LD4R_post },
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
        cmocka_unit_test(test_multi),
        cmocka_unit_test(test_lane),
        cmocka_unit_test(test_repl),
        cmocka_unit_test(test_faults),
        cmocka_unit_test(test_sctlr_a),
        cmocka_unit_test(test_sp_align),
        cmocka_unit_test(test_fpen0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
