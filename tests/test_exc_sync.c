/* tests/test_exc_sync.c: where synchronous exceptions go (HVC, SMC, SVC,
 * traps, UNDEFINED, aborts, alignment, FP) and their exact ESR encodings. */
#include "exc_testutil.h"

/* ---- HVC (Arm ARM HVC instruction): EL1 -> EL2, EL2 -> EL2,
 * UNDEFINED at EL0 and with HCR_EL2.HCD = 1 at EL1. EC 0x16, ISS = imm16,
 * ELR = the next instruction. ---- */

static void test_hvc_el1_to_el2_iss_imm16_elr_next(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    tc_exec1(t, I_HVC_1234);
    assert_entered(t, A64_EL2, V_LOWER64 + V_SYNC, TC_CODE + 4);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x16, 0x1234));
    tc_free(t);
}

static void test_hvc_el2_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    tc_exec1(t, I_HVC_1234);
    assert_entered(t, A64_EL2, V_CUR_SPX + V_SYNC, TC_CODE + 4);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x16, 0x1234));
    tc_free(t);
}

static void test_hvc_el0_undefined_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    tc_exec1(t, I_HVC_1234);
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);
}

static void test_hvc_el1_hcd_undefined_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_HCD;
    tc_exec1(t, I_HVC_1234);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);
}

/* Without EL3 (ID_AA64PFR0_EL1.EL3 = 0 in elsim) the HVC pseudocode reads
 * hvc_enable = NOT(HCR_EL2.HCD): with HCD = 1, HVC is UNDEFINED at EL2 as
 * well as at EL1 ("HVC instructions are UNDEFINED at EL2 and EL1"), taken
 * to the EL that executed it. */
static void test_hvc_el2_hcd_undefined_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_HCD;
    tc_exec1(t, I_HVC_1234);
    assert_entered(t, A64_EL2, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x00, 0));
    tc_free(t);
}

/* ---- SMC (AArch64.CheckForSMCUndefOrTrap): UNDEFINED at EL0
 * (before any trap); at EL1 with HCR_EL2.TSC trapped to EL2 as EC 0x17
 * with ISS = imm16 and ELR = the SMC; otherwise EL3 (elsim's firmware
 * model) handles it and execution continues after it. ---- */

static void test_smc_el1_tsc_trapped_to_el2_elr_smc(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TSC;
    tc_exec1(t, I_SMC5);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x17, 5));
    tc_free(t);
}

static unsigned fw_calls;
static uint16_t fw_imm;
static void fake_firmware(void *ctx, a64_cpu *c, uint16_t imm16)
{
    (void)ctx;
    fw_calls++;
    fw_imm = imm16;
    a64_set_x(c, 0, 0xf00d);
}

static void test_smc_el1_firmware_answers_and_continues(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.env.smc = fake_firmware;
    fw_calls = 0;
    CODE(t, TC_CODE, I_SMC5, I_NOP);
    uint64_t taken = t->cpu.exc_taken;
    a64_step(&t->cpu);
    assert_int_equal(fw_calls, 1);
    assert_int_equal(fw_imm, 5);
    assert_int_equal(t->cpu.x[0], 0xf00d);
    assert_no_exception(t, taken, TC_CODE + 4);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    a64_step(&t->cpu); // and the next instruction runs
    assert_no_exception(t, taken, TC_CODE + 8);
    tc_free(t);
}

static void test_smc_el2_firmware_answers(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TSC; // TSC traps EL1 only
    t->cpu.env.smc = fake_firmware;
    fw_calls = 0;
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_SMC0);
    assert_int_equal(fw_calls, 1);
    assert_no_exception(t, taken, TC_CODE + 4);
    tc_free(t);
}

static void test_smc_el0_undefined_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TSC;
    t->cpu.env.smc = fake_firmware;
    fw_calls = 0;
    tc_exec1(t, I_SMC5);
    assert_int_equal(fw_calls, 0);
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);
}

/* ---- SVC (AArch64.CallSupervisor): EL0 -> EL1 (EL2 with
 * HCR_EL2.TGE), EL1 -> EL1, EL2 -> EL2. EC 0x15, ISS = imm16, ELR next. */

