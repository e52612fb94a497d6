/* tests/test_mte.c: the FEAT_MTE instructions (IRG, GMI, ADDG/SUBG, SUBP(S),
 * tag loads/stores, STGP, LDGM/STGM/STZGM, DC GVA/GZVA, MSR TCO), the tag
 * store, the enables that gate tag access, and UNDEFINED without MTE.
 * Capstone 4 does not know MTE: each word carries llvm-mc's text (-mattr=+mte).
 * Expected values are worked from the Arm ARM pseudocode by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "mte_tags.h"
#include "regs.h"
#include "sysreg.h"
#include "testcpu.h"

#define D TC_DATA
#define TAG(t) ((uint64_t)(t) << 56)
#define HOLE UINT64_C(0x09000000)

#define SCTLR_DZE_BIT BIT64(14)
#define SCTLR_ATA0_BIT BIT64(42)
#define SCTLR_ATA_BIT BIT64(43)
#define TCR_TBI0_BIT BIT64(37)
#define TCR_EL2_TBI_BIT BIT64(20)

/* llvm-mc -triple=aarch64 -mattr=+mte -show-encoding */
#define IRG_X0_X1_X2 0x9ac21020u    /* irg x0, x1, x2 */
#define IRG_SP_SP 0x9adf13ffu       /* irg sp, sp */
#define IRG_X0_X1 0x9adf1020u       /* irg x0, x1 */
#define GMI_X0_X1_X2 0x9ac21420u    /* gmi x0, x1, x2 */
#define GMI_X0_SP_X2 0x9ac217e0u    /* gmi x0, sp, x2 */
#define ADDG_X0_X1_16_1 0x91810420u /* addg x0, x1, #16, #1 */
#define ADDG_X0_X1_0_0 0x91800020u  /* addg x0, x1, #0, #0 */
#define ADDG_SP_SP_1008_15 0x91bf3fffu /* addg sp, sp, #1008, #15 */
#define SUBG_X0_X1_16_1 0xd1810420u /* subg x0, x1, #16, #1 */
#define SUBP_X0_X1_X2 0x9ac20020u   /* subp x0, x1, x2 */
#define SUBPS_X0_X1_X2 0xbac20020u  /* subps x0, x1, x2 */
#define CMPP_X1_X2 0xbac2003fu      /* cmpp x1, x2 (subps xzr, x1, x2) */
#define SUBPS_X0_SP_SP 0xbadf03e0u  /* subps x0, sp, sp */
#define STG_X0_X1 0xd9200820u       /* stg x0, [x1] */
#define STG_X0_X1_16 0xd9201820u    /* stg x0, [x1, #16] */
#define STG_X0_X1_POST 0xd9201420u  /* stg x0, [x1], #16 */
#define STG_X0_X1_PRE 0xd9201c20u   /* stg x0, [x1, #16]! */
#define STG_SP_SP 0xd9200bffu       /* stg sp, [sp] */
#define STG_X0_SP_PRE 0xd93fffe0u   /* stg x0, [sp, #-16]! */
#define LDG_X2_X1 0xd9600022u       /* ldg x2, [x1] */
#define LDG_X0_X1_M16 0xd97ff020u   /* ldg x0, [x1, #-16] */
#define ST2G_X0_X1 0xd9a00820u      /* st2g x0, [x1] */
#define ST2G_X0_X1_POST 0xd9a02420u /* st2g x0, [x1], #32 */
#define STZG_X0_X1 0xd9600820u      /* stzg x0, [x1] */
#define STZG_X0_X1_PRE 0xd9601c20u  /* stzg x0, [x1, #16]! */
#define STZ2G_X0_X1 0xd9e00820u     /* stz2g x0, [x1] */
#define STGP_X1_X2_X0 0x69000801u   /* stgp x1, x2, [x0] */
#define STGP_X1_X2_X0_PRE 0x69808801u  /* stgp x1, x2, [x0, #16]! */
#define STGP_X1_X2_X0_POST 0x68bf0801u /* stgp x1, x2, [x0], #-32 */
#define STGM_X0_X1 0xd9a00020u      /* stgm x0, [x1] */
#define LDGM_X2_X1 0xd9e00022u      /* ldgm x2, [x1] */
#define STZGM_X0_X1 0xd9200020u     /* stzgm x0, [x1] */
#define DC_GVA_X0 0xd50b7460u       /* dc gva, x0 */
#define DC_GZVA_X0 0xd50b7480u      /* dc gzva, x0 */
#define MSR_TCO_1 0xd503419fu       /* msr TCO, #1 */
#define MSR_TCO_0 0xd503409fu       /* msr TCO, #0 */

/* A CPU at `el` with FEAT_MTE and tag access enabled at every EL
 * (HCR_EL2.ATA, SCTLR_EL1.ATA/ATA0, SCTLR_EL2.ATA), and TBI for the lower
 * VA range so tagged pointers reach RAM. */
static testcpu *mte_cpu(unsigned el)
{
    testcpu *t = tc_new(el);
    a64_cpu *c = &t->cpu;
    c->feat |= FEAT_BIT(FEAT_MTE);
    c->sr[SR_HCR_EL2] |= HCR_EL2_ATA | HCR_EL2_RW;
    c->sr[SR_SCTLR_EL1] |= SCTLR_ATA_BIT | SCTLR_ATA0_BIT;
    c->sr[SR_SCTLR_EL2] |= SCTLR_ATA_BIT;
    c->sr[SR_TCR_EL1] |= TCR_TBI0_BIT;
    c->sr[SR_TCR_EL2] |= TCR_EL2_TBI_BIT;
    return t;
}

