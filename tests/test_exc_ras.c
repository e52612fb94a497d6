/* tests/test_exc_ras.c: FEAT_RAS: ESB deferral into DISR_EL1/VDISR_EL2,
 * the DISR_EL1 redirection, registers absent without RAS, and FEAT_IESB. */
#include "exc_testutil.h"

#define DISR_A (1u << 31)

static testcpu *ras_cpu(unsigned el, uint32_t daif, uint64_t hcr)
{
    testcpu *t = exc_cpu(el, 1, daif);
    t->cpu.feat |= FEAT_BIT(FEAT_RAS);
    t->cpu.sr[SR_HCR_EL2] = hcr;
    return t;
}

/* ---- Without RAS: ESB is a NOP (hint space), and DISR_EL1, VDISR_EL2,
 * VSESR_EL2 and the error record registers are UNDEFINED. ---- */

static void test_no_ras_esb_is_nop(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, PSTATE_DAIF_MASK);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    tc_exec1(t, I_ESB);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_true(t->cpu.serror_pending); // not deferred: still pending
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], 0);
    tc_free(t);
}

static void expect_undefined(unsigned el, uint32_t word)
{
    testcpu *t = exc_cpu(el, 1, 0);
    tc_exec1(t, word);
    assert_entered(t, el, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, el), ESR(0x00, 0));
    tc_free(t);
}

static void test_no_ras_registers_undefined(void **state)
{
    (void)state;
    expect_undefined(A64_EL1, I_MRS_X0_DISR_EL1);
    expect_undefined(A64_EL1, I_MSR_DISR_EL1_X0);
    expect_undefined(A64_EL2, I_MRS_X0_DISR_EL1);
    expect_undefined(A64_EL2, I_MRS_X0_VDISR_EL2);
    expect_undefined(A64_EL2, I_MSR_VDISR_EL2_X0);
    expect_undefined(A64_EL2, I_MRS_X0_VSESR_EL2);
    expect_undefined(A64_EL1, I_MRS_X0_ERRIDR_EL1);
}

/* With RAS the same reads work (sanity for the test above). */
static void test_ras_registers_present(void **state)
{
    (void)state;
    const uint32_t words[] = { I_MRS_X0_DISR_EL1, I_MRS_X0_VDISR_EL2, I_MRS_X0_VSESR_EL2 };
    for (unsigned i = 0; i < 3; i++) {
        testcpu *t = ras_cpu(A64_EL2, 0, 0);
        tc_exec1(t, words[i]);
        assert_no_exception(t, 0, TC_CODE + 4);
        tc_free(t);
    }
}

/* ---- ESB with a pending physical SError that is masked (not taken at
 * this EL): AArch64.ESBOperation writes DISR_EL1 = A | syndrome (IDS = 0:
 * AET, EA, DFSC kept) and clears the pending SError. ---- */

/* At EL2 with AMO = 1 and PSTATE.A = 1. */
static void test_esb_el2_defers_masked_serror_to_disr(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL2, PSTATE_A, HCR_EL2_AMO);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    tc_exec1(t, I_ESB);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], DISR_A | TEST_SERROR_ISS);
    assert_false(t->cpu.serror_pending);
    // ISR_EL1.A no longer shows it
    tc_exec1(t, I_MRS_X3_ISR_EL1);
    assert_int_equal(t->cpu.x[3], 0);
    // and nothing is taken later, even unmasked
    t->cpu.ps.daif = 0;
    tc_exec1(t, I_NOP);
    assert_no_exception(t, 0, TC_CODE + 12);
    tc_free(t);
}

/* At EL2 with AMO = 0: the SError belongs to EL1, which is lower: masked
 * at EL2 whatever PSTATE.A says, so deferred. */
static void test_esb_el2_defers_serror_routed_to_el1(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL2, 0, 0);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    tc_exec1(t, I_ESB);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], DISR_A | TEST_SERROR_ISS);
    assert_false(t->cpu.serror_pending);
    tc_free(t);
}

/* At EL1 with AMO = 0 and PSTATE.A = 1. */
static void test_esb_el1_defers_masked_serror_to_disr(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, 0);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    tc_exec1(t, I_ESB);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], DISR_A | TEST_SERROR_ISS);
    assert_false(t->cpu.serror_pending);
    tc_free(t);
}

/* ESB with the SError unmasked: taken, not deferred, with ELR = the
 * instruction after the ESB. Under the `latest` policy the SError
 * unmasked by msr daifclr, #4 is still held when the ESB executes, so the
 * ESB is where it is recognised. */
static void test_esb_unmasked_serror_taken_after_esb(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, 0);
    t->cpu.async_policy = A64_ASYNC_LATEST;
    CODE(t, TC_CODE, I_DAIFCLR(4), I_ESB, I_NOP);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    a64_step(&t->cpu);
    assert_no_exception(t, 0, TC_CODE + 4);
    a64_step(&t->cpu);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_SERROR, TC_CODE + 8);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x2f, TEST_SERROR_ISS));
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], 0);
    tc_free(t);
}

