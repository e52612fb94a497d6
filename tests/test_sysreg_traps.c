/* tests/test_sysreg_traps.c: each system-register trap rule, checked with
 * syndromes worked out by hand from the Arm ARM's EC 0x18 ISS layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "exception.h"
#include "regs.h"
#include "syndrome.h"
#include "sysreg.h"
#include "testcpu.h"

/* ESR_ELx of a trapped MSR/MRS (EC 0x18): EC << 26 | IL (bit 25) | ISS,
 * ISS = Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5],
 * CRm [4:1], direction [0] (1 = read). So 0x62000000 | ISS below. The
 * words are llvm-mc's (-mattr=+v8.5a,+ras,+mte,+pauth). Writes use x1,
 * reads x2. Where Capstone 4 does not know a register (the ARMv8.2+
 * ones: RAS, PAuth, MTE) its text is the generic s<op0>_<op1>_c<n>_c<m>_<op2>. */
#define ESR_UNDEF 0x02000000u /* EC 0, IL */
#define X1_VALUE UINT64_C(0x5a5a)
#define X2_VALUE UINT64_C(0xdead)
#define NONE (-1)

typedef struct trap_case {
    const char *text;   /* Capstone 4's text for word */
    uint32_t word;
    unsigned el;        /* EL the access runs at */
    uint64_t feat;      /* features the register needs */
    int reg;            /* the control register... */
    uint64_t trap_val;  /* ...with this value the access traps */
    uint64_t ok_val;    /* ...with this value it succeeds */
    int reg2;           /* other setup, or NONE */
    uint64_t val2;
    unsigned target;    /* EL the trap is taken to */
    uint32_t esr;
} trap_case;

#define F(x) FEAT_BIT(FEAT_##x)
#define SCTLR1_RESET UINT64_C(0x30d00800)
#define SCTLR2_RESET UINT64_C(0x30c50830)
#define CPTR_RESET UINT64_C(0x33ff)
#define VHE_HOST (HCR_EL2_E2H | HCR_EL2_TGE)