/* Execute `word` at the current PC and require that it completed. */
static void run_ok(testcpu *t, uint32_t word)
{
    uint64_t pc = t->cpu.pc;
    tc_exec1(t, word);
    if (t->cpu.exc_taken)
        fail_msg("0x%08x took an exception, ESR_EL1 0x%llx ESR_EL2 0x%llx", word,
                 (unsigned long long)t->cpu.sr[SR_ESR_EL1], (unsigned long long)t->cpu.sr[SR_ESR_EL2]);
    assert_int_equal(t->cpu.pc, pc + 4);
}

static unsigned tag_at(testcpu *t, uint64_t pa) { return a64_tags_get(t->cpu.tags, pa); }

/* The instruction took an exception to `el` with this ESR (and FAR). */
static void expect_exc(testcpu *t, unsigned el, uint32_t esr)
{
    assert_int_equal(t->cpu.exc_taken, 1);
    assert_int_equal(t->cpu.ps.el, el);
    assert_int_equal(t->cpu.sr[el == A64_EL2 ? SR_ESR_EL2 : SR_ESR_EL1], esr);
    assert_int_equal(t->cpu.sr[el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1], TC_CODE);
}

#define ESR_UNDEF 0x02000000u /* EC 0, IL */
/* Data abort from the current EL: EC 0x25, IL, WnR, DFSC. */
static uint32_t esr_dabt_cur(bool wnr, unsigned dfsc)
{
    return (0x25u << 26) | (1u << 25) | (wnr ? 1u << 6 : 0) | dfsc;
}

/* ---- IRG ---- */

/* RGSR_EL1.SEED 0xACE1, TAG 3, nothing excluded. NextRandomTagBit, taps
 * 5^3^2^0 shifting in at bit 15, four times:
 *   0xACE1: 1^0^0^1 = 0 -> 0x5670;  0x5670: 1^0^0^0 = 1 -> 0xAB38;
 *   0xAB38: 1^1^0^0 = 0 -> 0x559C;  0x559C: 0^1^1^0 = 0 -> 0x2ACE;
 * so offset = 0b0010 = 2 and the tag is 3 + 2 = 5; RGSR_EL1 = 0x2ACE05. */
static void test_irg_lfsr(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->sr[SR_RGSR_EL1] = (UINT64_C(0xACE1) << 8) | 3;
    c->x[1] = UINT64_C(0xaf00000040080010); // Xn's tag is replaced, bits [63:60] kept
    c->x[2] = 0;
    run_ok(t, IRG_X0_X1_X2);
    assert_int_equal(c->x[0], UINT64_C(0xa500000040080010));
    assert_int_equal(c->sr[SR_RGSR_EL1], 0x2ACE05);
    // three more from that state (offsets 2, 7, 4: tags 7, 14, 2)
    static const uint64_t rgsr[] = { 0x22AC07, 0x722A0E, 0x472202 };
    for (unsigned i = 0; i < 3; i++) {
        c->pc = TC_CODE;
        run_ok(t, IRG_X0_X1);
        assert_int_equal(c->sr[SR_RGSR_EL1], rgsr[i]);
        assert_int_equal(c->x[0], (c->x[1] & ~TAG(0xf)) | TAG(rgsr[i] & 0xf));
    }
    tc_free(t);
}

/* The same draw (offset 2 from tag 3) with exclusions: GCR_EL1.Exclude
 * {4, 5} gives 3 -> 6 -> 7; adding Xm {7} gives 3 -> 6 -> 8; all excluded
 * gives 0 (and RGSR_EL1.TAG 0, the seed still stepped). */
static void test_irg_exclude(void **state)
{
    (void)state;
    static const struct {
        uint64_t gcr, xm;
        unsigned tag;
    } cases[] = {
        { 0x30, 0, 7 },
        { 0x30, 0x80, 8 },
        { 0x30, UINT64_C(0xffffffffffff0080), 8 }, // Xm bits above 15 ignored
        { 0xffff, 0, 0 },
        { 0x1fff0, 0x000f, 0 },                   // RRND with the seed set: still the LFSR
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        testcpu *t = mte_cpu(A64_EL1);
        a64_cpu *c = &t->cpu;
        c->sr[SR_RGSR_EL1] = (UINT64_C(0xACE1) << 8) | 3;
        c->sr[SR_GCR_EL1] = cases[i].gcr;
        c->x[1] = D;
        c->x[2] = cases[i].xm;
        run_ok(t, IRG_X0_X1_X2);
        assert_int_equal(c->x[0], D | TAG(cases[i].tag));
        assert_int_equal(c->sr[SR_RGSR_EL1], (UINT64_C(0x2ACE) << 8) | cases[i].tag);
        tc_free(t);
    }
}

/* IRG SP, SP; GCR_EL1.RRND = 1 with SEED 0 uses seed 1 (a zero LFSR would
 * never move): 0x0001 gives bits 1, 0, 0, 0, offset 1; from TAG 9 that is
 * 10. Tag access disabled: tag 0, RGSR_EL1 untouched. */
