/* tests/test_exc_async.c: routing and masking of physical and virtual IRQ,
 * FIQ and SError, elsim's fixed priority order, ISR_EL1, recognition timing. */
#include "exc_testutil.h"

/* The routing/masking table (Arm ARM, "Asynchronous exception routing"
 * and "Asynchronous exception masking", for a PE without EL3):
 *
 * | current EL | routing bit (or TGE) | goes to | masked by PSTATE? |
 * | EL0/EL1    | 1                    | EL2     | no                |
 * | EL0/EL1    | 0                    | EL1     | yes               |
 * | EL2        | 1                    | EL2     | yes               |
 * | EL2        | 0                    | (EL1)   | never taken at EL2 |
 *
 * Each row is run for SError (AMO, A), IRQ (IMO, I) and FIQ (FMO, F). */

#define K ((const kind_desc *)*state)
#define NOT_K(k) (PSTATE_DAIF_MASK & ~(k)->mask)

/* Physical SError syndrome in ESR_ELx: EC 0x2F, IL 1, ISS as signalled. */
static void check_serror_esr(testcpu *t, const kind_desc *k, unsigned el)
{
    if (k->kind == ASYNC_SERROR) {
        assert_int_equal(esr_of(t, el), ESR(0x2f, TEST_SERROR_ISS));
        assert_false(t->cpu.serror_pending); // taking it consumes it
    }
}

/* Step a NOP at TC_CODE with the exception pending: it must not be taken. */
static void expect_not_taken(testcpu *t, const kind_desc *k, bool phys)
{
    uint64_t taken = t->cpu.exc_taken;
    uint64_t pc = t->cpu.pc;
    CODE(t, pc, I_NOP);
    a64_step(&t->cpu);
    assert_no_exception(t, taken, pc + 4);
    if (phys)
        assert_true(phys_still_pending(t, k));
    else
        assert_true(t->cpu.sr[SR_HCR_EL2] & k->vbit);
}

static void take_at_nop(testcpu *t)
{
    CODE(t, TC_CODE, I_NOP);
    a64_step(&t->cpu);
}

/* Row 1: EL1 and EL0 with the routing bit: to EL2 although PSTATE masks it. */
static void async_el1_route1_masked_taken_to_el2(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL2, V_LOWER64 + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL2);
    tc_free(t);
}

static void async_el0_route1_masked_taken_to_el2(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL2, V_LOWER64 + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL2);
    tc_free(t);
}

/* Row 2: EL1/EL0 without it: to EL1, masked by PSTATE (only by its own bit). */
static void async_el1_route0_masked_stays_pending(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, K->mask);
    assert_phys(t, K);
    expect_not_taken(t, K, true);
    tc_free(t);
}

static void async_el1_route0_unmasked_taken_to_el1(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, NOT_K(K));
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL1, V_CUR_SPX + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL1);
    tc_free(t);
}

static void async_el0_route0_masked_stays_pending(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, K->mask);
    assert_phys(t, K);
    expect_not_taken(t, K, true);
    tc_free(t);
}

static void async_el0_route0_unmasked_taken_to_el1(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, NOT_K(K));
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL1, V_LOWER64 + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL1);
    tc_free(t);
}

/* Row 3: EL2 with the routing bit: taken at EL2, masked by PSTATE. */
static void async_el2_route1_masked_stays_pending(void **state)
{
    testcpu *t = exc_cpu(A64_EL2, 1, K->mask);
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_phys(t, K);
    expect_not_taken(t, K, true);
    tc_free(t);
}

static void async_el2_route1_unmasked_taken_to_el2(void **state)
{
    testcpu *t = exc_cpu(A64_EL2, 1, NOT_K(K));
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL2, V_CUR_SPX + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL2);
    tc_free(t);
}

