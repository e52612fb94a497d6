/* isa/fast.c: the specialised handlers as handler functions (for the
 * paths that call fn: a single step, a trace) and their selection at
 * predecode. Their semantics are in fast_ops.h. */
#include "fast.h"

#include "bitmask.h"
#include "cpu_timing.h"
#include "decode.h"
#include "fast_ops.h"
#include "pstate.h"

/* The row's own handler: the slow path of the load/store handlers. */
static inline void own(a64_cpu *c, const a64_dec *d) { a64_insns[d->op].fn(c, d); }

#define X(name, nsrc, ndst, kind) \
    static void f_##name(a64_cpu *c, const a64_dec *d) { fop_##name(c, d, c->pc); }
FAST_ALU_OPS(X)
#undef X
#define X(name, nsrc, ndst, kind) \
    static void f_##name(a64_cpu *c, const a64_dec *d) { c->next_pc = fop_##name(c, d, c->pc); }
FAST_BR_OPS(X)
#undef X
/* With an access log attached the row's own handler runs: the specialised
 * one moves the data straight through the TLB, unrecorded. */
#define X(name, nsrc, ndst, kind)                        \
    static void f_##name(a64_cpu *c, const a64_dec *d)   \
    {                                                    \
        if (c->access_log || !fop_##name(c, d))          \
            own(c, d);                                   \
    }
FAST_MEM_OPS(X)
#undef X

/* The handler of each specialised xop, and the timing signature the run
 * loop charges it with (fast_ops.h). */
static const a64_exec_fn xop_fn[XOP_COUNT] = {
#define X(name, nsrc, ndst, kind) [XOP_##name] = f_##name,
    FAST_ALU_OPS(X) FAST_BR_OPS(X) FAST_MEM_OPS(X)
#undef X
};
static const struct xop_sig {
    uint8_t nsrc, ndst, kind;
} xop_sig[XOP_COUNT] = {
#define X(name, nsrc, ndst, kind) [XOP_##name] = { nsrc, ndst, TK_##kind },
    FAST_ALU_OPS(X) FAST_BR_OPS(X) FAST_MEM_OPS(X)
#undef X
};

/* Does the decoded row's timing fit the xop's signature? */
static bool fits(const a64_dec *d, unsigned x)
{
    const struct xop_sig *g = &xop_sig[x];
    for (unsigned k = g->nsrc; k < 3; k++)
        if (d->src[k] != 31)
            return false;
    for (unsigned k = g->ndst; k < 2; k++)
        if (d->dst[k] != A64_DST_NONE)
            return false;
    return d->tkind == g->kind;
}

/* A condition as a 16-bit set of the NZCV values that satisfy it. */
static uint16_t cond_set(unsigned cond)
{
    uint16_t s = 0;
    for (unsigned v = 0; v < 16; v++)
        if (a64_cond_holds(v << 28, cond))
            s |= (uint16_t)(1u << v);
    return s;
}

static const uint8_t ldr_fns[2][4][3] = {
    { { XOP_ldr8_off, XOP_ldr8_pre, XOP_ldr8_post }, { XOP_ldr16_off, XOP_ldr16_pre, XOP_ldr16_post },
      { XOP_ldr32_off, XOP_ldr32_pre, XOP_ldr32_post }, { XOP_ldr64_off, XOP_ldr64_pre, XOP_ldr64_post } },
    { { XOP_ldrs8_off, XOP_ldrs8_pre, XOP_ldrs8_post }, { XOP_ldrs16_off, XOP_ldrs16_pre, XOP_ldrs16_post },
      { XOP_ldrs32_off, XOP_ldrs32_pre, XOP_ldrs32_post }, { XOP_ldrs64_off, XOP_ldrs64_pre, XOP_ldrs64_post } },
};
static const uint8_t str_fns[4][3] = {
    { XOP_str8_off, XOP_str8_pre, XOP_str8_post }, { XOP_str16_off, XOP_str16_pre, XOP_str16_post },
    { XOP_str32_off, XOP_str32_pre, XOP_str32_post }, { XOP_str64_off, XOP_str64_pre, XOP_str64_post },
};
static const uint8_t ldp_fns[2][3] = {
    { XOP_ldp32_off, XOP_ldp32_pre, XOP_ldp32_post }, { XOP_ldp64_off, XOP_ldp64_pre, XOP_ldp64_post },
};
static const uint8_t stp_fns[2][3] = {
    { XOP_stp32_off, XOP_stp32_pre, XOP_stp32_post }, { XOP_stp64_off, XOP_stp64_pre, XOP_stp64_post },
};

static const uint8_t addsub_fns[4][2][2] = { /* [op][lsl][is64] */
    [DP_ADD] = { { XOP_add_w, XOP_add_x }, { XOP_add_lsl_w, XOP_add_lsl_x } },
    [DP_ADDS] = { { XOP_adds_w, XOP_adds_x }, { XOP_adds_lsl_w, XOP_adds_lsl_x } },
    [DP_SUB] = { { XOP_sub_w, XOP_sub_x }, { XOP_sub_lsl_w, XOP_sub_lsl_x } },
    [DP_SUBS] = { { XOP_subs_w, XOP_subs_x }, { XOP_subs_lsl_w, XOP_subs_lsl_x } },
};
static const uint8_t logic_fns[4][2][2] = { /* [op & LOG_OPMASK][lsl][is64] */
    [LOG_AND] = { { XOP_and_w, XOP_and_x }, { XOP_and_lsl_w, XOP_and_lsl_x } },
    [LOG_ORR] = { { XOP_orr_w, XOP_orr_x }, { XOP_orr_lsl_w, XOP_orr_lsl_x } },
    [LOG_EOR] = { { XOP_eor_w, XOP_eor_x }, { XOP_eor_lsl_w, XOP_eor_lsl_x } },
    [LOG_ANDS] = { { XOP_ands_w, XOP_ands_x }, { XOP_ands_lsl_w, XOP_ands_lsl_x } },
};
static const uint8_t csel_fns[4][2] = { /* [op][is64] */
    [DP_CSEL] = { XOP_csel_w, XOP_csel_x }, [DP_CSINC] = { XOP_csinc_w, XOP_csinc_x },
    [DP_CSINV] = { XOP_csinv_w, XOP_csinv_x }, [DP_CSNEG] = { XOP_csneg_w, XOP_csneg_x },
};

static uint64_t ones(unsigned n) { return n >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1; }

static uint8_t select_dp(a64_dec *d, a64_exec_fn own_fn, int arg)
{
    bool is64 = a64_fld(d, 'f');
    unsigned rd = a64_fld(d, 'd'), rn = a64_fld(d, 'n');
    d->r[0] = (uint8_t)rd;
    d->r[1] = (uint8_t)rn;
    if (own_fn == exec_addsub_imm) {
        uint64_t imm = (uint64_t)a64_fld(d, 'i') << (a64_fld(d, 'h') ? 12 : 0);
        if (arg & ADDSUB_S) {
            d->imm = imm;
            if (arg & ADDSUB_SUB)
                return is64 ? XOP_subsi_x : XOP_subsi_w;
            return is64 ? XOP_addsi_x : XOP_addsi_w;
        }
        d->imm = (arg & ADDSUB_SUB) ? 0 - imm : imm;
        if (rd == 31 || rn == 31)
            return is64 ? XOP_addi_xsp : XOP_addi_wsp;
        return is64 ? XOP_addi_x : XOP_addi_w;
    }
    if (own_fn == exec_logic_imm) {
        uint64_t imm, tmask;
        if (!a64_decode_bit_masks(a64_fld(d, 'q'), a64_fld(d, 's'), a64_fld(d, 'r'), true,
                                  alu_width(is64), &imm, &tmask))
            return 0;
        d->imm = imm;
        if (arg == DP_ANDS)
            return is64 ? XOP_andsi_x : XOP_andsi_w;
        if (rd == 31)
            return 0; // writes SP
        switch (arg) {
        case DP_AND: return XOP_andi;
        case DP_ORR: return is64 ? XOP_orri_x : XOP_orri_w;
        default: return is64 ? XOP_eori_x : XOP_eori_w;
        }
    }
    if (own_fn == exec_movw) {
        unsigned hw = a64_fld(d, 'h');
        if (!is64 && hw > 1)
            return 0;
        uint64_t imm = (uint64_t)a64_fld(d, 'i') << (hw * 16);
        d->r[1] = (uint8_t)(hw * 16);
        if (arg == DP_MOVK) {
            d->imm = imm;
            return is64 ? XOP_movk_x : XOP_movk_w;
        }
        d->imm = (arg == DP_MOVN ? ~imm : imm) & alu_mask(is64);
        return XOP_movi;
    }
    if (own_fn == exec_adr) {
        int64_t imm = a64_sfld(d, 'i') * 4 + a64_fld(d, 'j');
        if (arg == DP_ADRP) {
            d->imm = (uint64_t)imm * 4096;
            return XOP_adrp;
        }
        d->imm = (uint64_t)imm;
        return XOP_adr;
    }
    if (own_fn == exec_bitfield) {
        unsigned n = a64_fld(d, 'q'), immr = a64_fld(d, 'r'), imms = a64_fld(d, 's');
        uint64_t wmask, tmask;
        unsigned w = alu_width(is64);
        if (arg == DP_BFM || n != (unsigned)is64 || (!is64 && ((immr | imms) & 0x20)) ||
            !a64_decode_bit_masks(n, imms, immr, false, w, &wmask, &tmask))
            return 0;
        bool sbfm = arg == DP_SBFM;
        if (imms >= immr) {
            unsigned len = imms - immr + 1;
            d->r[2] = (uint8_t)immr;
            d->imm = sbfm ? UINT64_C(1) << (len - 1) : ones(len);
            return sbfm ? (is64 ? XOP_sbfx_x : XOP_sbfx_w) : XOP_ubfx;
        }
        d->r[2] = (uint8_t)(w - immr);
        d->imm = sbfm ? UINT64_C(1) << imms : ones(imms + 1);
        return sbfm ? (is64 ? XOP_sbfiz_x : XOP_sbfiz_w) : XOP_ubfiz;
    }
    if (own_fn == exec_extr) {
        unsigned lsb = a64_fld(d, 's');
        if (a64_fld(d, 'q') != (unsigned)is64 || (!is64 && lsb >= 32))
            return 0;
        d->r[2] = (uint8_t)a64_fld(d, 'm');
        d->imm = lsb;
        return is64 ? XOP_extr_x : XOP_extr_w;
    }
    if (own_fn == exec_addsub_shift || own_fn == exec_logic_shift) {
        unsigned type = a64_fld(d, 'h'), amount = a64_fld(d, 'i');
        bool logic = own_fn == exec_logic_shift;
        if ((!logic && type == DP_ROR) || (!is64 && amount >= 32))
            return 0;
        d->r[2] = (uint8_t)a64_fld(d, 'm');
        d->imm = amount | type << 8 | (logic && (arg & LOG_NOT) ? 1u << 16 : 0);
        bool lsl = type == DP_LSL;
        return logic ? logic_fns[arg & LOG_OPMASK][lsl][is64] : addsub_fns[arg][lsl][is64];
    }
    if (own_fn == exec_csel) {
        d->r[2] = (uint8_t)a64_fld(d, 'm');
        d->imm = cond_set(a64_fld(d, 'c'));
        return csel_fns[arg][is64];
    }
    if (own_fn == exec_madd) {
        d->r[2] = (uint8_t)a64_fld(d, 'm');
        d->imm = a64_fld(d, 'a');
        if (arg & MUL_SUB)
            return is64 ? XOP_msub_x : XOP_msub_w;
        return is64 ? XOP_madd_x : XOP_madd_w;
    }
    return 0;
}

static uint8_t select_branch(a64_dec *d, a64_exec_fn own_fn, int arg)
{
    if (own_fn == exec_b_imm) {
        d->imm = (uint64_t)(a64_sfld(d, 'i') * 4);
        return arg ? XOP_bl : XOP_b;
    }
    if (own_fn == exec_b_cond) {
        uint16_t set = cond_set(a64_fld(d, 'c'));
        d->r[0] = (uint8_t)set;
        d->r[1] = (uint8_t)(set >> 8);
        d->imm = (uint64_t)(a64_sfld(d, 'i') * 4);
        return XOP_bcond;
    }
    if (own_fn == exec_cbz) {
        d->r[0] = (uint8_t)a64_fld(d, 't');
        d->imm = (uint64_t)(a64_sfld(d, 'i') * 4);
        if (a64_fld(d, 'f'))
            return arg ? XOP_cbnz_x : XOP_cbz_x;
        return arg ? XOP_cbnz_w : XOP_cbz_w;
    }
    if (own_fn == exec_tbz) {
        d->r[0] = (uint8_t)a64_fld(d, 't');
        d->r[1] = (uint8_t)((a64_fld(d, 'b') << 5) | a64_fld(d, 'j'));
        d->imm = (uint64_t)(a64_sfld(d, 'i') * 4);
        return arg ? XOP_tbnz : XOP_tbz;
    }
    if (own_fn == exec_b_reg) {
        d->r[1] = (uint8_t)a64_fld(d, 'n');
        return arg == 1 ? XOP_blr : XOP_br;
    }
    return 0;
}

static uint8_t select_ldst(a64_dec *d, a64_exec_fn own_fn, int arg)
{
    unsigned size = (unsigned)arg & LS_SIZE_MASK;
    bool sx = arg & (LS_SX64 | LS_SX32);
    int form = -1;
    bool load = false, store = false, pair = false;
    if (own_fn == exec_ldr_uimm || own_fn == exec_ldur)
        load = true, form = 0;
    else if (own_fn == exec_ldr_pre)
        load = true, form = 1;
    else if (own_fn == exec_ldr_post)
        load = true, form = 2;
    else if (own_fn == exec_str_uimm || own_fn == exec_stur)
        store = true, form = 0;
    else if (own_fn == exec_str_pre)
        store = true, form = 1;
    else if (own_fn == exec_str_post)
        store = true, form = 2;
    else if (own_fn == exec_ldp_off || own_fn == exec_stp_off)
        pair = true, load = own_fn == exec_ldp_off, form = 0;
    else if (own_fn == exec_ldp_pre || own_fn == exec_stp_pre)
        pair = true, load = own_fn == exec_ldp_pre, form = 1;
    else if (own_fn == exec_ldp_post || own_fn == exec_stp_post)
        pair = true, load = own_fn == exec_ldp_post, form = 2;
    if (form < 0 || size > LS_X)
        return 0;
    d->r[0] = (uint8_t)a64_fld(d, 't');
    d->r[1] = (uint8_t)a64_fld(d, 'n');
    if (pair) {
        if (sx || (size != LS_W && size != LS_X) || (arg & ~LS_SIZE_MASK))
            return 0;
        d->r[2] = (uint8_t)a64_fld(d, 'u');
        d->imm = (uint64_t)a64_sfld(d, 'i') << size;
        return load ? ldp_fns[size == LS_X][form] : stp_fns[size == LS_X][form];
    }
    if (arg & ~(LS_SIZE_MASK | LS_SX64 | LS_SX32))
        return 0; // acquire/release and other variants keep their own
    d->r[2] = (uint8_t)arg;
    if (own_fn == exec_ldr_uimm || own_fn == exec_str_uimm)
        d->imm = (uint64_t)a64_fld(d, 'i') << size;
    else
        d->imm = (uint64_t)a64_sfld(d, 'i');
    if (store)
        return sx ? 0 : str_fns[size][form];
    return ldr_fns[sx][size][form];
}

void a64_fast_select(a64_dec *d)
{
    const a64_insn_info *row = &a64_insns[d->op];
    if (d->fn != row->fn)
        return; // wrapped (FP/SIMD guard) or replaced (breakpoint)
    uint8_t x = 0;
    switch (row->cls) {
    case CLS_DPIMM: case CLS_DPREG: case CLS_MUL: x = select_dp(d, row->fn, row->arg); break;
    case CLS_BRANCH: x = select_branch(d, row->fn, row->arg); break;
    case CLS_LOAD: case CLS_STORE: x = select_ldst(d, row->fn, row->arg); break;
    default: break;
    }
    if (x) {
        d->fn = xop_fn[x];
        // the run loop inlines it when the row's timing fits its signature
        // (always, for the rows of fast_ops.h's lists); else it calls fn
        d->xop = fits(d, x) ? x : XOP_CALL;
    }
}