static void test_irg_sp_rrnd_disabled(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->sr[SR_GCR_EL1] = 1u << 16;
    c->sr[SR_RGSR_EL1] = 9;
    c->sp_el[1] = D + 0x100;
    run_ok(t, IRG_SP_SP);
    assert_int_equal(c->sp_el[1], (D + 0x100) | TAG(10));
    assert_int_equal(c->sr[SR_RGSR_EL1] & 0xf, 10);
    tc_free(t);

    t = mte_cpu(A64_EL1);
    c = &t->cpu;
    c->sr[SR_SCTLR_EL1] &= ~SCTLR_ATA_BIT;
    c->sr[SR_RGSR_EL1] = (UINT64_C(0xACE1) << 8) | 3;
    c->x[1] = D | TAG(0xc);
    run_ok(t, IRG_X0_X1);
    assert_int_equal(c->x[0], D);
    assert_int_equal(c->sr[SR_RGSR_EL1], (UINT64_C(0xACE1) << 8) | 3);
    tc_free(t);
}

/* ---- GMI, ADDG, SUBG, SUBP, SUBPS ---- */

static void test_gmi(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[1] = D | TAG(5);
    c->x[2] = 0x1;
    run_ok(t, GMI_X0_X1_X2);
    assert_int_equal(c->x[0], 0x21);
    c->pc = TC_CODE;
    c->sp_el[1] = TAG(0xf);
    c->x[2] = UINT64_C(0xffff000000000000);
    run_ok(t, GMI_X0_SP_X2);
    assert_int_equal(c->x[0], UINT64_C(0xffff000000008000));
    tc_free(t);
}