/* ERET from EL2 to EL1h with DAIF clear, ELR_EL2 = TC_CODE + 0x100. */
static void eret_to_el1_unmasked(testcpu *t)
{
    t->cpu.sr[SR_SPSR_EL2] = M_EL1H;
    t->cpu.sr[SR_ELR_EL2] = TC_CODE + 0x100;
    CODE(t, t->cpu.pc, I_ERET);
    CODE(t, TC_CODE + 0x100, I_NOP);
    uint64_t taken = t->cpu.exc_taken;
    a64_step(&t->cpu);
    assert_no_exception(t, taken, TC_CODE + 0x100);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
}

/* Row 4: EL2 without the routing bit: the exception belongs to EL1, is
 * never taken at EL2 even unmasked, stays pending, and is taken once an
 * ERET reaches EL1 with it unmasked (ELR_EL1 = the ERET's target). */
static void async_el2_route0_pending_until_eret_to_el1(void **state)
{
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    assert_phys(t, K);
    expect_not_taken(t, K, true);
    expect_not_taken(t, K, true);
    eret_to_el1_unmasked(t);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + K->vec, TC_CODE + 0x100);
    check_serror_esr(t, K, A64_EL1);
    tc_free(t);
}

/* HCR_EL2.TGE routes physical ones to EL2 like the routing bits: from EL0
 * even masked; at EL2 masked by PSTATE. */
static void async_el0_tge_masked_taken_to_el2(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE;
    assert_phys(t, K);
    take_at_nop(t);
    assert_entered(t, A64_EL2, V_LOWER64 + K->vec, TC_CODE);
    check_serror_esr(t, K, A64_EL2);
    tc_free(t);
}

static void async_el2_tge_masked_then_unmasked(void **state)
{
    testcpu *t = exc_cpu(A64_EL2, 1, K->mask);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE;
    assert_phys(t, K);
    expect_not_taken(t, K, true);
    t->cpu.ps.daif = NOT_K(K);
    uint64_t pc = t->cpu.pc;
    CODE(t, pc, I_NOP);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL2, V_CUR_SPX + K->vec, pc);
    check_serror_esr(t, K, A64_EL2);
    tc_free(t);
}

/* ---- Virtual IRQ/FIQ/SError (HCR_EL2.VI/VF/VSE): exist only with the
 * routing bit 1 (and TGE 0), taken only at EL0/EL1, to EL1, masked by
 * PSTATE (Arm ARM, "Virtual interrupts"; AArch64.TakeVirtual*
 * assert HCR_EL2.TGE == 0 and the routing bit == 1). ---- */

#define VSESR_VALUE ((1u << 24) | 0x00abcdu) /* IDS = 1, IMPLEMENTATION DEFINED syndrome */

static void virt_el1_unmasked_taken_to_el1(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, NOT_K(K));
    t->cpu.feat |= FEAT_BIT(FEAT_RAS);
    t->cpu.sr[SR_HCR_EL2] = K->route | K->vbit;
    t->cpu.sr[SR_VSESR_EL2] = VSESR_VALUE;
    take_at_nop(t);
    assert_entered(t, A64_EL1, V_CUR_SPX + K->vec, TC_CODE);
    if (K->kind == ASYNC_SERROR) {
        // taking it clears HCR_EL2.VSE; with RAS, ESR_EL1.ISS = VSESR_EL2
        assert_int_equal(t->cpu.sr[SR_HCR_EL2] & HCR_EL2_VSE, 0);
        assert_int_equal(esr_of(t, A64_EL1), ESR(0x2f, VSESR_VALUE));
    } else {
        // VI/VF are levels: they stay set until EL2 clears them
        assert_true(t->cpu.sr[SR_HCR_EL2] & K->vbit);
    }
    tc_free(t);
}

static void virt_el0_taken_to_el1_lower(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, NOT_K(K));
    t->cpu.sr[SR_HCR_EL2] = K->route | K->vbit;
    take_at_nop(t);
    assert_entered(t, A64_EL1, V_LOWER64 + K->vec, TC_CODE);
    if (K->kind == ASYNC_SERROR)
        assert_int_equal(syn_ec((uint32_t)esr_of(t, A64_EL1)), 0x2f);
    tc_free(t);
}

