/* tests/test_exc_entry.c: taking an exception to EL1/EL2: the registers
 * written, the PSTATE left, the 16 vector offsets, preferred return addresses. */
#include "exc_testutil.h"

/* ---- Registers written: SPSR = PSTATE, ELR = preferred return address,
 * ESR = syndrome (not for IRQ/FIQ), FAR for aborts (AArch64.TakeException,
 * AArch64.ReportException). ---- */

/* A load from an address nothing maps, at EL1: a synchronous external
 * abort (DFSC 0x10) reported as a data abort from the same EL (EC 0x25),
 * FAR_EL1 = the address, ELR_EL1 = the load. */
static void test_entry_writes_elr_spsr_esr_far(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.ps.nzcv = PSTATE_Z | PSTATE_C;
    a64_set_x(&t->cpu, 1, 0x10000008);
    tc_exec1(t, I_LDR_X0_X1);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_SYNC, TC_CODE);
    assert_int_equal(spsr_of(t, A64_EL1), 0x60000000u | M_EL1H);
    // ISS: ISV 0, WnR 0, DFSC 0x10; EA (bit 9) is IMPLEMENTATION DEFINED
    assert_int_equal(esr_of(t, A64_EL1) & ~(1u << 9), ESR(0x25, 0x10));
    assert_int_equal(far_of(t, A64_EL1), 0x10000008);
    tc_free(t);
}

/* After entry: DAIF = 1111, SS = 0, IL = 0, BTYPE = 0, SPSel = 1, EL = x,
 * UAO = 0 (AArch64.TakeException). NZCV and DIT are left as they were. */
static void test_entry_sets_daif_clears_ss_btype_selects_spx(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 0, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_BTI) | FEAT_BIT(FEAT_UAO) | FEAT_BIT(FEAT_DIT);
    t->cpu.ps.dit = 1;
    t->cpu.ps.ss = 1;
    t->cpu.ps.btype = 3;
    t->cpu.ps.uao = 1;
    t->cpu.ps.nzcv = PSTATE_N;
    tc_exec1(t, I_HVC0);
    assert_entered(t, A64_EL2, V_LOWER64 + V_SYNC, TC_CODE + 4);
    assert_int_equal(t->cpu.ps.ss, 0);
    assert_int_equal(t->cpu.ps.btype, 0);
    assert_int_equal(t->cpu.ps.uao, 0);
    assert_int_equal(t->cpu.ps.nzcv, PSTATE_N);
    assert_int_equal(t->cpu.ps.dit, 1); // DIT is not changed by entry
    tc_free(t);
}

/* PSTATE.IL is cleared by entry (the Illegal Execution state exception
 * is itself the case where it was set). */
static void test_entry_clears_il(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    t->cpu.ps.il = 1;
    CODE(t, TC_CODE, I_NOP);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL2, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x0e, 0));
    tc_free(t);
}

/* IRQ and FIQ do not write ESR_ELx (only synchronous exceptions and
 * SError report a syndrome). */
static void test_entry_irq_fiq_leave_esr(void **state)
{
    (void)state;
    const kind_desc *ks[] = { &kind_irq, &kind_fiq };
    for (unsigned i = 0; i < 2; i++) {
        testcpu *t = exc_cpu(A64_EL1, 1, 0);
        t->cpu.sr[SR_ESR_EL1] = 0x5a5a5a5a;
        CODE(t, TC_CODE, I_NOP);
        assert_phys(t, ks[i]);
        a64_step(&t->cpu);
        assert_entered(t, A64_EL1, V_CUR_SPX + ks[i]->vec, TC_CODE);
        assert_int_equal(t->cpu.sr[SR_ESR_EL1], 0x5a5a5a5a);
        tc_free(t);
    }
}

/* ---- PAN on entry: set to 1 when SCTLR_ELx.SPAN == 0, for entry to EL1,
 * or to EL2 only when HCR_EL2.{E2H,TGE} = {1,1} (FEAT_PAN). ---- */

static testcpu *svc_el0_to(uint64_t hcr, uint64_t feat, uint64_t sctlr1_set, uint64_t sctlr1_clr,
                           uint64_t sctlr2_set, uint64_t sctlr2_clr)
{
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.feat |= feat;
    t->cpu.sr[SR_HCR_EL2] = hcr;
    t->cpu.sr[SR_SCTLR_EL1] = (t->cpu.sr[SR_SCTLR_EL1] | sctlr1_set) & ~sctlr1_clr;
    t->cpu.sr[SR_SCTLR_EL2] = (t->cpu.sr[SR_SCTLR_EL2] | sctlr2_set) & ~sctlr2_clr;
    tc_exec1(t, I_SVC0);
    return t;
}

