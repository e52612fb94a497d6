/* tests/test_access_log.c: the optional access log (isa/access_log.h):
 * accesses cut into the pieces a trace shows, and every access recorded
 * whichever path runs the instruction (a64_step's handler call, a64_run's
 * inlined fast path), and nothing recorded when no log is attached. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "access_log.h"
#include "testcpu.h"

/* The program: the first three are rows the run loop inlines (fast_ops.h),
 * the atomic is not. */
static const uint32_t prog[] = {
    0xf9000001, /* str x1, [x0] */
    0xf9400402, /* ldr x2, [x0, #8] */
    0xa9010801, /* stp x1, x2, [x0, #0x10] */
    0xf8210003, /* ldadd x1, x3, [x0]: 0xf8200000 | Rs << 16 | Rn << 5 | Rt */
};
/* Capstone 4 does not know the LSE atomics: the first three are checked. */
static const char *const prog_text[] = { "str x1, [x0]", "ldr x2, [x0, #8]", "stp x1, x2, [x0, #0x10]" };
#define NPROG (sizeof prog / sizeof prog[0])

static void check_piece(const a64_access *a, uint64_t va, unsigned size, bool write, uint64_t value)
{
    assert_int_equal(a->va, va);
    assert_int_equal(a->size, size);
    assert_int_equal(a->write, write);
    assert_int_equal(a->value, value);
}

static void test_pieces(void **state)
{
    (void)state;
    static a64_access_log log;
    uint8_t data[16];
    for (unsigned i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(0x10 + i);
    // 16 bytes: two little-endian doublewords
    a64_access_log_add(&log, 0x1000, 16, true, data);
    assert_int_equal(log.n, 2);
    check_piece(&log.a[0], 0x1000, 8, true, 0x1716151413121110u);
    check_piece(&log.a[1], 0x1008, 8, true, 0x1f1e1d1c1b1a1918u);
    // 7 bytes: 4 + 2 + 1, each the largest power of two left
    log.n = 0;
    a64_access_log_add(&log, 0x2001, 7, false, data);
    assert_int_equal(log.n, 3);
    check_piece(&log.a[0], 0x2001, 4, false, 0x13121110u);
    check_piece(&log.a[1], 0x2005, 2, false, 0x1514u);
    check_piece(&log.a[2], 0x2007, 1, false, 0x16u);
    // a full log counts what it drops
    log.n = A64_ACCESS_LOG_MAX - 1;
    log.dropped = 0;
    a64_access_log_add(&log, 0x3000, 16, true, data);
    assert_int_equal(log.n, A64_ACCESS_LOG_MAX);
    assert_int_equal(log.dropped, 1);
}

static testcpu *setup_prog(void)
{
    testcpu *t = tc_new(2);
    for (unsigned i = 0; i < sizeof prog_text / sizeof prog_text[0]; i++)
        tc_assert_disasm(prog[i], prog_text[i]);
    tc_put_code(t, TC_CODE, prog, NPROG);
    t->cpu.feat |= FEAT_BIT(FEAT_LSE);
    t->cpu.x[0] = TC_DATA;
    t->cpu.x[1] = 0x1122334455667788u;
    tc_write64(t, TC_DATA + 8, 0x0102030405060708u);
    return t;
}

/* The accesses of prog, in order: store, load, the pair as two 8-byte
 * pieces, the atomic's read (x1 stored before) and write (doubled). */
static void check_prog_log(const a64_access_log *log)
{
    assert_int_equal(log->n, 6);
    assert_int_equal(log->dropped, 0);
    check_piece(&log->a[0], TC_DATA, 8, true, 0x1122334455667788u);
    check_piece(&log->a[1], TC_DATA + 8, 8, false, 0x0102030405060708u);
    check_piece(&log->a[2], TC_DATA + 0x10, 8, true, 0x1122334455667788u);
    check_piece(&log->a[3], TC_DATA + 0x18, 8, true, 0x0102030405060708u);
    check_piece(&log->a[4], TC_DATA, 8, false, 0x1122334455667788u);
    check_piece(&log->a[5], TC_DATA, 8, true, 0x22446688aaccef10u);
}

static void test_step_records(void **state)
{
    (void)state;
    testcpu *t = setup_prog();
    static a64_access_log log;
    log.n = 0;
    t->cpu.access_log = &log;
    tc_run(t, NPROG);
    assert_int_equal(t->cpu.insns, NPROG);
    check_prog_log(&log);
    tc_free(t);
}

static void test_run_records(void **state)
{
    (void)state;
    testcpu *t = setup_prog();
    // a first run fills the TLB, so the second one's inlined loads and
    // stores could serve themselves without a64_mem_read/a64_mem_write
    a64_run(&t->cpu, NPROG, UINT64_MAX);
    t->cpu.pc = TC_CODE;
    t->cpu.stop = A64_RUNNING; // the first run stopped at its limit
    static a64_access_log log;
    log.n = 0;
    t->cpu.access_log = &log;
    a64_run(&t->cpu, 2 * NPROG, UINT64_MAX);
    assert_int_equal(t->cpu.insns, 2 * NPROG);
    check_prog_log(&log);
    tc_free(t);
}

static void test_detached_records_nothing(void **state)
{
    (void)state;
    testcpu *t = setup_prog();
    static a64_access_log log;
    log.n = 0;
    a64_run(&t->cpu, NPROG, UINT64_MAX);
    assert_int_equal(t->cpu.insns, NPROG);
    assert_int_equal(log.n, 0);
    assert_int_equal(tc_read64(t, TC_DATA), 0x22446688aaccef10u);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_step_records),
        cmocka_unit_test(test_run_records),
        cmocka_unit_test(test_detached_records_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
