/* isa/args_ldst.h: arg constants for the ldst rows of insns.def (loads,
 * stores, exclusives, atomics and FP/SIMD register moves). */
#ifndef ARGS_LDST_H
#define ARGS_LDST_H

/* Access size as log2 of its bytes, in the low bits of every ldst arg
 * (a pair's arg gives the size of one register). */
enum {
    LS_B = 0, /* byte */
    LS_H = 1, /* halfword */
    LS_W = 2, /* word */
    LS_X = 3, /* doubleword */
    LS_Q = 4, /* quadword (SIMD&FP Q register) */
    LS_SIZE_MASK = 0x7,
};

/* How a load extends its value into the register. */
enum {
    LS_SX64 = 0x08, /* sign-extend to 64 bits (LDRSB Xt, LDRSW, LDPSW) */
    LS_SX32 = 0x10, /* sign-extend to 32 bits, zero [63:32] (LDRSB Wt) */
};

/* Ordering of exclusives and acquire/release forms. A single in-order PE
 * observes its own accesses in order, so handlers ignore these; they are
 * there for the timing model and the reader. LSE atomics carry theirs in
 * the A/R bits of the word instead (fields 'a' and 'r'). */
enum {
    LS_ACQ = 0x20, /* load-acquire (LDAR, LDAXR, LDAPR) */
    LS_REL = 0x40, /* store-release (STLR, STLXR) */
};

/* Single-register loads, by what they load and how they extend it. */
enum {
    LD_B = LS_B, LD_H = LS_H, LD_W = LS_W, LD_X = LS_X,
    LD_SB64 = LS_B | LS_SX64, LD_SB32 = LS_B | LS_SX32,
    LD_SH64 = LS_H | LS_SX64, LD_SH32 = LS_H | LS_SX32,
    LD_SW64 = LS_W | LS_SX64,
};

/* LSE atomic memory operations: the operation in bits [7:4]. */
enum {
    AT_ADD, AT_CLR, AT_EOR, AT_SET, AT_SMAX, AT_SMIN, AT_UMAX, AT_UMIN, AT_SWP,
};
#define AT_SHIFT 4
#define AT_ARG(op, size) (((op) << AT_SHIFT) | (size))

/* FMOV (general): which part of the FP register moves. */
enum {
    FMOV_S,  /* Wd <-> Sn: bits [31:0], writing Sd zeroes the rest */
    FMOV_D,  /* Xd <-> Dn: bits [63:0], writing Dd zeroes the rest */
    FMOV_D1, /* Xd <-> Vn.D[1]: bits [127:64], the low half is kept */
};

/* SIMD structure loads/stores: registers per structure (selem, 1-4) in
 * bits [2:0]; for the multiple-structure rows the register count of LD1/ST1
 * (rpt) and what the row fixes of the arrangement for LD2-LD4/ST2-ST4,
 * whose 1D arrangement (size:Q = 11:0) is reserved: Q = 1 (VS_Q128), or
 * Q = 0 and the element size (VS_SIZE_FIXED); for single lanes the element
 * size. Q and the other element sizes come from the word's q/z fields. */
#define VS_SELEM_MASK 0x7
#define VS_SIZE_FIXED 0x40
#define VS_Q128 0x80
#define VS_MULTI(selem, rpt) ((selem) | (rpt) << 3)
#define VS_MULTI_Q(selem) (VS_MULTI(selem, 1) | VS_Q128)
#define VS_MULTI_SZ(selem, size) (VS_MULTI(selem, 1) | VS_SIZE_FIXED | (size) << 8)
#define VS_LANE(selem, size) ((selem) | (size) << 3)
#define VS_REPL(selem) (selem)
#define VS_RPT(arg) (((arg) >> 3) & 0x7)
#define VS_FIXED_SIZE(arg) (((arg) >> 8) & 0x3)
#define VS_LANE_SIZE(arg) (((arg) >> 3) & 0x7)

#endif