static void test_entry_el1_sets_pan_when_span0(void **state)
{
    (void)state;
    testcpu *t = svc_el0_to(0, FEAT_BIT(FEAT_PAN), 0, SCTLR_SPAN, 0, 0);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.pan, 1);
    tc_free(t);
}

static void test_entry_el1_keeps_pan_when_span1(void **state)
{
    (void)state;
    testcpu *t = svc_el0_to(0, FEAT_BIT(FEAT_PAN), SCTLR_SPAN, 0, 0, 0);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.pan, 0);
    tc_free(t);
}

static void test_entry_pan_needs_feat_pan(void **state)
{
    (void)state;
    testcpu *t = svc_el0_to(0, 0, 0, SCTLR_SPAN, 0, 0);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.pan, 0);
    tc_free(t);
}

static void test_entry_el2_pan_only_with_e2h_tge(void **state)
{
    (void)state;
    // TGE alone (E2H = 0): SVC from EL0 goes to EL2, PAN untouched
    testcpu *t = svc_el0_to(HCR_EL2_TGE, FEAT_BIT(FEAT_PAN), 0, 0, 0, SCTLR_SPAN);
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.ps.pan, 0);
    tc_free(t);
    // E2H = TGE = 1 (FEAT_VHE): SCTLR_EL2.SPAN = 0 sets PAN
    t = svc_el0_to(HCR_EL2_TGE | HCR_EL2_E2H, FEAT_BIT(FEAT_PAN) | FEAT_BIT(FEAT_VHE), 0, 0, 0,
                   SCTLR_SPAN);
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.ps.pan, 1);
    tc_free(t);
}

/* SSBS on entry = SCTLR_ELx.DSSBS of the target EL (FEAT_SSBS). */
static void test_entry_ssbs_from_dssbs(void **state)
{
    (void)state;
    testcpu *t = svc_el0_to(0, FEAT_BIT(FEAT_SSBS), SCTLR_DSSBS, 0, 0, SCTLR_DSSBS);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.ssbs, 1);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_SSBS);
    t->cpu.ps.ssbs = 1;
    t->cpu.sr[SR_SCTLR_EL2] &= ~SCTLR_DSSBS;
    t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_DSSBS; // the other EL's bit does not count
    tc_exec1(t, I_HVC0);
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.ps.ssbs, 0);
    assert_int_equal(spsr_of(t, A64_EL2) & (1u << 12), 1u << 12);
    tc_free(t);
}

/* ---- Vector offsets: VBAR_ELx + 0x000 current EL with SP_EL0, 0x200
 * current EL with SP_ELx, 0x400 lower EL AArch64; + 0x000 sync, 0x080
 * IRQ, 0x100 FIQ, 0x180 SError (Arm ARM, "Exception vectors"). The 0x600
 * group (lower EL using AArch32) cannot arise: elsim implements no
 * AArch32 at any EL, so every lower EL is AArch64. ---- */

enum vsrc { SRC_SYNC, SRC_PHYS, SRC_VIRT };

typedef struct vcase {
    unsigned from, sp;  /* where the exception is taken from */
    unsigned src;       /* enum vsrc */
    const kind_desc *k; /* async kind (SRC_PHYS / SRC_VIRT) */
    unsigned to;
    unsigned group;     /* expected V_CUR_SP0 / V_CUR_SPX / V_LOWER64 */
} vcase;

static void vector_case(void **state)
{
    const vcase *vc = *state;
    testcpu *t = exc_cpu(vc->from, vc->sp, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_RAS);
    unsigned type = V_SYNC;
    if (vc->src == SRC_SYNC) {
        // SVC: EL0->EL1 (EL2 with TGE), ELx->ELx; HVC: EL1->EL2
        if (vc->from == A64_EL0 && vc->to == A64_EL2)
            t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE;
        CODE(t, TC_CODE, (vc->from == A64_EL1 && vc->to == A64_EL2) ? I_HVC0 : I_SVC0);
    } else {
        type = vc->k->vec;
        CODE(t, TC_CODE, I_NOP);
        if (vc->src == SRC_PHYS) {
            // routed to EL2 by its routing bit, to EL1 without it
            if (vc->to == A64_EL2)
                t->cpu.sr[SR_HCR_EL2] = vc->k->route;
            assert_phys(t, vc->k);
        } else {
            t->cpu.sr[SR_HCR_EL2] = vc->k->route | vc->k->vbit;
        }
    }
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.ps.el, vc->to);
    assert_int_equal(t->cpu.pc, vbar_of(vc->to) + vc->group + type);
    tc_free(t);
}

