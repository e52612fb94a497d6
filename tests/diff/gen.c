/* tests/diff/gen.c: builds random instruction sequences word by word from
 * A64 encoding templates: data processing, branches and the layout. */
#include "gen_int.h"

#include <string.h>

/* ---- data processing ---- */

static void dp_addsub_imm(gen *g)
{
    unsigned sf = rn(g, 2), op = rn(g, 2), S = rn(g, 2);
    unsigned rd = S ? dst_zr(g) : dst(g); // Rd 31 is SP unless S
    emit(g, sf << 31 | op << 30 | S << 29 | 0x22u << 23 | rn(g, 2) << 22 | rn(g, 4096) << 10 |
                rn(g, 32) << 5 | rd);
}

/* A valid bitmask immediate (N:immr:imms), or now and then a reserved one
 * so both sides must agree it is UNDEFINED. */
static void bitmask(gen *g, unsigned sf, unsigned *N, unsigned *immr, unsigned *imms)
{
    unsigned lg = 1 + rn(g, sf ? 6 : 5); // element 2..64 bits
    unsigned e = 1u << lg;
    unsigned ones = rn(g, e - 1);       // ones - 1; all ones is reserved
    if (chance(g, 2))
        ones = e - 1;
    *immr = rn(g, 64); // bits above the element size are ignored
    *N = e == 64;
    *imms = e == 64 ? ones : ((~(2 * e - 1)) & 0x3f) | ones;
    if (!sf && chance(g, 2))
        *N = 1; // reserved for 32-bit
}

static void dp_logic_imm(gen *g)
{
    unsigned sf = rn(g, 2), opc = rn(g, 4), N, immr, imms;
    bitmask(g, sf, &N, &immr, &imms);
    unsigned rd = opc == 3 ? dst_zr(g) : dst(g); // ANDS writes XZR, the others SP
    emit(g, sf << 31 | opc << 29 | 0x24u << 23 | N << 22 | immr << 16 | imms << 10 | src(g) << 5 | rd);
}

static void dp_movewide(gen *g)
{
    static const unsigned opcs[] = { 0, 2, 3 }; // MOVN, MOVZ, MOVK
    unsigned sf = rn(g, 2);
    unsigned hw = sf ? rn(g, 4) : rn(g, 2);
    uint32_t imm = chance(g, 20) ? (chance(g, 50) ? 0 : 0xffff) : rn(g, 65536);
    emit(g, sf << 31 | opcs[rn(g, 3)] << 29 | 0x25u << 23 | hw << 21 | imm << 5 | dst_zr(g));
}

static void dp_bitfield(gen *g)
{
    unsigned sf = rn(g, 2), opc = rn(g, 3); // SBFM, BFM, UBFM
    unsigned w = sf ? 64 : 32;
    emit(g, sf << 31 | opc << 29 | 0x26u << 23 | sf << 22 | rn(g, w) << 16 | rn(g, w) << 10 |
                src(g) << 5 | dst_zr(g));
}

static void dp_extr(gen *g)
{
    unsigned sf = rn(g, 2);
    emit(g, sf << 31 | 0x27u << 23 | sf << 22 | src(g) << 16 | rn(g, sf ? 64 : 32) << 10 |
                src(g) << 5 | dst_zr(g));
}

static void dp_adr(gen *g)
{
    unsigned op = rn(g, 2);
    uint32_t imm = (uint32_t)r64(g) & 0x1fffff;
    emit(g, op << 31 | (imm & 3) << 29 | 0x10u << 24 | (imm >> 2) << 5 | dst_zr(g));
}

static void dp_logic_reg(gen *g)
{
    unsigned sf = rn(g, 2);
    emit(g, sf << 31 | rn(g, 4) << 29 | 0x0au << 24 | rn(g, 4) << 22 | rn(g, 2) << 21 |
                src(g) << 16 | rn(g, sf ? 64 : 32) << 10 | src(g) << 5 | dst_zr(g));
}

