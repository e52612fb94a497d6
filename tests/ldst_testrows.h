/* tests/ldst_testrows.h: the row format and runner shared by the load/store
 * unit tests: {word, text, registers and memory in, registers and memory out}. */
#ifndef LDST_TESTROWS_H
#define LDST_TESTROWS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "regs.h"
#include "syndrome.h"
#include "testcpu.h"

#define D TC_DATA
#define REG_SP 31 /* in a row's register lists, 31 is SP (XZR is never set) */

typedef struct { bool on; uint8_t r; uint64_t v; } t_reg;
typedef struct { bool on; uint8_t r; uint64_t lo, hi; } t_vreg;
typedef struct { bool on; uint8_t len; uint64_t a, v; } t_mem;
typedef struct { bool on; uint32_t word; const char *text; } t_word;

#define R(n, val) { true, (n), (val) }
#define V(n, lo, hi) { true, (n), (lo), (hi) }
#define M(addr, val, len) { true, (len), (addr), (val) }
#define M8(addr, val) M(addr, val, 8)
#define TR_N(a) (sizeof(a) / sizeof((a)[0]))
#define W(word, text) { true, (word), (text) }
#define MON_SET(a, size) .mon = 1, .mon_addr = (a), .mon_size = (size)
#define MON_CLEAR .mon = 2
#define FAULT(ec_, iss_, far_) .exc = true, .ec = (ec_), .iss = (iss_), .far = (far_)

/* A row: the word and its Capstone text (NULL: Capstone 4 does not know
 * it; the comment gives llvm-mc's text), the state before and the changes
 * expected after (every register not listed must be unchanged). A row with
 * an ec expects that exception instead, taken to EL1 from EL1, with no
 * register changed and FAR_EL1 = far for aborts. Use the FAULT macro.
 * `pre` words run first (without exception), their register changes are
 * listed with the row's; `mon` checks the exclusive monitor at the end. */
typedef struct {
    uint32_t word;
    const char *text;
    t_word pre[3];
    void (*setup)(testcpu *t);
    int mon;       /* 0 unchecked, 1 MON_SET, 2 MON_CLEAR */
    uint64_t mon_addr;
    unsigned mon_size;
    t_reg in[5];
    t_vreg vin[4];
    t_mem mem[8];
    t_reg out[5];
    t_vreg vout[4];
    t_mem mout[8];
    bool exc;      /* an exception is expected (EC ec) */
    int ec;
    uint32_t iss;  /* expected ESR_EL1.ISS when ec */
    uint64_t far;  /* expected FAR_EL1 for data aborts */
} ldst_row;

/* Fills registers with distinct values so an unexpected write shows. */
static inline testcpu *tr_cpu(void)
{
    testcpu *t = tc_new(A64_EL1);
    a64_cpu *c = &t->cpu;
    c->feat |= FEAT_BIT(FEAT_LSE) | FEAT_BIT(FEAT_LOR);
    c->sr[SR_CPACR_EL1] |= UINT64_C(3) << CPACR_EL1_FPEN_SHIFT;
    for (unsigned i = 0; i < 31; i++)
        c->x[i] = UINT64_C(0x5a5a000000000000) | i;
    for (unsigned i = 0; i < 32; i++) {
        c->v[i][0] = UINT64_C(0x7700000000000000) | i;
        c->v[i][1] = UINT64_C(0x7711000000000000) | i;
    }
    return t;
}

static inline void tr_set_reg(a64_cpu *c, const t_reg *r)
{
    if (r->r == REG_SP)
        a64_set_sp(c, r->v);
    else
        c->x[r->r] = r->v;
}

static inline uint64_t tr_get_reg(const a64_cpu *c, unsigned r)
{
    return r == REG_SP ? a64_sp(c) : c->x[r];
}

