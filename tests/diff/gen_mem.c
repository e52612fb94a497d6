/* tests/diff/gen_mem.c: load/store, FP/SIMD move and atomic templates,
 * with base registers tracked so every access stays in the data window. */
#include "gen_int.h"

/* ---- loads and stores ---- */

static int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
static int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }

/* Alignment an access (or a writeback) must keep. */
static int64_t need_align(const gen *g, int64_t size) { return g->o->aligned_only ? size : 1; }

/* A base register; with writeback only x26/x27, and only while their
 * possible values stay close together. */
static bool pick_base(gen *g, bool wb, unsigned *b)
{
    for (int tries = 0; tries < 4; tries++) {
        unsigned r = wb ? 26 + rn(g, 2) : 26 + rn(g, 3);
        if (!wb || g->hi[r] - g->lo[r] < WB_MAX_SPREAD) {
            *b = r;
            return true;
        }
    }
    return false;
}

/* A field value f in [fmin, fmax] such that base + f * scale is a safe
 * address for `span` bytes from every value the base may hold, and f *
 * scale is a multiple of `align`. */
static bool pick_off(gen *g, unsigned b, int64_t span, int64_t scale, int64_t fmin, int64_t fmax,
                     int64_t align, int64_t *f)
{
    int64_t a = ceil_div(-g->lo[b], scale);
    int64_t z = floor_div(DR_DATA_SIZE - span - g->hi[b], scale);
    if (a < fmin)
        a = fmin;
    if (z > fmax)
        z = fmax;
    if (a > z)
        return false;
    for (int tries = 0; tries < 32; tries++) {
        int64_t v = rrange(g, a, z);
        if ((v * scale) % align == 0) {
            *f = v;
            return true;
        }
    }
    return false;
}

static void writeback(gen *g, unsigned b, int64_t delta)
{
    // the instruction may be skipped by a branch: keep both possibilities
    if (delta < 0)
        g->lo[b] += delta;
    else
        g->hi[b] += delta;
}

/* Post-index: the access uses the old base; the new base must stay in
 * the window for later accesses. */
static bool post_ok(const gen *g, unsigned b, int64_t span, int64_t delta)
{
    return g->lo[b] >= 0 && g->hi[b] + span <= DR_DATA_SIZE && g->lo[b] + delta >= 0 &&
           g->hi[b] + delta <= DR_DATA_SIZE - 16;
}

/* One single-register access form: size, V and opc bits, bytes, load. */
typedef struct lsform {
    unsigned size, v, opc, bytes;
    bool load;
} lsform;

static bool pick_form(gen *g, bool simd, bool allow_prfm, lsform *f)
{
    if (simd) {
        static const lsform sf[] = {
            { 0, 1, 0, 1, false }, { 0, 1, 1, 1, true }, { 1, 1, 0, 2, false }, { 1, 1, 1, 2, true },
            { 2, 1, 0, 4, false }, { 2, 1, 1, 4, true }, { 3, 1, 0, 8, false }, { 3, 1, 1, 8, true },
            { 0, 1, 2, 16, false }, { 0, 1, 3, 16, true },
        };
        *f = sf[rn(g, 10)];
        return true;
    }
    unsigned size = rn(g, 4), opc = rn(g, 4);
    if (size == 3 && opc >= 2) {
        if (opc == 3 || !allow_prfm)
            opc = rn(g, 2);
    } else if (size == 2 && opc == 3) {
        opc = 2;
    }
    *f = (lsform){ size, 0, opc, 1u << size, opc != 0 };
    return true;
}

/* PRFM/PRFUM: Rt is the prefetch operation, every value a NOP here. */
static bool is_prfm(const lsform *f) { return !f->v && f->size == 3 && f->opc == 2; }

static uint32_t ls_bits(const lsform *f) { return f->size << 30 | 7u << 27 | f->v << 26 | f->opc << 22; }

/* The transfer register: loads write a free register, stores read any. */
static unsigned ls_rt(gen *g, const lsform *f, unsigned base, bool wb)
{
    if (f->v)
        return rn(g, 32);
    if (f->load)
        return dst_zr(g);
    for (;;) {
        unsigned r = src(g);
        if (!wb || r != base) // writeback with Rt == Rn is UNPREDICTABLE
            return r;
    }
}

static bool ls_uimm(gen *g, const lsform *f, unsigned base)
{
    int64_t imm;
    if (!pick_off(g, base, f->bytes, f->bytes, 0, 4095, need_align(g, f->bytes), &imm))
        return false;
    unsigned rt = is_prfm(f) ? rn(g, 32) : ls_rt(g, f, base, false);
    emit(g, ls_bits(f) | 1u << 24 | (uint32_t)imm << 10 | base << 5 | rt);
    return true;
}