static void svc_case(unsigned from, uint64_t hcr, unsigned to, unsigned group)
{
    testcpu *t = exc_cpu(from, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = hcr;
    tc_exec1(t, I_SVC_1234);
    assert_entered(t, to, group, TC_CODE + 4);
    assert_int_equal(esr_of(t, to), ESR(0x15, 0x1234));
    tc_free(t);
}

static void test_svc_el0_to_el1(void **state)
{
    (void)state;
    svc_case(A64_EL0, 0, A64_EL1, V_LOWER64);
}
static void test_svc_el0_tge_to_el2(void **state)
{
    (void)state;
    svc_case(A64_EL0, HCR_EL2_TGE, A64_EL2, V_LOWER64);
}
static void test_svc_el1_to_el1(void **state)
{
    (void)state;
    svc_case(A64_EL1, 0, A64_EL1, V_CUR_SPX);
}
static void test_svc_el2_to_el2(void **state)
{
    (void)state;
    svc_case(A64_EL2, HCR_EL2_TGE, A64_EL2, V_CUR_SPX);
}

/* BRK: EC 0x3C, ISS = imm16, ELR = the BRK itself (a breakpoint
 * instruction exception returns to the instruction). */
static void test_brk_el1_ec3c(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    tc_exec1(t, I_BRK_42);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x3c, 0x42));
    tc_free(t);
}

/* ---- Traps of MSR/MRS by EL2 (HCR_EL2.TVM/TRVM for the EL1 virtual
 * memory controls): EC 0x18 to EL2, ELR = the instruction, ISS =
 * Op0 [21:20] Op2 [19:17] Op1 [16:14] CRn [13:10] Rt [9:5] CRm [4:1]
 * Direction [0] (ESR_ELx, "ISS encoding for an exception from MSR, MRS,
 * or System instruction execution in AArch64 state"). ---- */

/* msr sctlr_el1, x1: op0 3, op1 0, CRn 1, CRm 0, op2 0, Rt 1, write:
 * 3 << 20 | 1 << 10 | 1 << 5 = 0x300420. */
static void test_tvm_msr_sctlr_el1_trapped_ec18_iss(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TVM;
    uint64_t before = t->cpu.sr[SR_SCTLR_EL1];
    a64_set_x(&t->cpu, 1, before ^ 1);
    tc_exec1(t, I_MSR_SCTLR_EL1_X1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x18, 0x300420));
    assert_int_equal(t->cpu.sr[SR_SCTLR_EL1], before); // not written
    tc_free(t);
}

/* mrs x7, ttbr0_el1 under TRVM: op0 3, CRn 2, Rt 7, read:
 * 3 << 20 | 2 << 10 | 7 << 5 | 1 = 0x3008e1. TVM alone traps writes only. */
static void test_trvm_mrs_ttbr0_el1_trapped_ec18_iss(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TRVM;
    tc_exec1(t, I_MRS_X7_TTBR0_EL1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x18, 0x3008e1));
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TVM;
    t->cpu.sr[SR_TTBR0_EL1] = 0x1234000;
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_MRS_X7_TTBR0_EL1);
    assert_no_exception(t, taken, TC_CODE + 4);
    assert_int_equal(t->cpu.x[7], 0x1234000);
    tc_free(t);
}

/* ---- UNDEFINED register accesses: too low an EL, or a register the
 * model does not have: EC 0x00 (IL = 1, ISS = 0) to the current EL, EL0
 * to EL1 (EL2 with TGE). ---- */

static void test_sysreg_el1_reg_from_el0_undefined_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL0, 0, 0);
    tc_exec1(t, I_MRS_X0_SCTLR_EL1);
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);

    t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TGE;
    tc_exec1(t, I_MRS_X0_SCTLR_EL1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x00, 0));
    tc_free(t);
}

static void test_sysreg_el2_reg_from_el1_undefined_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    tc_exec1(t, I_MRS_X0_HCR_EL2);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x00, 0));
    tc_free(t);
}

static void test_sysreg_unknown_undefined_to_current_el(void **state)
{
    (void)state;
    for (unsigned el = A64_EL1; el <= A64_EL2; el++) {
        testcpu *t = exc_cpu(el, 1, 0);
        tc_exec1(t, I_MRS_X0_IMPDEF);
        assert_entered(t, el, V_CUR_SPX, TC_CODE);
        assert_int_equal(esr_of(t, el), ESR(0x00, 0));
        tc_free(t);
    }
}

/* A synchronous exception at EL2 goes to EL2, never to EL1: UNDEFINED
 * (a RAS register on a CPU without RAS) and a data abort at EL2. */
