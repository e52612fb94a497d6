/* tests/test_sysops.c: SYS instructions (DC, IC, TLBI) and their HCR_EL2
 * traps from EL1: TDZ for DC ZVA, TTLB for TLB maintenance, TPCP for
 * maintenance to the point of coherency, TSW for set/way, TPU for the point
 * of unification; each traps to EL2 as EC 0x18 with the SYS encoding in
 * the ISS (Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5],
 * CRm [4:1], direction 0), worked out by hand below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "regs.h"
#include "testcpu.h"

#define DC_ZVA_X0 0xd50b7420u
#define TLBI_VMALLE1IS 0xd508831fu
#define DC_CIVAC_X0 0xd50b7e20u
#define DC_ISW_X0 0xd5087640u
#define IC_IALLU 0xd508751fu
#define ESR_SYS(iss) (0x62000000u | (iss)) /* EC 0x18, IL */

static void test_words(void **state)
{
    (void)state;
    tc_assert_disasm(DC_ZVA_X0, "dc zva, x0");
    tc_assert_disasm(TLBI_VMALLE1IS, "tlbi vmalle1is");
    tc_assert_disasm(DC_CIVAC_X0, "dc civac, x0");
    tc_assert_disasm(DC_ISW_X0, "dc isw, x0");
    tc_assert_disasm(IC_IALLU, "ic iallu");
}

static void expect_trap(uint32_t word, uint64_t hcr_bit, uint32_t esr)
{
    testcpu *t = tc_new(A64_EL1);
    t->cpu.x[0] = TC_DATA;
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_RW | hcr_bit;
    tc_exec1(t, word);
    assert_int_equal(t->cpu.ps.el, A64_EL2);
    assert_int_equal(t->cpu.sr[SR_ESR_EL2], esr);
    assert_int_equal(t->cpu.sr[SR_ELR_EL2], TC_CODE);
    assert_int_equal(t->cpu.pc, TC_VBAR + 0x400);
    tc_free(t);
    // the same instruction with the bit clear stays at EL1
    t = tc_new(A64_EL1);
    t->cpu.x[0] = TC_DATA;
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_RW;
    tc_exec1(t, word);
    assert_int_equal(t->cpu.ps.el, A64_EL1);
    assert_int_equal(t->cpu.pc, TC_CODE + 4);
    tc_free(t);
}

static void test_dc_zva_tdz(void **state)
{
    (void)state;
    // Op0 1, Op2 1, Op1 3, CRn 7, Rt 0, CRm 4
    expect_trap(DC_ZVA_X0, HCR_EL2_TDZ, ESR_SYS((1u << 20) | (1u << 17) | (3u << 14) | (7u << 10) | (4u << 1)));
}

static void test_tlbi_ttlb(void **state)
{
    (void)state;
    // Op0 1, Op2 0, Op1 0, CRn 8, Rt 31, CRm 3
    expect_trap(TLBI_VMALLE1IS, HCR_EL2_TTLB, ESR_SYS((1u << 20) | (8u << 10) | (31u << 5) | (3u << 1)));
}

static void test_dc_civac_tpcp(void **state)
{
    (void)state;
    // Op0 1, Op2 1, Op1 3, CRn 7, Rt 0, CRm 14
    expect_trap(DC_CIVAC_X0, HCR_EL2_TPCP, ESR_SYS((1u << 20) | (1u << 17) | (3u << 14) | (7u << 10) | (14u << 1)));
}

static void test_dc_isw_tsw(void **state)
{
    (void)state;
    // Op0 1, Op2 2, Op1 0, CRn 7, Rt 0, CRm 6
    expect_trap(DC_ISW_X0, HCR_EL2_TSW, ESR_SYS((1u << 20) | (2u << 17) | (7u << 10) | (6u << 1)));
}

static void test_ic_iallu_tpu(void **state)
{
    (void)state;
    // Op0 1, Op2 0, Op1 0, CRn 7, Rt 31, CRm 5
    expect_trap(IC_IALLU, HCR_EL2_TPU, ESR_SYS((1u << 20) | (7u << 10) | (31u << 5) | (5u << 1)));
}

/* DC ZVA zeroes its whole block (DCZID_EL0.BS words of 4 bytes). */
static void test_dc_zva_zeroes_block(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL1);
    memset(tc_ptr(t, TC_DATA), 0xaa, 256);
    unsigned block = 4u << (t->cpu.sr[SR_DCZID_EL0] & 0xf);
    t->cpu.x[0] = TC_DATA + 8; // any address in the block
    tc_exec1(t, DC_ZVA_X0);
    for (unsigned i = 0; i < block; i++)
        assert_int_equal(tc_ptr(t, TC_DATA)[i], 0);
    assert_int_equal(tc_ptr(t, TC_DATA)[block], 0xaa);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),         cmocka_unit_test(test_dc_zva_tdz),
        cmocka_unit_test(test_tlbi_ttlb),     cmocka_unit_test(test_dc_civac_tpcp),
        cmocka_unit_test(test_dc_isw_tsw),    cmocka_unit_test(test_ic_iallu_tpu),
        cmocka_unit_test(test_dc_zva_zeroes_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
