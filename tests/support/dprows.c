/* tests/support/dprows.c: the row runner of the data-processing tests
 * (dprows.h): fresh CPU per row, sentinels in every other register. */
#include "dprows.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <cmocka.h>

#include "decode.h"
#include "exception.h"
#include "testcpu.h"

static uint64_t sentinel(unsigned r) { return UINT64_C(0x5e5e000000000000) | (r * 0x01010101u); }

static void setup_regs(a64_cpu *c, const uint64_t *x4)
{
    for (unsigned r = 0; r < 31; r++)
        c->x[r] = r < 4 ? x4[r] : sentinel(r);
    a64_set_sp(c, SP_INIT);
}

static void check(const dp_case *k, const char *what, uint64_t got, uint64_t want)
{
    if (got != want)
        fail_msg("\"%s\" (0x%08x): %s = 0x%016llx, want 0x%016llx", k->text, k->word, what,
                 (unsigned long long)got, (unsigned long long)want);
}

static void check_reg(const dp_case *k, unsigned r, uint64_t got, uint64_t want)
{
    if (got != want)
        fail_msg("\"%s\" (0x%08x): x%u = 0x%016llx, want 0x%016llx", k->text, k->word, r,
                 (unsigned long long)got, (unsigned long long)want);
}

void run_cases(const dp_case *cases, size_t n)
{
    assert_true(a64_decode_init(NULL, 0)); // a64_decode_op needs the table built
    for (size_t i = 0; i < n; i++) {
        const dp_case *k = &cases[i];
        tc_assert_disasm(k->word, k->text);
        check(k, "decoded op", a64_decode_op(k->word), k->op);
        testcpu *t = tc_new(A64_EL1);
        a64_cpu *c = &t->cpu;
        setup_regs(c, k->x);
        c->ps.nzcv = k->nzcv << 28;
        tc_exec1(t, k->word);
        check(k, "exceptions taken", c->exc_taken, 0);
        check(k, "pc", c->pc, TC_CODE + 4);
        for (unsigned r = 0; r < 31; r++)
            check_reg(k, r, c->x[r], r == k->rd ? k->want : r < 4 ? k->x[r] : sentinel(r));
        check_reg(k, 31, c->x[31], 0);
        check(k, "sp", a64_sp(c), k->rd == RD_SP ? k->want : SP_INIT);
        check(k, "nzcv", c->ps.nzcv >> 28, k->nzcv_want);
        tc_free(t);
    }
}

void run_undef(const undef_case *cases, size_t n)
{
    assert_true(a64_decode_init(NULL, 0));
    for (size_t i = 0; i < n; i++) {
        const undef_case *k = &cases[i];
        char buf[128];
        if (tc_disasm(k->word, buf, sizeof buf))
            fail_msg("0x%08x (%s): Capstone knows it as \"%s\"", k->word, k->why, buf);
        if (a64_decode_op(k->word) != k->op)
            fail_msg("0x%08x (%s): decodes to op %u, want %u", k->word, k->why,
                     a64_decode_op(k->word), k->op);
        testcpu *t = tc_new(A64_EL1);
        a64_cpu *c = &t->cpu;
        uint64_t in[4] = { 1, 2, 3, 4 };
        setup_regs(c, in);
        c->ps.nzcv = 0x5u << 28;
        tc_exec1(t, k->word);
        if (c->exc_taken != 1 || c->pc != TC_VBAR + VEC_CUR_SPX ||
            (c->sr[SR_ESR_EL1] >> ESR_EC_SHIFT) != EC_UNKNOWN ||
            !(c->sr[SR_ESR_EL1] & ESR_IL) || c->sr[SR_ELR_EL1] != TC_CODE)
            fail_msg("0x%08x (%s): not UNDEFINED (taken %llu, pc 0x%llx, esr 0x%llx)", k->word,
                     k->why, (unsigned long long)c->exc_taken, (unsigned long long)c->pc,
                     (unsigned long long)c->sr[SR_ESR_EL1]);
        for (unsigned r = 0; r < 31; r++)
            assert_int_equal(c->x[r], r < 4 ? in[r] : sentinel(r));
        assert_int_equal(c->sp_el[1], SP_INIT);
        assert_int_equal(c->ps.nzcv, 0x5u << 28);
        tc_free(t);
    }
}