static void test_addg_subg(void **state)
{
    (void)state;
    static const struct {
        uint32_t word;
        uint64_t gcr, xn, want;
    } cases[] = {
        // 0x...00 + 16, tag 3 + 1
        { ADDG_X0_X1_16_1, 0, D | TAG(3), (D + 16) | TAG(4) },
        // tag 4 excluded: 3 -> 5
        { ADDG_X0_X1_16_1, 0x10, D | TAG(3), (D + 16) | TAG(5) },
        // offset 0 still skips an excluded start tag
        { ADDG_X0_X1_0_0, 0x10, D | TAG(4), D | TAG(5) },
        { ADDG_X0_X1_0_0, 0, D | TAG(4), D | TAG(4) },
        // SUBG: 0x20 - 16, tag 15 + 1 wraps to 0; bits [63:60] kept
        { SUBG_X0_X1_16_1, 0, UINT64_C(0x3f00000040080020), UINT64_C(0x3000000040080010) },
        // everything excluded: tag 0
        { SUBG_X0_X1_16_1, 0xffff, D | 0x20 | TAG(7), D | 0x10 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        testcpu *t = mte_cpu(A64_EL1);
        t->cpu.sr[SR_GCR_EL1] = cases[i].gcr;
        t->cpu.x[1] = cases[i].xn;
        run_ok(t, cases[i].word);
        assert_int_equal(t->cpu.x[0], cases[i].want);
        tc_free(t);
    }
    // SP forms: 1008 = 63 granules; 15 steps from tag 0 with 1..14
    // excluded alternate 15, 0, 15... and end on 15
    testcpu *t = mte_cpu(A64_EL1);
    t->cpu.sr[SR_GCR_EL1] = 0x7ffe;
    t->cpu.sp_el[1] = D;
    run_ok(t, ADDG_SP_SP_1008_15);
    assert_int_equal(t->cpu.sp_el[1], (D + 1008) | TAG(15));
    tc_free(t);
    // tag access disabled (HCR_EL2.ATA = 0 at EL1): the address moves, tag 0
    t = mte_cpu(A64_EL1);
    t->cpu.sr[SR_HCR_EL2] &= ~HCR_EL2_ATA;
    t->cpu.x[1] = D | TAG(3);
    run_ok(t, ADDG_X0_X1_16_1);
    assert_int_equal(t->cpu.x[0], D + 16);
    tc_free(t);
}

#define NZCV(n, z, c, v) (((n) << 31) | ((z) << 30) | ((c) << 29) | ((unsigned)(v) << 28))

static void test_subp(void **state)
{
    (void)state;
    static const struct {
        uint32_t word;
        uint64_t xn, xm, want;
        uint32_t nzcv; /* after; the flags start as N Z C V all set */
    } cases[] = {
        // tags ignored: 0x100 - 0x10
        { SUBP_X0_X1_X2, D | 0x100 | TAG(5), D | 0x10 | TAG(10), 0xf0, NZCV(1, 1, 1, 1) },
        // bit 55 set: sign-extended from 56 bits, the top byte ignored
        { SUBP_X0_X1_X2, UINT64_C(0xab80000000000000), 0, UINT64_C(0xff80000000000000), NZCV(1, 1, 1, 1) },
        // equal addresses, different tags: Z and C
        { SUBPS_X0_X1_X2, D | TAG(1), D | TAG(2), 0, NZCV(0, 1, 1, 0) },
        // smaller minus larger: N, no carry
        { SUBPS_X0_X1_X2, 0x10, 0x20, UINT64_C(0xfffffffffffffff0), NZCV(1, 0, 0, 0) },
        // positive minus negative 56-bit value: no 64-bit overflow, borrow
        { SUBPS_X0_X1_X2, UINT64_C(0x007fffffffffffff), UINT64_C(0x0080000000000000),
          UINT64_C(0x00ffffffffffffff), NZCV(0, 0, 0, 0) },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        testcpu *t = mte_cpu(A64_EL1);
        t->cpu.ps.nzcv = PSTATE_NZCV_MASK;
        t->cpu.x[1] = cases[i].xn;
        t->cpu.x[2] = cases[i].xm;
        run_ok(t, cases[i].word);
        assert_int_equal(t->cpu.x[0], cases[i].want);
        assert_int_equal(t->cpu.ps.nzcv, cases[i].nzcv);
        tc_free(t);
    }
    // CMPP: flags only; SUBPS with SP operands
    testcpu *t = mte_cpu(A64_EL1);
    t->cpu.x[0] = 0x5e5e;
    t->cpu.x[1] = 0x30;
    t->cpu.x[2] = 0x20;
    run_ok(t, CMPP_X1_X2);
    assert_int_equal(t->cpu.ps.nzcv, NZCV(0, 0, 1, 0));
    assert_int_equal(t->cpu.x[0], 0x5e5e);
    t->cpu.pc = TC_CODE;
    t->cpu.sp_el[1] = D | TAG(9);
    run_ok(t, SUBPS_X0_SP_SP);
    assert_int_equal(t->cpu.x[0], 0);
    assert_int_equal(t->cpu.ps.nzcv, NZCV(0, 1, 1, 0));
    tc_free(t);
}

/* ---- tag stores and loads ---- */

static void test_stg_ldg(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[0] = TAG(7);
    c->x[1] = D;
    run_ok(t, STG_X0_X1);
    assert_int_equal(tag_at(t, D), 7);
    assert_int_equal(tag_at(t, D + 16), 0);
    assert_int_equal(tc_read64(t, D), 0); // no data written
    // LDG merges the tag into Xt<59:56>, keeping the other bits
    c->pc = TC_CODE;
    c->x[2] = UINT64_C(0xab00000012345678);
    run_ok(t, LDG_X2_X1);
    assert_int_equal(c->x[2], UINT64_C(0xa700000012345678));
    // LDG's address is aligned down: D + 0x28 - 16 is in the granule at D + 0x10
    c->pc = TC_CODE;
    c->x[0] = TAG(9);
    run_ok(t, STG_X0_X1_16);
    assert_int_equal(tag_at(t, D + 16), 9);
    c->pc = TC_CODE;
    c->x[0] = TAG(0xf);
    c->x[1] = D + 0x28;
    run_ok(t, LDG_X0_X1_M16);
    assert_int_equal(c->x[0], TAG(9));
    assert_int_equal(c->x[1], D + 0x28);
    // a tagged base reaches the untagged granule (TCR_EL1.TBI0)
    c->pc = TC_CODE;
    c->x[1] = D | TAG(3);
    c->x[2] = 0;
    run_ok(t, LDG_X2_X1);
    assert_int_equal(c->x[2], TAG(7));
    tc_free(t);
}

static void test_stg_writeback(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    // post-index: the tag at the base, then base + 16
    c->x[0] = TAG(2);
    c->x[1] = D + 0x100;
    run_ok(t, STG_X0_X1_POST);
    assert_int_equal(tag_at(t, D + 0x100), 2);
    assert_int_equal(c->x[1], D + 0x110);
    // pre-index: base + 16, written back
    c->pc = TC_CODE;
    c->x[0] = TAG(4);
    run_ok(t, STG_X0_X1_PRE);
    assert_int_equal(tag_at(t, D + 0x120), 4);
    assert_int_equal(tag_at(t, D + 0x110), 0);
    assert_int_equal(c->x[1], D + 0x120);
    // Rt = 31 is SP: its tag into [SP]
    c->pc = TC_CODE;
    c->sp_el[1] = (D + 0x200) | TAG(0xb);
    run_ok(t, STG_SP_SP);
    assert_int_equal(tag_at(t, D + 0x200), 0xb);
    // SP base with pre-index write-back
    c->pc = TC_CODE;
    c->x[0] = TAG(6);
    c->sp_el[1] = D + 0x300;
    run_ok(t, STG_X0_SP_PRE);
    assert_int_equal(tag_at(t, D + 0x2f0), 6);
    assert_int_equal(c->sp_el[1], D + 0x2f0);
    tc_free(t);
}

/* Tag stores need 16-byte alignment whatever SCTLR_EL1.A says; an SP base
 * checks SP alignment first (SCTLR_EL1.SA). No tag, no write-back. */
static void test_stg_alignment(void **state)
{
    (void)state;
    static const uint32_t words[] = { STG_X0_X1_PRE, ST2G_X0_X1, STZG_X0_X1, STZ2G_X0_X1 };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        testcpu *t = mte_cpu(A64_EL1);
        t->cpu.x[0] = TAG(1);
        t->cpu.x[1] = D + 8;
        tc_exec1(t, words[i]);
        expect_exc(t, A64_EL1, esr_dabt_cur(true, FSC_ALIGNMENT));
        uint64_t va = words[i] == STG_X0_X1_PRE ? D + 24 : D + 8;
        assert_int_equal(t->cpu.sr[SR_FAR_EL1], va);
        assert_int_equal(t->cpu.x[1], D + 8);
        assert_null(t->cpu.tags);
        tc_free(t);
    }
    testcpu *t = mte_cpu(A64_EL1);
    t->cpu.x[2] = 0x1234;
    t->cpu.x[0] = D + 8;
    tc_exec1(t, STGP_X1_X2_X0);
    expect_exc(t, A64_EL1, esr_dabt_cur(true, FSC_ALIGNMENT));
    assert_int_equal(tc_read64(t, D + 16), 0);
    tc_free(t);

    t = mte_cpu(A64_EL1);
    t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA;
    t->cpu.sp_el[1] = D + 8;
    tc_exec1(t, STG_SP_SP);
    expect_exc(t, A64_EL1, (0x26u << 26) | (1u << 25));
    tc_free(t);
}

/* ST2G covers two granules (also across a page boundary); STZG/STZ2G zero
 * exactly their granules' data. */
