/* tests/exc_testutil.h: shared pieces of the exception-model tests
 * (tests/test_exc_*.c): checked instruction words, vector bases, helpers. */
#ifndef EXC_TESTUTIL_H
#define EXC_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "a64.h"
#include "async.h"
#include "exception.h"
#include "pstate.h"
#include "regs.h"
#include "sysreg.h"
#include "testcpu.h"

/* Distinct vector bases, so a test sees which VBAR an entry used (both
 * 2 KiB aligned as VBAR_ELx requires). */
#define VBAR1 TC_VBAR
#define VBAR2 (TC_VBAR + UINT64_C(0x8000))

/* Vector group offsets (Arm ARM, "Exception vectors": VBAR_ELx offsets). */
#define V_CUR_SP0 0x000u
#define V_CUR_SPX 0x200u
#define V_LOWER64 0x400u
#define V_SYNC 0x000u
#define V_IRQ 0x080u
#define V_FIQ 0x100u
#define V_SERROR 0x180u

/* SPSR.M[3:0] values (Arm ARM, SPSR_EL2.M field). */
#define M_EL0T 0x0u
#define M_EL1T 0x4u
#define M_EL1H 0x5u
#define M_EL2T 0x8u
#define M_EL2H 0x9u

/* ESR_ELx = EC [31:26] | IL [25] | ISS [24:0]. */
#define ESR(ec, iss) ((((uint32_t)(ec)) << 26) | (1u << 25) | (uint32_t)(iss))

/* An instruction word, checked against Capstone's text where it runs. */
static inline uint32_t chk(uint32_t w, const char *text)
{
    tc_assert_disasm(w, text);
    return w;
}

/* Instructions (words from llvm-mc -triple=aarch64 -mattr=+v8.5a,+ras
 * -show-encoding; the text is Capstone 4's spelling of the same word). */
#define I_NOP chk(0xd503201f, "nop")
#define I_ISB chk(0xd5033fdf, "isb")
#define I_ESB chk(0xd503221f, "hint #0x10") /* esb */
#define I_ERET chk(0xd69f03e0, "eret")
#define I_SVC0 chk(0xd4000001, "svc #0")
#define I_SVC_1234 chk(0xd4024681, "svc #0x1234")
#define I_HVC0 chk(0xd4000002, "hvc #0")
#define I_HVC_1234 chk(0xd4024682, "hvc #0x1234")
#define I_SMC0 chk(0xd4000003, "smc #0")
#define I_SMC5 chk(0xd40000a3, "smc #0x5")
#define I_BRK_42 chk(0xd4200840, "brk #0x42")
#define I_WFI chk(0xd503207f, "wfi")
#define I_WFE chk(0xd503205f, "wfe")
#define I_DAIFCLR(n) chk(0xd50340ffu | ((n) << 8), daifclr_text[n])
#define I_DAIFSET(n) chk(0xd50340dfu | ((n) << 8), daifset_text[n])
#define I_MSR_SPSEL_0 chk(0xd50040bf, "msr spsel, #0")
#define I_MSR_SPSEL_1 chk(0xd50041bf, "msr spsel, #1")
#define I_MSR_PAN_1 chk(0xd500419f, "msr pan, #1")
#define I_MSR_PAN_0 chk(0xd500409f, "msr pan, #0")
#define I_MSR_UAO_1 chk(0xd500417f, "msr uao, #1")
/* Capstone 4 knows neither MSR SSBS nor MSR DIT (immediate): llvm-mc gives
 * msr SSBS, #1 = 0xd503413f and msr DIT, #1 = 0xd503415f, i.e. MSR
 * (immediate) op1 = 0b011 with op2 = 0b001 (SSBS) / 0b010 (DIT), CRm = 1. */