static void virt_el1_masked_by_pstate(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, K->mask);
    t->cpu.sr[SR_HCR_EL2] = K->route | K->vbit;
    expect_not_taken(t, K, false);
    tc_free(t);
}

static void virt_el1_route0_does_not_exist(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = K->vbit;
    expect_not_taken(t, K, false);
    tc_free(t);
}

static void virt_el0_tge_does_not_exist(void **state)
{
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE | K->route | K->vbit;
    expect_not_taken(t, K, false);
    tc_free(t);
}

/* Never taken at EL2 (even unmasked); taken after the ERET to EL1. */
static void virt_el2_never_taken_until_eret_to_el1(void **state)
{
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = K->route | K->vbit;
    expect_not_taken(t, K, false);
    eret_to_el1_unmasked(t);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + K->vec, TC_CODE + 0x100);
    tc_free(t);
}

/* Without RAS, a virtual SError's ESR_EL1 still has EC 0x2F. */
static void test_virt_serror_without_ras_ec2f_clears_vse(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_AMO | HCR_EL2_VSE;
    take_at_nop(t);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_SERROR, TC_CODE);
    assert_int_equal(syn_ec((uint32_t)esr_of(t, A64_EL1)), 0x2f);
    assert_int_equal(t->cpu.sr[SR_HCR_EL2] & HCR_EL2_VSE, 0);
    tc_free(t);
}

/* ---- elsim's fixed order among several takeable ones (the Arm ARM
 * leaves it IMPLEMENTATION DEFINED; async.h documents it): physical
 * SError, physical IRQ, physical FIQ, then virtual SError, virtual IRQ,
 * virtual FIQ. At EL1 with AMO = IMO = FMO = 1 all six are takeable
 * (physical ones to EL2 unmasked, virtual ones to EL1 with DAIF clear);
 * each step takes the first, which is then withdrawn. ---- */
static void test_async_priority_phys_serror_irq_fiq_then_virt_serror_irq_fiq(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_AMO | HCR_EL2_IMO | HCR_EL2_FMO | HCR_EL2_VSE |
                            HCR_EL2_VI | HCR_EL2_VF;
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    a64_set_irq(&t->cpu, true);
    a64_set_fiq(&t->cpu, true);
    CODE(t, TC_CODE, I_NOP);
    static const struct {
        unsigned el, vec;
    } order[] = {
        { A64_EL2, V_LOWER64 + V_SERROR }, { A64_EL2, V_LOWER64 + V_IRQ },
        { A64_EL2, V_LOWER64 + V_FIQ },    { A64_EL1, V_CUR_SPX + V_SERROR },
        { A64_EL1, V_CUR_SPX + V_IRQ },    { A64_EL1, V_CUR_SPX + V_FIQ },
    };
    for (unsigned i = 0; i < 6; i++) {
        t->cpu.ps.el = A64_EL1;
        t->cpu.ps.sp = 1;
        t->cpu.ps.daif = 0;
        t->cpu.pc = TC_CODE;
        a64_step(&t->cpu);
        assert_int_equal(t->cpu.ps.el, order[i].el);
        assert_int_equal(t->cpu.pc, vbar_of(order[i].el) + order[i].vec);
        switch (i) { // withdraw the one just taken (SError and VSE withdraw themselves)
        case 1: a64_set_irq(&t->cpu, false); break;
        case 2: a64_set_fiq(&t->cpu, false); break;
        case 4: t->cpu.sr[SR_HCR_EL2] &= ~HCR_EL2_VI; break;
        default: break;
        }
    }
    tc_free(t);
}

