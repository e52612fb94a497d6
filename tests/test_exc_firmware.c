/* tests/test_exc_firmware.c: the EL3 firmware model answering SMC: PSCI
 * and SMCCC function ids (sim/firmware.c), directly and through an SMC. */
#include "exc_testutil.h"
#include "firmware.h"

#define NOT_SUPPORTED UINT64_C(0xffffffffffffffff) /* SMCCC: -1 */

static uint64_t call(sim_firmware *fw, a64_cpu *c, uint64_t x0, uint64_t x1)
{
    a64_set_x(c, 0, x0);
    a64_set_x(c, 1, x1);
    firmware_call(fw, c);
    return c->x[0];
}

/* PSCI_VERSION 0x84000000: PSCI 1.1 = major 1 << 16 | minor 1. The id is
 * W0: the upper half of X0 is not part of it (SMCCC). */
static void test_fw_psci_version(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    sim_firmware fw = { 0 };
    assert_int_equal(call(&fw, &t->cpu, 0x84000000, 0), 0x10001);
    assert_int_equal(call(&fw, &t->cpu, UINT64_C(0xffffffff84000000), 0), 0x10001);
    assert_int_equal(t->cpu.stop, A64_RUNNING);
    tc_free(t);
}

/* SMCCC_VERSION 0x80000000: at least 1.1 (ARCH_FEATURES and the
 * workaround calls exist from SMCCC 1.1 on). */
static void test_fw_smccc_version(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    sim_firmware fw = { 0 };
    uint64_t v = call(&fw, &t->cpu, 0x80000000, 0);
    assert_true(v >= 0x10001 && v < 0x80000000);
    tc_free(t);
}

/* SMCCC_ARCH_FEATURES 0x80000001 with x1 = a workaround id: 0 when the
 * CPU needs (and firmware implements) it, NOT_SUPPORTED (-1) otherwise;
 * the workaround calls themselves answer the same way. */
static void test_fw_arch_features_workarounds(void **state)
{
    (void)state;
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    const uint32_t wa[3] = { 0x80008000, 0x80007fff, 0x80003fff };
    for (unsigned i = 0; i < 3; i++) {
        sim_firmware fw = { 0 };
        assert_int_equal(call(&fw, &t->cpu, 0x80000001, wa[i]), NOT_SUPPORTED);
        fw.needs_wa1 = i == 0;
        fw.needs_wa2 = i == 1;
        fw.needs_wa3 = i == 2;
        assert_int_equal(call(&fw, &t->cpu, 0x80000001, wa[i]), 0);
        for (unsigned j = 0; j < 3; j++)
            if (j != i)
                assert_int_equal(call(&fw, &t->cpu, 0x80000001, wa[j]), NOT_SUPPORTED);
    }
    tc_free(t);
}

/* SYSTEM_OFF 0x84000008 stops the run as a power-off; SYSTEM_RESET
 * 0x84000009 as a reset; CPU_OFF 0x84000002 of the only CPU powers it off. */
static void test_fw_system_off_reset_cpu_off(void **state)
{
    (void)state;
    sim_firmware fw = { 0 };
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    call(&fw, &t->cpu, 0x84000008, 0);
    assert_int_equal(t->cpu.stop, A64_STOP_POWEROFF);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    call(&fw, &t->cpu, 0x84000009, 0);
    assert_int_equal(t->cpu.stop, A64_STOP_RESET);
    tc_free(t);

    t = exc_cpu(A64_EL1, 1, 0);
    call(&fw, &t->cpu, 0x84000002, 0);
    assert_int_equal(t->cpu.stop, A64_STOP_POWEROFF);
    tc_free(t);
}

/* CPU_ON 0xC4000003 (SMC64): the only CPU (MPIDR affinity 0) is already
 * on: ALREADY_ON (-4); an MPIDR that names no CPU: INVALID_PARAMETERS (-2). */
static void test_fw_cpu_on(void **state)
{
    (void)state;
    sim_firmware fw = { 0 };
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    assert_int_equal(call(&fw, &t->cpu, 0xc4000003, 0), UINT64_C(0xfffffffffffffffc));
    assert_int_equal(call(&fw, &t->cpu, 0xc4000003, 1), UINT64_C(0xfffffffffffffffe));
    assert_int_equal(t->cpu.stop, A64_RUNNING);
    tc_free(t);
}

/* An id the firmware does not implement: NOT_SUPPORTED (-1). */
static void test_fw_unknown_id_not_supported(void **state)
{
    (void)state;
    sim_firmware fw = { 0 };
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    assert_int_equal(call(&fw, &t->cpu, 0xc2000001, 0), NOT_SUPPORTED);
    assert_int_equal(call(&fw, &t->cpu, 0x8400ffff, 0), NOT_SUPPORTED);
    assert_int_equal(t->cpu.stop, A64_RUNNING);
    tc_free(t);
}

/* Through the SMC instruction: the firmware answers at EL3 and execution
 * continues after the SMC at the same EL. */
static void fw_smc(void *ctx, a64_cpu *c, uint16_t imm16)
{
    (void)imm16;
    firmware_call(ctx, c);
}

static void test_fw_smc_conduit(void **state)
{
    (void)state;
    sim_firmware fw = { 0 };
    testcpu *t = exc_cpu(A64_EL1, 1, 0);
    t->cpu.env.ctx = &fw;
    t->cpu.env.smc = fw_smc;
    CODE(t, TC_CODE, I_SMC0, I_SMC0);
    a64_set_x(&t->cpu, 0, 0x84000000);
    a64_step(&t->cpu);
    assert_no_exception(t, 0, TC_CODE + 4);
    assert_int_equal(t->cpu.x[0], 0x10001);
    assert_int_equal(fw.calls, 1);
    a64_set_x(&t->cpu, 0, 0x84000008);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.stop, A64_STOP_POWEROFF);
    assert_int_equal(fw.last_fid, 0x84000008);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fw_psci_version),
        cmocka_unit_test(test_fw_smccc_version),
        cmocka_unit_test(test_fw_arch_features_workarounds),
        cmocka_unit_test(test_fw_system_off_reset_cpu_off),
        cmocka_unit_test(test_fw_cpu_on),
        cmocka_unit_test(test_fw_unknown_id_not_supported),
        cmocka_unit_test(test_fw_smc_conduit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