static void dp_addsub_shift(gen *g)
{
    unsigned sf = rn(g, 2);
    emit(g, sf << 31 | rn(g, 2) << 30 | rn(g, 2) << 29 | 0x0bu << 24 | rn(g, 3) << 22 |
                src(g) << 16 | rn(g, sf ? 64 : 32) << 10 | src(g) << 5 | dst_zr(g));
}

static void dp_addsub_ext(gen *g)
{
    unsigned S = rn(g, 2);
    unsigned rd = S ? dst_zr(g) : dst(g); // Rd 31 is SP unless S
    emit(g, rn(g, 2) << 31 | rn(g, 2) << 30 | S << 29 | 0x0bu << 24 | 1u << 21 | src(g) << 16 |
                rn(g, 8) << 13 | rn(g, 5) << 10 | rn(g, 32) << 5 | rd);
}

static void dp_adc(gen *g)
{
    emit(g, rn(g, 2) << 31 | rn(g, 2) << 30 | rn(g, 2) << 29 | 0xd0u << 21 | src(g) << 16 |
                src(g) << 5 | dst_zr(g));
}

static void dp_ccmp(gen *g)
{
    unsigned imm = rn(g, 2);
    unsigned m = imm ? rn(g, 32) : src(g);
    emit(g, rn(g, 2) << 31 | rn(g, 2) << 30 | 1u << 29 | 0xd2u << 21 | m << 16 | rn(g, 16) << 12 |
                imm << 11 | src(g) << 5 | rn(g, 16));
}

static void dp_csel(gen *g)
{
    emit(g, rn(g, 2) << 31 | rn(g, 2) << 30 | 0xd4u << 21 | src(g) << 16 | rn(g, 16) << 12 |
                rn(g, 2) << 10 | src(g) << 5 | dst_zr(g));
}

static void dp_2src(gen *g)
{
    static const unsigned opcs[] = { 2, 3, 8, 9, 10, 11 }; // UDIV SDIV LSLV LSRV ASRV RORV
    unsigned sf = rn(g, 2), opc;
    if ((g->o->groups & GEN_CRC) && chance(g, 10)) { // CRC32{B,H,W,X}, CRC32C*: sf says X
        unsigned sz = rn(g, 4);
        sf = sz == 3;
        opc = 0x10 | rn(g, 2) << 2 | sz;
    } else {
        opc = opcs[rn(g, 6)];
    }
    emit(g, sf << 31 | 0xd6u << 21 | src(g) << 16 | opc << 10 | src(g) << 5 | dst_zr(g));
}

static void dp_1src(gen *g)
{
    unsigned sf = rn(g, 2), opc = rn(g, 6); // RBIT REV16 REV32/REV REV CLZ CLS
    if (opc == 3 && !sf && !chance(g, 5))
        sf = 1; // 32-bit opc 3 is unallocated: keep a few
    emit(g, sf << 31 | 1u << 30 | 0xd6u << 21 | opc << 10 | src(g) << 5 | dst_zr(g));
}

static void dp_3src(gen *g)
{
    static const unsigned op31s[] = { 0, 1, 2, 5, 6 }; // MADD/MSUB, SMADDL, SMULH, UMADDL, UMULH
    unsigned op31 = op31s[rn(g, 5)];
    unsigned sf = op31 ? 1 : rn(g, 2), o0 = rn(g, 2), ra = src(g);
    if (op31 == 2 || op31 == 6) {
        o0 = 0;
        ra = 31;
    }
    emit(g, sf << 31 | 0x1bu << 24 | op31 << 21 | src(g) << 16 | o0 << 15 | ra << 10 | src(g) << 5 |
                dst_zr(g));
}

static void dp_nzcv(gen *g)
{
    if (chance(g, 50))
        emit(g, 0xd53b4200u | dst_zr(g)); // MRS Xt, NZCV
    else
        emit(g, 0xd51b4200u | src(g)); // MSR NZCV, Xt
}

typedef void (*dp_fn)(gen *g);

