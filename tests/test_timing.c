/* tests/test_timing.c: the cycle model, with every expected number derived
 * from the model file's own parameters (read with model_load), never typed
 * in: dependent chains, load-use, the store buffer and DSB, refills, a
 * changed latency in a model file, and a timer that fires on its cycle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "model.h"
#include "regs.h"
#include "testcpu.h"
#include "timer.h"

#define ADD_X0_1 0x91000400u    /* add x0, x0, #1 */
#define MUL_X1 0x9b017c21u      /* mul x1, x1, x1 */
#define LDR_X1_X2 0xf9400041u   /* ldr x1, [x2] */
#define ADD_X3_X1 0x91000423u   /* add x3, x1, #1 */
#define STR_X4_X2 0xf9000044u   /* str x4, [x2] */
#define DSB_SY 0xd5033f9fu      /* dsb sy */
#define MOV_X5_7 0xd28000e5u    /* mov x5, #7 */
#define NOP 0xd503201fu         /* nop */

static testcpu *timed(const char *model, sim_model *mdl)
{
    char err[256];
    if (!model_load(model, mdl, err, sizeof err))
        fail_msg("%s", err);
    testcpu *t = tc_new(A64_EL2);
    model_apply(mdl, &t->cpu);
    t->cpu.x[2] = TC_DATA;
    return t;
}

/* Run n copies of word from the start; return the cycles they took. */
static uint64_t run_copies(testcpu *t, uint32_t word, unsigned n)
{
    uint32_t code[64];
    for (unsigned i = 0; i < n; i++)
        code[i] = word;
    tc_put_code(t, TC_CODE, code, n);
    uint64_t start = t->cpu.cycles;
    tc_run(t, n);
    assert_int_equal(t->cpu.pc, TC_CODE + 4u * n);
    return t->cpu.cycles - start;
}

static void test_words(void **state)
{
    (void)state;
    tc_assert_disasm(ADD_X0_1, "add x0, x0, #1");
    tc_assert_disasm(MUL_X1, "mul x1, x1, x1");
    tc_assert_disasm(LDR_X1_X2, "ldr x1, [x2]");
    tc_assert_disasm(ADD_X3_X1, "add x3, x1, #1");
    tc_assert_disasm(STR_X4_X2, "str x4, [x2]");
    tc_assert_disasm(DSB_SY, "dsb sy");
    tc_assert_disasm(MOV_X5_7, "movz x5, #0x7");
}

/* N dependent instructions: each issues `lat` cycles after the one before,
 * so the last issues at (N-1)*lat and retires the cycle after. */
static void test_dependent_chain(void **state)
{
    (void)state;
    sim_model mdl;
    const unsigned n = 10;
    testcpu *t = timed("generic", &mdl);
    unsigned lat = mdl.timing.lat[TK_MUL];
    assert_true(lat > 1); // otherwise the test proves nothing
    assert_int_equal(run_copies(t, MUL_X1, n), (uint64_t)(n - 1) * lat + 1);
    tc_free(t);
    t = timed("generic", &mdl);
    assert_int_equal(run_copies(t, ADD_X0_1, n), (uint64_t)(n - 1) * mdl.timing.lat[TK_ALU] + 1);
    tc_free(t);
}

/* Independent instructions issue one per cycle. */
static void test_independent_issue_one_per_cycle(void **state)
{
    (void)state;
    sim_model mdl;
    testcpu *t = timed("generic", &mdl);
    assert_int_equal(run_copies(t, MOV_X5_7, 12), 12);
    tc_free(t);
}

/* A consumer of a load waits the model's load latency. */
static void test_load_use(void **state)
{
    (void)state;
    sim_model mdl;
    testcpu *t = timed("cortex-a53", &mdl);
    uint32_t code[] = { LDR_X1_X2, ADD_X3_X1 };
    tc_put_code(t, TC_CODE, code, 2);
    tc_run(t, 2);
    assert_int_equal(t->cpu.cycles, (uint64_t)mdl.timing.lat[TK_LOAD] + 1);
    tc_free(t);
}

