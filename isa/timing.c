/* isa/timing.c: charging cycles. Each row of the decode table gets a cost
 * kind and the letters of the general registers it reads and writes, once;
 * predecode copies the register numbers into the decoded instruction, and
 * each retired instruction then costs a few compares and adds. */
#include "timing.h"

#include <pthread.h>
#include <string.h>

#include "cpu_timing.h"
#include "decode.h"
#include "sysreg.h"

const char *const a64_tkind_names[TK_COUNT] = {
    "alu", "mul", "div", "load", "store", "atomic", "branch", "fp_load", "fp_store", "fp_move",
    "mrs", "msr", "dmb", "dsb", "isb", "hint", "sys", "exc", "eret",
};

typedef struct op_regs {
    char src[3], dst[2]; /* pattern letters, 0 = none */
    uint8_t kind;
} op_regs;

static op_regs regs_of[OP_COUNT + 1];
static pthread_once_t regs_once = PTHREAD_ONCE_INIT;

static bool has(const a64_insn_info *r, char l) { return r->field[l - 'a'].width == 5; }

static void add(char *list, unsigned n, const a64_insn_info *r, char l)
{
    if (!has(r, l))
        return;
    for (unsigned i = 0; i < n; i++)
        if (!list[i]) {
            list[i] = l;
            return;
        }
}

/* Which 5-bit fields are sources and destinations, by class. */
static void classify(unsigned op)
{
    const a64_insn_info *r = &a64_insns[op];
    op_regs *o = &regs_of[op];
    switch (r->cls) {
    case CLS_DPIMM: case CLS_DPREG: case CLS_MUL: case CLS_DIV:
        add(o->src, 3, r, 'n'), add(o->src, 3, r, 'm'), add(o->src, 3, r, 'a');
        add(o->dst, 2, r, 'd');
        o->kind = r->cls == CLS_MUL ? TK_MUL : r->cls == CLS_DIV ? TK_DIV : TK_ALU;
        break;
    case CLS_LOAD:
        add(o->src, 3, r, 'n'), add(o->src, 3, r, 'm');
        add(o->dst, 2, r, 't'), add(o->dst, 2, r, 'u');
        o->kind = TK_LOAD;
        break;
    case CLS_STORE:
        add(o->src, 3, r, 'n'), add(o->src, 3, r, 't'), add(o->src, 3, r, 'u');
        add(o->dst, 2, r, 's'); // a store-exclusive's status
        o->kind = TK_STORE;
        break;
    case CLS_ATOMIC:
        add(o->src, 3, r, 'n'), add(o->src, 3, r, 's');
        add(o->dst, 2, r, 't');
        o->kind = TK_ATOMIC;
        break;
    case CLS_BRANCH:
        add(o->src, 3, r, 'n'), add(o->src, 3, r, 't');
        o->kind = TK_BRANCH;
        break;
    case CLS_SIMD:
        add(o->src, 3, r, 'n');
        o->kind = strstr(r->id, "LD") == r->id ? TK_FP_LOAD : strstr(r->id, "ST") == r->id ? TK_FP_STORE : TK_FP_MOVE;
        break;
    case CLS_SYSREG:
        if (op == OP_MRS) {
            add(o->dst, 2, r, 't');
            o->kind = TK_MRS;
        } else {
            add(o->src, 3, r, 't');
            o->kind = TK_MSR;
        }
        break;
    case CLS_BARRIER:
        o->kind = op == OP_DSB ? TK_DSB : op == OP_ISB ? TK_ISB : TK_DMB;
        break;
    case CLS_CACHE:
        add(o->src, 3, r, 't');
        o->kind = TK_SYS;
        break;
    case CLS_HINT: o->kind = TK_HINT; break;
    default: o->kind = op == OP_ERET ? TK_ERET : TK_EXC; break;
    }
}

static void build(void)
{
    for (unsigned op = 0; op <= OP_COUNT; op++)
        if (op < OP_COUNT)
            classify(op);
        else
            regs_of[op].kind = TK_EXC;
}

void a64_timing_default(a64_timing *t)
{
    memset(t, 0, sizeof *t);
    for (unsigned k = 0; k < TK_COUNT; k++)
        t->lat[k] = 1;
    t->cycles_per_tick = 1;
}