/* ---- AArch64.vESBOperation: at EL1 with AMO = 1 (TGE = 0), a pending
 * virtual SError masked by PSTATE.A is deferred: VDISR_EL2 =
 * ReportDeferredSError(VSESR_EL2) (A | IDS | ISS when IDS = 1) and
 * HCR_EL2.VSE is cleared; DISR_EL1 is not touched. ---- */
static void test_vesb_el1_defers_masked_virtual_serror_to_vdisr(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, HCR_EL2_AMO | HCR_EL2_VSE);
    t->cpu.sr[SR_VSESR_EL2] = (1u << 24) | 0x00abcd;
    tc_exec1(t, I_ESB);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.sr[SR_VDISR_EL2], DISR_A | (1u << 24) | 0x00abcd);
    assert_int_equal(t->cpu.sr[SR_HCR_EL2] & HCR_EL2_VSE, 0);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], 0);
    // nothing left to take once unmasked
    t->cpu.ps.daif = 0;
    tc_exec1(t, I_NOP);
    assert_no_exception(t, 0, TC_CODE + 8);
    tc_free(t);
}

/* IDS = 0 form: A | AET | EA | DFSC. */
static void test_vesb_vdisr_architected_syndrome(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_A, HCR_EL2_AMO | HCR_EL2_VSE);
    uint32_t vsesr = (0x3u << 10) | (1u << 9) | 0x11; // AET UER, EA, DFSC 0x11
    t->cpu.sr[SR_VSESR_EL2] = vsesr;
    tc_exec1(t, I_ESB);
    assert_int_equal(t->cpu.sr[SR_VDISR_EL2], DISR_A | vsesr);
    assert_int_equal(t->cpu.sr[SR_HCR_EL2] & HCR_EL2_VSE, 0);
    tc_free(t);
}

/* ---- DISR_EL1 accessed at EL1 with HCR_EL2.AMO = 1 reaches VDISR_EL2
 * (DISR_EL1 accessor pseudocode); with AMO = 0, or at EL2, DISR_EL1. ---- */
static void test_disr_el1_at_el1_with_amo_reaches_vdisr_el2(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, HCR_EL2_AMO);
    a64_set_x(&t->cpu, 0, DISR_A | 0x123);
    tc_exec1(t, I_MSR_DISR_EL1_X0);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.sr[SR_VDISR_EL2], DISR_A | 0x123);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], 0);
    t->cpu.sr[SR_VDISR_EL2] = DISR_A | 0x456;
    tc_exec1(t, I_MRS_X0_DISR_EL1);
    assert_int_equal(t->cpu.x[0], DISR_A | 0x456);
    tc_free(t);
}

static void test_disr_el1_reaches_disr_without_amo_or_at_el2(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, 0);
    a64_set_x(&t->cpu, 0, DISR_A | 0x123);
    tc_exec1(t, I_MSR_DISR_EL1_X0);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], DISR_A | 0x123);
    assert_int_equal(t->cpu.sr[SR_VDISR_EL2], 0);
    tc_free(t);

    t = ras_cpu(A64_EL2, PSTATE_DAIF_MASK, HCR_EL2_AMO);
    a64_set_x(&t->cpu, 0, DISR_A | 0x77);
    tc_exec1(t, I_MSR_DISR_EL1_X0);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], DISR_A | 0x77);
    assert_int_equal(t->cpu.sr[SR_VDISR_EL2], 0);
    tc_free(t);
}

/* ---- SCTLR_ELx.IESB (FEAT_IESB): AArch64.TakeException ends, after the
 * branch to the vector, with SynchronizeErrors() and
 * TakeUnmaskedPhysicalSErrorInterrupts(iesb_req = TRUE): an SError that is
 * unmasked when the vector is entered is taken before the vector's first
 * instruction, its syndrome with ISS.IESB (bit 13) set. Here: SVC at EL1
 * to EL1 with AMO = 1, so the SError (routed to EL2) is unmasked at EL1:
 * it goes to EL2 with ELR_EL2 = the EL1 vector. ---- */

static testcpu *iesb_cpu(bool feat_iesb, bool sctlr_iesb, uint64_t hcr)
{
    testcpu *t = ras_cpu(A64_EL1, 0, hcr);
    if (feat_iesb)
        t->cpu.feat |= FEAT_BIT(FEAT_IESB);
    if (sctlr_iesb)
        t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_IESB;
    else
        t->cpu.sr[SR_SCTLR_EL1] &= ~SCTLR_IESB;
    CODE(t, VBAR1 + V_CUR_SPX, I_NOP);
    tc_exec1(t, I_SVC0);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 4);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS); // arrives as the vector is entered
    a64_step(&t->cpu);
    return t;
}

static void test_iesb_entry_takes_unmasked_serror_with_iesb_bit(void **state)
{
    (void)state;
    testcpu *t = iesb_cpu(true, true, HCR_EL2_AMO);
    assert_entered(t, A64_EL2, V_LOWER64 + V_SERROR, VBAR1 + V_CUR_SPX);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x2f, TEST_SERROR_ISS | (1u << 13)));
    assert_int_equal(spsr_of(t, A64_EL2), PSTATE_DAIF_MASK | M_EL1H);
    tc_free(t);
}