static void test_sync_at_el2_goes_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL2, 1, 0);
    tc_exec1(t, I_MRS_X0_DISR_EL1);
    assert_entered(t, A64_EL2, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x00, 0));
    assert_int_equal(t->cpu.sr[SR_ELR_EL1], 0);
    tc_free(t);
}

/* ---- WFI/WFE trapped by HCR_EL2.TWI/TWE at EL1: EC 0x01 to EL2, ELR =
 * the instruction. ISS: CV = 1, COND = 0b1110 (from AArch64), TI [1:0] =
 * 0 for WFI, 1 for WFE. ---- */

static void test_wfi_el1_twi_trapped_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TWI;
    tc_exec1(t, I_WFI);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x01, (1u << 24) | (0xeu << 20) | 0));
    tc_free(t);
}

static void test_wfe_el1_twe_trapped_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TWE;
    t->cpu.event_reg = false;
    tc_exec1(t, I_WFE);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x01, (1u << 24) | (0xeu << 20) | 1));
    tc_free(t);
}

/* TWI does not trap WFE nor TWE WFI; without the bits both complete. */
static void test_wfx_el1_untrapped_completes(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TWI;
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_WFE);
    assert_no_exception(t, taken, TC_CODE + 4);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TWE;
    tc_exec1(t, I_WFI);
    assert_no_exception(t, taken, TC_CODE + 8);
    tc_free(t);
}

/* TWE traps a WFE only "if the instruction would otherwise have caused
 * the PE to enter a low-power state" (HCR_EL2.TWE): a WFE with the event
 * register set just clears it and completes (WFE pseudocode: the traps
 * are checked only in the branch where IsEventRegisterSet() is FALSE). */
static void test_wfe_el1_twe_event_set_not_trapped(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TWE;
    t->cpu.event_reg = true;
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_WFE);
    assert_no_exception(t, taken, TC_CODE + 4);
    assert_false(t->cpu.event_reg);
    tc_free(t);
}

/* ---- Data aborts: an access nothing maps is a synchronous external
 * abort, DFSC 0x10; EC 0x25 from the same EL, 0x24 from a lower EL;
 * ISS WnR (bit 6) = 1 for a store; ISV = 0 (not a stage-2 abort); FAR =
 * the address; ELR = the access. EA (bit 9) is IMPLEMENTATION DEFINED. */

static void dabt_case(unsigned el, uint32_t word, bool is_write, unsigned to, unsigned ec,
                      unsigned group)
{
    testcpu *t = exc_cpu(el, 1, 0);
    a64_set_x(&t->cpu, 1, 0x10000010);
    tc_exec1(t, word);
    assert_entered(t, to, group, TC_CODE);
    assert_int_equal(esr_of(t, to) & ~(1u << 9), ESR(ec, (is_write ? 1u << 6 : 0) | 0x10));
    assert_int_equal(far_of(t, to), 0x10000010);
    tc_free(t);
}

static void test_dabt_el1_load_unmapped(void **state)
{
    (void)state;
    dabt_case(A64_EL1, I_LDR_X0_X1, false, A64_EL1, 0x25, V_CUR_SPX);
}
static void test_dabt_el1_store_unmapped(void **state)
{
    (void)state;
    dabt_case(A64_EL1, I_STR_X0_X1, true, A64_EL1, 0x25, V_CUR_SPX);
}
static void test_dabt_el2_load_unmapped(void **state)
{
    (void)state;
    dabt_case(A64_EL2, I_LDR_X0_X1, false, A64_EL2, 0x25, V_CUR_SPX);
}
static void test_dabt_el2_store_unmapped(void **state)
{
    (void)state;
    dabt_case(A64_EL2, I_STR_X0_X1, true, A64_EL2, 0x25, V_CUR_SPX);
}
static void test_dabt_el0_store_unmapped_to_el1_lower(void **state)
{
    (void)state;
    dabt_case(A64_EL0, I_STR_X0_X1, true, A64_EL1, 0x24, V_LOWER64);
}

/* HCR_EL2.TEA (FEAT_RAS) routes synchronous external aborts from EL0/EL1
 * to EL2: from EL1 that is a lower-EL data abort, EC 0x24, FAR_EL2 = the
 * address, ELR_EL2 = the access. Without RAS, TEA is RES0. */