static void test_st2g_stzg(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[0] = TAG(0xd);
    c->x[1] = D + 0x40;
    run_ok(t, ST2G_X0_X1);
    assert_int_equal(tag_at(t, D + 0x30), 0);
    assert_int_equal(tag_at(t, D + 0x40), 0xd);
    assert_int_equal(tag_at(t, D + 0x50), 0xd);
    assert_int_equal(tag_at(t, D + 0x60), 0);
    c->pc = TC_CODE;
    c->x[1] = D + 0xff0;
    c->x[0] = TAG(8);
    run_ok(t, ST2G_X0_X1_POST);
    assert_int_equal(tag_at(t, D + 0xff0), 8);
    assert_int_equal(tag_at(t, D + 0x1000), 8);
    assert_int_equal(c->x[1], D + 0x1010);

    memset(tc_ptr(t, D + 0x2000), 0xaa, 0x80);
    c->pc = TC_CODE;
    c->x[0] = TAG(3);
    c->x[1] = D + 0x2010;
    run_ok(t, STZG_X0_X1);
    assert_int_equal(tc_read64(t, D + 0x2008), UINT64_C(0xaaaaaaaaaaaaaaaa));
    assert_int_equal(tc_read64(t, D + 0x2010), 0);
    assert_int_equal(tc_read64(t, D + 0x2018), 0);
    assert_int_equal(tc_read64(t, D + 0x2020), UINT64_C(0xaaaaaaaaaaaaaaaa));
    assert_int_equal(tag_at(t, D + 0x2010), 3);
    c->pc = TC_CODE;
    c->x[0] = TAG(0xe);
    c->x[1] = D + 0x2040;
    run_ok(t, STZ2G_X0_X1);
    assert_int_equal(tc_read64(t, D + 0x2038), UINT64_C(0xaaaaaaaaaaaaaaaa));
    for (unsigned off = 0x40; off < 0x60; off += 8)
        assert_int_equal(tc_read64(t, D + 0x2000 + off), 0);
    assert_int_equal(tc_read64(t, D + 0x2060), UINT64_C(0xaaaaaaaaaaaaaaaa));
    assert_int_equal(tag_at(t, D + 0x2040), 0xe);
    assert_int_equal(tag_at(t, D + 0x2050), 0xe);
    assert_int_equal(tag_at(t, D + 0x2060), 0);
    tc_free(t);
}

/* A data fault of STZG (nothing at the address) stops it before the tag
 * and the write-back; a stage-2 fault reports no instruction syndrome. */
static void test_stzg_faults(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    t->cpu.x[0] = TAG(3);
    t->cpu.x[1] = 0x100;
    tc_exec1(t, STZG_X0_X1_PRE);
    expect_exc(t, A64_EL1, esr_dabt_cur(true, FSC_SEA));
    assert_int_equal(t->cpu.sr[SR_FAR_EL1], 0x110);
    assert_int_equal(t->cpu.x[1], 0x100);
    tc_free(t);

    t = mte_cpu(A64_EL1);
    t->hole_base = HOLE;
    t->hole_size = 0x1000;
    t->cpu.sr[SR_HCR_EL2] |= HCR_EL2_VM;
    t->cpu.x[1] = HOLE + 0x20;
    tc_exec1(t, STZG_X0_X1);
    // EC 0x24, IL, ISV 0, WnR, DFSC 0x07 (level 3 translation)
    expect_exc(t, A64_EL2, (0x24u << 26) | (1u << 25) | (1u << 6) | 0x07);
    assert_int_equal(t->cpu.sr[SR_FAR_EL2], HOLE + 0x20);
    tc_free(t);
}

/* STGP stores Xt, Xt2 and the tag of the address itself. */
static void test_stgp(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->x[0] = (D + 0x400) | TAG(6);
    c->x[1] = UINT64_C(0x1111111111111111);
    c->x[2] = UINT64_C(0x2222222222222222);
    run_ok(t, STGP_X1_X2_X0);
    assert_int_equal(tc_read64(t, D + 0x400), UINT64_C(0x1111111111111111));
    assert_int_equal(tc_read64(t, D + 0x408), UINT64_C(0x2222222222222222));
    assert_int_equal(tag_at(t, D + 0x400), 6);
    c->pc = TC_CODE;
    run_ok(t, STGP_X1_X2_X0_PRE);
    assert_int_equal(tc_read64(t, D + 0x410), UINT64_C(0x1111111111111111));
    assert_int_equal(tag_at(t, D + 0x410), 6);
    assert_int_equal(c->x[0], (D + 0x410) | TAG(6));
    c->pc = TC_CODE;
    c->x[0] = D + 0x500; // tag 0 over a granule with a tag
    c->x[1] = 0x33;
    assert_true(a64_tags_set(&c->tags, D + 0x500, 0xa));
    run_ok(t, STGP_X1_X2_X0_POST);
    assert_int_equal(tc_read64(t, D + 0x500), 0x33);
    assert_int_equal(tag_at(t, D + 0x500), 0);
    assert_int_equal(c->x[0], D + 0x4e0);
    tc_free(t);

    // without TBI a tagged address is not RAM: the data store aborts
    t = mte_cpu(A64_EL1);
    t->cpu.sr[SR_TCR_EL1] &= ~TCR_TBI0_BIT;
    t->cpu.x[0] = (D + 0x400) | TAG(6);
    tc_exec1(t, STGP_X1_X2_X0);
    expect_exc(t, A64_EL1, esr_dabt_cur(true, FSC_SEA));
    assert_int_equal(t->cpu.sr[SR_FAR_EL1], (D + 0x400) | TAG(6));
    assert_null(t->cpu.tags);
    tc_free(t);
}