/* N stores fill the store buffer, each drains sb_drain cycles after the
 * one before; DSB waits for the last, then costs its own latency. */
static void test_dsb_waits_for_store_drain(void **state)
{
    (void)state;
    sim_model mdl;
    testcpu *t = timed("generic", &mdl);
    const a64_timing *tm = &mdl.timing;
    unsigned n = tm->sb_depth; // fill it exactly: no store stalls
    assert_true(n >= 2 && tm->sb_drain >= 1 && tm->lat[TK_STORE] == 1);
    uint32_t code[40];
    for (unsigned i = 0; i < n; i++)
        code[i] = STR_X4_X2;
    code[n] = DSB_SY;
    tc_put_code(t, TC_CODE, code, n + 1);
    tc_run(t, n + 1);
    uint64_t drained = (uint64_t)n * tm->sb_drain; // the last entry drains here
    uint64_t dsb_issue = drained > n ? drained : n;
    assert_int_equal(t->cpu.cycles, dsb_issue + tm->lat[TK_DSB]);
    tc_free(t);
}

/* Changing one latency in a model file changes the total as predicted. */
static void test_model_file_latency_change(void **state)
{
    (void)state;
    char path[] = "/tmp/elsim-test-model-XXXXXX.lua";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "return { name = 'slowmul', midr = 0, features = { 'EL2' },\n"
               "  timing = { latency = { mul = 17 } } }\n");
    fclose(f);
    sim_model a, b;
    const unsigned n = 8;
    testcpu *t = timed("generic", &a);
    uint64_t base = run_copies(t, MUL_X1, n);
    tc_free(t);
    t = timed(path, &b);
    uint64_t slow = run_copies(t, MUL_X1, n);
    tc_free(t);
    unlink(path);
    assert_int_equal(b.timing.lat[TK_MUL], 17);
    assert_int_equal(slow - base, (uint64_t)(n - 1) * (17u - a.timing.lat[TK_MUL]));
}

static uint64_t entry_cycle;
static void note_entry(void *ctx, a64_cpu *c, unsigned from_el)
{
    (void)ctx, (void)from_el;
    if (!entry_cycle)
        entry_cycle = c->cycles;
}

/* The EL2 physical timer programmed for count C interrupts on the cycle
 * the counter reaches C (C x cycles per tick), not an instruction later. */
static void test_timer_fires_on_its_cycle(void **state)
{
    (void)state;
    sim_model mdl;
    testcpu *t = timed("generic", &mdl);
    uint32_t code[64];
    for (unsigned i = 0; i < 64; i++)
        code[i] = NOP;
    tc_put_code(t, TC_CODE, code, 64);
    t->cpu.sr[SR_HCR_EL2] = HCR_EL2_IMO; // physical IRQs to EL2
    t->cpu.ps.daif = 0;
    const uint64_t cval = 3; // ticks
    sysreg_set(&t->cpu, SR_CNTHP_CVAL_EL2, cval);
    sysreg_set(&t->cpu, SR_CNTHP_CTL_EL2, CNT_CTL_ENABLE);
    entry_cycle = 0;
    t->cpu.env.on_entry = note_entry;
    tc_run(t, 64);
    uint64_t c_fire = cval * mdl.timing.cycles_per_tick;
    assert_int_equal(entry_cycle, c_fire);
    assert_int_equal(t->cpu.pc, TC_VBAR + 0x280); // current EL with SPx, IRQ
    // ISTATUS reads set; masking the timer drops the line
    assert_int_equal(sysreg_get(&t->cpu, SR_CNTHP_CTL_EL2), CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
    sysreg_set(&t->cpu, SR_CNTHP_CTL_EL2, CNT_CTL_ENABLE | CNT_CTL_IMASK);
    assert_int_equal(t->cpu.timer_lines, 0);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_dependent_chain),
        cmocka_unit_test(test_independent_issue_one_per_cycle),
        cmocka_unit_test(test_load_use),
        cmocka_unit_test(test_dsb_waits_for_store_drain),
        cmocka_unit_test(test_model_file_latency_change),
        cmocka_unit_test(test_timer_fires_on_its_cycle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