/* imm9 forms: type 0 unscaled, 1 post-index, 2 unprivileged, 3 pre-index. */
static bool ls_imm9(gen *g, const lsform *f, unsigned base, unsigned type)
{
    bool wb = type == 1 || type == 3;
    int64_t imm;
    if (type == 1) {
        imm = rrange(g, -256, 255);
        if (g->o->aligned_only)
            imm &= ~(int64_t)15;
        if (!post_ok(g, base, f->bytes, imm))
            return false;
    } else if (!pick_off(g, base, f->bytes, 1, -256, 255, need_align(g, wb ? 16 : f->bytes), &imm)) {
        return false;
    }
    unsigned rt = is_prfm(f) ? rn(g, 32) : ls_rt(g, f, base, wb);
    emit(g, ls_bits(f) | ((uint32_t)imm & 0x1ff) << 12 | type << 10 | base << 5 | rt);
    if (wb)
        writeback(g, base, imm);
    return true;
}

static bool ls_regoff(gen *g, const lsform *f, unsigned base)
{
    static const unsigned opts[] = { 2, 3, 6, 7 }; // UXTW, LSL, SXTW, SXTX
    unsigned rm = chance(g, 10) ? 31 : 24 + rn(g, 2);
    unsigned opt = opts[rn(g, 4)];
    if (rm == 24 && opt == 2)
        opt = 3; // a negative index zero-extended from 32 bits leaves the window
    unsigned S = rn(g, 2);
    unsigned shift = S ? __builtin_ctz(f->bytes) : 0;
    int64_t idx = rm == 31 ? 0 : (int64_t)g->s->x[rm];
    int64_t off = idx * ((int64_t)1 << shift);
    if (g->lo[base] + off < 0 || g->hi[base] + off + f->bytes > DR_DATA_SIZE)
        return false;
    if (off % need_align(g, f->bytes))
        return false;
    unsigned rt = is_prfm(f) ? rn(g, 32) : ls_rt(g, f, base, false);
    emit(g, ls_bits(f) | 1u << 21 | rm << 16 | opt << 13 | S << 12 | 2u << 10 | base << 5 | rt);
    return true;
}

static bool ls_literal(gen *g, bool simd)
{
    unsigned opc, bytes, rt;
    if (simd) {
        opc = rn(g, 3); // S, D, Q
        bytes = 4u << opc;
        rt = rn(g, 32);
    } else {
        opc = rn(g, 4); // W, X, SW, PRFM
        bytes = opc == 1 ? 8 : 4;
        rt = opc == 3 ? rn(g, 32) : dst_zr(g);
    }
    add_fix(g, FIX_LIT19, TO_LIT, bytes / 4);
    emit(g, opc << 30 | 3u << 27 | (simd ? 1u : 0u) << 26 | rt);
    return true;
}

/* LDP/STP/LDNP/STNP/LDPSW, general and FP/SIMD. */
static bool ls_pair(gen *g, bool simd)
{
    unsigned opc, scale, load = rn(g, 2), mode = rn(g, 4); // no-alloc, post, offset, pre
    if (simd) {
        opc = rn(g, 3);
        scale = 4u << opc;
    } else {
        opc = chance(g, 20) && load ? 1 : rn(g, 2) * 2; // LDPSW (no STGP: that is MTE)
        scale = opc == 2 ? 8 : 4;
        if (opc == 1 && mode == 0)
            mode = 2;
    }
    bool wb = mode == 1 || mode == 3;
    unsigned base;
    if (!pick_base(g, wb, &base))
        return false;
    int64_t span = 2 * scale, imm;
    if (mode == 1) {
        imm = rrange(g, -64, 63);
        if (g->o->aligned_only && (imm * scale) % 16)
            return false;
        if (!post_ok(g, base, span, imm * scale))
            return false;
    } else if (!pick_off(g, base, span, scale, -64, 63, need_align(g, wb ? 16 : scale), &imm)) {
        return false;
    }
    unsigned rt, rt2;
    if (simd) {
        rt = rn(g, 32);
        do
            rt2 = rn(g, 32);
        while (load && rt2 == rt);
    } else if (load) {
        rt = dst_zr(g);
        do
            rt2 = dst_zr(g);
        while (rt2 == rt);
    } else {
        do {
            rt = src(g);
            rt2 = src(g);
        } while (wb && (rt == base || rt2 == base));
    }
    emit(g, opc << 30 | 5u << 27 | (simd ? 1u : 0u) << 26 | mode << 23 | load << 22 |
                ((uint32_t)imm & 0x7f) << 15 | rt2 << 10 | base << 5 | rt);
    if (wb)
        writeback(g, base, imm * scale);
    return true;
}

