/* tests/test_runloop.c: the run loop's fast path (a64_run: plain
 * instructions back to back with their counts in registers, specialised
 * handlers inline, boundary checks only when something could change) ends
 * in exactly the state one a64_step at a time does: registers, flags,
 * memory, instruction and cycle counts per EL, the timing model's
 * scoreboard and store buffer. Random programs of every plain row (loads
 * and stores aimed at data and at the code itself, branches within the
 * program), with barriers, exceptions (vectors that step over the faulting
 * instruction), a timer whose deadline falls inside the run, and
 * instruction or cycle limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "async.h"
#include "decode.h"
#include "regs.h"
#include "testcpu.h"
#include "timer.h"

#define PROGRAMS 300
#define CODE_WORDS 512
#define RUN_INSNS 4000
#define WIN_BASE TC_DATA
#define WIN_SIZE 0x20000u

static uint64_t rng = 0x2545f4914f6cdd1du;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t rnd_value(void)
{
    switch (rnd() % 9) {
    case 0: return rnd();
    case 1: return rnd() % 70;
    case 2: return ~(rnd() % 70);
    case 3: return WIN_BASE + 0x8000 + (rnd() % 64) * 8 - 256;
    case 4: return WIN_BASE + 0x9000 - (rnd() % 24);
    case 5: return WIN_BASE + 0x8000 + rnd() % 512 - 256;
    case 6: return TC_CODE + (rnd() % CODE_WORDS) * 4; // a branch target, or code to overwrite
    case 7: return TC_CODE + 0x1000 - 8 * (rnd() % 4);
    default: return UINT64_C(0x10000) + rnd() % 64; // unmapped
    }
}

static bool plain_or_simple(unsigned op)
{
    switch (a64_insns[op].cls) {
    case CLS_DPIMM: case CLS_DPREG: case CLS_MUL: case CLS_DIV: case CLS_BRANCH:
    case CLS_LOAD: case CLS_STORE: case CLS_ATOMIC: case CLS_SIMD:
        return true;
    case CLS_HINT:
        return op != OP_WFE && op != OP_WFI;
    default:
        return false;
    }
}

/* A random word of a random plain row; a branch gets a small offset. */
static uint32_t rnd_word(void)
{
    for (;;) {
        if (rnd() % 40 == 0) {
            static const uint32_t sys[] = { 0xd5033fdf /* isb */, 0xd5033f9f /* dsb sy */,
                                            0xd503201f /* nop */, 0xd503221f /* esb */ };
            return sys[rnd() % 4];
        }
        unsigned op = (unsigned)(rnd() % OP_COUNT);
        const a64_insn_info *r = &a64_insns[op];
        if (!plain_or_simple(op))
            continue;
        uint32_t w = ((uint32_t)rnd() & ~r->mask) | r->value;
        if (r->cls == CLS_BRANCH && r->field['i' - 'a'].width) {
            a64_fieldpos f = r->field['i' - 'a'];
            uint32_t off = (uint32_t)(rnd() % 48) - 24;
            uint32_t m = (uint32_t)((UINT64_C(1) << f.width) - 1) << f.lsb;
            w = (w & ~m) | ((off << f.lsb) & m);
        }
        if (a64_decode_op(w) == op)
            return w;
    }
}

/* Each vector entry steps over the instruction that faulted: ELR_EL2 += 4. */
static void put_vectors(testcpu *t)
{
    static const uint32_t stub[] = {
        0xd53c403c, /* mrs x28, elr_el2 */
        0x9100139c, /* add x28, x28, #4 */
        0xd51c403c, /* msr elr_el2, x28 */
        0xd69f03e0, /* eret */
    };
    for (unsigned e = 0; e < 16; e++)
        tc_put_code(t, TC_VBAR + 0x80 * e, stub, 4);
}

static void setup(testcpu *t, const uint32_t *code, const uint64_t *st, const uint8_t *win)
{
    a64_cpu *c = &t->cpu;
    tc_put_code(t, TC_CODE, code, CODE_WORDS);
    put_vectors(t);
    memcpy(tc_ptr(t, WIN_BASE), win, WIN_SIZE);
    for (unsigned i = 0; i < 31; i++)
        c->x[i] = st[i];
    c->sp_el[2] = WIN_BASE + 0x10000 - 16 * (st[31] % 64) - (st[31] % 3 == 0 ? 8 : 0);
    c->ps.nzcv = (uint32_t)st[32] & PSTATE_NZCV_MASK;
    c->pc = TC_CODE;
    // a realistic timing model: loads 4, multiply 3, divide 12, a store
    // buffer, refills, taken branches cost one more
    a64_timing *tm = &c->timing;
    tm->lat[TK_LOAD] = 4;
    tm->lat[TK_MUL] = 3;
    tm->lat[TK_DIV] = 12;
    tm->lat[TK_ATOMIC] = 8;
    tm->lat[TK_FP_MOVE] = 2;
    tm->lat[TK_DSB] = 8;
    tm->branch_taken = 1;
    tm->exc_entry = 10;
    tm->eret = 10;
    tm->isb = 10;
    tm->sb_depth = 8;
    tm->sb_drain = 2;
    // the virtual timer fires inside the run (the IRQ stays masked at EL2)
    c->sr[SR_CNTV_CTL_EL0] = CNT_CTL_ENABLE;
    c->sr[SR_CNTV_CVAL_EL0] = st[33] % 3000;
    a64_timer_update(c);
}

