/* isa/cpu.c: CPU reset, instruction fetch through the predecode cache, and
 * the step/run loop that takes the exceptions handlers record. */
#include <string.h>

#include "async.h"
#include "cpu_timing.h"
#include "decode.h"
#include "exception.h"
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
    if (!d->fn) {
        uint32_t w;
        memcpy(&w, b->host + (pc & (A64_PAGE_SIZE - 1)), 4);
        a64_decode(w, d);
        a64_timing_predecode(d);
        // FP/SIMD instructions go through the CPACR_EL1/CPTR_EL2 check first
        if (a64_insns[d->op].cls == CLS_SIMD)
            d->fn = exec_fp_guarded;
        if (c->nbkpt && is_breakpoint(c, pc))
            d->fn = exec_breakpoint;
        b->ndecoded++;
    }
    return d;
}

static inline void step(a64_cpu *c)
{
    unsigned el = c->ps.el;
    // asynchronous exceptions are taken between instructions
    if (a64_async_any(c) && a64_async_take(c)) {
        a64_timing_exception(c, el);
        return;
    }
    c->iesb_window = false;
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

void a64_step(a64_cpu *c)
{
    if (c->cycles >= c->timer_deadline)
        a64_timer_update(c);
    step(c);
}

void a64_run(a64_cpu *c, uint64_t insn_limit, uint64_t cycle_limit)
{
    while (!c->stop) {
        // a timer reaching its compare value is the one event on the cycle clock
        if (c->cycles >= c->timer_deadline)
            a64_timer_update(c);
        if (c->insns >= insn_limit || c->cycles >= cycle_limit) {
            c->stop = A64_STOP_LIMIT;
            break;
        }
        step(c);
    }
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