#define VC(name, from, sp, src, k, to, group) \
    { name, vector_case, NULL, NULL, &(vcase){ from, sp, src, k, to, group } }

#define VASYNC(kn, k)                                                                          \
    VC("vector_" kn "_phys_el1t_to_el1_cur_sp0", A64_EL1, 0, SRC_PHYS, k, A64_EL1, V_CUR_SP0), \
    VC("vector_" kn "_phys_el1h_to_el1_cur_spx", A64_EL1, 1, SRC_PHYS, k, A64_EL1, V_CUR_SPX), \
    VC("vector_" kn "_phys_el0_to_el1_lower", A64_EL0, 0, SRC_PHYS, k, A64_EL1, V_LOWER64),   \
    VC("vector_" kn "_phys_el2t_to_el2_cur_sp0", A64_EL2, 0, SRC_PHYS, k, A64_EL2, V_CUR_SP0), \
    VC("vector_" kn "_phys_el2h_to_el2_cur_spx", A64_EL2, 1, SRC_PHYS, k, A64_EL2, V_CUR_SPX), \
    VC("vector_" kn "_phys_el1_to_el2_lower", A64_EL1, 1, SRC_PHYS, k, A64_EL2, V_LOWER64),   \
    VC("vector_" kn "_phys_el0_to_el2_lower", A64_EL0, 0, SRC_PHYS, k, A64_EL2, V_LOWER64),   \
    VC("vector_" kn "_virt_el1t_to_el1_cur_sp0", A64_EL1, 0, SRC_VIRT, k, A64_EL1, V_CUR_SP0), \
    VC("vector_" kn "_virt_el1h_to_el1_cur_spx", A64_EL1, 1, SRC_VIRT, k, A64_EL1, V_CUR_SPX), \
    VC("vector_" kn "_virt_el0_to_el1_lower", A64_EL0, 0, SRC_VIRT, k, A64_EL1, V_LOWER64)

/* ---- Preferred return addresses (Arm ARM "Preferred exception return
 * address"; preferred_exception_return in each pseudocode function). ---- */

/* UNDEFINED: the instruction itself. */
static void test_preferred_return_undefined_is_insn(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.pc = TC_CODE + 0x20;
    tc_exec1(t, I_MRS_X0_HCR_EL2); // EL2 register from EL1
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 0x20);
    tc_free(t);
}

/* Data abort: the faulting load. */
static void test_preferred_return_abort_is_insn(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.pc = TC_CODE + 0x24;
    a64_set_x(&t->cpu, 1, 0x10000000);
    tc_exec1(t, I_STR_X0_X1);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 0x24);
    tc_free(t);
}

/* A trapped MSR: the MSR. */
static void test_preferred_return_trap_is_insn(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TVM;
    t->cpu.pc = TC_CODE + 0x28;
    tc_exec1(t, I_MSR_SCTLR_EL1_X1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE + 0x28);
    tc_free(t);
}

/* SP alignment fault: the access (and PC alignment: the misaligned PC,
 * see test_exc_sync.c). */
static void test_preferred_return_alignment_is_insn(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_SA;
    t->cpu.sp_el[1] = TC_DATA + 8;
    t->cpu.pc = TC_CODE + 0x2c;
    tc_exec1(t, I_LDR_X0_SP);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 0x2c);
    tc_free(t);
}

/* SMC trapped by HCR_EL2.TSC: the SMC (AArch64.CheckForSMCUndefOrTrap). */
static void test_preferred_return_tsc_smc_is_insn(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TSC;
    t->cpu.pc = TC_CODE + 0x30;
    tc_exec1(t, I_SMC0);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE + 0x30);
    tc_free(t);
}

/* SVC, HVC: the next instruction (AArch64.CallSupervisor/CallHypervisor
 * use NextInstrAddr). */
static void test_preferred_return_svc_hvc_is_next(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.pc = TC_CODE + 0x34;
    tc_exec1(t, I_SVC0);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 0x38);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.pc = TC_CODE + 0x34;
    tc_exec1(t, I_HVC0);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE + 0x38);
    tc_free(t);
}

/* An SMC that executes returns to the next instruction: with the EL3
 * firmware model, execution simply continues there. */