static void gen_dp(gen *g)
{
    static const struct { dp_fn fn; unsigned weight; } t[] = {
        { dp_addsub_imm, 10 }, { dp_logic_imm, 8 }, { dp_movewide, 6 }, { dp_bitfield, 8 },
        { dp_extr, 3 },        { dp_adr, 2 },        { dp_logic_reg, 8 }, { dp_addsub_shift, 10 },
        { dp_addsub_ext, 6 },  { dp_adc, 5 },        { dp_ccmp, 6 },      { dp_csel, 6 },
        { dp_2src, 6 },        { dp_1src, 5 },       { dp_3src, 6 },      { dp_nzcv, 2 },
    };
    unsigned total = 0;
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
        total += t[i].weight;
    unsigned pick = rn(g, total);
    for (unsigned i = 0;; i++) {
        if (pick < t[i].weight) {
            t[i].fn(g);
            return;
        }
        pick -= t[i].weight;
    }
}

/* ---- branches ---- */

static unsigned new_sub(gen *g)
{
    if (g->nsubs < MAX_SUBS && (g->nsubs == 0 || chance(g, 50)))
        return g->nsubs++;
    return rn(g, g->nsubs);
}

static bool gen_branch(gen *g)
{
    switch (rn(g, 9)) {
    case 0:
        add_fix(g, FIX_B26, TO_BODY, 0);
        emit(g, B_OPC);
        return true;
    case 1:
        add_fix(g, FIX_B19, TO_BODY, 0);
        emit(g, 0x54000000u | rn(g, 16)); // B.cond
        return true;
    case 2:
        add_fix(g, FIX_B19, TO_BODY, 0);
        emit(g, rn(g, 2) << 31 | 0x34000000u | rn(g, 2) << 24 | src(g)); // CBZ/CBNZ
        return true;
    case 3: {
        unsigned bit = rn(g, 64);
        add_fix(g, FIX_B14, TO_BODY, 0);
        emit(g, (bit >> 5) << 31 | 0x36000000u | rn(g, 2) << 24 | (bit & 31) << 19 | src(g));
        return true;
    }
    case 4:
    case 5:
        add_fix(g, FIX_B26, TO_SUB, new_sub(g));
        emit(g, 0x94000000u); // BL
        return true;
    default: { // ADR Xn, target; then BR / BLR / RET Xn
        if (!room(g, 2))
            return false;
        unsigned r = dst(g), kind = rn(g, 3);
        if (kind == 1)
            add_fix(g, FIX_ADR, TO_SUB, new_sub(g));
        else
            add_fix(g, FIX_ADR, TO_BODY, 1); // past the BR itself
        emit(g, 0x10000000u | r);
        static const uint32_t opc[] = { 0xd61f0000u, 0xd63f0000u, 0xd65f0000u };
        emit_tied(g, opc[kind] | r << 5);
        return true;
    }
    }
}

/* ---- the sequence ---- */

static void init_state(gen *g)
{
    dseq *s = g->s;
    for (unsigned i = 0; i < 31; i++)
        s->x[i] = interesting(g);
    for (unsigned i = 0; i < 32; i++) {
        s->v[i][0] = r64(g);
        s->v[i][1] = r64(g);
    }
    for (unsigned i = 0; i < DR_DATA_SIZE; i += 8) {
        uint64_t v = r64(g);
        memcpy(&s->data[i], &v, 8);
    }
    s->nzcv = (uint64_t)rn(g, 16) << 28;
    // index registers: small, one positive and one negative
    int64_t step = g->o->aligned_only ? 16 : 1;
    s->x[25] = (uint64_t)(step * rn(g, g->o->aligned_only ? 4 : 64));
    s->x[24] = (uint64_t)(-step * (1 + rn(g, g->o->aligned_only ? 4 : 63)));
    // bases: two that move by writeback, one fixed at the middle
    for (unsigned r = 26; r <= 28; r++) {
        int64_t off = r == 28 ? DR_DATA_SIZE / 2 : 16 * rrange(g, 16, DR_DATA_SIZE / 16 - 16);
        s->x[r] = DR_DATA + (uint64_t)off;
        g->lo[r] = g->hi[r] = off;
    }
}