static const trap_case cases[] = {
    /* HCR_EL2.TVM traps writes: Op0 3, Op2 0, Op1 0, CRn 1, Rt 1, CRm 0, write */
    { "msr sctlr_el1, x1", 0xd5181001, 1, 0, SR_HCR_EL2, HCR_EL2_TVM, 0, NONE, 0, 2, 0x62300420 },
    /* TRVM traps reads, TVM does not: Op0 3, Op2 0, Op1 0, CRn 2, Rt 2, CRm 0, read */
    { "mrs x2, ttbr0_el1", 0xd5382002, 1, 0, SR_HCR_EL2, HCR_EL2_TRVM, HCR_EL2_TVM, NONE, 0, 2, 0x62300841 },
    /* TID1: Op0 3, Op2 6, Op1 0, CRn 0, Rt 2, CRm 0, read */
    { "mrs x2, revidr_el1", 0xd53800c2, 1, 0, SR_HCR_EL2, HCR_EL2_TID1, 0, NONE, 0, 2, 0x623c0041 },
    /* TID2: Op0 3, Op2 0, Op1 1, CRn 0, Rt 2, CRm 0, read */
    { "mrs x2, ccsidr_el1", 0xd5390002, 1, 0, SR_HCR_EL2, HCR_EL2_TID2, 0, NONE, 0, 2, 0x62304041 },
    /* CTR_EL0: Op0 3, Op2 1, Op1 3, CRn 0, Rt 2, CRm 0, read; TID2 at EL1... */
    { "mrs x2, ctr_el0", 0xd53b0022, 1, 0, SR_HCR_EL2, HCR_EL2_TID2, 0, NONE, 0, 2, 0x6232c041 },
    /* ...at EL0 SCTLR_EL1.UCT = 0 traps to EL1 first... */
    { "mrs x2, ctr_el0", 0xd53b0022, 0, 0, SR_SCTLR_EL1, SCTLR1_RESET, SCTLR1_RESET | SCTLR_UCT, NONE, 0, 1,
      0x6232c041 },
    /* ...and with UCT = 1, TID2 traps EL0 to EL2 */
    { "mrs x2, ctr_el0", 0xd53b0022, 0, 0, SR_HCR_EL2, HCR_EL2_TID2, 0, SR_SCTLR_EL1, SCTLR1_RESET | SCTLR_UCT,
      2, 0x6232c041 },
    /* a VHE host's EL0 (E2H = TGE = 1) is gated by SCTLR_EL2.UCT, to EL2 */
    { "mrs x2, ctr_el0", 0xd53b0022, 0, F(VHE), SR_SCTLR_EL2, SCTLR2_RESET, SCTLR2_RESET | SCTLR_UCT, SR_HCR_EL2,
      VHE_HOST, 2, 0x6232c041 },
    /* TID3: Op0 3, Op2 0, Op1 0, CRn 0, Rt 2, CRm 7, read */
    { "mrs x2, id_aa64mmfr0_el1", 0xd5380702, 1, 0, SR_HCR_EL2, HCR_EL2_TID3, 0, NONE, 0, 2, 0x6230004f },
    /* a reserved ID encoding (no row) too: Op0 3, Op2 7, Op1 0, CRn 0, Rt 2, CRm 3, read */
    { "mrs x2, s3_0_c0_c3_7", 0xd53803e2, 1, 0, SR_HCR_EL2, HCR_EL2_TID3, 0, NONE, 0, 2, 0x623e0047 },
    /* TACR: Op0 3, Op2 1, Op1 0, CRn 1, Rt 1, CRm 0, write */
    { "msr actlr_el1, x1", 0xd5181021, 1, 0, SR_HCR_EL2, HCR_EL2_TACR, 0, NONE, 0, 2, 0x62320420 },
    /* TERR: Op0 3, Op2 2, Op1 0, CRn 5, Rt 2, CRm 4, read */
    { "mrs x2, s3_0_c5_c4_2", 0xd5385442, 1, F(RAS), SR_HCR_EL2, HCR_EL2_TERR, 0, NONE, 0, 2, 0x62341449 },
    /* APK = 0 traps: Op0 3, Op2 0, Op1 0, CRn 2, Rt 1, CRm 1, write */
    { "msr s3_0_c2_c1_0, x1", 0xd5182101, 1, F(PAUTH), SR_HCR_EL2, 0, HCR_EL2_APK, NONE, 0, 2, 0x62300822 },
    /* TLOR: Op0 3, Op2 3, Op1 0, CRn 10, Rt 2, CRm 4, read */
    { "mrs x2, lorc_el1", 0xd538a462, 1, F(LOR), SR_HCR_EL2, HCR_EL2_TLOR, 0, NONE, 0, 2, 0x62362849 },
    /* ATA = 0 traps: Op0 3, Op2 6, Op1 0, CRn 1, Rt 1, CRm 0, write */
    { "msr s3_0_c1_c0_6, x1", 0xd51810c1, 1, F(MTE), SR_HCR_EL2, 0, HCR_EL2_ATA, NONE, 0, 2, 0x623c0420 },
    /* CPTR_EL2.TCPAC: Op0 3, Op2 2, Op1 0, CRn 1, Rt 1, CRm 0, write */
    { "msr cpacr_el1, x1", 0xd5181041, 1, 0, SR_CPTR_EL2, CPTR_RESET | CPTR_EL2_TCPAC, CPTR_RESET, NONE, 0, 2,
      0x62340420 },
    /* MDCR_EL2.TDA: Op0 2, Op2 2, Op1 0, CRn 0, Rt 2, CRm 2, read */
    { "mrs x2, mdscr_el1", 0xd5300242, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDA, MDCR_EL2_TDOSA | MDCR_EL2_TDRA, NONE,
      0, 2, 0x62240045 },
    /* TDE makes TDA act as 1 */
    { "mrs x2, mdscr_el1", 0xd5300242, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDE, 0, NONE, 0, 2, 0x62240045 },
    /* TDA: Op0 2, Op2 5, Op1 0, CRn 0, Rt 1, CRm 0, write */
    { "msr dbgbcr0_el1, x1", 0xd51000a1, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDA, 0, NONE, 0, 2, 0x622a0020 },
    /* TDOSA: Op0 2, Op2 4, Op1 0, CRn 1, Rt 1, CRm 0, write */
    { "msr oslar_el1, x1", 0xd5101081, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDOSA, MDCR_EL2_TDA, NONE, 0, 2, 0x62280420 },
    /* TDOSA: Op0 2, Op2 4, Op1 0, CRn 1, Rt 2, CRm 1, read */
    { "mrs x2, oslsr_el1", 0xd5301182, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDOSA, MDCR_EL2_TDA, NONE, 0, 2, 0x62280443 },
    /* TDRA, and not TDA/TDOSA: Op0 2, Op2 0, Op1 0, CRn 1, Rt 2, CRm 0, read */
    { "mrs x2, mdrar_el1", 0xd5301002, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDRA, MDCR_EL2_TDA | MDCR_EL2_TDOSA, NONE, 0,
      2, 0x62200441 },
    /* DCC at EL1 under TDA: Op0 2, Op2 0, Op1 3, CRn 0, Rt 2, CRm 1, read */
    { "mrs x2, mdccsr_el0", 0xd5330102, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDA, 0, NONE, 0, 2, 0x6220c043 },
    /* ...and at EL0 MDSCR_EL1.TDCC traps it to EL1 */
    { "mrs x2, mdccsr_el0", 0xd5330102, 0, 0, SR_MDSCR_EL1, MDSCR_EL1_TDCC, 0, NONE, 0, 1, 0x6220c043 },
    /* MDCR_EL2.TPM, not TPMCR: Op0 3, Op2 0, Op1 3, CRn 9, Rt 2, CRm 13, read */
    { "mrs x2, pmccntr_el0", 0xd53b9d02, 1, 0, SR_MDCR_EL2, MDCR_EL2_TPM, MDCR_EL2_TPMCR, NONE, 0, 2,
      0x6230e45b },
    /* TPM: Op0 3, Op2 1, Op1 0, CRn 9, Rt 1, CRm 14, write */
    { "msr pmintenset_el1, x1", 0xd5189e21, 1, 0, SR_MDCR_EL2, MDCR_EL2_TPM, 0, NONE, 0, 2, 0x6232243c },
    /* TPMCR: Op0 3, Op2 0, Op1 3, CRn 9, Rt 1, CRm 12, write */
    { "msr pmcr_el0, x1", 0xd51b9c01, 1, 0, SR_MDCR_EL2, MDCR_EL2_TPMCR, 0, NONE, 0, 2, 0x6230e438 },
    /* EL0, PMUSERENR_EL0.CR enables reads of the cycle counter... */
    { "mrs x2, pmccntr_el0", 0xd53b9d02, 0, 0, SR_PMUSERENR_EL0, 0, PMUSERENR_EL0_CR, NONE, 0, 1, 0x6230e45b },
    /* ...not writes: Op0 3, Op2 0, Op1 3, CRn 9, Rt 1, CRm 13, write */
    { "msr pmccntr_el0, x1", 0xd51b9d01, 0, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_CR, PMUSERENR_EL0_EN, NONE, 0,
      1, 0x6230e43a },
    /* SW enables PMSWINC_EL0: Op0 3, Op2 4, Op1 3, CRn 9, Rt 1, CRm 12, write */
    { "msr pmswinc_el0, x1", 0xd51b9c81, 0, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_CR | PMUSERENR_EL0_ER,
      PMUSERENR_EL0_SW, NONE, 0, 1, 0x6238e438 },
    /* ER enables event counter reads: Op0 3, Op2 3, Op1 3, CRn 14, Rt 2, CRm 8, read */
    { "mrs x2, pmevcntr3_el0", 0xd53be862, 0, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_SW | PMUSERENR_EL0_CR,
      PMUSERENR_EL0_ER, NONE, 0, 1, 0x6236f851 },
    /* ...and PMSELR_EL0: Op0 3, Op2 5, Op1 3, CRn 9, Rt 2, CRm 12, read */
    { "mrs x2, pmselr_el0", 0xd53b9ca2, 0, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_CR, PMUSERENR_EL0_ER, NONE, 0, 1,
      0x623ae459 },
    /* EL0 always reads PMUSERENR_EL0; TPM traps it: Op0 3, Op2 0, Op1 3, CRn 9, Rt 2, CRm 14, read */
    { "mrs x2, pmuserenr_el0", 0xd53b9e02, 0, 0, SR_MDCR_EL2, MDCR_EL2_TPM, 0, NONE, 0, 2, 0x6230e45d },
    /* EL0 enabled by PMUSERENR_EL0.EN, then TPM traps to EL2 */
    { "mrs x2, pmccntr_el0", 0xd53b9d02, 0, 0, SR_MDCR_EL2, MDCR_EL2_TPM, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_EN,
      2, 0x6230e45b },
    /* CNTHCTL_EL2.EL1PCTEN = 0 (E2H = 0): Op0 3, Op2 1, Op1 3, CRn 14, Rt 2, CRm 0, read */
    { "mrs x2, cntpct_el0", 0xd53be022, 1, 0, SR_CNTHCTL_EL2, CNTHCTL_EL2_EL1PCEN,
      CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN, NONE, 0, 2, 0x6232f841 },
    /* with E2H = 1 (VHE) EL1PCTEN is bit 10... */
    { "mrs x2, cntpct_el0", 0xd53be022, 1, F(VHE), SR_CNTHCTL_EL2, CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN,
      CNTHCTL_EL2_E2H_EL1PCTEN, SR_HCR_EL2, HCR_EL2_E2H, 2, 0x6232f841 },
    /* ...while without VHE, E2H is RES0 and bit 0 still rules */
    { "mrs x2, cntpct_el0", 0xd53be022, 1, 0, SR_CNTHCTL_EL2, CNTHCTL_EL2_E2H_EL1PCTEN,
      CNTHCTL_EL2_EL1PCTEN, SR_HCR_EL2, HCR_EL2_E2H, 2, 0x6232f841 },
    /* EL1PCEN = 0: Op0 3, Op2 1, Op1 3, CRn 14, Rt 1, CRm 2, write */
    { "msr cntp_ctl_el0, x1", 0xd51be221, 1, 0, SR_CNTHCTL_EL2, CNTHCTL_EL2_EL1PCTEN,
      CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN, NONE, 0, 2, 0x6232f824 },
    /* Op0 3, Op2 2, Op1 3, CRn 14, Rt 2, CRm 2, read */
    { "mrs x2, cntp_cval_el0", 0xd53be242, 1, 0, SR_CNTHCTL_EL2, CNTHCTL_EL2_EL1PCTEN,
      CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN, NONE, 0, 2, 0x6234f845 },
    /* EL0, CNTKCTL_EL1.EL0VCTEN: Op0 3, Op2 2, Op1 3, CRn 14, Rt 2, CRm 0, read; to EL1... */
    { "mrs x2, cntvct_el0", 0xd53be042, 0, 0, SR_CNTKCTL_EL1, 0, CNTKCTL_EL0VCTEN, NONE, 0, 1, 0x6234f841 },
    /* ...or to EL2 when HCR_EL2.TGE = 1 */
    { "mrs x2, cntvct_el0", 0xd53be042, 0, 0, SR_CNTKCTL_EL1, 0, CNTKCTL_EL0VCTEN, SR_HCR_EL2, HCR_EL2_TGE, 2,
      0x6234f841 },
    /* ...or, for a VHE host's EL0, by CNTHCTL_EL2.EL0VCTEN (bit 1) to EL2 */
    { "mrs x2, cntvct_el0", 0xd53be042, 0, F(VHE), SR_CNTHCTL_EL2, 0, CNTKCTL_EL0VCTEN, SR_HCR_EL2, VHE_HOST, 2,
      0x6234f841 },
    /* EL0PCTEN to EL1 */
    { "mrs x2, cntpct_el0", 0xd53be022, 0, 0, SR_CNTKCTL_EL1, CNTKCTL_EL0VCTEN, CNTKCTL_EL0PCTEN, NONE, 0, 1,
      0x6232f841 },
    /* EL0 enabled by EL0PCTEN, trapped to EL2 by EL1PCTEN */
    { "mrs x2, cntpct_el0", 0xd53be022, 0, 0, SR_CNTHCTL_EL2, CNTHCTL_EL2_EL1PCEN,
      CNTHCTL_EL2_EL1PCTEN | CNTHCTL_EL2_EL1PCEN, SR_CNTKCTL_EL1, CNTKCTL_EL0PCTEN, 2, 0x6232f841 },
    /* EL0VTEN: Op0 3, Op2 1, Op1 3, CRn 14, Rt 1, CRm 3, write */
    { "msr cntv_ctl_el0, x1", 0xd51be321, 0, 0, SR_CNTKCTL_EL1, CNTKCTL_EL0PTEN, CNTKCTL_EL0VTEN, NONE, 0, 1,
      0x6232f826 },
    /* EL0PTEN: Op0 3, Op2 0, Op1 3, CRn 14, Rt 2, CRm 2, read */
    { "mrs x2, cntp_tval_el0", 0xd53be202, 0, 0, SR_CNTKCTL_EL1, CNTKCTL_EL0VTEN, CNTKCTL_EL0PTEN, NONE, 0, 1,
      0x6230f845 },
    /* CNTFRQ_EL0 needs EL0PCTEN or EL0VCTEN: Op0 3, Op2 0, Op1 3, CRn 14, Rt 2, CRm 0, read */
    { "mrs x2, cntfrq_el0", 0xd53be002, 0, 0, SR_CNTKCTL_EL1, CNTKCTL_EL0VTEN | CNTKCTL_EL0PTEN,
      CNTKCTL_EL0VCTEN, NONE, 0, 1, 0x6230f841 },
};