static void test_dabt_el1_tea_routes_sea_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.feat |= FEAT_BIT(FEAT_RAS);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TEA;
    a64_set_x(&t->cpu, 1, 0x10000010);
    tc_exec1(t, I_LDR_X0_X1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2) & ~(1u << 9), ESR(0x24, 0x10));
    assert_int_equal(far_of(t, A64_EL2), 0x10000010);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0); // no RAS: TEA has no effect
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_TEA;
    a64_set_x(&t->cpu, 1, 0x10000010);
    tc_exec1(t, I_LDR_X0_X1);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE);
    tc_free(t);
}

/* Instruction abort: a branch to an address nothing maps; the fetch
 * there faults with EC 0x21 (same EL) / 0x20 (lower EL), IFSC 0x10,
 * FAR = ELR = the address. */
static void iabt_case(unsigned el, unsigned ec, unsigned group)
{
    testcpu *t = exc_cpu(el, 1, 0);
    a64_set_x(&t->cpu, 1, 0x10000000);
    tc_exec1(t, I_BR_X1);
    assert_int_equal(t->cpu.pc, 0x10000000);
    a64_step(&t->cpu);
    assert_entered(t, A64_EL1, group, 0x10000000);
    assert_int_equal(esr_of(t, A64_EL1) & ~(1u << 9), ESR(ec, 0x10));
    assert_int_equal(far_of(t, A64_EL1), 0x10000000);
    tc_free(t);
}

static void test_iabt_el1_same_el_ec21(void **state)
{
    (void)state;
    iabt_case(A64_EL1, 0x21, V_CUR_SPX);
}
static void test_iabt_el0_lower_el_ec20(void **state)
{
    (void)state;
    iabt_case(A64_EL0, 0x20, V_LOWER64);
}

/* ---- PC alignment: BR to an odd address; the fetch at the misaligned
 * PC takes EC 0x22 (ISS 0) with FAR = ELR = that PC (AArch64.PCAlignmentFault,
 * preferred return ThisInstrAddr()). ---- */
static void test_pc_alignment_br_odd(void **state)
{
    (void)state;
    for (unsigned el = A64_EL1; el <= A64_EL2; el++) {
        testcpu *t = exc_cpu(el, 1, 0);
        a64_set_x(&t->cpu, 1, TC_CODE + 0x41);
        tc_exec1(t, I_BR_X1);
        assert_int_equal(t->cpu.exc_taken, 0);
        a64_step(&t->cpu);
        assert_entered(t, el, V_CUR_SPX, TC_CODE + 0x41);
        assert_int_equal(esr_of(t, el), ESR(0x22, 0));
        assert_int_equal(far_of(t, el), TC_CODE + 0x41);
        tc_free(t);
    }
}

/* ---- SP alignment: with SCTLR_ELx.SA = 1 a load with base SP not
 * 16-byte aligned takes EC 0x26 (ISS 0), ELR = the load; with SA = 0 it
 * runs. ---- */
static void test_sp_alignment_sa(void **state)
{
    (void)state;
    for (unsigned el = A64_EL1; el <= A64_EL2; el++) {
        testcpu *t = exc_cpu(el, 1, 0);
        int sctlr = el == A64_EL2 ? SR_SCTLR_EL2 : SR_SCTLR_EL1;
        t->cpu.sr[sctlr] |= SCTLR_SA;
        t->cpu.sp_el[el] = TC_DATA + 8;
        tc_exec1(t, I_LDR_X0_SP);
        assert_entered(t, el, V_CUR_SPX, TC_CODE);
        assert_int_equal(esr_of(t, el), ESR(0x26, 0));
        tc_free(t);

        t = exc_cpu(el, 1, 0);
        t->cpu.sr[sctlr] &= ~SCTLR_SA;
        t->cpu.sp_el[el] = TC_DATA + 8;
        tc_write64(t, TC_DATA + 8, 0x77);
        uint64_t taken = t->cpu.exc_taken;
        tc_exec1(t, I_LDR_X0_SP);
        assert_no_exception(t, taken, TC_CODE + 4);
        assert_int_equal(t->cpu.x[0], 0x77);
        tc_free(t);
    }
}

/* ---- FP/SIMD access traps: CPACR_EL1.FPEN (0b00: EL0 and EL1 trap,
 * 0b01: EL0 traps) to EL1, CPTR_EL2.TFP to EL2; EC 0x07, ISS CV = 1,
 * COND = 0b1110; ELR = the instruction. ---- */

