/* tests/test_exc_eret.c: exception return: PSTATE from SPSR and PC from
 * ELR, illegal exception returns and the Illegal Execution state exception. */
#include "exc_testutil.h"

#define RET_ADDR (TC_CODE + 0x100)

/* A CPU at `el` about to execute ERET with the given SPSR_ELx, ELR_ELx =
 * RET_ADDR (a NOP there). */
static testcpu *eret_cpu(unsigned el, unsigned sp, uint32_t spsr, uint64_t hcr)
{
    testcpu *t = exc_cpu(el, sp, PSTATE_DAIF_MASK);
    t->cpu.feat |= FEAT_BIT(FEAT_PAN);
    t->cpu.sr[SR_HCR_EL2] = hcr;
    t->cpu.sr[el == A64_EL2 ? SR_SPSR_EL2 : SR_SPSR_EL1] = spsr;
    t->cpu.sr[el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1] = RET_ADDR;
    CODE(t, TC_CODE, I_ERET);
    CODE(t, RET_ADDR, I_NOP);
    return t;
}

/* ---- Legal returns (AArch64.ExceptionReturn, SetPSTATEFromPSR): every
 * PSTATE field from SPSR, PC = ELR. ---- */

static void test_eret_el2_to_el1h_restores_pstate_and_pc(void **state)
{
    (void)state;
    // Z, C; PAN; A, F; EL1h
    uint32_t spsr = 0x60000000u | (1u << 22) | PSTATE_A | PSTATE_F | M_EL1H;
    testcpu *t = eret_cpu(A64_EL2, 1, spsr, 0);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.exc_taken, 0);
    assert_int_equal(t->cpu.pc, RET_ADDR);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.sp, 1);
    assert_int_equal(t->cpu.ps.nzcv, 0x60000000u);
    assert_int_equal(t->cpu.ps.daif, PSTATE_A | PSTATE_F);
    assert_int_equal(t->cpu.ps.pan, 1);
    assert_int_equal(t->cpu.ps.il, 0);
    assert_int_equal(a64_pstate_to_spsr(&t->cpu.ps), spsr);
    tc_free(t);
}

static void test_eret_el1_to_el0t(void **state)
{
    (void)state;
    testcpu *t = eret_cpu(A64_EL1, 1, 0x80000000u | M_EL0T, 0);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.exc_taken, 0);
    assert_int_equal(t->cpu.pc, RET_ADDR);
    assert_int_equal(t->cpu.ps.el, A64_EL0);
    assert_int_equal(t->cpu.ps.sp, 0);
    assert_int_equal(t->cpu.ps.nzcv, 0x80000000u);
    assert_int_equal(t->cpu.ps.daif, 0);
    tc_free(t);
}

static void test_eret_el2_to_el2t_and_el1t(void **state)
{
    (void)state;
    testcpu *t = eret_cpu(A64_EL2, 1, M_EL2T, 0);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.ps.sp, 0);
    assert_int_equal(t->cpu.ps.il, 0);
    assert_int_equal(t->cpu.pc, RET_ADDR);
    tc_free(t);

    t = eret_cpu(A64_EL2, 1, M_EL1T, 0);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.sp, 0);
    assert_int_equal(t->cpu.ps.il, 0);
    tc_free(t);
}

/* With TGE = 1 an ERET from EL2 to EL0 is legal (only EL1 is not). */
static void test_eret_el2_to_el0_with_tge_legal(void **state)
{
    (void)state;
    testcpu *t = eret_cpu(A64_EL2, 1, M_EL0T, HCR_EL2_TGE);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.ps.el, A64_EL0);
    assert_int_equal(t->cpu.ps.il, 0);
    assert_int_equal(t->cpu.pc, RET_ADDR);
    tc_free(t);
}

/* A legal return restores PSTATE.IL from SPSR.IL too: returning with
 * SPSR.IL = 1 makes the first instruction there take EC 0x0E. */
static void test_eret_legal_restores_il(void **state)
{
    (void)state;
    testcpu *t = eret_cpu(A64_EL2, 1, (1u << 20) | M_EL1H, 0);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.ps.il, 1);
    assert_int_equal(t->cpu.pc, RET_ADDR);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX, RET_ADDR);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x0e, 0));
    tc_free(t);
}

/* ERET at EL0 is UNDEFINED: EC 0x00 to EL1, ELR = the ERET. */
static void test_eret_el0_undefined(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.sr[SR_ELR_EL1] = RET_ADDR;
    tc_exec1(t, I_ERET);
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);
}

/* ---- Illegal returns (Arm ARM "Illegal return events from
 * AArch64 state"; IllegalExceptionReturn; SetPSTATEFromPSR): EL and SPSel
 * keep their values, PSTATE.IL = 1, PC = ELR, and NZCV, DAIF and PAN are
 * still restored from SPSR ("state that is reinstated regardless of
 * illegal exception return"). The next instruction then takes an Illegal
 * Execution state exception (EC 0x0E, ISS 0) to the current EL, with
 * ELR = that PC and SPSR.IL = 1. ---- */

