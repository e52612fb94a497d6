/* tests/test_predecode.c: the predecode cache decodes once per address and
 * drops a page's decoded code when the page is written, by a store of the
 * program itself or by the machine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"
#include "testcpu.h"

#define MOVZ_X0(imm) (0xd2800000u | ((uint32_t)(imm) << 5)) /* movz x0, #imm */
#define STR_W1_X2 0xb9000041u                                 /* str w1, [x2] */
#define NOP 0xd503201fu

static void test_words_are_what_they_say(void **state)
{
    (void)state;
    tc_assert_disasm(MOVZ_X0(1), "movz x0, #0x1"); // Capstone 4 prints movz, not mov
    tc_assert_disasm(STR_W1_X2, "str w1, [x2]");
}

/* A store into the page being executed replaces the next instruction: the
 * new one must run, not the stale decoded form. */
static void test_self_modifying_store(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    uint32_t prog[] = { STR_W1_X2, MOVZ_X0(1), NOP };
    tc_put_code(t, TC_CODE, prog, 3);
    // decode the whole sequence once (the store goes to data), then rewind
    t->cpu.x[2] = TC_DATA;
    tc_run(t, 3);
    assert_int_equal(t->cpu.x[0], 1);
    t->cpu.pc = TC_CODE;
    t->cpu.x[0] = 0;
    t->cpu.x[1] = MOVZ_X0(2);
    t->cpu.x[2] = TC_CODE + 4;
    tc_run(t, 2);
    assert_int_equal(t->cpu.x[0], 2);
    tc_free(t);
}

/* The machine writing code behind the CPU's back (a64_code_written). */
static void test_external_write(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    uint32_t w = MOVZ_X0(5);
    tc_put_code(t, TC_CODE, &w, 1);
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.x[0], 5);
    w = MOVZ_X0(6);
    tc_put_code(t, TC_CODE, &w, 1);
    t->cpu.pc = TC_CODE;
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.x[0], 6);
    tc_free(t);
}

/* Fetching from nothing is an instruction abort, not a host crash; a
 * misaligned PC is a PC alignment fault with FAR = the PC. */
static void test_fetch_faults(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    t->cpu.pc = 0x1000;
    a64_step(&t->cpu);
    assert_int_equal(t->cpu.sr[SR_ESR_EL2] >> 26, 0x21); // instruction abort, same EL
    assert_int_equal(t->cpu.sr[SR_ESR_EL2] & 0x3f, 0x10);
    assert_int_equal(t->cpu.sr[SR_FAR_EL2], 0x1000);
    assert_int_equal(t->cpu.sr[SR_ELR_EL2], 0x1000);
    assert_int_equal(t->cpu.pc, TC_VBAR + 0x200);

    testcpu *u = tc_new(A64_EL2);
    u->cpu.pc = TC_CODE + 2;
    a64_step(&u->cpu);
    assert_int_equal(u->cpu.sr[SR_ESR_EL2] >> 26, 0x22);
    assert_int_equal(u->cpu.sr[SR_FAR_EL2], TC_CODE + 2);
    tc_free(t);
    tc_free(u);
}

/* An exception whose vector itself faults stops the CPU instead of
 * looping for ever. */
static void test_exception_loop_stops(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    t->cpu.sr[SR_VBAR_EL2] = 0x10000; // nothing mapped there
    uint32_t udf = 0;
    tc_exec1(t, udf);
    assert_int_equal(t->cpu.stop, A64_RUNNING);
    a64_step(&t->cpu); // fetch at the vector: instruction abort
    a64_step(&t->cpu); // and again at the same vector: a loop
    assert_int_equal(t->cpu.stop, A64_STOP_EXC_LOOP);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_are_what_they_say),
        cmocka_unit_test(test_self_modifying_store),
        cmocka_unit_test(test_external_write),
        cmocka_unit_test(test_fetch_faults),
        cmocka_unit_test(test_exception_loop_stops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
