/* isa/cpu.c: CPU reset, instruction fetch through the predecode cache, and
 * the step/run loop that takes the exceptions handlers record. */
#include <string.h>

#include "async.h"
#include "cpu_timing.h"
#include "decode.h"
#include "exception.h"
#include "fast.h"
#include "fast_ops.h"
#include "icache.h"
#include "ldst.h"
#include "mte_tags.h"
#include "regs.h"
#include "timer.h"
#include "sysreg.h"

void a64_cpu_init(a64_cpu *c, const a64_bus *bus, unsigned el)
{
    memset(c, 0, sizeof *c);
    a64_decode_init(NULL, 0);
    c->bus = bus;
    c->icache = icache_new();
    c->feat = FEAT_BIT(FEAT_EL2);
    sysreg_reset(c);
    c->ps.el = (uint8_t)el;
    c->ps.sp = 1;
    c->ps.daif = PSTATE_DAIF_MASK; // reset: all interrupts masked
    c->bkpt_resume = UINT64_MAX;
    c->timer_deadline = UINT64_MAX;
    a64_timing_default(&c->timing);
}

void a64_cpu_fini(a64_cpu *c)
{
    icache_free(c->icache);
    c->icache = NULL;
    a64_tags_free(c->tags);
    c->tags = NULL;
}

/* Make `page` the current code page; false (with an instruction abort
 * recorded) when nothing executable backs it. */
static bool enter_page(a64_cpu *c, uint64_t page)
{
    a64_icache *ic = c->icache;
    icache_block *b = icache_block_for(ic, page, false);
    if (!b || !b->host) {
        // nothing backs it: an abort, and no block (a guest jumping from
        // one unmapped page to the next must not grow the cache)
        const uint8_t *host = c->bus->host_page(c->bus->ctx, page, false);
        if (host && !b)
            b = icache_block_for(ic, page, true);
        if (!host || !b) {
            a64_insn_abort(c, c->pc, FSC_SEA);
            return false;
        }
        b->host = host;
        // stores to this page must now take the slow path that invalidates
        a64_tlb_entry *w = &c->tlb_w[(page >> A64_PAGE_SHIFT) & (A64_TLB_SIZE - 1)];
        if (w->page == page + 1)
            w->page = 0;
    }
    ic->cur = b;
    ic->cur_key = page + 1;
    return true;
}

static bool is_breakpoint(const a64_cpu *c, uint64_t pc)
{
    for (unsigned i = 0; i < c->nbkpt; i++)
        if (c->bkpt[i] == pc)
            return true;
    return false;
}

/* The decoded slot of a breakpoint address runs this instead: stop before
 * the instruction, unless resuming from that very stop. */
static void exec_breakpoint(a64_cpu *c, const a64_dec *d)
{
    if (c->bkpt_resume == c->pc) {
        c->bkpt_resume = UINT64_MAX;
        const a64_insn_info *r = &a64_insns[d->op];
        (r->cls == CLS_SIMD ? exec_fp_guarded : r->fn)(c, d);
        return;
    }
    c->stop = A64_STOP_BREAK;
    c->bkpt_hit = c->pc;
    c->no_retire = true; // nothing executed
}

bool a64_set_breakpoint(a64_cpu *c, uint64_t addr)
{
    if (c->nbkpt == A64_MAX_BREAKPOINTS)
        return false;
    c->bkpt[c->nbkpt++] = addr;
    a64_code_written(c, addr, 4); // re-decode so the slot runs exec_breakpoint
    return true;
}

void a64_clear_breakpoints(a64_cpu *c)
{
    for (unsigned i = 0; i < c->nbkpt; i++)
        a64_code_written(c, c->bkpt[i], 4);
    c->nbkpt = 0;
}

static bool is_watch(const a64_cpu *c, uint64_t pc)
{
    for (unsigned i = 0; i < c->nwatch; i++)
        if (c->watch[i] == pc)
            return true;
    return false;
}

bool a64_set_watch(a64_cpu *c, uint64_t addr)
{
    if (c->nwatch == A64_MAX_WATCHES)
        return false;
    c->watch[c->nwatch++] = addr;
    a64_code_written(c, addr, 4); // re-decode so the run loop stops before the slot
    return true;
}