void a64_timing_predecode(a64_dec *d)
{
    pthread_once(&regs_once, build);
    const op_regs *o = &regs_of[d->op];
    for (unsigned i = 0; i < 3; i++)
        d->src[i] = o->src[i] ? (uint8_t)a64_fld(d, o->src[i]) : 31;
    for (unsigned i = 0; i < 2; i++)
        d->dst[i] = o->dst[i] ? (uint8_t)a64_fld(d, o->dst[i]) : 31;
    d->tkind = o->kind;
    // BL and BLR write the link register
    if (d->op == OP_BL || d->op == OP_BLR)
        d->dst[0] = 30;
    // a result to XZR/SP, or none, goes to the sink ready[32]: ready[31]
    // stays 0 without a store per instruction
    for (unsigned i = 0; i < 2; i++)
        if (d->dst[i] == 31)
            d->dst[i] = A64_DST_NONE;
}

__attribute__((noinline)) uint64_t a64_timing_max3(uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t m = a > b ? a : b;
    return m > c ? m : c;
}

/* Queue a store: wait for a free entry, then it drains after the last. */
uint64_t a64_store_buffer_push(a64_cpu *c, uint64_t issue)
{
    const a64_timing *t = &c->timing;
    if (!t->sb_depth)
        return issue;
    if (c->sb_count == t->sb_depth) {
        uint64_t oldest = c->sb[c->sb_head];
        if (oldest > issue)
            issue = oldest; // the buffer is full: stall until one drains
        c->sb_head = (c->sb_head + 1) % A64_SB_MAX;
        c->sb_count--;
    }
    unsigned last = (c->sb_head + c->sb_count + A64_SB_MAX - 1) % A64_SB_MAX;
    uint64_t start = c->sb_count && c->sb[last] > issue ? c->sb[last] : issue;
    c->sb[(c->sb_head + c->sb_count) % A64_SB_MAX] = start + t->sb_drain;
    c->sb_count++;
    return issue;
}

/* DSB waits until every buffered store has drained. */
static uint64_t store_buffer_drain(a64_cpu *c, uint64_t issue)
{
    if (c->sb_count) {
        unsigned last = (c->sb_head + c->sb_count - 1) % A64_SB_MAX;
        if (c->sb[last] > issue)
            issue = c->sb[last];
        c->sb_count = 0;
    }
    return issue;
}

void a64_timing_account(a64_cpu *c, const a64_dec *d, unsigned el)
{
    const a64_timing *t = &c->timing;
    uint64_t start = c->cycles;
    switch (d->tkind) {
    case TK_ALU: case TK_MUL: case TK_DIV: case TK_LOAD: case TK_STORE: case TK_ATOMIC:
    case TK_BRANCH: case TK_FP_LOAD: case TK_FP_STORE: case TK_FP_MOVE: case TK_HINT:
        c->cycles = a64_timing_plain(c, d, start, c->next_pc != c->pc + 4);
        c->cycles_el[el] += c->cycles - start;
        return;
    default: break;
    }
    uint64_t issue = start;
    for (unsigned i = 0; i < 3; i++)
        if (c->ready[d->src[i]] > issue)
            issue = c->ready[d->src[i]]; // wait for the producer
    unsigned lat = t->lat[d->tkind];
    uint64_t extra = 0;
    switch (d->tkind) {
    case TK_DSB:
        issue = store_buffer_drain(c, issue);
        c->barrier_cycles += issue - start;
        break;
    case TK_ISB: extra = t->isb; break;
    case TK_ERET: extra = t->eret; break;
    case TK_MRS: case TK_MSR: {
        const uint16_t *per = d->tkind == TK_MRS ? t->sr_read : t->sr_write;
        int id = sysreg_lookup((1u << 15) | ((d->word >> 5) & 0x7fff));
        if (id >= 0 && per[id])
            lat = per[id];
        break;
    }
    default: break;
    }
    c->barrier_cycles += extra;
    for (unsigned i = 0; i < 2; i++)
        c->ready[d->dst[i]] = issue + lat;
    // one instruction issues per cycle; an instruction with no result
    // (a barrier, a system register write) occupies the pipe for its cost
    uint64_t next = issue + ((d->dst[0] & d->dst[1]) == A64_DST_NONE ? lat : 1) + extra;
    c->cycles = next;
    c->cycles_el[el] += next - start;
}

void a64_timing_exception(a64_cpu *c, unsigned el)
{
    c->cycles += c->timing.exc_entry;
    c->cycles_el[el] += c->timing.exc_entry;
    c->barrier_cycles += c->timing.exc_entry;
}