static inline void tr_check(testcpu *t, const ldst_row *row, const a64_cpu *before, unsigned npre)
{
    const a64_cpu *c = &t->cpu;
    uint64_t at = TC_CODE + 4 * npre; // the row's own word
    const char *name = row->text ? row->text : "(no Capstone text)";
    uint64_t want[32], vwant[32][2];
    for (unsigned i = 0; i < 32; i++) {
        want[i] = tr_get_reg(before, i);
        vwant[i][0] = before->v[i][0];
        vwant[i][1] = before->v[i][1];
    }
    // a faulting row lists only what its pre words changed
    for (unsigned i = 0; i < TR_N(row->out) && row->out[i].on; i++)
        want[row->out[i].r] = row->out[i].v;
    for (unsigned i = 0; i < TR_N(row->vout) && row->vout[i].on; i++) {
        vwant[row->vout[i].r][0] = row->vout[i].lo;
        vwant[row->vout[i].r][1] = row->vout[i].hi;
    }
    if (!row->exc) {
        if (c->exc_taken)
            fail_msg("%s (0x%08x): unexpected exception, ESR 0x%llx", name, row->word,
                     (unsigned long long)c->sr[SR_ESR_EL1]);
        if (c->pc != at + 4)
            fail_msg("%s: pc 0x%llx", name, (unsigned long long)c->pc);
    } else {
        uint64_t esr = c->sr[SR_ESR_EL1];
        if (c->exc_taken != 1 || c->pc != TC_VBAR + 0x200)
            fail_msg("%s (0x%08x): no exception taken to VBAR_EL1 + 0x200 (pc 0x%llx)", name,
                     row->word, (unsigned long long)c->pc);
        if (syn_ec((uint32_t)esr) != (unsigned)row->ec || (esr & ESR_ISS_MASK) != row->iss ||
            !(esr & ESR_IL))
            fail_msg("%s: ESR_EL1 0x%llx, want EC 0x%x ISS 0x%x", name, (unsigned long long)esr,
                     row->ec, row->iss);
        if (c->sr[SR_ELR_EL1] != at)
            fail_msg("%s: ELR_EL1 0x%llx", name, (unsigned long long)c->sr[SR_ELR_EL1]);
        if ((row->ec == EC_DABT_CUR) && c->sr[SR_FAR_EL1] != row->far)
            fail_msg("%s: FAR_EL1 0x%llx, want 0x%llx", name,
                     (unsigned long long)c->sr[SR_FAR_EL1], (unsigned long long)row->far);
        // the exception switched nothing but PC/PSTATE: SP_EL1 is still the one compared
    }
    for (unsigned i = 0; i < 32; i++) {
        uint64_t got = tr_get_reg(c, i);
        if (got != want[i])
            fail_msg("%s (0x%08x): %s%u = 0x%llx, want 0x%llx", name, row->word,
                     i == REG_SP ? "sp/" : "x", i, (unsigned long long)got,
                     (unsigned long long)want[i]);
        if (c->v[i][0] != vwant[i][0] || c->v[i][1] != vwant[i][1])
            fail_msg("%s (0x%08x): v%u = 0x%016llx_%016llx, want 0x%016llx_%016llx", name,
                     row->word, i, (unsigned long long)c->v[i][1], (unsigned long long)c->v[i][0],
                     (unsigned long long)vwant[i][1], (unsigned long long)vwant[i][0]);
    }
    if (row->mon == 1 && (!c->excl_valid || c->excl_addr != row->mon_addr ||
                          c->excl_size != row->mon_size))
        fail_msg("%s (0x%08x): monitor %d 0x%llx/%u, want set 0x%llx/%u", name, row->word,
                 c->excl_valid, (unsigned long long)c->excl_addr, c->excl_size,
                 (unsigned long long)row->mon_addr, row->mon_size);
    if (row->mon == 2 && c->excl_valid)
        fail_msg("%s (0x%08x): monitor still set", name, row->word);
    for (unsigned i = 0; i < TR_N(row->mout) && row->mout[i].on; i++) {
        uint64_t got = 0;
        memcpy(&got, tc_ptr(t, row->mout[i].a), row->mout[i].len);
        if (got != row->mout[i].v)
            fail_msg("%s (0x%08x): memory at 0x%llx = 0x%llx, want 0x%llx", name, row->word,
                     (unsigned long long)row->mout[i].a, (unsigned long long)got,
                     (unsigned long long)row->mout[i].v);
    }
}

/* Runs one row on a fresh EL1 CPU (LSE and LOR present, FP enabled). */
static inline void tr_run_row(const ldst_row *row, void (*setup)(testcpu *))
{
    if (row->text)
        tc_assert_disasm(row->word, row->text);
    testcpu *t = tr_cpu();
    a64_cpu *c = &t->cpu;
    if (setup)
        setup(t);
    if (row->setup)
        row->setup(t);
    for (unsigned i = 0; i < TR_N(row->in) && row->in[i].on; i++)
        tr_set_reg(c, &row->in[i]);
    for (unsigned i = 0; i < TR_N(row->vin) && row->vin[i].on; i++) {
        c->v[row->vin[i].r][0] = row->vin[i].lo;
        c->v[row->vin[i].r][1] = row->vin[i].hi;
    }
    for (unsigned i = 0; i < TR_N(row->mem) && row->mem[i].on; i++)
        memcpy(tc_ptr(t, row->mem[i].a), &row->mem[i].v, row->mem[i].len);
    uint32_t words[4];
    unsigned npre = 0;
    for (; npre < TR_N(row->pre) && row->pre[npre].on; npre++) {
        if (row->pre[npre].text)
            tc_assert_disasm(row->pre[npre].word, row->pre[npre].text);
        words[npre] = row->pre[npre].word;
    }
    words[npre] = row->word;
    tc_put_code(t, TC_CODE, words, npre + 1);
    static a64_cpu before; // large: keep it off the stack
    before = *c;
    tc_run(t, npre + 1);
    tr_check(t, row, &before, npre);
    tc_free(t);
}

static inline void tr_run(const ldst_row *rows, size_t n, void (*setup)(testcpu *))
{
    for (size_t i = 0; i < n; i++)
        tr_run_row(&rows[i], setup);
}
#define TR_RUN(rows, setup) tr_run(rows, sizeof rows / sizeof rows[0], setup)

/* A word decodes to the row it was written for. */
typedef struct { uint32_t word; const char *text; unsigned op; } decode_row;

static inline void tr_check_decode(const decode_row *rows, size_t n)
{
    assert_true(a64_decode_init(NULL, 0));
    for (size_t i = 0; i < n; i++) {
        if (rows[i].text)
            tc_assert_disasm(rows[i].word, rows[i].text);
        unsigned op = a64_decode_op(rows[i].word);
        if (op != rows[i].op)
            fail_msg("0x%08x (%s) decodes to %s, want %s", rows[i].word,
                     rows[i].text ? rows[i].text : "?", a64_insns[op].id, a64_insns[rows[i].op].id);
    }
}
#define TR_DECODE(rows) tr_check_decode(rows, sizeof rows / sizeof rows[0])

/* ISS of a data abort as elsim reports it from EL1 to EL1 (ISV = 0). */
#define ISS_DABT(wnr, fsc) (((wnr) ? DABT_WNR : 0u) | (fsc))

#endif