static void gen_sub(gen *g, unsigned k)
{
    g->sub_at[k] = g->n;
    g->in_sub = true;
    unsigned len = 1 + rn(g, 5);
    for (unsigned i = 0; i < len; i++)
        gen_dp(g);
    emit(g, RET_X30);
    g->in_sub = false;
}

/* A target for the fixup: near most of the time, any allowed word after
 * the branch otherwise, the final `b DR_EXIT` included. */
static unsigned body_target(gen *g, const fixup *f)
{
    unsigned last = g->s->nbody, first = f->min_to;
    if (first > last)
        first = last;
    for (int tries = 0; tries < 16; tries++) {
        unsigned t = chance(g, 60) ? first + rn(g, 4) : first + rn(g, last - first + 1);
        if (t <= last && !g->notarget[t])
            return t;
    }
    return last;
}

static void resolve(gen *g, const fixup *f)
{
    uint32_t *w = &g->s->code[f->at];
    unsigned t;
    if (f->to == TO_SUB)
        t = g->sub_at[f->sub];
    else if (f->to == TO_LIT)
        t = rn(g, g->s->ncode - f->span + 1);
    else
        t = body_target(g, f);
    int32_t off = (int32_t)t - (int32_t)f->at; // in words
    switch (f->kind) {
    case FIX_B26: *w |= (uint32_t)off & 0x3ffffff; break;
    case FIX_B19:
    case FIX_LIT19: *w |= ((uint32_t)off & 0x7ffff) << 5; break;
    case FIX_B14: *w |= ((uint32_t)off & 0x3fff) << 5; break;
    case FIX_ADR: {
        uint32_t bytes = (uint32_t)off * 4;
        *w |= (bytes & 3) << 29 | ((bytes >> 2) & 0x7ffff) << 5;
        break;
    }
    }
}

void gen_seq(uint64_t seed, unsigned index, const gen_opts *o, dseq *out)
{
    static gen g; // large; one generator at a time
    memset(&g, 0, sizeof g);
    memset(out, 0, sizeof *out);
    g.s = out;
    g.o = o;
    g.rng = seed * UINT64_C(0x100000001b3) ^ ((uint64_t)index << 20) ^ index;
    splitmix(&g.rng);
    init_state(&g);

    out->code_addr = DR_CODE_LO + (uint64_t)(index % 100) * 0x1000 + 4 * rn(&g, 256);
    unsigned len = 4 + rn(&g, MAX_BODY - 8);
    unsigned weights[6] = {
        o->groups & GEN_DP ? 50 : 0,     o->groups & GEN_BRANCH ? 12 : 0,
        o->groups & GEN_LDST ? 22 : 0,   o->groups & GEN_SIMD ? 8 : 0,
        o->groups & GEN_ATOMIC ? 8 : 0,  o->groups & GEN_SYS ? 3 : 0,
    };
    unsigned total = 0;
    for (int i = 0; i < 6; i++)
        total += weights[i];
    int stuck = 0;
    while (total && g.n < len && stuck < 1000) {
        unsigned pick = rn(&g, total), grp = 0;
        while (pick >= weights[grp])
            pick -= weights[grp++];
        bool ok = true;
        switch (grp) {
        case 0: gen_dp(&g); break;
        case 1: ok = room(&g, 2) && gen_branch(&g); break;
        case 2: ok = gen_ldst(&g, false); break;
        case 3:
            if (chance(&g, 25))
                gen_simd_move(&g);
            else if (chance(&g, 30))
                ok = gen_simd_struct(&g);
            else
                ok = gen_ldst(&g, true);
            break;
        case 4: ok = gen_atomic(&g); break;
        case 5: gen_system(&g); break;
        }
        stuck += !ok;
    }
    out->nbody = g.n;
    // the exit branch: DR_EXIT is within B's reach of every code address
    emit(&g, B_OPC | (uint32_t)(((DR_EXIT - (out->code_addr + 4 * g.n)) >> 2) & 0x3ffffff));
    for (unsigned k = 0; k < g.nsubs; k++)
        gen_sub(&g, k);
    out->ncode = g.n;
    for (unsigned i = 0; i < g.nfix; i++)
        resolve(&g, &g.fix[i]);
}
