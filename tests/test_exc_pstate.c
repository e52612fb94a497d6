/* tests/test_exc_pstate.c: PSTATE and SPSR rules: the SPSR layout saved on
 * entry from each mode, DAIFSet/DAIFClr, and the MSR (immediate) fields. */
#include "exc_testutil.h"

/* ---- SPSR layout (Arm ARM SPSR_EL1/SPSR_EL2, AArch64 form):
 * N 31, Z 30, C 29, V 28, DIT 24, UAO 23, PAN 22, SS 21, IL 20, SSBS 12,
 * BTYPE 11:10, D 9, A 8, I 7, F 6, M[4] = 0, M[3:0] = EL:SPSel. ---- */

typedef struct mode_case {
    unsigned el, sp, m;
    unsigned target;   /* where SVC from there goes */
    unsigned vec;      /* vector group */
} mode_case;

/* One PSTATE with every saved field distinct, taken through an SVC (ELR,
 * ESR not the point here). NZCV = N|V, DAIF = D|A|F (I clear), PAN, UAO,
 * DIT, SSBS set. */
static void check_spsr_layout(const mode_case *mc)
{
    testcpu *t = exc_cpu(mc->el, mc->sp, PSTATE_D | PSTATE_A | PSTATE_F);
    t->cpu.feat |= FEAT_BIT(FEAT_PAN) | FEAT_BIT(FEAT_UAO) | FEAT_BIT(FEAT_DIT) |
                   FEAT_BIT(FEAT_SSBS);
    t->cpu.ps.nzcv = PSTATE_N | PSTATE_V;
    t->cpu.ps.pan = 1;
    t->cpu.ps.uao = 1;
    t->cpu.ps.dit = 1;
    t->cpu.ps.ssbs = 1;
    tc_exec1(t, I_SVC0);
    uint32_t want = 0x90000000u      /* N, V */
                    | (1u << 24)     /* DIT */
                    | (1u << 23)     /* UAO */
                    | (1u << 22)     /* PAN */
                    | (1u << 12)     /* SSBS */
                    | 0x340u         /* D, A, F: DAIF bits 9, 8, 6 */
                    | mc->m;
    assert_int_equal(t->cpu.ps.el, mc->target);
    assert_int_equal(t->cpu.pc, vbar_of(mc->target) + mc->vec);
    assert_int_equal(spsr_of(t, mc->target), want);
    tc_free(t);
}

static void test_spsr_layout_el0t(void **state)
{
    (void)state;
    check_spsr_layout(&(mode_case){ A64_EL0, 0, M_EL0T, A64_EL1, V_LOWER64 });
}
static void test_spsr_layout_el1t(void **state)
{
    (void)state;
    check_spsr_layout(&(mode_case){ A64_EL1, 0, M_EL1T, A64_EL1, V_CUR_SP0 });
}
static void test_spsr_layout_el1h(void **state)
{
    (void)state;
    check_spsr_layout(&(mode_case){ A64_EL1, 1, M_EL1H, A64_EL1, V_CUR_SPX });
}
static void test_spsr_layout_el2t(void **state)
{
    (void)state;
    check_spsr_layout(&(mode_case){ A64_EL2, 0, M_EL2T, A64_EL2, V_CUR_SP0 });
}
static void test_spsr_layout_el2h(void **state)
{
    (void)state;
    check_spsr_layout(&(mode_case){ A64_EL2, 1, M_EL2H, A64_EL2, V_CUR_SPX });
}

/* SS (bit 21) and BTYPE (11:10) are saved as they were: for an IRQ the
 * pseudocode keeps SPSR.BTYPE (AArch64.TakeException, zero_btype is FALSE
 * for IRQ/FIQ/SError), then entry clears PSTATE.SS and PSTATE.BTYPE. */
static void test_spsr_ss_btype_saved_on_irq(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_BTI);
    t->cpu.ps.ss = 1;
    t->cpu.ps.btype = 2;
    CODE(t, TC_CODE, I_NOP);
    a64_set_irq(&t->cpu, true);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE);
    assert_int_equal(spsr_of(t, A64_EL1), (1u << 21) | (2u << 10) | M_EL1H);
    assert_int_equal(t->cpu.ps.ss, 0);
    assert_int_equal(t->cpu.ps.btype, 0);
    tc_free(t);
}

/* IL (bit 20): after an illegal exception return PSTATE.IL = 1; the
 * Illegal Execution state exception that follows saves it in SPSR.IL and
 * clears PSTATE.IL. */
