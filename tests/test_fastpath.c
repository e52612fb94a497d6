/* tests/test_fastpath.c: the specialised handlers the predecode picks for
 * hot rows (isa/fast.c) do exactly what the rows' own handlers do: for
 * random words of every row that has one, from random register, flag,
 * memory and TLB states (bases near and across page ends, aligned and not,
 * SP aligned and not, alignment checking on and off, unmapped addresses),
 * both handlers must leave the same registers, flags, next PC, memory and
 * recorded exception. And each such word is one the run loop inlines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "cpu_timing.h"
#include "decode.h"
#include "fast.h"
#include "fast_ops.h"
#include "regs.h"
#include "testcpu.h"

#define WORDS_PER_ROW 400
#define WIN_BASE TC_DATA
#define WIN_SIZE 0x20000u

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A register value: often an address near the middle of the data window
 * (aligned or not, sometimes just before a page end), sometimes outside
 * RAM, sometimes an arbitrary or small number. */
static uint64_t rnd_value(void)
{
    switch (rnd() % 8) {
    case 0: return rnd();
    case 1: return rnd() % 70;
    case 2: return ~(rnd() % 70);
    case 3: return UINT64_C(0x80000000) - rnd() % 4;
    case 4: return WIN_BASE + 0x8000 + (rnd() % 64) * 8 - 256;
    case 5: return WIN_BASE + 0x9000 - (rnd() % 24);
    case 6: return WIN_BASE + 0x8000 + rnd() % 512 - 256;
    default: return UINT64_C(0x10000) + rnd() % 64; // unmapped
    }
}

static void randomize(testcpu *t, uint64_t seed_state[40], const uint8_t *win)
{
    a64_cpu *c = &t->cpu;
    for (unsigned i = 0; i < 31; i++)
        c->x[i] = seed_state[i];
    c->x[31] = 0;
    for (unsigned i = 0; i < 3; i++)
        c->sp_el[i] = seed_state[31 + i];
    c->ps.nzcv = (uint32_t)seed_state[34] & PSTATE_NZCV_MASK;
    c->ps.el = (uint8_t)(1 + seed_state[35] % 2);
    c->ps.sp = (uint8_t)(seed_state[36] & 1);
    uint64_t sctlr = seed_state[37] & (SCTLR_A | SCTLR_SA | SCTLR_SA0);
    c->sr[SR_SCTLR_EL1] = sctlr;
    c->sr[SR_SCTLR_EL2] = sctlr;
    c->pc = TC_CODE + (seed_state[38] % 4096) * 4;
    c->next_pc = c->pc + 4;
    memset(&c->exc, 0, sizeof c->exc);
    memcpy(tc_ptr(t, WIN_BASE), win, WIN_SIZE);
    a64_tlb_flush(c);
}

/* Fill the host-pointer TLB for the pages an access near `addr` touches. */
static void warm(testcpu *t, uint64_t addr)
{
    for (int delta = -4096; delta <= 4096; delta += 4096) {
        uint64_t a = (addr & A64_PAGE_MASK) + (uint64_t)delta;
        uint8_t b;
        if (a64_mem_peek(&t->cpu, a, &b, 1)) {
            a64_mem_write(&t->cpu, a, 1, &b); // the same byte: fills the write TLB
            t->cpu.exc.pending = false;
        }
    }
}

static void compare(const testcpu *a, const testcpu *b, uint32_t word, const char *row)
{
    const a64_cpu *x = &a->cpu, *y = &b->cpu;
    char what[160];
    snprintf(what, sizeof what, "%s 0x%08x", row, word);
    for (unsigned i = 0; i < 32; i++)
        if (x->x[i] != y->x[i])
            fail_msg("%s: x%u 0x%llx (own) vs 0x%llx (fast)", what, i, (unsigned long long)x->x[i],
                     (unsigned long long)y->x[i]);
    for (unsigned i = 0; i < 3; i++)
        if (x->sp_el[i] != y->sp_el[i])
            fail_msg("%s: SP_EL%u differs", what, i);
    if (x->ps.nzcv != y->ps.nzcv)
        fail_msg("%s: nzcv 0x%x (own) vs 0x%x (fast)", what, x->ps.nzcv, y->ps.nzcv);
    if (x->next_pc != y->next_pc)
        fail_msg("%s: next pc 0x%llx (own) vs 0x%llx (fast)", what, (unsigned long long)x->next_pc,
                 (unsigned long long)y->next_pc);
    if (x->exc.pending != y->exc.pending || x->exc.esr != y->exc.esr ||
        x->exc.target_el != y->exc.target_el || x->exc.far != y->exc.far ||
        x->exc.far_valid != y->exc.far_valid || x->exc.pref_ret != y->exc.pref_ret)
        fail_msg("%s: exception differs (pending %d/%d, ESR 0x%x/0x%x)", what, x->exc.pending,
                 y->exc.pending, x->exc.esr, y->exc.esr);
    if (memcmp(tc_ptr((testcpu *)a, WIN_BASE), tc_ptr((testcpu *)b, WIN_BASE), WIN_SIZE))
        fail_msg("%s: memory differs", what);
}

static void test_fast_equals_own(void **state)
{
    (void)state;
    assert_true(a64_decode_init(NULL, 0));
    testcpu *a = tc_new(A64_EL2), *b = tc_new(A64_EL2);
    static uint8_t win[WIN_SIZE];
    unsigned rows = 0, checked = 0;
    for (unsigned op = 0; op < OP_COUNT; op++) {
        const a64_insn_info *r = &a64_insns[op];
        if (r->cls == CLS_SIMD)
            continue;
        bool any = false;
        for (unsigned k = 0; k < WORDS_PER_ROW; k++) {
            uint32_t word = ((uint32_t)rnd() & ~r->mask) | r->value;
            if (a64_decode_op(word) != op)
                continue;
            a64_dec d;
            memset(&d, 0, sizeof d);
            a64_decode(word, &d);
            a64_timing_predecode(&d);
            a64_fast_select(&d);
            if (d.fn == r->fn)
                continue; // no specialised handler for this word
            // its timing fields fit its xop's signature, so the run loop
            // inlines it (a mismatch would only cost speed: it calls fn)
            if (d.xop <= XOP_CALL)
                fail_msg("%s 0x%08x: specialised, but its timing does not fit the xop's signature", r->id,
                         word);
            any = true;
            uint64_t st[40];
            for (unsigned i = 0; i < 40; i++)
                st[i] = rnd_value();
            st[34] = rnd();
            st[35] = rnd();
            st[36] = rnd();
            st[37] = rnd() % 4 ? 0 : rnd();
            st[38] = rnd();
            for (unsigned i = 0; i < WIN_SIZE / 8; i++) {
                uint64_t v = rnd();
                memcpy(win + 8 * i, &v, 8);
            }
            randomize(a, st, win);
            randomize(b, st, win);
            if ((r->cls == CLS_LOAD || r->cls == CLS_STORE) && rnd() % 4) {
                // usually the translation is cached, as in a running loop
                uint64_t base = d.r[1] == 31 ? a64_sp(&b->cpu) : b->cpu.x[d.r[1]];
                warm(b, base + d.imm);
                warm(b, base);
            }
            a->cpu.cur = &d;
            b->cpu.cur = &d;
            r->fn(&a->cpu, &d);
            d.fn(&b->cpu, &d);
            compare(a, b, word, r->id);
            checked++;
        }
        rows += any;
    }
    printf("fast path: %u rows, %u words checked\n", rows, checked);
    assert_true(rows > 50);
    tc_free(a);
    tc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_equals_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