static testcpu *new_cpu(unsigned el, uint64_t feat)
{
    testcpu *t = tc_new(el);
    t->cpu.feat |= feat;
    t->cpu.x[1] = X1_VALUE;
    t->cpu.x[2] = X2_VALUE;
    return t;
}

/* The access raised exactly one exception: to `el`, with `esr`, from the
 * instruction at TC_CODE, at the vector a synchronous exception from
 * `from` uses. A trapped read leaves its register alone. */
static void assert_taken(testcpu *t, unsigned from, unsigned el, uint32_t esr, const char *what)
{
    if (t->cpu.exc_taken != 1 || t->cpu.ps.el != el)
        fail_msg("%s at EL%u: %llu exceptions, now at EL%u (expected one, to EL%u)", what, from,
                 (unsigned long long)t->cpu.exc_taken, t->cpu.ps.el, el);
    uint32_t got = (uint32_t)t->cpu.sr[el == A64_EL2 ? SR_ESR_EL2 : SR_ESR_EL1];
    if (got != esr)
        fail_msg("%s at EL%u: ESR_EL%u = 0x%08x, expected 0x%08x", what, from, el, got, esr);
    assert_int_equal(t->cpu.sr[el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1], TC_CODE);
    assert_int_equal(t->cpu.pc, TC_VBAR + (el > from ? VEC_LOWER_A64 : VEC_CUR_SPX));
    assert_int_equal(t->cpu.x[2], X2_VALUE);
}