void a64_clear_watches(a64_cpu *c)
{
    for (unsigned i = 0; i < c->nwatch; i++)
        a64_code_written(c, c->watch[i], 4);
    c->nwatch = 0;
}

// the run loop indexes a page's decoded instructions by shifting
_Static_assert(sizeof(a64_dec) == 32, "a64_dec should stay 32 bytes");

/* Rows the run loop may run back to back without its boundary checks:
 * their handlers touch only general and FP/SIMD registers, NZCV, the PC,
 * memory, allocation tags and the exclusive monitor, or record a
 * synchronous exception. System instructions, barriers, exception-
 * generating ones and the waiting or error-synchronizing hints are not
 * (they change what decides recognition, the EL or time, or stop the run). */
static bool plain_row(unsigned op)
{
    switch (a64_insns[op].cls) {
    case CLS_DPIMM: case CLS_DPREG: case CLS_MUL: case CLS_DIV: case CLS_BRANCH:
    case CLS_LOAD: case CLS_STORE: case CLS_ATOMIC: case CLS_SIMD:
        return true;
    case CLS_HINT: // but WFE/WFI wait and ESB defers or takes an SError
        return op != OP_WFE && op != OP_WFI && op != OP_ESB;
    default:
        return false;
    }
}

/* Decode a word: the row, its timing fields, how the run loop runs it. */
static void decode_word(uint32_t w, a64_dec *d)
{
    a64_decode(w, d);
    a64_timing_predecode(d);
    d->xop = plain_row(d->op) ? XOP_CALL : XOP_FULL;
    // FP/SIMD instructions go through the CPACR_EL1/CPTR_EL2 check first
    if (a64_insns[d->op].cls == CLS_SIMD)
        d->fn = exec_fp_guarded;
    if (d->xop == XOP_CALL)
        a64_fast_select(d);
}

/* Decode the word at pc into its slot (from the cache of decoded words
 * when it holds it). */
static void predecode(a64_cpu *c, icache_block *b, a64_dec *d, uint64_t pc)
{
    uint32_t w;
    memcpy(&w, b->host + (pc & (A64_PAGE_SIZE - 1)), 4);
    a64_icache *ic = c->icache;
    size_t slot = (w * UINT32_C(0x9e3779b1)) >> (32 - ICACHE_WORD_BITS);
    if (ic->word_dec[slot].fn && ic->word_tag[slot] == w) {
        *d = ic->word_dec[slot];
    } else {
        decode_word(w, d);
        ic->word_dec[slot] = *d;
        ic->word_tag[slot] = w;
    }
    if (c->nbkpt && is_breakpoint(c, pc)) {
        d->fn = exec_breakpoint;
        d->xop = XOP_FULL;
    }
    // the run loop leaves a watch point's slot to a64_run, which stops there
    if (c->nwatch && is_watch(c, pc))
        d->xop = XOP_FULL;
    b->ndecoded++;
}

static inline const a64_dec *fetch(a64_cpu *c)
{
    uint64_t pc = c->pc;
    if (pc & 3) {
        a64_pc_alignment_fault(c, pc);
        return NULL;
    }
    a64_icache *ic = c->icache;
    uint64_t page = pc & A64_PAGE_MASK;
    if (ic->cur_key != page + 1 && !enter_page(c, page))
        return NULL;
    icache_block *b = ic->cur;
    a64_dec *d = &b->d[(pc & (A64_PAGE_SIZE - 1)) >> 2];
    if (!d->fn)
        predecode(c, b, d, pc);
    return d;
}

/* The instruction at the PC, once asynchronous exceptions have had their
 * chance at this boundary: run it and take what it raised, or retire it. */
static inline void exec_one(a64_cpu *c, unsigned el)
{
    const a64_dec *d = NULL;
    if (c->ps.il) {
        // PSTATE.IL set by an illegal return: this instruction faults
        a64_raise(c, a64_sync_target_el(c), syn_illegal_state(), c->pc);
    } else {
        d = fetch(c);
        if (d) {
            c->next_pc = c->pc + 4;
            c->cur = d;
            d->fn(c, d);
        }
    }
    if (c->exc.pending) {
        a64_take_sync(c);
        if (!c->stop)
            a64_timing_exception(c, el);
        return;
    }
    if (c->no_retire) {
        c->no_retire = false;
        return;
    }
    a64_timing_account(c, d, el);
    c->pc = c->next_pc;
    c->insns++;
    c->insns_el[el]++;
}