static unsigned smc_calls;
static void count_smc(void *ctx, a64_cpu *c, uint16_t imm16)
{
    (void)ctx, (void)c, (void)imm16;
    smc_calls++;
}

static void test_preferred_return_executed_smc_is_next(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.env.smc = count_smc;
    smc_calls = 0;
    t->cpu.pc = TC_CODE + 0x34;
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_SMC0);
    assert_int_equal(smc_calls, 1);
    assert_no_exception(t, taken, TC_CODE + 0x38);
    tc_free(t);
}

/* Asynchronous: the first instruction not executed. Two NOPs run, the
 * IRQ arrives, the third is not executed: ELR = its address. */
static void test_preferred_return_async_first_not_executed(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    CODE(t, TC_CODE, I_NOP, I_NOP, I_NOP);
    a64_step(&t->cpu);
    a64_step(&t->cpu);
    a64_set_irq(&t->cpu, true);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE + 8);
    tc_free(t);
}

/* An exception is never taken to a lower EL than the current one: the
 * same SVC/UNDEFINED/abort at EL2 stays at EL2 even with every HCR_EL2
 * routing control that sends EL0/EL1 exceptions elsewhere. */
static void test_entry_never_to_lower_el(void **state)
{
    (void)state;
    const uint32_t words[] = { I_SVC0, I_MRS_X0_IMPDEF, I_LDR_X0_X1, I_BRK_42 };
    for (unsigned i = 0; i < 4; i++) {
        testcpu *t = exc_cpu(A64_EL2, 1, 0);
        t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE | HCR_EL2_AMO | HCR_EL2_IMO | HCR_EL2_FMO;
        a64_set_x(&t->cpu, 1, 0x10000000);
        tc_exec1(t, words[i]);
        assert_int_equal(t->cpu.ps.el, A64_EL2);
        assert_int_equal(t->cpu.pc, VBAR2 + V_CUR_SPX);
        tc_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entry_writes_elr_spsr_esr_far),
        cmocka_unit_test(test_entry_sets_daif_clears_ss_btype_selects_spx),
        cmocka_unit_test(test_entry_clears_il),
        cmocka_unit_test(test_entry_irq_fiq_leave_esr),
        cmocka_unit_test(test_entry_el1_sets_pan_when_span0),
        cmocka_unit_test(test_entry_el1_keeps_pan_when_span1),
        cmocka_unit_test(test_entry_pan_needs_feat_pan),
        cmocka_unit_test(test_entry_el2_pan_only_with_e2h_tge),
        cmocka_unit_test(test_entry_ssbs_from_dssbs),
        VC("vector_sync_el1t_to_el1_cur_sp0", A64_EL1, 0, SRC_SYNC, NULL, A64_EL1, V_CUR_SP0),
        VC("vector_sync_el1h_to_el1_cur_spx", A64_EL1, 1, SRC_SYNC, NULL, A64_EL1, V_CUR_SPX),
        VC("vector_sync_el0_to_el1_lower", A64_EL0, 0, SRC_SYNC, NULL, A64_EL1, V_LOWER64),
        VC("vector_sync_el2t_to_el2_cur_sp0", A64_EL2, 0, SRC_SYNC, NULL, A64_EL2, V_CUR_SP0),
        VC("vector_sync_el2h_to_el2_cur_spx", A64_EL2, 1, SRC_SYNC, NULL, A64_EL2, V_CUR_SPX),
        VC("vector_sync_el1_to_el2_lower", A64_EL1, 1, SRC_SYNC, NULL, A64_EL2, V_LOWER64),
        VC("vector_sync_el0_to_el2_lower", A64_EL0, 0, SRC_SYNC, NULL, A64_EL2, V_LOWER64),
        VASYNC("irq", &kind_irq),
        VASYNC("fiq", &kind_fiq),
        VASYNC("serror", &kind_serror),
        cmocka_unit_test(test_preferred_return_undefined_is_insn),
        cmocka_unit_test(test_preferred_return_abort_is_insn),
        cmocka_unit_test(test_preferred_return_trap_is_insn),
        cmocka_unit_test(test_preferred_return_alignment_is_insn),
        cmocka_unit_test(test_preferred_return_tsc_smc_is_insn),
        cmocka_unit_test(test_preferred_return_svc_hvc_is_next),
        cmocka_unit_test(test_preferred_return_executed_smc_is_next),
        cmocka_unit_test(test_preferred_return_async_first_not_executed),
        cmocka_unit_test(test_entry_never_to_lower_el),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