static void test_spsr_il_saved_from_illegal_state(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_SPSR_EL1] = M_EL2H; // to a higher EL: illegal
    t->cpu.sr[SR_ELR_EL1] = TC_CODE + 0x40;
    tc_exec1(t, I_ERET);
    assert_int_equal(t->cpu.ps.il, 1);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 0x40);
    assert_int_equal(spsr_of(t, A64_EL1), (1u << 20) | M_EL1H);
    tc_free(t);
}

/* ---- MSR DAIFSet / DAIFClr #imm4: bit 3 D, 2 A, 1 I, 0 F (Arm ARM
 * DAIF; MSR (immediate)). ---- */

static uint32_t daif_after(uint32_t before, uint32_t word)
{
    testcpu *t = exc_cpu(A64_EL1, 1, before);
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, word);
    assert_no_exception(t, taken, TC_CODE + 4);
    uint32_t d = t->cpu.ps.daif;
    tc_free(t);
    return d;
}

static void test_daifclr_bit_mapping(void **state)
{
    (void)state;
    // msr daifclr, #4 unmasks SErrors only (A, PSTATE bit 8)
    assert_int_equal(daif_after(0x3c0, I_DAIFCLR(4)), PSTATE_D | PSTATE_I | PSTATE_F);
    assert_int_equal(daif_after(0x3c0, I_DAIFCLR(8)), PSTATE_A | PSTATE_I | PSTATE_F);
    assert_int_equal(daif_after(0x3c0, I_DAIFCLR(2)), PSTATE_D | PSTATE_A | PSTATE_F);
    assert_int_equal(daif_after(0x3c0, I_DAIFCLR(1)), PSTATE_D | PSTATE_A | PSTATE_I);
    assert_int_equal(daif_after(0x3c0, I_DAIFCLR(15)), 0);
    assert_int_equal(daif_after(PSTATE_I, I_DAIFCLR(4)), PSTATE_I); // already clear stays clear
}

static void test_daifset_bit_mapping(void **state)
{
    (void)state;
    assert_int_equal(daif_after(0, I_DAIFSET(4)), PSTATE_A);
    assert_int_equal(daif_after(0, I_DAIFSET(8)), PSTATE_D);
    assert_int_equal(daif_after(0, I_DAIFSET(2)), PSTATE_I);
    assert_int_equal(daif_after(0, I_DAIFSET(1)), PSTATE_F);
    assert_int_equal(daif_after(0, I_DAIFSET(15)), PSTATE_DAIF_MASK);
    assert_int_equal(daif_after(PSTATE_F, I_DAIFSET(2)), PSTATE_I | PSTATE_F);
}

/* At EL0, DAIFSet/DAIFClr need SCTLR_EL1.UMA; without it they trap to EL1
 * as EC 0x18 (MSR (immediate) pseudocode: AArch64.SystemAccessTrap(EL1,
 * 0x18)). ISS of msr daifclr, #2 (op0 0, op1 3, CRn 4, CRm 2, op2 7,
 * Rt 31, write): Op0 0 <<20 | Op2 7 <<17 | Op1 3 <<14 | CRn 4 <<10 |
 * Rt 31 <<5 | CRm 2 <<1 | 0 = 0xe0000 + 0xc000 + 0x1000 + 0x3e0 + 0x4. */
static void test_daifclr_el0_uma0_traps_el1_ec18(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_SCTLR_EL1] &= ~(uint64_t)(1u << 9); // UMA = 0
    tc_exec1(t, I_DAIFCLR(2));
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x18, 0xed3e4));
    tc_free(t);

    // with HCR_EL2.TGE = 1 the trap goes to EL2 instead
    t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_SCTLR_EL1] &= ~(uint64_t)(1u << 9);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE;
    tc_exec1(t, I_DAIFCLR(2));
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x18, 0xed3e4));
    tc_free(t);
}

static void test_daifclr_el0_uma1_allowed(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_SCTLR_EL1] |= 1u << 9; // UMA = 1
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_DAIFCLR(2));
    assert_no_exception(t, taken, TC_CODE + 4);
    assert_int_equal(t->cpu.ps.daif, PSTATE_D | PSTATE_A | PSTATE_F);
    tc_free(t);
}

/* ---- MSR SPSel/PAN/UAO/SSBS/DIT #imm write those PSTATE fields; a field
 * whose feature is absent is UNDEFINED, and op1 = 0b000 fields (SPSel, PAN,
 * UAO) are UNDEFINED at EL0 (MSR (immediate) decode; CheckSystemAccess). */

/* Executes `word` at `el`; returns true when it completed without an
 * exception, false when it was UNDEFINED (EC 0x00 at the sync target). */