static void check_illegal(unsigned el, unsigned sp, uint32_t m, uint64_t hcr, bool pc_exact)
{
    // N, V; PAN; D, I: none of them matching the current PSTATE
    uint32_t spsr = 0x90000000u | (1u << 22) | PSTATE_D | PSTATE_I | m;
    testcpu *t = eret_cpu(el, sp, spsr, hcr);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.exc_taken, 0);
    assert_int_equal(t->cpu.ps.el, el);
    assert_int_equal(t->cpu.ps.sp, sp);
    assert_int_equal(t->cpu.ps.il, 1);
    assert_int_equal(t->cpu.ps.nzcv, 0x90000000u);
    assert_int_equal(t->cpu.ps.daif, PSTATE_D | PSTATE_I);
    assert_int_equal(t->cpu.ps.pan, 1);
    uint64_t pc = t->cpu.pc;
    if (pc_exact)
        assert_int_equal(pc, RET_ADDR);
    else // returning to AArch32: PC[63:32] and PC[1:0] are UNKNOWN
        assert_int_equal(pc & 0xfffffffcu, RET_ADDR & 0xfffffffcu);

    a64_step(&t->cpu); // the next instruction: Illegal Execution state
    assert_int_equal(t->cpu.ps.el, el);
    assert_int_equal(t->cpu.pc, vbar_of(el) + (sp ? V_CUR_SPX : V_CUR_SP0));
    assert_int_equal(elr_of(t, el), pc);
    assert_int_equal(esr_of(t, el), ESR(0x0e, 0));
    assert_int_equal(spsr_of(t, el), 0x90000000u | (1u << 22) | (1u << 20) | PSTATE_D |
                                         PSTATE_I | (el << 2) | sp);
    assert_int_equal(t->cpu.ps.il, 0);
    tc_free(t);
}

/* To a higher EL: from EL1 to EL2h, and to EL3 (M = 0b1101). */
static void test_eret_illegal_el1_to_el2(void **state)
{
    (void)state;
    check_illegal(A64_EL1, 1, M_EL2H, 0, true);
    check_illegal(A64_EL1, 0, M_EL2T, 0, true);
}

static void test_eret_illegal_el1_to_el3(void **state)
{
    (void)state;
    check_illegal(A64_EL1, 1, 0xd, 0, true);
}

static void test_eret_illegal_el2_to_el3(void **state)
{
    (void)state;
    check_illegal(A64_EL2, 1, 0xd, 0, true);
    check_illegal(A64_EL2, 0, 0xc, 0, true);
}

/* M[4] = 1 (AArch32, e.g. 0b10000 User): no AArch32 at any EL. */
static void test_eret_illegal_aarch32(void **state)
{
    (void)state;
    check_illegal(A64_EL2, 1, 0x10, 0, false);
    check_illegal(A64_EL1, 1, 0x13, 0, false);
}

/* Reserved AArch64 encodings: M[1] = 1 (0b0010, 0b0110...) and EL0 with
 * SP_ELx (0b0001). SPSel keeps its value even though M[0] says otherwise. */
static void test_eret_illegal_reserved_m(void **state)
{
    (void)state;
    check_illegal(A64_EL2, 1, 0x2, 0, true);
    check_illegal(A64_EL2, 0, 0x1, 0, true);
    check_illegal(A64_EL1, 0, 0x1, 0, true);
    check_illegal(A64_EL2, 1, 0x6, 0, true);
    check_illegal(A64_EL2, 0, 0xb, 0, true);
}

/* To EL1 while HCR_EL2.TGE = 1 (IllegalExceptionReturn: "target == EL1
 * && EL2Enabled() && HCR_EL2.TGE == '1'", whatever the current EL). */
static void test_eret_illegal_to_el1_with_tge(void **state)
{
    (void)state;
    check_illegal(A64_EL2, 1, M_EL1H, HCR_EL2_TGE, true);
    check_illegal(A64_EL2, 0, M_EL1T, HCR_EL2_TGE, true);
    check_illegal(A64_EL1, 1, M_EL1H, HCR_EL2_TGE, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eret_el2_to_el1h_restores_pstate_and_pc),
        cmocka_unit_test(test_eret_el1_to_el0t),
        cmocka_unit_test(test_eret_el2_to_el2t_and_el1t),
        cmocka_unit_test(test_eret_el2_to_el0_with_tge_legal),
        cmocka_unit_test(test_eret_legal_restores_il),
        cmocka_unit_test(test_eret_el0_undefined),
        cmocka_unit_test(test_eret_illegal_el1_to_el2),
        cmocka_unit_test(test_eret_illegal_el1_to_el3),
        cmocka_unit_test(test_eret_illegal_el2_to_el3),
        cmocka_unit_test(test_eret_illegal_aarch32),
        cmocka_unit_test(test_eret_illegal_reserved_m),
        cmocka_unit_test(test_eret_illegal_to_el1_with_tge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