bool gen_ldst(gen *g, bool simd)
{
    // 0 unsigned offset, 1 register offset, 2 unscaled, 3 post-index,
    // 4 and 6 unprivileged, 5 pre-index, 7-8 pair, 9 literal
    unsigned kind = rn(g, 10);
    if (kind == 9)
        return ls_literal(g, simd);
    if (kind >= 7)
        return ls_pair(g, simd);
    lsform f;
    pick_form(g, simd, kind <= 2, &f); // PRFM, PRFUM: no writeback or LDTR form
    static const unsigned imm9_type[] = { 0, 0, 0, 1, 2, 3, 2 };
    unsigned type = imm9_type[kind];
    bool wb = type == 1 || type == 3;
    if (type == 2 && simd)
        type = 0; // LDTR has no SIMD&FP form
    unsigned base;
    if (!pick_base(g, wb, &base))
        return false;
    if (kind == 0)
        return ls_uimm(g, &f, base);
    if (kind == 1)
        return ls_regoff(g, &f, base);
    return ls_imm9(g, &f, base, type);
}

/* LD1-LD4/ST1-ST4 (multiple and single structures) and LD1R-LD4R, with
 * no offset or post-indexed by their size (Rm = 31) or by an index
 * register (x24/x25, whose values are known). */
bool gen_simd_struct(gen *g)
{
    // multiple structures: opcode, registers, structure elements
    static const struct { unsigned opc, regs, selem; } multi[] = {
        { 0, 4, 4 }, { 2, 4, 1 }, { 4, 3, 3 }, { 6, 3, 1 }, { 7, 1, 1 }, { 8, 2, 2 }, { 10, 2, 1 },
    };
    unsigned q = rn(g, 2), load = rn(g, 2), size = rn(g, 4), post = rn(g, 2), rt = rn(g, 32);
    uint32_t w;
    int64_t bytes;
    unsigned kind = rn(g, 3); // multiple, single, replicate
    if (kind == 0) {
        unsigned k = rn(g, 7);
        if (multi[k].selem > 1 && size == 3 && !q)
            q = 1; // 1D elements exist only for LD1/ST1
        bytes = (int64_t)multi[k].regs * (q ? 16 : 8);
        w = 0x0c000000u | q << 30 | load << 22 | multi[k].opc << 12 | size << 10;
    } else {
        unsigned selem = 1 + rn(g, 4), opc, S = 0, esize;
        if (kind == 2) { // LDnR: replicate one structure to all lanes
            load = 1;
            opc = 6 | ((selem - 1) >> 1);
            esize = 1u << size;
        } else {
            unsigned idx;
            switch (rn(g, 4)) {
            case 0: opc = 0, esize = 1, idx = rn(g, 16), S = (idx >> 2) & 1, size = idx & 3, q = idx >> 3; break;
            case 1: opc = 2, esize = 2, idx = rn(g, 8), S = (idx >> 1) & 1, size = (idx & 1) << 1, q = idx >> 2; break;
            case 2: opc = 4, esize = 4, idx = rn(g, 4), S = idx & 1, size = 0, q = idx >> 1; break;
            default: opc = 4, esize = 8, size = 1, q = rn(g, 2); break;
            }
            opc |= (selem - 1) >> 1;
        }
        bytes = (int64_t)selem * esize;
        w = 0x0d000000u | q << 30 | load << 22 | ((selem - 1) & 1) << 21 | opc << 13 | S << 12 | size << 10;
    }
    unsigned base;
    if (!pick_base(g, post, &base))
        return false;
    if (g->lo[base] < 0 || g->hi[base] + bytes > DR_DATA_SIZE)
        return false;
    if (g->o->aligned_only && bytes % 16)
        post = 0; // keep the base 16-byte aligned
    if (post) {
        unsigned rm = chance(g, 60) ? 31 : 24 + rn(g, 2);
        int64_t delta = rm == 31 ? bytes : (int64_t)g->s->x[rm];
        if (!post_ok(g, base, bytes, delta))
            return false;
        w |= 1u << 23 | rm << 16;
        writeback(g, base, delta);
    }
    emit(g, w | base << 5 | rt);
    return true;
}