#define I_MSR_SSBS_1 0xd503413fu
#define I_MSR_DIT_1 0xd503415fu
#define I_MSR_DAIF_X0 chk(0xd51b4220, "msr daif, x0")
#define I_MSR_SCTLR_EL1_X1 chk(0xd5181001, "msr sctlr_el1, x1")
#define I_MRS_X0_SCTLR_EL1 chk(0xd5381000, "mrs x0, sctlr_el1")
#define I_MRS_X7_TTBR0_EL1 chk(0xd5382007, "mrs x7, ttbr0_el1")
#define I_MRS_X0_HCR_EL2 chk(0xd53c1100, "mrs x0, hcr_el2")
#define I_MRS_X3_ISR_EL1 chk(0xd538c103, "mrs x3, isr_el1")
#define I_MRS_X0_DISR_EL1 chk(0xd538c120, "mrs x0, s3_0_c12_c1_1")   /* mrs x0, DISR_EL1 */
#define I_MSR_DISR_EL1_X0 chk(0xd518c120, "msr s3_0_c12_c1_1, x0")   /* msr DISR_EL1, x0 */
#define I_MRS_X0_VDISR_EL2 chk(0xd53cc120, "mrs x0, s3_4_c12_c1_1")  /* mrs x0, VDISR_EL2 */
#define I_MSR_VDISR_EL2_X0 chk(0xd51cc120, "msr s3_4_c12_c1_1, x0")  /* msr VDISR_EL2, x0 */
#define I_MRS_X0_VSESR_EL2 chk(0xd53c5260, "mrs x0, s3_4_c5_c2_3")   /* mrs x0, VSESR_EL2 */
#define I_MRS_X0_ERRIDR_EL1 chk(0xd5385300, "mrs x0, s3_0_c5_c3_0")  /* mrs x0, ERRIDR_EL1 */
#define I_MRS_X0_IMPDEF chk(0xd538ffe0, "mrs x0, s3_0_c15_c15_7")
#define I_LDR_X0_X1 chk(0xf9400020, "ldr x0, [x1]")
#define I_STR_X0_X1 chk(0xf9000020, "str x0, [x1]")
#define I_LDR_X0_SP chk(0xf94003e0, "ldr x0, [sp]")
#define I_BR_X1 chk(0xd61f0020, "br x1")
#define I_FMOV_D0_X1 chk(0x9e670020, "fmov d0, x1")

static const char *const daifclr_text[16] = {
    "msr daifclr, #0", "msr daifclr, #1", "msr daifclr, #2", "msr daifclr, #3",
    "msr daifclr, #4", "msr daifclr, #5", "msr daifclr, #6", "msr daifclr, #7",
    "msr daifclr, #8", "msr daifclr, #9", "msr daifclr, #0xa", "msr daifclr, #0xb",
    "msr daifclr, #0xc", "msr daifclr, #0xd", "msr daifclr, #0xe", "msr daifclr, #0xf",
};
static const char *const daifset_text[16] = {
    "msr daifset, #0", "msr daifset, #1", "msr daifset, #2", "msr daifset, #3",
    "msr daifset, #4", "msr daifset, #5", "msr daifset, #6", "msr daifset, #7",
    "msr daifset, #8", "msr daifset, #9", "msr daifset, #0xa", "msr daifset, #0xb",
    "msr daifset, #0xc", "msr daifset, #0xd", "msr daifset, #0xe", "msr daifset, #0xf",
};

/* Put words at an address: CODE(t, addr, w0, w1, ...). */
#define CODE(t, addr, ...)                                             \
    do {                                                               \
        const uint32_t code_w_[] = { __VA_ARGS__ };                    \
        tc_put_code((t), (addr), code_w_, sizeof code_w_ / sizeof code_w_[0]); \
    } while (0)

/* A CPU at `el` with SPSel `sp` (0 at EL0: EL0 has only SP_EL0), DAIF as
 * given, distinct VBAR_EL1/VBAR_EL2. */
static inline testcpu *exc_cpu(unsigned el, unsigned sp, uint32_t daif)
{
    testcpu *t = tc_new(el);
    t->cpu.ps.sp = (uint8_t)(el == A64_EL0 ? 0 : sp);
    t->cpu.ps.daif = daif;
    t->cpu.sr[SR_VBAR_EL1] = VBAR1;
    t->cpu.sr[SR_VBAR_EL2] = VBAR2;
    return t;
}