static void assert_done(testcpu *t, const char *what, const char *why)
{
    if (t->cpu.exc_taken != 0)
        fail_msg("%s: exception (ESR_EL1 0x%08llx, ESR_EL2 0x%08llx) %s", what,
                 (unsigned long long)t->cpu.sr[SR_ESR_EL1], (unsigned long long)t->cpu.sr[SR_ESR_EL2], why);
    assert_int_equal(t->cpu.pc, TC_CODE + 4);
}

static void setup_case(testcpu *t, const trap_case *k, uint64_t val)
{
    if (k->reg2 != NONE)
        t->cpu.sr[k->reg2] = k->val2;
    t->cpu.sr[k->reg] = val;
}

static void test_trap_rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const trap_case *k = &cases[i];
        tc_assert_disasm(k->word, k->text);

        testcpu *t = new_cpu(k->el, k->feat);
        setup_case(t, k, k->trap_val);
        tc_exec1(t, k->word);
        assert_taken(t, k->el, k->target, k->esr, k->text);
        tc_free(t);

        t = new_cpu(k->el, k->feat);
        setup_case(t, k, k->ok_val);
        tc_exec1(t, k->word);
        assert_done(t, k->text, "with the control bit clear");
        tc_free(t);

        t = new_cpu(A64_EL2, k->feat);
        setup_case(t, k, k->trap_val);
        tc_exec1(t, k->word);
        assert_done(t, k->text, "at EL2, which nothing traps");
        tc_free(t);
    }
}