/* FMOV (general) and the element moves between general and SIMD
 * registers, so loaded vector values reach the compared state both ways. */
void gen_simd_move(gen *g)
{
    static const uint32_t fmov[] = { 0x1e260000u, 0x1e270000u, 0x9e660000u, 0x9e670000u, 0x9eae0000u, 0x9eaf0000u };
    unsigned sz = rn(g, 4), v = rn(g, 32);
    // imm5: the size bit, a random element index above it
    uint32_t imm5 = (rn(g, 16u >> sz) << (sz + 1)) | (1u << sz);
    switch (rn(g, 6)) {
    case 0: {
        unsigned k = rn(g, 6);
        bool to_gpr = !(k & 1);
        emit(g, fmov[k] | (to_gpr ? v : src(g)) << 5 | (to_gpr ? dst_zr(g) : v));
        return;
    }
    case 1: // UMOV (B/H/S to W, D to X)
        emit(g, 0x0e003c00u | (sz == 3 ? 1u : 0u) << 30 | imm5 << 16 | v << 5 | dst_zr(g));
        return;
    case 2: { // SMOV: B/H to W or X, S to X
        if (sz == 3)
            sz = 2, imm5 = (rn(g, 4) << 3) | 4;
        unsigned q = sz == 2 ? 1 : rn(g, 2);
        emit(g, 0x0e002c00u | q << 30 | imm5 << 16 | v << 5 | dst_zr(g));
        return;
    }
    case 3: // INS (general)
        emit(g, 0x4e001c00u | imm5 << 16 | src(g) << 5 | v);
        return;
    case 4: { // INS (element): imm4 indexes Vn in elements of the same size
        uint32_t imm4 = rn(g, 16u >> sz) << sz;
        emit(g, 0x6e000400u | imm5 << 16 | imm4 << 11 | rn(g, 32) << 5 | v);
        return;
    }
    default: { // DUP (general) and DUP (element); 64-bit elements need Q = 1
        unsigned q = sz == 3 ? 1 : rn(g, 2);
        if (chance(g, 50))
            emit(g, 0x0e000c00u | q << 30 | (1u << sz) << 16 | src(g) << 5 | v);
        else
            emit(g, 0x0e000400u | q << 30 | imm5 << 16 | rn(g, 32) << 5 | v);
        return;
    }
    }
}

/* Hints, barriers and system accesses that behave alike in a Linux process
 * and at EL0 on elsim. Left out: PAuth hints (qemu's keys are live, so
 * PACIASP and XPACLRI change x30), WFI/WFE and MSR DAIF (trapped by elsim's
 * reset SCTLR_EL1), SVC (a real system call under qemu) and registers whose
 * values differ between the two CPUs (CTR_EL0, DCZID_EL0, counters). */
void gen_system(gen *g)
{
    static const uint32_t fixed[] = {
        0xd503201fu, 0xd503203fu, 0xd503209fu, 0xd50320bfu, // NOP YIELD SEV SEVL
        0xd503229fu, 0xd503221fu, 0xd503241fu, 0xd503245fu, // CSDB ESB BTI BTI c
        0xd503309fu, 0xd503349fu, 0xd50330ffu,              // SSBB PSSBB SB
    };
    switch (rn(g, 8)) {
    case 0:
    case 1: emit(g, fixed[rn(g, sizeof fixed / sizeof fixed[0])]); return;
    case 2: emit(g, 0xd503309fu | rn(g, 16) << 8 | rn(g, 3) << 5); return; // DSB DMB ISB #CRm
    case 3: emit(g, 0xd503305fu | rn(g, 16) << 8); return;                 // CLREX
    case 4: emit(g, 0xd51bd040u | src(g)); return;                        // MSR TPIDR_EL0, Xt
    case 5: emit(g, 0xd53bd040u | dst_zr(g)); return;                     // MRS Xt, TPIDR_EL0
    default:
        // rarely, an instruction that ends the run in a fault: BRK
        // (SIGTRAP), ERET and UDF at EL0 (SIGILL)
        if (chance(g, 10)) {
            static const uint32_t fault[] = { 0xd4200000u, 0xd69f03e0u, 0x00000000u };
            unsigned k = rn(g, 3);
            emit(g, fault[k] | (k == 0 ? rn(g, 65536) << 5 : k == 2 ? rn(g, 65536) : 0));
        } else {
            emit(g, 0xd503201fu);
        }
        return;
    }
}

/* ---- exclusives, acquire/release, atomics ---- */