static inline uint64_t vbar_of(unsigned el) { return el == A64_EL2 ? VBAR2 : VBAR1; }
static inline uint64_t elr_of(testcpu *t, unsigned el)
{
    return t->cpu.sr[el == A64_EL2 ? SR_ELR_EL2 : SR_ELR_EL1];
}
static inline uint64_t spsr_of(testcpu *t, unsigned el)
{
    return t->cpu.sr[el == A64_EL2 ? SR_SPSR_EL2 : SR_SPSR_EL1];
}
static inline uint64_t esr_of(testcpu *t, unsigned el)
{
    return t->cpu.sr[el == A64_EL2 ? SR_ESR_EL2 : SR_ESR_EL1];
}
static inline uint64_t far_of(testcpu *t, unsigned el)
{
    return t->cpu.sr[el == A64_EL2 ? SR_FAR_EL2 : SR_FAR_EL1];
}

/* The state every exception entry to `el` leaves (AArch64.TakeException):
 * EL = el, PC = VBAR_ELx + offset, ELR = the preferred return address,
 * SPSel = 1, DAIF all set, IL = 0. */
static inline void assert_entered(testcpu *t, unsigned el, unsigned offset, uint64_t elr)
{
    assert_int_equal(t->cpu.ps.el, el);
    assert_int_equal(t->cpu.pc, vbar_of(el) + offset);
    assert_int_equal(elr_of(t, el), elr);
    assert_int_equal(t->cpu.ps.sp, 1);
    assert_int_equal(t->cpu.ps.daif, PSTATE_DAIF_MASK);
    assert_int_equal(t->cpu.ps.il, 0);
}

/* No exception was taken by the last step and PC moved on to `pc`. */
static inline void assert_no_exception(testcpu *t, uint64_t taken_before, uint64_t pc)
{
    assert_int_equal(t->cpu.exc_taken, taken_before);
    assert_int_equal(t->cpu.pc, pc);
}

/* The asynchronous kinds, each with its routing bit, PSTATE mask, virtual
 * pending bit and vector offset (Arm ARM, HCR_EL2.{AMO,IMO,FMO},
 * {VSE,VI,VF}). */
typedef struct kind_desc {
    const char *name;
    unsigned kind; /* enum a64_async_kind */
    uint64_t route;
    uint32_t mask;
    uint64_t vbit;
    unsigned vec;
} kind_desc;

static const kind_desc kind_serror = { "SError", ASYNC_SERROR, HCR_EL2_AMO, PSTATE_A, HCR_EL2_VSE,
                                       V_SERROR };
static const kind_desc kind_irq = { "IRQ", ASYNC_IRQ, HCR_EL2_IMO, PSTATE_I, HCR_EL2_VI, V_IRQ };
static const kind_desc kind_fiq = { "FIQ", ASYNC_FIQ, HCR_EL2_FMO, PSTATE_F, HCR_EL2_VF, V_FIQ };

/* The architected SError syndrome used for physical SErrors here: IDS = 0,
 * AET = 0b010 (UEO), EA = 0, DFSC = 0b010001 (asynchronous SError). */
#define TEST_SERROR_ISS ((0x2u << 10) | 0x11u)

static inline void assert_phys(testcpu *t, const kind_desc *k)
{
    switch (k->kind) {
    case ASYNC_SERROR: a64_set_serror(&t->cpu, true, TEST_SERROR_ISS); break;
    case ASYNC_IRQ: a64_set_irq(&t->cpu, true); break;
    default: a64_set_fiq(&t->cpu, true); break;
    }
}

static inline bool phys_still_pending(testcpu *t, const kind_desc *k)
{
    switch (k->kind) {
    case ASYNC_SERROR: return t->cpu.serror_pending;
    case ASYNC_IRQ: return t->cpu.irq_line;
    default: return t->cpu.fiq_line;
    }
}

#endif