/* An instruction boundary: asynchronous exceptions are taken between
 * instructions. True when one was taken (the boundary is used up). */
static inline bool async_boundary(a64_cpu *c, unsigned el)
{
    if (a64_async_any(c) && a64_async_take(c)) {
        a64_timing_exception(c, el);
        return true;
    }
    c->iesb_window = false;
    return false;
}

static inline void step(a64_cpu *c)
{
    unsigned el = c->ps.el;
    if (!async_boundary(c, el))
        exec_one(c, el);
}

void a64_step(a64_cpu *c)
{
    if (c->cycles >= c->timer_deadline)
        a64_timer_update(c);
    step(c);
}

/* The block of the page holding pc, without raising anything (NULL when
 * the page needs the checking path: not executable, or not looked up). */
static inline icache_block *page_block(a64_cpu *c, uint64_t page)
{
    a64_icache *ic = c->icache;
    icache_block *b = icache_block_for(ic, page, false);
    if (!b || !b->host)
        return NULL;
    ic->cur = b;
    ic->cur_key = page + 1;
    return b;
}

/* Run plain instructions (xop != XOP_FULL) back to back from the PC, once
 * the boundary before the first has been checked. None of them can change
 * what the boundary checks look at (pending asynchronous exceptions and
 * their masks, PSTATE.IL, the timers' deadline, a stop), so those checks
 * are only needed again when this returns: at the first instruction that
 * is not plain (left for exec_one), after a synchronous exception (taken
 * here), or when the cycle count reaches `event` (the next timer deadline
 * or the cycle limit) or the instruction count `insn_limit`.
 *
 * Dispatch is on the decoded instruction's xop: the specialised handlers
 * run inline with the PC, cycle and instruction counts in registers; they
 * cannot raise anything (a load or store that might fault falls back to
 * its row's handler) and a store of theirs never hits a page with decoded
 * code (the write TLB holds no such page). Other plain rows run their
 * handler with the PC and next PC in memory, as exec_one does, and may
 * raise or drop the page's decoded code. Counts are written back on the
 * way out and before anything outside the CPU could look at them. False
 * when nothing ran: the instruction at the PC needs exec_one. */