/* ADD/SUB Xb, x28, #off: an address in the window for an access form that
 * has no offset, aligned but for a few. x28 holds DR_DATA + DR_DATA_SIZE / 2. */
static unsigned set_base(gen *g, bool *misaligned)
{
    unsigned b = dst(g);
    unsigned off = 16 * rn(g, 64);
    *misaligned = !g->o->aligned_only && chance(g, 4);
    if (*misaligned)
        off += 1 + rn(g, 15); // an alignment fault: SIGBUS under qemu
    emit(g, (chance(g, 50) ? 0x91000000u : 0xd1000000u) | off << 10 | 28u << 5 | b);
    return b;
}

static uint32_t excl(unsigned size, unsigned o2, unsigned L, unsigned o1, unsigned rs, unsigned o0,
                     unsigned rt2, unsigned rn_, unsigned rt)
{
    return size << 30 | 0x08u << 24 | o2 << 23 | L << 22 | o1 << 21 | rs << 16 | o0 << 15 | rt2 << 10 |
           rn_ << 5 | rt;
}

bool gen_atomic(gen *g)
{
    if (!room(g, 4))
        return false;
    bool misaligned;
    unsigned b = set_base(g, &misaligned);
    unsigned size = rn(g, 4);
    switch (rn(g, 6)) {
    case 0: { // LDXR/LDAXR then STXR/STLXR to the same address
        unsigned rt = dst_not(g, b, 31);
        emit_tied(g, excl(size, 0, 1, 0, 31, rn(g, 2), 31, b, rt));
        if (chance(g, 30))
            emit_tied(g, 0x8b000000u | rt << 16 | rt << 5 | dst_not(g, b, 31)); // ADD using the value
        else if (chance(g, 10))
            emit_tied(g, 0xd503305fu | rn(g, 16) << 8); // CLREX: the store must fail
        unsigned v = src(g), ws = dst_not(g, b, v);
        emit_tied(g, excl(size, 0, 0, 0, ws, rn(g, 2), 31, b, v));
        return true;
    }
    case 1: { // LDXP/LDAXP then STXP/STLXP
        size = 2 + rn(g, 2);
        unsigned rt = dst_not(g, b, 31), rt2 = dst_not(g, b, rt);
        emit_tied(g, excl(size, 0, 1, 1, 31, rn(g, 2), rt2, b, rt));
        unsigned v1 = src(g), v2 = src(g), ws;
        do
            ws = dst_not(g, b, v1);
        while (ws == v2);
        emit_tied(g, excl(size, 0, 0, 1, ws, rn(g, 2), v2, b, v1));
        return true;
    }
    case 2: { // LDAR / STLR, and LDLAR / STLLR (o0 = 0, FEAT_LOR)
        unsigned o0 = chance(g, 75);
        if (chance(g, 50))
            emit_tied(g, excl(size, 1, 1, 0, 31, o0, 31, b, dst_not(g, b, 31)));
        else
            emit_tied(g, excl(size, 1, 0, 0, 31, o0, 31, b, src(g)));
        return true;
    }
    case 3: { // CAS/CASA/CASL/CASAL
        unsigned rs = dst_not(g, b, 31), rt = src(g);
        emit_tied(g, excl(size, 1, rn(g, 2), 1, rs, rn(g, 2), 31, b, rt));
        return true;
    }
    case 4: { // CASP: even register pairs
        unsigned rs, rt;
        do
            rs = 2 * rn(g, 12);
        while (rs == b || rs + 1 == b);
        do
            rt = 2 * rn(g, 12);
        while (rt == b || rt + 1 == b);
        emit_tied(g, excl(rn(g, 2), 0, rn(g, 2), 1, rs, rn(g, 2), 31, b, rt));
        return true;
    }
    default: { // LDADD..LDUMIN, SWP, LDAPR
        unsigned o3 = chance(g, 20), opc = o3 ? 0 : rn(g, 8), A = rn(g, 2), R = rn(g, 2);
        unsigned rs = src(g), rt = chance(g, 15) ? 31 : dst_not(g, b, 31);
        // LDAPR; qemu 7.2 does not check its alignment, so only aligned
        if (chance(g, 10) && !misaligned) {
            o3 = 1, opc = 4, A = 1, R = 0, rs = 31;
            if (rt == 31)
                rt = dst_not(g, b, 31);
        }
        emit_tied(g, size << 30 | 0x38u << 24 | A << 23 | R << 22 | 1u << 21 | rs << 16 | o3 << 15 |
                         opc << 12 | b << 5 | rt);
        return true;
    }
    }
}

