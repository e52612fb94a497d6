/* tests/test_stage2.c: a guest access to memory not mapped at stage 2 (an
 * MMIO hole) takes a data abort to EL2 with HPFAR_EL2 and, for a single
 * register without writeback, the instruction syndrome the hypervisor
 * needs to emulate it (ESR_ELx ISS for a data abort: ISV, SAS, SSE, SRT,
 * SF, AR, WnR). Expected ESRs are assembled by hand from those fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "regs.h"
#include "testcpu.h"

#define HOLE UINT64_C(0x09000000)
#define LDRSH_W1_X2 0x79c00041u  /* ldrsh w1, [x2] */
#define STR_X3_X2 0xf9000043u    /* str x3, [x2] */
#define STP_X1_X2_X3 0xa9000861u /* stp x1, x2, [x3] */
#define LDAR_W4_X2 0x88dffc44u   /* ldar w4, [x2] */
#define LDR_X5_X2_POST 0xf8408445u /* ldr x5, [x2], #8 */

static testcpu *guest(void)
{
    testcpu *t = tc_new(A64_EL1);
    t->hole_base = HOLE;
    t->hole_size = 0x1000;
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_VM | HCR_EL2_RW;
    t->cpu.x[2] = HOLE + 0x10;
    t->cpu.x[3] = HOLE + 0x20;
    return t;
}

static void expect_s2(testcpu *t, uint32_t esr, uint64_t va)
{
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.pc, TC_VBAR + 0x400); // lower EL, AArch64, sync
    assert_int_equal(t->cpu.sr[SR_ESR_EL2], esr);
    assert_int_equal(t->cpu.sr[SR_FAR_EL2], va);
    assert_int_equal(t->cpu.sr[SR_HPFAR_EL2], (va >> 12) << 4);
    assert_int_equal(t->cpu.sr[SR_ELR_EL2], TC_CODE);
}

static void test_words(void **state)
{
    (void)state;
    tc_assert_disasm(LDRSH_W1_X2, "ldrsh w1, [x2]");
    tc_assert_disasm(STR_X3_X2, "str x3, [x2]");
    tc_assert_disasm(STP_X1_X2_X3, "stp x1, x2, [x3]");
    tc_assert_disasm(LDAR_W4_X2, "ldar w4, [x2]");
    tc_assert_disasm(LDR_X5_X2_POST, "ldr x5, [x2], #8");
}

static void test_signed_halfword_load(void **state)
{
    (void)state;
    testcpu *t = guest();
    t->cpu.x[1] = 0x1111;
    tc_exec1(t, LDRSH_W1_X2);
    // EC 0x24, IL, ISV, SAS 01, SSE, SRT 1, SF 0, WnR 0, DFSC 0x07 (level 3 translation)
    expect_s2(t, 0x93610007u, HOLE + 0x10);
    assert_int_equal(t->cpu.x[1], 0x1111); // the load did not happen
    tc_free(t);
}

static void test_doubleword_store(void **state)
{
    (void)state;
    testcpu *t = guest();
    tc_exec1(t, STR_X3_X2);
    // ISV, SAS 11, SRT 3, SF, WnR
    expect_s2(t, 0x93c38047u, HOLE + 0x10);
    tc_free(t);
}

static void test_acquire_sets_ar(void **state)
{
    (void)state;
    testcpu *t = guest();
    tc_exec1(t, LDAR_W4_X2);
    // ISV, SAS 10, SRT 4, AR
    expect_s2(t, 0x93844007u, HOLE + 0x10);
    tc_free(t);
}

static void test_pair_and_writeback_have_no_syndrome(void **state)
{
    (void)state;
    testcpu *t = guest();
    tc_exec1(t, STP_X1_X2_X3);
    expect_s2(t, 0x92000047u, HOLE + 0x20); // ISV = 0, WnR, DFSC 0x07
    tc_free(t);
    t = guest();
    tc_exec1(t, LDR_X5_X2_POST);
    expect_s2(t, 0x92000007u, HOLE + 0x10);
    assert_int_equal(t->cpu.x[2], HOLE + 0x10); // no writeback
    tc_free(t);
}

/* Without stage 2 (HCR_EL2.VM = 0) or from EL2 the hole is just nothing:
 * a synchronous external abort at the current level's handler. */
static void test_hole_without_stage2_is_external_abort(void **state)
{
    (void)state;
    testcpu *t = guest();
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_RW;
    tc_exec1(t, LDRSH_W1_X2);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.sr[SR_ESR_EL1], 0x96000010u); // EC 0x25, IL, DFSC 0x10
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_signed_halfword_load),
        cmocka_unit_test(test_doubleword_store),
        cmocka_unit_test(test_acquire_sets_ar),
        cmocka_unit_test(test_pair_and_writeback_have_no_syndrome),
        cmocka_unit_test(test_hole_without_stage2_is_external_abort),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