/* LDGM/STGM move a GMID_EL1.BS block's tags (BS 4: 64 bytes, 4 tags),
 * granule i of the 256-byte region at bits [4i+3:4i]; STZGM zeroes a
 * DCZID_EL0.BS block (64 bytes) and tags it with Xt<3:0>. */
static void test_ldgm_stgm_stzgm(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    assert_int_equal(c->sr[SR_GMID_EL1], 4);
    c->x[0] = UINT64_C(0x0123456789abcdef);
    c->x[1] = D + 0x148; // aligned down to D + 0x140: granules 4..7
    run_ok(t, STGM_X0_X1);
    assert_int_equal(tag_at(t, D + 0x130), 0);
    assert_int_equal(tag_at(t, D + 0x140), 0xb);
    assert_int_equal(tag_at(t, D + 0x150), 0xa);
    assert_int_equal(tag_at(t, D + 0x160), 0x9);
    assert_int_equal(tag_at(t, D + 0x170), 0x8);
    assert_int_equal(tag_at(t, D + 0x180), 0);
    c->pc = TC_CODE;
    c->x[2] = ~UINT64_C(0);
    c->x[1] = D + 0x17f;
    run_ok(t, LDGM_X2_X1);
    assert_int_equal(c->x[2], UINT64_C(0x0000000089ab0000));

    memset(tc_ptr(t, D + 0x600), 0x55, 0x100);
    c->pc = TC_CODE;
    c->x[0] = UINT64_C(0xfffffffffffffff5);
    c->x[1] = D + 0x650;
    run_ok(t, STZGM_X0_X1);
    assert_int_equal(tc_read64(t, D + 0x638), UINT64_C(0x5555555555555555));
    for (unsigned off = 0x640; off < 0x680; off += 8)
        assert_int_equal(tc_read64(t, D + off), 0);
    assert_int_equal(tc_read64(t, D + 0x680), UINT64_C(0x5555555555555555));
    for (unsigned off = 0x640; off < 0x680; off += 16)
        assert_int_equal(tag_at(t, D + off), 5);
    assert_int_equal(tag_at(t, D + 0x680), 0);
    tc_free(t);

    // tag access disabled: LDGM reads zeros, STGM writes nothing
    t = mte_cpu(A64_EL1);
    assert_true(a64_tags_set(&t->cpu.tags, D + 0x10, 3));
    t->cpu.sr[SR_SCTLR_EL1] &= ~SCTLR_ATA_BIT;
    t->cpu.x[1] = D;
    t->cpu.x[2] = 0x5e;
    run_ok(t, LDGM_X2_X1);
    assert_int_equal(t->cpu.x[2], 0);
    t->cpu.pc = TC_CODE;
    t->cpu.x[0] = ~UINT64_C(0);
    run_ok(t, STGM_X0_X1);
    assert_int_equal(tag_at(t, D), 0);
    assert_int_equal(tag_at(t, D + 0x10), 3);
    tc_free(t);
}

/* EL1-and-up only: UNDEFINED at EL0. */
static void test_block_forms_el0(void **state)
{
    (void)state;
    static const uint32_t words[] = { LDGM_X2_X1, STGM_X0_X1, STZGM_X0_X1 };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        testcpu *t = mte_cpu(A64_EL0);
        t->cpu.x[0] = 0xf;
        t->cpu.x[1] = D;
        t->cpu.x[2] = 0x5e;
        tc_exec1(t, words[i]);
        expect_exc(t, A64_EL1, ESR_UNDEF);
        assert_int_equal(t->cpu.x[2], 0x5e);
        assert_null(t->cpu.tags);
        tc_free(t);
    }
    // the other tag instructions work at EL0 (SCTLR_EL1.ATA0)
    testcpu *t = mte_cpu(A64_EL0);
    t->cpu.x[0] = TAG(5);
    t->cpu.x[1] = D;
    run_ok(t, STG_X0_X1);
    assert_int_equal(tag_at(t, D), 5);
    tc_free(t);
}

/* AllocationTagAccessIsEnabled: HCR_EL2.ATA for EL0/EL1 (not in the host
 * regime), SCTLR_EL1.ATA at EL1, ATA0 at EL0, SCTLR_EL2.ATA at EL2. A
 * disabled store is a no-op, a disabled LDG inserts tag 0. */
static void test_tag_access_enables(void **state)
{
    (void)state;
    static const struct {
        unsigned el;
        int reg;
        uint64_t bit;
    } off[] = {
        { A64_EL1, SR_HCR_EL2, HCR_EL2_ATA },
        { A64_EL1, SR_SCTLR_EL1, SCTLR_ATA_BIT },
        { A64_EL0, SR_HCR_EL2, HCR_EL2_ATA },
        { A64_EL0, SR_SCTLR_EL1, SCTLR_ATA0_BIT },
        { A64_EL2, SR_SCTLR_EL2, SCTLR_ATA_BIT },
    };
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++) {
        testcpu *t = mte_cpu(off[i].el);
        assert_true(a64_tags_set(&t->cpu.tags, D + 0x10, 9));
        t->cpu.sr[off[i].reg] &= ~off[i].bit;
        t->cpu.x[0] = TAG(5);
        t->cpu.x[1] = D;
        run_ok(t, STG_X0_X1);
        assert_int_equal(tag_at(t, D), 0);
        t->cpu.pc = TC_CODE;
        t->cpu.x[1] = D + 0x10;
        t->cpu.x[2] = TAG(0xf) | 1;
        run_ok(t, LDG_X2_X1);
        assert_int_equal(t->cpu.x[2], 1);
        tc_free(t);
    }
    // EL2: HCR_EL2.ATA does not matter; SCTLR_EL2.ATA does
    testcpu *t = mte_cpu(A64_EL2);
    t->cpu.sr[SR_HCR_EL2] &= ~HCR_EL2_ATA;
    t->cpu.sr[SR_SCTLR_EL1] &= ~SCTLR_ATA_BIT;
    t->cpu.x[0] = TAG(5);
    t->cpu.x[1] = D;
    run_ok(t, STG_X0_X1);
    assert_int_equal(tag_at(t, D), 5);
    tc_free(t);
}