/* SCTLR_EL1.IESB = 0: the same SError is taken at the same point, but it
 * was not synchronized by an implicit ESB: ISS.IESB = 0. */
static void test_iesb_off_no_iesb_bit(void **state)
{
    (void)state;
    testcpu *t = iesb_cpu(true, false, HCR_EL2_AMO);
    assert_entered(t, A64_EL2, V_LOWER64 + V_SERROR, VBAR1 + V_CUR_SPX);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x2f, TEST_SERROR_ISS));
    tc_free(t);
}

/* Without FEAT_IESB the SCTLR bit is RES0: no IESB either. */
static void test_iesb_needs_feat_iesb(void **state)
{
    (void)state;
    testcpu *t = iesb_cpu(false, true, HCR_EL2_AMO);
    assert_entered(t, A64_EL2, V_LOWER64 + V_SERROR, VBAR1 + V_CUR_SPX);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x2f, TEST_SERROR_ISS));
    tc_free(t);
}

/* An SError masked at the vector (AMO = 0: it goes to EL1, whose A is
 * set by the entry) stays pending: the implicit ESB only synchronizes,
 * it does not defer (no DISR_EL1 write; only ESBOperation defers). */
static void test_iesb_masked_serror_stays_pending_no_disr(void **state)
{
    (void)state;
    testcpu *t = iesb_cpu(true, true, 0);
    assert_int_equal(t->cpu.exc_taken, 1); // only the SVC
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.pc, VBAR1 + V_CUR_SPX + 4); // the vector's NOP ran
    assert_true(t->cpu.serror_pending);
    assert_int_equal(t->cpu.sr[SR_DISR_EL1], 0);
    tc_free(t);
}

/* ERET from ELx with SCTLR_ELx.IESB = 1 is an implicit ESB too:
 * AArch64.ExceptionReturn begins (before SetPSTATEFromPSR) with
 * SynchronizeErrors() and TakeUnmaskedPhysicalSErrorInterrupts(iesb_req =
 * TRUE). An SError that is unmasked at that point is taken there, before
 * the return: to EL1 (AMO = 0), ELR_EL1 = the ERET (ThisInstrAddr), ISS.IESB
 * set, PSTATE not restored from SPSR. Under the `latest` policy an SError
 * unmasked by msr daifclr, #4 just before the ERET is still pending and
 * unmasked when the ERET executes (ERET is the context synchronization
 * event), even though SPSR_EL1 would mask it again after the return. */
static void test_iesb_eret_takes_unmasked_serror_before_return(void **state)
{
    (void)state;
    testcpu *t = ras_cpu(A64_EL1, PSTATE_DAIF_MASK, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_IESB);
    t->cpu.async_policy = A64_ASYNC_LATEST;
    t->cpu.sr[SR_SCTLR_EL1] |= SCTLR_IESB;
    t->cpu.sr[SR_SPSR_EL1] = PSTATE_DAIF_MASK | M_EL0T; // returns with A masked
    t->cpu.sr[SR_ELR_EL1] = TC_CODE + 0x100;
    CODE(t, TC_CODE, I_DAIFCLR(4), I_ERET);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    a64_step(&t->cpu);
    assert_no_exception(t, 0, TC_CODE + 4); // held until the ERET
    // the ERET does not complete: the SError is taken at its boundary
    // (elsim takes it in the step after the one that reached the ERET)
    tc_run(t, 2);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_SERROR, TC_CODE + 4);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x2f, TEST_SERROR_ISS | (1u << 13)));
    assert_int_equal(spsr_of(t, A64_EL1), PSTATE_D | PSTATE_I | PSTATE_F | M_EL1H);
    assert_false(t->cpu.serror_pending);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_ras_esb_is_nop),
        cmocka_unit_test(test_no_ras_registers_undefined),
        cmocka_unit_test(test_ras_registers_present),
        cmocka_unit_test(test_esb_el2_defers_masked_serror_to_disr),
        cmocka_unit_test(test_esb_el2_defers_serror_routed_to_el1),
        cmocka_unit_test(test_esb_el1_defers_masked_serror_to_disr),
        cmocka_unit_test(test_esb_unmasked_serror_taken_after_esb),
        cmocka_unit_test(test_vesb_el1_defers_masked_virtual_serror_to_vdisr),
        cmocka_unit_test(test_vesb_vdisr_architected_syndrome),
        cmocka_unit_test(test_disr_el1_at_el1_with_amo_reaches_vdisr_el2),
        cmocka_unit_test(test_disr_el1_reaches_disr_without_amo_or_at_el2),
        cmocka_unit_test(test_iesb_entry_takes_unmasked_serror_with_iesb_bit),
        cmocka_unit_test(test_iesb_off_no_iesb_bit),
        cmocka_unit_test(test_iesb_needs_feat_iesb),
        cmocka_unit_test(test_iesb_masked_serror_stays_pending_no_disr),
        cmocka_unit_test(test_iesb_eret_takes_unmasked_serror_before_return),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