static bool msr_imm_runs(testcpu *t, uint32_t word)
{
    uint64_t taken = t->cpu.exc_taken;
    unsigned el = t->cpu.ps.el;
    tc_exec1(t, word);
    if (t->cpu.exc_taken == taken) {
        assert_int_equal(t->cpu.pc, TC_CODE + 4);
        return true;
    }
    unsigned target = el == A64_EL0 ? A64_EL1 : el;
    assert_int_equal(t->cpu.ps.el, target);
    assert_int_equal(esr_of(t, target), ESR(0x00, 0));
    assert_int_equal(elr_of(t, target), TC_CODE);
    return false;
}

static void test_msr_spsel_imm(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.sp_el[0] = 0x1000;
    t->cpu.sp_el[1] = 0x2000;
    assert_true(msr_imm_runs(t, I_MSR_SPSEL_0));
    assert_int_equal(t->cpu.ps.sp, 0);
    assert_int_equal(a64_sp(&t->cpu), 0x1000); // SP now means SP_EL0
    t->cpu.pc = TC_CODE;
    assert_true(msr_imm_runs(t, I_MSR_SPSEL_1));
    assert_int_equal(t->cpu.ps.sp, 1);
    assert_int_equal(a64_sp(&t->cpu), 0x2000);
    tc_free(t);

    t = exc_cpu(A64_EL2, 1, PSTATE_DAIF_MASK);
    assert_true(msr_imm_runs(t, I_MSR_SPSEL_0));
    assert_int_equal(t->cpu.ps.sp, 0);
    tc_free(t);

    t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    assert_false(msr_imm_runs(t, I_MSR_SPSEL_1)); // op1 = 0: EL1 and up
    tc_free(t);
}

static void test_msr_pan_imm(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_PAN);
    assert_true(msr_imm_runs(t, I_MSR_PAN_1));
    assert_int_equal(t->cpu.ps.pan, 1);
    t->cpu.pc = TC_CODE;
    assert_true(msr_imm_runs(t, I_MSR_PAN_0));
    assert_int_equal(t->cpu.ps.pan, 0);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK); // no FEAT_PAN
    assert_false(msr_imm_runs(t, I_MSR_PAN_1));
    assert_int_equal(t->cpu.ps.pan, 0);
    tc_free(t);

    t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_PAN);
    assert_false(msr_imm_runs(t, I_MSR_PAN_1));
    tc_free(t);
}

static void test_msr_uao_imm(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_UAO);
    assert_true(msr_imm_runs(t, I_MSR_UAO_1));
    assert_int_equal(t->cpu.ps.uao, 1);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    assert_false(msr_imm_runs(t, I_MSR_UAO_1));
    assert_int_equal(t->cpu.ps.uao, 0);
    tc_free(t);
}

/* SSBS and DIT (op1 = 0b011) are writable from EL0. */
static void test_msr_ssbs_imm(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_SSBS);
    assert_true(msr_imm_runs(t, I_MSR_SSBS_1));
    assert_int_equal(t->cpu.ps.ssbs, 1);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    assert_false(msr_imm_runs(t, I_MSR_SSBS_1));
    assert_int_equal(t->cpu.ps.ssbs, 0);
    tc_free(t);
}

static void test_msr_dit_imm(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_DIT);
    assert_true(msr_imm_runs(t, I_MSR_DIT_1));
    assert_int_equal(t->cpu.ps.dit, 1);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    assert_false(msr_imm_runs(t, I_MSR_DIT_1));
    assert_int_equal(t->cpu.ps.dit, 0);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spsr_layout_el0t),
        cmocka_unit_test(test_spsr_layout_el1t),
        cmocka_unit_test(test_spsr_layout_el1h),
        cmocka_unit_test(test_spsr_layout_el2t),
        cmocka_unit_test(test_spsr_layout_el2h),
        cmocka_unit_test(test_spsr_ss_btype_saved_on_irq),
        cmocka_unit_test(test_spsr_il_saved_from_illegal_state),
        cmocka_unit_test(test_daifclr_bit_mapping),
        cmocka_unit_test(test_daifset_bit_mapping),
        cmocka_unit_test(test_daifclr_el0_uma0_traps_el1_ec18),
        cmocka_unit_test(test_daifclr_el0_uma1_allowed),
        cmocka_unit_test(test_msr_spsel_imm),
        cmocka_unit_test(test_msr_pan_imm),
        cmocka_unit_test(test_msr_uao_imm),
        cmocka_unit_test(test_msr_ssbs_imm),
        cmocka_unit_test(test_msr_dit_imm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