/* Only RAM is Tagged: a tag store to a device is ignored, a load gives 0. */
static void test_untagged_memory(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    t->cpu.x[0] = TAG(5);
    t->cpu.x[1] = 0x1000;
    run_ok(t, STG_X0_X1);
    assert_null(t->cpu.tags);
    t->cpu.pc = TC_CODE;
    t->cpu.x[2] = TAG(3);
    run_ok(t, LDG_X2_X1);
    assert_int_equal(t->cpu.x[2], 0);
    tc_free(t);
}

/* ---- DC GVA / GZVA, MSR TCO ---- */

static void test_dc_gva(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL1);
    a64_cpu *c = &t->cpu;
    memset(tc_ptr(t, D + 0x800), 0x77, 0x100);
    c->x[0] = (D + 0x828) | TAG(9); // the 64-byte block at D + 0x800
    run_ok(t, DC_GVA_X0);
    for (unsigned off = 0x800; off < 0x840; off += 16)
        assert_int_equal(tag_at(t, D + off), 9);
    assert_int_equal(tag_at(t, D + 0x840), 0);
    assert_int_equal(tc_read64(t, D + 0x800), UINT64_C(0x7777777777777777));
    c->pc = TC_CODE;
    c->x[0] = (D + 0x840) | TAG(2);
    run_ok(t, DC_GZVA_X0);
    for (unsigned off = 0x840; off < 0x880; off += 8)
        assert_int_equal(tc_read64(t, D + off), 0);
    assert_int_equal(tc_read64(t, D + 0x880), UINT64_C(0x7777777777777777));
    assert_int_equal(tag_at(t, D + 0x870), 2);
    tc_free(t);

    // EL0 needs SCTLR_EL1.DZE (else EC 0x18 to EL1); HCR_EL2.TDZ traps EL1
    // to EL2. ISS: Op0 1, Op2 3, Op1 3, CRn 7, Rt 0, CRm 4, write.
    uint32_t iss = (1u << 20) | (3u << 17) | (3u << 14) | (7u << 10) | (4u << 1);
    t = mte_cpu(A64_EL0);
    t->cpu.x[0] = D;
    tc_exec1(t, DC_GVA_X0);
    expect_exc(t, A64_EL1, (0x18u << 26) | (1u << 25) | iss);
    tc_free(t);
    t = mte_cpu(A64_EL0);
    t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_DZE_BIT;
    t->cpu.x[0] = D | TAG(1);
    run_ok(t, DC_GVA_X0);
    assert_int_equal(tag_at(t, D), 1);
    tc_free(t);
    t = mte_cpu(A64_EL1);
    t->cpu.sr[SR_HCR_EL2] |= HCR_EL2_TDZ;
    t->cpu.x[0] = D;
    tc_exec1(t, DC_GZVA_X0);
    expect_exc(t, A64_EL2, (0x18u << 26) | (1u << 25) | (iss & ~(7u << 17)) | (4u << 17));
    tc_free(t);
}

static void test_msr_tco(void **state)
{
    (void)state;
    testcpu *t = mte_cpu(A64_EL0);
    run_ok(t, MSR_TCO_1);
    assert_int_equal(t->cpu.ps.tco, 1);
    t->cpu.pc = TC_CODE;
    run_ok(t, MSR_TCO_0);
    assert_int_equal(t->cpu.ps.tco, 0);
    tc_free(t);
}

/* ---- without FEAT_MTE every row is UNDEFINED ---- */

static void test_undefined_without_mte(void **state)
{
    (void)state;
    static const uint32_t words[] = {
        IRG_X0_X1_X2, IRG_SP_SP, GMI_X0_X1_X2, ADDG_X0_X1_16_1, SUBG_X0_X1_16_1, SUBP_X0_X1_X2,
        SUBPS_X0_X1_X2, CMPP_X1_X2, STG_X0_X1, STG_X0_X1_POST, STG_X0_X1_PRE, LDG_X2_X1, ST2G_X0_X1,
        STZG_X0_X1, STZ2G_X0_X1, STGP_X1_X2_X0, STGP_X1_X2_X0_PRE, STGP_X1_X2_X0_POST, STGM_X0_X1,
        LDGM_X2_X1, STZGM_X0_X1, DC_GVA_X0, DC_GZVA_X0, MSR_TCO_1,
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        testcpu *t = mte_cpu(A64_EL1);
        t->cpu.feat &= ~FEAT_BIT(FEAT_MTE);
        for (unsigned r = 0; r < 31; r++)
            t->cpu.x[r] = D + 0x40 * r;
        t->cpu.sp_el[1] = D + 0x1000;
        tc_exec1(t, words[i]);
        expect_exc(t, A64_EL1, ESR_UNDEF);
        for (unsigned r = 0; r < 31; r++)
            assert_int_equal(t->cpu.x[r], D + 0x40 * r);
        assert_null(t->cpu.tags);
        assert_int_equal(tc_read64(t, D + 0x40), 0);
        tc_free(t);
    }
}