static bool run_plain(a64_cpu *c, uint64_t insn_limit, uint64_t event)
{
    a64_icache *ic = c->icache;
    unsigned el = c->ps.el;
    uint64_t pc = c->pc, npc, cyc = c->cycles, cyc0 = cyc, n0 = c->insns;
    uint64_t left = insn_limit - n0; // instructions before the limit (> 0)
    icache_block *b;
    a64_dec *d;
lookup: // the PC's slot in its page's block (after a branch or a page end)
    if (pc & 3)
        goto out;
    if (ic->cur_key == (pc & A64_PAGE_MASK) + 1)
        b = ic->cur;
    else if (!(b = page_block(c, pc & A64_PAGE_MASK)))
        goto out;
    d = &b->d[(pc & (A64_PAGE_SIZE - 1)) >> 2];
    for (;;) {
        switch (d->xop) {
        case XOP_FULL:
            if (d->fn)
                goto out; // not plain
            predecode(c, b, d, pc); // an empty slot (xop 0 too)
            continue;
        case XOP_CALL:
            c->pc = pc;
            c->next_pc = pc + 4;
            c->cur = d;
            d->fn(c, d);
            if (c->exc.pending)
                goto exc;
            if (d->tkind == TK_BRANCH) {
                npc = c->next_pc;
                cyc = a64_timing_branch(c, d, cyc, npc != pc + 4);
                goto branched;
            }
            goto next_checked;
#define X(name, nsrc, ndst, kind)                                             \
        case XOP_##name:                                                      \
            fop_##name(c, d, pc);                                             \
            cyc = a64_timing_fixed(c, d, cyc, nsrc, ndst, TK_##kind, false);  \
            goto next;
        FAST_ALU_OPS(X)
#undef X
#define X(name, nsrc, ndst, kind)                                                   \
        case XOP_##name:                                                            \
            npc = fop_##name(c, d, pc);                                             \
            cyc = a64_timing_fixed(c, d, cyc, nsrc, ndst, TK_##kind, npc != pc + 4); \
            goto branched;
        FAST_BR_OPS(X)
#undef X
#define X(name, nsrc, ndst, kind)                                                 \
        case XOP_##name:                                                          \
            if (!fop_##name(c, d))                                                \
                goto mem_slow;                                                    \
            cyc = a64_timing_fixed(c, d, cyc, nsrc, ndst, TK_##kind, false);      \
            goto next;
        FAST_MEM_OPS(X)
#undef X
        default:
            __builtin_unreachable();
        }
    mem_slow: // the row's own handler, which may fault or drop decoded code
        c->pc = pc;
        c->next_pc = pc + 4;
        c->cur = d;
        a64_insns[d->op].fn(c, d);
        if (c->exc.pending)
            goto exc;
    next_checked:
        cyc = a64_timing_plain(c, d, cyc, false);
        pc += 4;
        if (--left == 0 || cyc >= event)
            goto out;
        goto lookup; // a store may have dropped this page's decoded code
    next:
        pc += 4;
        d++;
        if (--left == 0 || cyc >= event)
            goto out;
        if (!(pc & (A64_PAGE_SIZE - 1)))
            goto lookup; // the next page
        continue;
    branched:
        if (--left == 0 || cyc >= event) {
            pc = npc;
            goto out;
        }
        if (!((npc ^ pc) & A64_PAGE_MASK) && !(npc & 3)) {
            d += (int64_t)(npc - pc) / 4; // within the page: same block
            pc = npc;
            continue;
        }
        pc = npc;
        goto lookup;
    }
exc: // a synchronous exception: the instruction did not retire
    c->cycles = cyc;
    c->cycles_el[el] += cyc - cyc0;
    c->insns = insn_limit - left;
    c->insns_el[el] += c->insns - n0;
    a64_take_sync(c);
    if (!c->stop)
        a64_timing_exception(c, el);
    return true;
out:
    c->pc = pc;
    c->cycles = cyc;
    c->cycles_el[el] += cyc - cyc0;
    c->insns = insn_limit - left;
    c->insns_el[el] += c->insns - n0;
    return c->insns != n0;
}

/* The run loop; `fast` false runs every instruction through exec_one
 * (an access log is attached: run_plain's inlined loads and stores would
 * not record). Inlined twice, so the fast loop carries no test for it. */
static inline __attribute__((always_inline)) void run_loop(a64_cpu *c, uint64_t insn_limit,
                                                           uint64_t cycle_limit, bool fast)
{
    while (!c->stop) {
        // a timer reaching its compare value is the one event on the cycle clock
        if (c->cycles >= c->timer_deadline)
            a64_timer_update(c);
        if (c->insns >= insn_limit || c->cycles >= cycle_limit) {
            c->stop = A64_STOP_LIMIT;
            break;
        }
        if (c->nwatch && is_watch(c, c->pc)) {
            c->stop = A64_STOP_WATCH;
            break;
        }
        unsigned el = c->ps.el;
        if (async_boundary(c, el))
            continue;
        if (c->ps.il) {
            exec_one(c, el);
            continue;
        }
        uint64_t event = c->timer_deadline < cycle_limit ? c->timer_deadline : cycle_limit;
        if (!fast || !run_plain(c, insn_limit, event))
            exec_one(c, el);
    }
}

void a64_run(a64_cpu *c, uint64_t insn_limit, uint64_t cycle_limit)
{
    if (c->access_log)
        run_loop(c, insn_limit, cycle_limit, false);
    else
        run_loop(c, insn_limit, cycle_limit, true);
}

void exec_fp_guarded(a64_cpu *c, const a64_dec *d)
{
    // CPACR_EL1.FPEN / CPTR_EL2 (AArch64.CheckFPAdvSIMDEnabled) before the row
    if (ls_fp_enabled(c))
        a64_insns[d->op].fn(c, d);
}

void exec_unallocated(a64_cpu *c, const a64_dec *d)
{
    (void)d;
    a64_undefined(c);
}