/* ---- ISR_EL1 (A bit 8, I 7, F 6; Arm ARM ISR_EL1): at EL2 the
 * physical pending state; at EL1 with the routing bit 1 the virtual
 * state (VSE/VI/VF); with it 0 the physical state. ---- */

static uint64_t read_isr(testcpu *t)
{
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_MRS_X3_ISR_EL1);
    assert_int_equal(t->cpu.exc_taken, taken);
    return t->cpu.x[3];
}

static void test_isr_el2_shows_physical(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_AMO | HCR_EL2_IMO | HCR_EL2_FMO | HCR_EL2_VSE |
                            HCR_EL2_VI | HCR_EL2_VF;
    assert_int_equal(read_isr(t), 0); // the virtual ones do not show at EL2
    a64_set_irq(&t->cpu, true);
    assert_int_equal(read_isr(t), PSTATE_I);
    a64_set_fiq(&t->cpu, true);
    a64_set_serror(&t->cpu, true, TEST_SERROR_ISS);
    assert_int_equal(read_isr(t), PSTATE_A | PSTATE_I | PSTATE_F);
    tc_free(t);
}

static void isr_el1_route1_shows_virtual(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_int_equal(read_isr(t), 0);
    t->cpu.sr[SR_HCR_EL2] = K->route | K->vbit;
    assert_int_equal(read_isr(t), K->mask);
    // a physical one pending (it would be taken to EL2 at the next
    // boundary, so read the ISR_EL1 view directly): not shown at EL1
    t->cpu.sr[SR_HCR_EL2] = K->route;
    assert_phys(t, K);
    assert_int_equal(a64_isr_value(&t->cpu), 0);
    tc_free(t);
}

static void isr_el1_route0_shows_physical(void **state)
{
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.sr[SR_HCR_EL2] = K->vbit; // virtual bit without routing: nothing
    assert_int_equal(read_isr(t), 0);
    assert_phys(t, K);
    assert_int_equal(read_isr(t), K->mask);
    tc_free(t);
}

/* ---- Recognition timing (Arm ARM, "Asynchronous exception masking":
 * a DAIFClr unmask is seen at the latest at the next context
 * synchronization event). Program: msr daifclr, #2; nop; isb; nop with an IRQ pending,
 * routed to EL1. ---- */

static testcpu *timing_cpu(unsigned policy)
{
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.async_policy = (uint8_t)policy;
    CODE(t, TC_CODE, I_DAIFCLR(2), I_NOP, I_ISB, I_NOP);
    a64_set_irq(&t->cpu, true);
    return t;
}

/* earliest: taken at the boundary right after the MSR: ELR = the nop. */
static void test_timing_earliest_taken_after_daifclr(void **state)
{
    (void)state;
    testcpu *t = timing_cpu(A64_ASYNC_EARLIEST);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.exc_taken, 0);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE + 4);
    tc_free(t);
}

/* latest: held through the nop and the isb, taken right after the ISB
 * (the context synchronization event): ELR = the instruction after it. */
static void test_timing_latest_held_until_isb(void **state)
{
    (void)state;
    testcpu *t = timing_cpu(A64_ASYNC_LATEST);
    for (unsigned i = 1; i <= 3; i++) {
        a64_step(&t->cpu);
        assert_no_exception(t, 0, TC_CODE + 4 * i);
    }
    assert_int_equal(t->cpu.ps.daif & PSTATE_I, 0); // PSTATE.I itself is clear
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE + 12);
    tc_free(t);
}

/* latest, unmasked by MSR DAIF (register form): the same hold. */
static void test_timing_latest_msr_daif_held_until_isb(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.async_policy = A64_ASYNC_LATEST;
    a64_set_x(&t->cpu, 0, 0);
    CODE(t, TC_CODE, I_MSR_DAIF_X0, I_NOP, I_ISB, I_NOP);
    a64_set_irq(&t->cpu, true);
    for (unsigned i = 1; i <= 3; i++) {
        a64_step(&t->cpu);
        assert_no_exception(t, 0, TC_CODE + 4 * i);
    }
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE + 12);
    tc_free(t);
}