/* Every word above decodes to the row its name says; the unallocated
 * neighbours (imm9 != 0 in the block forms, ADDG op3 != 0, sf = 0) stay
 * unallocated. */
static void test_decode_rows(void **state)
{
    (void)state;
    static const struct {
        uint32_t word;
        unsigned op;
    } rows[] = {
        { IRG_X0_X1_X2, OP_IRG }, { GMI_X0_X1_X2, OP_GMI }, { SUBP_X0_X1_X2, OP_SUBP },
        { SUBPS_X0_X1_X2, OP_SUBPS }, { ADDG_X0_X1_16_1, OP_ADDG }, { SUBG_X0_X1_16_1, OP_SUBG },
        { STZGM_X0_X1, OP_STZGM }, { STG_X0_X1_POST, OP_STG_post }, { STG_X0_X1, OP_STG_off },
        { STG_X0_X1_PRE, OP_STG_pre }, { LDG_X2_X1, OP_LDG }, { STZG_X0_X1, OP_STZG_off },
        { STZG_X0_X1_PRE, OP_STZG_pre }, { STGM_X0_X1, OP_STGM }, { ST2G_X0_X1, OP_ST2G_off },
        { ST2G_X0_X1_POST, OP_ST2G_post }, { LDGM_X2_X1, OP_LDGM }, { STZ2G_X0_X1, OP_STZ2G_off },
        { STGP_X1_X2_X0, OP_STGP_off }, { STGP_X1_X2_X0_PRE, OP_STGP_pre },
        { STGP_X1_X2_X0_POST, OP_STGP_post }, { DC_GVA_X0, OP_DC_GVA }, { DC_GZVA_X0, OP_DC_GZVA },
        { MSR_TCO_1, OP_MSR_TCO },
        { LDGM_X2_X1 | (1u << 12), OP_UNALLOCATED },  // imm9 = 1
        { STZGM_X0_X1 | (1u << 20), OP_UNALLOCATED }, // imm9 = 0x100
        { ADDG_X0_X1_16_1 | (1u << 14), OP_UNALLOCATED }, // op3 = 01
        { ADDG_X0_X1_16_1 & ~(1u << 31), OP_UNALLOCATED }, // sf = 0
        { IRG_X0_X1_X2 & ~(1u << 31), OP_UNALLOCATED },
    };
    assert_true(a64_decode_init(NULL, 0));
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (a64_decode_op(rows[i].word) != rows[i].op)
            fail_msg("0x%08x decodes to %s, not %s", rows[i].word, a64_insns[a64_decode_op(rows[i].word)].id,
                     a64_insns[rows[i].op].id);
}

/* ---- the tag store ---- */

static void test_tag_store(void **state)
{
    (void)state;
    a64_tags *s = NULL;
    assert_int_equal(a64_tags_get(s, 0x1000), 0);
    assert_true(a64_tags_set(&s, 0x1000, 0)); // a zero tag needs no store
    assert_null(s);
    assert_true(a64_tags_set(&s, 0x1010, 0xa));
    assert_true(a64_tags_set(&s, 0x1020, 0x5));
    assert_int_equal(a64_tags_get(s, 0x1000), 0);
    assert_int_equal(a64_tags_get(s, 0x101f), 0xa);
    assert_int_equal(a64_tags_get(s, 0x1020), 0x5);
    // enough pages to grow the table several times
    for (uint64_t p = 0; p < 5000; p++)
        assert_true(a64_tags_set(&s, (p << 12) | 0x30 | (UINT64_C(1) << 40), (unsigned)p & 0xf));
    for (uint64_t p = 0; p < 5000; p++)
        assert_int_equal(a64_tags_get(s, (p << 12) | 0x30 | (UINT64_C(1) << 40)), p & 0xf);
    assert_int_equal(a64_tags_get(s, 0x1010), 0xa);
    // a clone is independent
    a64_tags *k = a64_tags_clone(s);
    assert_non_null(k);
    assert_true(a64_tags_set(&s, 0x1010, 0x3));
    assert_int_equal(a64_tags_get(k, 0x1010), 0xa);
    assert_int_equal(a64_tags_get(s, 0x1010), 0x3);
    assert_null(a64_tags_clone(NULL));
    a64_tags_free(k);
    a64_tags_free(s);
    a64_tags_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_irg_lfsr),
        cmocka_unit_test(test_irg_exclude),
        cmocka_unit_test(test_irg_sp_rrnd_disabled),
        cmocka_unit_test(test_gmi),
        cmocka_unit_test(test_addg_subg),
        cmocka_unit_test(test_subp),
        cmocka_unit_test(test_stg_ldg),
        cmocka_unit_test(test_stg_writeback),
        cmocka_unit_test(test_stg_alignment),
        cmocka_unit_test(test_st2g_stzg),
        cmocka_unit_test(test_stzg_faults),
        cmocka_unit_test(test_stgp),
        cmocka_unit_test(test_ldgm_stgm_stzgm),
        cmocka_unit_test(test_block_forms_el0),
        cmocka_unit_test(test_tag_access_enables),
        cmocka_unit_test(test_untagged_memory),
        cmocka_unit_test(test_dc_gva),
        cmocka_unit_test(test_msr_tco),
        cmocka_unit_test(test_undefined_without_mte),
        cmocka_unit_test(test_decode_rows),
        cmocka_unit_test(test_tag_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