/* A trapped MSR did not write; the same MSR allowed did. */
static void test_trap_has_no_effect(void **state)
{
    (void)state;
    testcpu *t = new_cpu(A64_EL1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TVM;
    uint64_t before = t->cpu.sr[SR_SCTLR_EL1];
    tc_exec1(t, 0xd5181001); // msr sctlr_el1, x1
    assert_int_equal(t->cpu.sr[SR_SCTLR_EL1], before);
    tc_free(t);
    t = new_cpu(A64_EL1, 0);
    tc_exec1(t, 0xd5181001);
    assert_int_equal(t->cpu.sr[SR_SCTLR_EL1], X1_VALUE);
    tc_free(t);
}

/* HCR_EL2.TIDCP: op0 3, CRn 11/15 holds IMPLEMENTATION DEFINED registers;
 * this CPU has none, so EL1 accesses trap to EL2 with TIDCP and are
 * UNDEFINED without it, and EL0/EL2 accesses are UNDEFINED. */
static void test_tidcp(void **state)
{
    (void)state;
    static const struct { const char *text; uint32_t word; uint32_t esr; } impdef[] = {
        /* Op0 3, Op2 0, Op1 0, CRn 15, Rt 2, CRm 0, read */
        { "mrs x2, s3_0_c15_c0_0", 0xd538f002, 0x62303c41 },
        /* Op0 3, Op2 0, Op1 1, CRn 11, Rt 1, CRm 0, write */
        { "msr s3_1_c11_c0_0, x1", 0xd519b001, 0x62306c20 },
    };
    for (size_t i = 0; i < sizeof impdef / sizeof impdef[0]; i++) {
        tc_assert_disasm(impdef[i].word, impdef[i].text);
        testcpu *t = new_cpu(A64_EL1, 0);
        t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TIDCP;
        tc_exec1(t, impdef[i].word);
        assert_taken(t, A64_EL1, A64_EL2, impdef[i].esr, impdef[i].text);
        tc_free(t);

        t = new_cpu(A64_EL1, 0);
        tc_exec1(t, impdef[i].word);
        assert_taken(t, A64_EL1, A64_EL1, ESR_UNDEF, impdef[i].text);
        tc_free(t);

        t = new_cpu(A64_EL0, 0);
        t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TIDCP;
        tc_exec1(t, impdef[i].word);
        assert_taken(t, A64_EL0, A64_EL1, ESR_UNDEF, impdef[i].text);
        tc_free(t);

        t = new_cpu(A64_EL2, 0);
        t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TIDCP;
        tc_exec1(t, impdef[i].word);
        assert_taken(t, A64_EL2, A64_EL2, ESR_UNDEF, impdef[i].text);
        tc_free(t);
    }
}

/* Reserved ID encodings read as zero at EL1 and EL2. */
static void test_reserved_id_raz(void **state)
{
    (void)state;
    for (unsigned el = A64_EL1; el <= A64_EL2; el++) {
        testcpu *t = new_cpu(el, 0);
        tc_exec1(t, 0xd53803e2); // mrs x2, s3_0_c0_c3_7
        assert_int_equal(t->cpu.exc_taken, 0);
        assert_int_equal(t->cpu.x[2], 0);
        tc_free(t);
    }
}

/* Accesses that are UNDEFINED whatever the trap controls say: from too
 * low an EL, without the feature, or against the access direction. */
typedef struct undef_case {
    const char *text;
    uint32_t word;
    unsigned el;
    uint64_t feat;
    int reg;          /* a trap control set anyway, or NONE */
    uint64_t val;
} undef_case;

static const undef_case undefs[] = {
    { "mrs x2, mdscr_el1", 0xd5300242, 0, 0, SR_MDCR_EL2, MDCR_EL2_TDA },
    { "mrs x2, hcr_el2", 0xd53c1102, 1, 0, NONE, 0 },
    { "mrs x2, s3_0_c5_c4_2", 0xd5385442, 1, 0, SR_HCR_EL2, HCR_EL2_TERR },   /* no RAS */
    { "msr s3_0_c2_c1_0, x1", 0xd5182101, 1, 0, SR_HCR_EL2, 0 },               /* no PAuth, APK = 0 */
    { "msr s3_0_c1_c0_6, x1", 0xd51810c1, 1, 0, SR_HCR_EL2, 0 },               /* no MTE, ATA = 0 */
    { "mrs x2, lorc_el1", 0xd538a462, 1, 0, SR_HCR_EL2, HCR_EL2_TLOR },        /* no LOR */
    { "mrs x2, ttbr1_el2", 0xd53c2022, 2, 0, NONE, 0 },                        /* no VHE */
    { "msr s3_0_c0_c4_0, x1", 0xd5180401, 1, 0, SR_HCR_EL2, HCR_EL2_TID3 },    /* ID_AA64PFR0_EL1 is RO */
    /* OSLAR_EL1 is WO; llvm-mc writes the word as s2_0_c1_c0_4, Capstone 4
     * prints op0 = 2 registers it cannot name with an s3_ prefix */
    { "mrs x2, s3_0_c1_c0_4", 0xd5301082, 1, 0, SR_MDCR_EL2, MDCR_EL2_TDOSA },
    { "msr pmuserenr_el0, x1", 0xd51b9e01, 0, 0, SR_PMUSERENR_EL0, PMUSERENR_EL0_EN }, /* RO at EL0 */
    { "msr s3_0_c0_c3_7, x1", 0xd51803e1, 1, 0, SR_HCR_EL2, HCR_EL2_TID3 },    /* reserved ID: RO */
    { "mrs x2, s3_0_c0_c3_7", 0xd53803e2, 0, 0, NONE, 0 },                     /* ...and EL1 and up */
    { "msr cntfrq_el0, x1", 0xd51be001, 1, 0, NONE, 0 },                       /* EL2 only writes it */
};

static void test_undefined(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof undefs / sizeof undefs[0]; i++) {
        const undef_case *k = &undefs[i];
        tc_assert_disasm(k->word, k->text);
        testcpu *t = new_cpu(k->el, k->feat);
        if (k->reg != NONE)
            t->cpu.sr[k->reg] = k->val;
        tc_exec1(t, k->word);
        assert_taken(t, k->el, k->el == A64_EL0 ? A64_EL1 : k->el, ESR_UNDEF, k->text);
        tc_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trap_rules),
        cmocka_unit_test(test_trap_has_no_effect),
        cmocka_unit_test(test_tidcp),
        cmocka_unit_test(test_reserved_id_raz),
        cmocka_unit_test(test_undefined),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