/* latest: an ERET is a context synchronization event too: msr daifclr,
 * #2; eret (to EL1h with I clear): taken at the ERET's target. */
static void test_timing_latest_hold_ended_by_eret(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.async_policy = A64_ASYNC_LATEST;
    t->cpu.sr[SR_SPSR_EL1] = M_EL1H;
    t->cpu.sr[SR_ELR_EL1] = TC_CODE + 0x100;
    CODE(t, TC_CODE, I_DAIFCLR(2), I_ERET);
    CODE(t, TC_CODE + 0x100, I_NOP);
    a64_set_irq(&t->cpu, true);
    a64_step(&t->cpu);
    assert_no_exception(t, 0, TC_CODE + 4);
    a64_step(&t->cpu);
    assert_no_exception(t, 0, TC_CODE + 0x100);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX + V_IRQ, TC_CODE + 0x100);
    tc_free(t);
}

/* latest: exception entry is a context synchronization event: the hold
 * left by msr daifclr, #2 ends with the SVC's entry. (Entry also masks
 * DAIF, so no later instruction can tell; this checks the model's
 * recognition state directly.) */
static void test_timing_latest_hold_ended_by_exception_entry(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, PSTATE_DAIF_MASK);
    t->cpu.async_policy = A64_ASYNC_LATEST;
    CODE(t, TC_CODE, I_DAIFCLR(2), I_SVC0);
    a64_step(&t->cpu);
    assert_int_not_equal(t->cpu.recog_hold, 0);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE + 8);
    assert_int_equal(t->cpu.recog_hold, 0);
    tc_free(t);
}

#define KT(fn, k, kn) { #fn "/" kn, fn, NULL, NULL, (void *)&k }
#define KT3(fn) KT(fn, kind_serror, "serror"), KT(fn, kind_irq, "irq"), KT(fn, kind_fiq, "fiq")

int main(void)
{
    const struct CMUnitTest tests[] = {
        KT3(async_el1_route1_masked_taken_to_el2),
        KT3(async_el0_route1_masked_taken_to_el2),
        KT3(async_el1_route0_masked_stays_pending),
        KT3(async_el1_route0_unmasked_taken_to_el1),
        KT3(async_el0_route0_masked_stays_pending),
        KT3(async_el0_route0_unmasked_taken_to_el1),
        KT3(async_el2_route1_masked_stays_pending),
        KT3(async_el2_route1_unmasked_taken_to_el2),
        KT3(async_el2_route0_pending_until_eret_to_el1),
        KT3(async_el0_tge_masked_taken_to_el2),
        KT3(async_el2_tge_masked_then_unmasked),
        KT3(virt_el1_unmasked_taken_to_el1),
        KT3(virt_el0_taken_to_el1_lower),
        KT3(virt_el1_masked_by_pstate),
        KT3(virt_el1_route0_does_not_exist),
        KT3(virt_el0_tge_does_not_exist),
        KT3(virt_el2_never_taken_until_eret_to_el1),
        cmocka_unit_test(test_virt_serror_without_ras_ec2f_clears_vse),
        cmocka_unit_test(test_async_priority_phys_serror_irq_fiq_then_virt_serror_irq_fiq),
        cmocka_unit_test(test_isr_el2_shows_physical),
        KT3(isr_el1_route1_shows_virtual),
        KT3(isr_el1_route0_shows_physical),
        cmocka_unit_test(test_timing_earliest_taken_after_daifclr),
        cmocka_unit_test(test_timing_latest_held_until_isb),
        cmocka_unit_test(test_timing_latest_msr_daif_held_until_isb),
        cmocka_unit_test(test_timing_latest_hold_ended_by_eret),
        cmocka_unit_test(test_timing_latest_hold_ended_by_exception_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
