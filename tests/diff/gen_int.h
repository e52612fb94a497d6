/* tests/diff/gen_int.h: the generator's state and the small helpers its
 * two halves share (gen.c: data processing, branches, layout; gen_mem.c). */
#ifndef DIFF_GEN_INT_H
#define DIFF_GEN_INT_H

#include "gen.h"

#define MAX_BODY 72       /* body words, groups included */
#define MAX_SUBS 3
#define MAX_FIX 96
#define WB_MAX_SPREAD 640 /* a base whose possible values spread wider gets no more writeback */

#define RET_X30 0xd65f03c0u
#define B_OPC 0x14000000u

/* The last step of generation patches branch, ADR and literal offsets: the
 * targets are chosen once the whole layout is known. */
enum fix_kind { FIX_B26, FIX_B19, FIX_B14, FIX_ADR, FIX_LIT19 };
enum fix_to { TO_BODY, TO_SUB, TO_LIT };

typedef struct fixup {
    unsigned at;
    uint8_t kind, to;
    uint8_t sub;      /* TO_SUB: which subroutine */
    uint8_t span;     /* TO_LIT: words the load reads */
    unsigned min_to;  /* TO_BODY: first allowed target */
} fixup;

typedef struct gen {
    uint64_t rng;
    const gen_opts *o;
    dseq *s;
    unsigned n;                 /* words emitted */
    bool in_sub;                /* subroutine body: no x30 writes, no branches */
    bool notarget[DR_MAX_CODE]; /* mid-group: a branch landing here would skip its setup */
    fixup fix[MAX_FIX];
    unsigned nfix, nsubs;
    unsigned sub_at[MAX_SUBS];
    /* Base registers: every value the register may hold on some path, as an
     * offset from DR_DATA (branches may skip a writeback, hence a range). */
    int64_t lo[32], hi[32];
} gen;

/* ---- randomness ---- */

static inline uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static inline uint64_t r64(gen *g) { return splitmix(&g->rng); }
static inline unsigned rn(gen *g, unsigned n) { return n ? (unsigned)(r64(g) % n) : 0; }
static inline int64_t rrange(gen *g, int64_t a, int64_t z) { return a + (int64_t)(r64(g) % (uint64_t)(z - a + 1)); }
static inline bool chance(gen *g, unsigned pct) { return rn(g, 100) < pct; }

/* Values that exercise carries, overflow and sign edges more often than
 * uniform random values would. */
static inline uint64_t interesting(gen *g)
{
    static const uint64_t edge[] = {
        0, 1, 2, UINT64_MAX, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
        UINT64_C(0x7fffffffffffffff), UINT64_C(0x8000000000000000),
        UINT64_C(0x8000000000000001), UINT64_C(0xffffffff80000000), 0xff, 0xffff,
    };
    switch (rn(g, 6)) {
    case 0: return rn(g, 16);
    case 1: return (uint64_t)-(int64_t)rn(g, 16);
    case 2: return edge[rn(g, sizeof edge / sizeof edge[0])];
    case 3: return r64(g) & 0xffffffff;
    default: return r64(g);
    }
}

/* ---- registers ---- */

static inline bool reserved(unsigned r) { return r >= GEN_FIRST_RESERVED && r <= GEN_LAST_RESERVED; }

/* A destination the sequence may freely write (never 31). */
static inline unsigned dst(gen *g)
{
    for (;;) {
        // half the time a small working set, so results feed later insns
        unsigned r = chance(g, 50) ? rn(g, 8) : rn(g, 31);
        if (!reserved(r) && !(g->in_sub && r == 30))
            return r;
    }
}

/* A destination where 31 means XZR. */
static inline unsigned dst_zr(gen *g) { return chance(g, 5) ? 31 : dst(g); }

/* A source: any register, reserved ones included (31 is XZR or SP as the
 * form says; SP holds DR_SAVE on both sides). */
static inline unsigned src(gen *g)
{
    if (chance(g, 5))
        return 31;
    return chance(g, 50) ? rn(g, 8) : rn(g, 31);
}

static inline unsigned dst_not(gen *g, unsigned a, unsigned b)
{
    for (;;) {
        unsigned r = dst(g);
        if (r != a && r != b)
            return r;
    }
}

/* ---- emitting ---- */

static inline bool room(const gen *g, unsigned words) { return g->n + words <= MAX_BODY; }

static inline void emit(gen *g, uint32_t w) { g->s->code[g->n++] = w; }

/* The next word continues a group: nothing may branch into it. */
static inline void emit_tied(gen *g, uint32_t w)
{
    g->notarget[g->n] = true;
    emit(g, w);
}

static inline void add_fix(gen *g, enum fix_kind k, enum fix_to to, unsigned arg)
{
    if (g->nfix >= MAX_FIX)
        return;
    fixup *f = &g->fix[g->nfix++];
    f->at = g->n;
    f->kind = (uint8_t)k;
    f->to = (uint8_t)to;
    f->sub = (uint8_t)(to == TO_SUB ? arg : 0);
    f->span = (uint8_t)(to == TO_LIT ? arg : 0);
    f->min_to = g->n + 1 + (to == TO_BODY ? arg : 0);
}

/* gen_mem.c: loads and stores, FP/SIMD moves, exclusives and atomics,
 * hints and barriers.
 * Each emits one instruction or group; false when nothing fitted. */
bool gen_ldst(gen *g, bool simd);
bool gen_simd_struct(gen *g);
void gen_simd_move(gen *g);
bool gen_atomic(gen *g);
void gen_system(gen *g);

#endif