static void test_fp_cpacr_fpen_traps_to_el1(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_CPACR_EL1] = 0; // FPEN = 0b00
    tc_exec1(t, I_FMOV_D0_X1);
    assert_entered(t, A64_EL1, V_CUR_SPX, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x07, (1u << 24) | (0xeu << 20)));
    tc_free(t);

    t = exc_cpu(A64_EL0, 0, 0);
    t->cpu.sr[SR_CPACR_EL1] = 1u << 20; // FPEN = 0b01: EL0 only
    tc_exec1(t, I_FMOV_D0_X1);
    assert_entered(t, A64_EL1, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL1), ESR(0x07, (1u << 24) | (0xeu << 20)));
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_CPACR_EL1] = 1u << 20; // FPEN = 0b01: EL1 runs it
    uint64_t taken = t->cpu.exc_taken;
    tc_exec1(t, I_FMOV_D0_X1);
    assert_no_exception(t, taken, TC_CODE + 4);
    tc_free(t);
}

static void test_fp_cptr_tfp_traps_to_el2(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.sr[SR_CPACR_EL1] = 3u << 20; // FPEN = 0b11: EL1 does not trap
    t->cpu.sr[SR_CPTR_EL2] |= CPTR_EL2_TFP;
    tc_exec1(t, I_FMOV_D0_X1);
    assert_entered(t, A64_EL2, V_LOWER64, TC_CODE);
    assert_int_equal(esr_of(t, A64_EL2), ESR(0x07, (1u << 24) | (0xeu << 20)));
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hvc_el1_to_el2_iss_imm16_elr_next),
        cmocka_unit_test(test_hvc_el2_to_el2),
        cmocka_unit_test(test_hvc_el0_undefined_to_el1),
        cmocka_unit_test(test_hvc_el1_hcd_undefined_to_el1),
        cmocka_unit_test(test_hvc_el2_hcd_undefined_to_el2),
        cmocka_unit_test(test_smc_el1_tsc_trapped_to_el2_elr_smc),
        cmocka_unit_test(test_smc_el1_firmware_answers_and_continues),
        cmocka_unit_test(test_smc_el2_firmware_answers),
        cmocka_unit_test(test_smc_el0_undefined_to_el1),
        cmocka_unit_test(test_svc_el0_to_el1),
        cmocka_unit_test(test_svc_el0_tge_to_el2),
        cmocka_unit_test(test_svc_el1_to_el1),
        cmocka_unit_test(test_svc_el2_to_el2),
        cmocka_unit_test(test_brk_el1_ec3c),
        cmocka_unit_test(test_tvm_msr_sctlr_el1_trapped_ec18_iss),
        cmocka_unit_test(test_trvm_mrs_ttbr0_el1_trapped_ec18_iss),
        cmocka_unit_test(test_sysreg_el1_reg_from_el0_undefined_to_el1),
        cmocka_unit_test(test_sysreg_el2_reg_from_el1_undefined_to_el1),
        cmocka_unit_test(test_sysreg_unknown_undefined_to_current_el),
        cmocka_unit_test(test_sync_at_el2_goes_to_el2),
        cmocka_unit_test(test_wfi_el1_twi_trapped_to_el2),
        cmocka_unit_test(test_wfe_el1_twe_trapped_to_el2),
        cmocka_unit_test(test_wfx_el1_untrapped_completes),
        cmocka_unit_test(test_wfe_el1_twe_event_set_not_trapped),
        cmocka_unit_test(test_dabt_el1_load_unmapped),
        cmocka_unit_test(test_dabt_el1_store_unmapped),
        cmocka_unit_test(test_dabt_el2_load_unmapped),
        cmocka_unit_test(test_dabt_el2_store_unmapped),
        cmocka_unit_test(test_dabt_el0_store_unmapped_to_el1_lower),
        cmocka_unit_test(test_dabt_el1_tea_routes_sea_to_el2),
        cmocka_unit_test(test_iabt_el1_same_el_ec21),
        cmocka_unit_test(test_iabt_el0_lower_el_ec20),
        cmocka_unit_test(test_pc_alignment_br_odd),
        cmocka_unit_test(test_sp_alignment_sa),
        cmocka_unit_test(test_fp_cpacr_fpen_traps_to_el1),
        cmocka_unit_test(test_fp_cptr_tfp_traps_to_el2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
