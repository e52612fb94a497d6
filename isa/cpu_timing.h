/* isa/cpu_timing.h: the timing model's entry points for the step loop
 * (private to isa/). */
#ifndef CPU_TIMING_H
#define CPU_TIMING_H

#include "a64.h"

/* dst[] of a result that goes nowhere (XZR, SP, or no register): the
 * sink ready[32]. Both 32 (and only then, since 0-30 lack bit 5) gives
 * dst[0] & dst[1] == 32: the instruction writes no register. */
#define A64_DST_NONE 32

/* Fill the timing fields of a freshly decoded instruction. */
void a64_timing_predecode(a64_dec *d);
/* Queue a store issuing at `issue` into the store buffer; the cycle it can
 * issue (later when the buffer is full). */
uint64_t a64_store_buffer_push(a64_cpu *c, uint64_t issue);

/* The largest of three cycle counts (out of line: the caller's test stays
 * a branch the host predicts, not a data dependency on the loads). */
uint64_t a64_timing_max3(uint64_t a, uint64_t b, uint64_t c);

#define A64_TIMING_INLINE static inline __attribute__((always_inline))

/* The cost of a retired instruction of a kind with no refill or serializing
 * cost (ALU, multiply, divide, load, store, atomic, branch, FP/SIMD data,
 * hint: every plain row is one, see cpu.c) that started at cycle `now`:
 * wait for its sources, occupy the pipe, mark its results ready. Returns
 * the cycle the next instruction can start. The run loop keeps the cycle
 * count in a register while it runs these; a64_timing_account calls
 * a64_timing_plain for the same kinds, so both paths charge alike. The
 * pieces: */

/* The cycle it issues: when its sources are ready. */
A64_TIMING_INLINE uint64_t a64_timing_issue(const a64_cpu *c, const a64_dec *d, uint64_t now)
{
    uint64_t r0 = c->ready[d->src[0]], r1 = c->ready[d->src[1]], r2 = c->ready[d->src[2]];
    // usually the producers' results are ready, and a predicted branch
    // keeps the host from waiting on these loads
    if (__builtin_expect((r0 > now) | (r1 > now) | (r2 > now), 0))
        return a64_timing_max3(r0, r1, r2);
    return now;
}

/* Its results are ready its kind's latency after it issued; one
 * instruction issues per cycle, and one with no result (both dst none)
 * occupies the pipe for its cost. `extra`: a taken branch's redirect. */
A64_TIMING_INLINE uint64_t a64_timing_retire(a64_cpu *c, const a64_dec *d, uint64_t issue, uint64_t extra)
{
    unsigned lat = c->timing.lat[d->tkind];
    unsigned d0 = d->dst[0], d1 = d->dst[1];
    c->ready[d0] = issue + lat;
    c->ready[d1] = issue + lat;
    return issue + ((d0 & d1) == A64_DST_NONE ? lat : 1) + extra;
}

/* A kind that neither stores nor branches (ALU, multiply, divide, loads,
 * FP/SIMD moves, hints). */
A64_TIMING_INLINE uint64_t a64_timing_simple(a64_cpu *c, const a64_dec *d, uint64_t now)
{
    return a64_timing_retire(c, d, a64_timing_issue(c, d, now), 0);
}

/* A store: it issues once the store buffer has room. */
A64_TIMING_INLINE uint64_t a64_timing_store(a64_cpu *c, const a64_dec *d, uint64_t now)
{
    uint64_t issue = a64_timing_issue(c, d, now);
    if (c->timing.sb_depth)
        issue = a64_store_buffer_push(c, issue);
    return a64_timing_retire(c, d, issue, 0);
}

/* A branch (`taken`: it went elsewhere than the next instruction). */
A64_TIMING_INLINE uint64_t a64_timing_branch(a64_cpu *c, const a64_dec *d, uint64_t now, bool taken)
{
    uint64_t issue = a64_timing_issue(c, d, now), extra = 0;
    if (taken) {
        extra = c->timing.branch_taken;
        c->barrier_cycles += extra;
    }
    return a64_timing_retire(c, d, issue, extra);
}

/* The same for an instruction whose timing fields are known to fit a
 * signature (compile-time constants: sources beyond nsrc are 31, results
 * beyond ndst none, the kind is `kind`): what the general functions above
 * compute, with less to look at. `taken` is for branches. */
A64_TIMING_INLINE uint64_t a64_timing_fixed(a64_cpu *c, const a64_dec *d, uint64_t now, unsigned nsrc,
                                            unsigned ndst, unsigned kind, bool taken)
{
    uint64_t issue = now;
    if (nsrc == 1) {
        uint64_t r0 = c->ready[d->src[0]];
        if (__builtin_expect(r0 > now, 0))
            issue = r0;
    } else if (nsrc == 2) {
        uint64_t r0 = c->ready[d->src[0]], r1 = c->ready[d->src[1]];
        if (__builtin_expect((r0 > now) | (r1 > now), 0))
            issue = a64_timing_max3(r0, r1, 0);
    } else if (nsrc == 3) {
        issue = a64_timing_issue(c, d, now);
    }
    if ((kind == TK_STORE || kind == TK_ATOMIC || kind == TK_FP_STORE) && c->timing.sb_depth)
        issue = a64_store_buffer_push(c, issue);
    uint64_t extra = 0;
    if (kind == TK_BRANCH && taken) {
        extra = c->timing.branch_taken;
        c->barrier_cycles += extra;
    }
    unsigned lat = c->timing.lat[kind];
    if (ndst == 0)
        return issue + lat + extra; // writes no register
    unsigned d0 = d->dst[0];
    bool none = d0 == A64_DST_NONE;
    c->ready[d0] = issue + lat;
    if (ndst == 2) {
        unsigned d1 = d->dst[1];
        c->ready[d1] = issue + lat;
        none = (d0 & d1) == A64_DST_NONE;
    }
    return issue + (none ? lat : 1) + extra;
}

/* Any of those kinds. */
A64_TIMING_INLINE uint64_t a64_timing_plain(a64_cpu *c, const a64_dec *d, uint64_t now, bool taken)
{
    switch (d->tkind) {
    case TK_STORE: case TK_ATOMIC: case TK_FP_STORE: return a64_timing_store(c, d, now);
    case TK_BRANCH: return a64_timing_branch(c, d, now, taken);
    default: return a64_timing_simple(c, d, now);
    }
}

/* Charge a retired instruction executed at `el`. */
void a64_timing_account(a64_cpu *c, const a64_dec *d, unsigned el);
/* Charge an exception entry (the refill) to `el`, the level it left. */
void a64_timing_exception(a64_cpu *c, unsigned el);

#endif