/* The reference: a64_run's loop with one a64_step per instruction. */
static void run_stepwise(a64_cpu *c, uint64_t limit, uint64_t cycle_limit)
{
    while (!c->stop) {
        if (c->cycles >= c->timer_deadline)
            a64_timer_update(c);
        if (c->insns >= limit || c->cycles >= cycle_limit) {
            c->stop = A64_STOP_LIMIT;
            break;
        }
        a64_step(c);
    }
}

#define SAME(field)                                                                            \
    do {                                                                                       \
        if (x->field != y->field)                                                              \
            fail_msg("program %u: " #field " 0x%llx (stepwise) vs 0x%llx (a64_run)", prog,     \
                     (unsigned long long)x->field, (unsigned long long)y->field);             \
    } while (0)

static void compare(testcpu *a, testcpu *b, unsigned prog)
{
    const a64_cpu *x = &a->cpu, *y = &b->cpu;
    SAME(pc);
    SAME(insns);
    SAME(cycles);
    SAME(stop);
    SAME(ps.nzcv);
    SAME(ps.el);
    SAME(exc_taken);
    SAME(barrier_cycles);
    SAME(sb_head);
    SAME(sb_count);
    SAME(timer_lines);
    SAME(timer_deadline);
    for (unsigned i = 0; i < 32; i++)
        SAME(x[i]);
    for (unsigned i = 0; i < 3; i++) {
        SAME(sp_el[i]);
        SAME(insns_el[i]);
        SAME(cycles_el[i]);
    }
    for (unsigned i = 0; i < 32; i++) // [32] is a write-only sink
        SAME(ready[i]);
    for (unsigned i = 0; i < A64_SB_MAX; i++)
        SAME(sb[i]);
    for (unsigned i = 0; i < 32; i++) {
        SAME(v[i][0]);
        SAME(v[i][1]);
    }
    SAME(sr[SR_ELR_EL2]);
    SAME(sr[SR_ESR_EL2]);
    if (memcmp(tc_ptr(a, WIN_BASE), tc_ptr(b, WIN_BASE), WIN_SIZE))
        fail_msg("program %u: data memory differs", prog);
    if (memcmp(tc_ptr(a, TC_CODE), tc_ptr(b, TC_CODE), 4 * CODE_WORDS))
        fail_msg("program %u: code memory differs", prog);
}

static void test_run_equals_steps(void **state)
{
    (void)state;
    assert_true(a64_decode_init(NULL, 0));
    static uint32_t code[CODE_WORDS];
    static uint8_t win[WIN_SIZE];
    uint64_t insns = 0, exceptions = 0;
    for (unsigned prog = 0; prog < PROGRAMS; prog++) {
        for (unsigned i = 0; i < CODE_WORDS; i++)
            code[i] = rnd_word();
        uint64_t st[34];
        for (unsigned i = 0; i < 34; i++)
            st[i] = rnd_value();
        st[32] = rnd();
        st[33] = rnd();
        for (unsigned i = 0; i < WIN_SIZE / 8; i++) {
            uint64_t v = rnd();
            memcpy(win + 8 * i, &v, 8);
        }
        testcpu *a = tc_new(A64_EL2), *b = tc_new(A64_EL2);
        setup(a, code, st, win);
        setup(b, code, st, win);
        // every third program ends at a cycle limit instead
        uint64_t cycle_limit = prog % 3 ? UINT64_MAX : RUN_INSNS + rnd() % (4 * RUN_INSNS);
        run_stepwise(&a->cpu, RUN_INSNS, cycle_limit);
        a64_run(&b->cpu, RUN_INSNS, cycle_limit);
        compare(a, b, prog);
        insns += a->cpu.insns;
        exceptions += a->cpu.exc_taken;
        tc_free(a);
        tc_free(b);
    }
    printf("run loop: %u programs, %llu instructions, %llu exceptions\n", PROGRAMS,
           (unsigned long long)insns, (unsigned long long)exceptions);
    assert_true(insns > PROGRAMS * (uint64_t)RUN_INSNS / 2);
}

/* A watch point stops a64_run at its boundary, before the instruction
 * there and before that boundary's asynchronous exception check: a pending
 * unmasked IRQ is still pending at the stop, and taken once the run goes on. */
static void test_watch_point(void **state)
{
    (void)state;
    testcpu *t = tc_new(A64_EL2);
    uint32_t code[64];
    for (unsigned i = 0; i < 64; i++)
        code[i] = 0x91000400; // add x0, x0, #1
    tc_put_code(t, TC_CODE, code, 64);
    a64_cpu *c = &t->cpu;
    c->sr[SR_HCR_EL2] |= HCR_EL2_IMO; // a physical IRQ is taken to EL2...
    c->ps.daif = 0;                    // ...and unmasked
    assert_true(a64_set_watch(c, TC_CODE + 40));
    a64_run(c, 1000, UINT64_MAX);
    assert_int_equal(c->stop, A64_STOP_WATCH);
    assert_int_equal(c->pc, TC_CODE + 40);
    assert_int_equal(c->insns, 10);
    assert_int_equal(c->x[0], 10);
    // the machine acts at the boundary (an injected IRQ), then runs on
    a64_set_irq(c, true);
    a64_clear_watches(c);
    c->stop = A64_RUNNING;
    a64_run(c, 11, UINT64_MAX);
    assert_int_equal(c->exc_taken, 1);
    assert_int_equal(c->sr[SR_ELR_EL2], TC_CODE + 40);
    assert_int_equal(c->x[0], 10);
    tc_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_equals_steps),
        cmocka_unit_test(test_watch_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
