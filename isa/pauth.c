/* isa/pauth.c: pointer authentication (FEAT_PAuth as ARMv8.3 defines it):
 * the QARMA5 ComputePAC, AddPAC/Auth/Strip, and the enables and traps. */
#include "pauth.h"

#include "exception.h"
#include "ldst.h"
#include "regs.h"

/* ---- ComputePAC: QARMA-64 with five rounds and the sigma2 S-box ----
 *
 * The state is sixteen 4-bit cells, cell i being bits [4i+3:4i] (the Arm
 * ARM's numbering, which is the QARMA paper's read from the other end: the
 * permutations below are the Arm ARM's, in that numbering). */

/* PACSub / PACInvSub: QARMA's sigma2, the PRINCE-like S-box, and its
 * inverse (the published test vector in tests/test_pauth.c goes through
 * both, so an error in either fails it). */
static const uint8_t sbox[16] = { 0xb, 0x6, 0x8, 0xf, 0xc, 0x0, 0x9, 0xe,
                                  0x3, 0x7, 0x4, 0x5, 0xd, 0x2, 0x1, 0xa };
static const uint8_t sbox_inv[16] = { 0x5, 0xe, 0xd, 0x8, 0xa, 0xb, 0x1, 0x9,
                                      0x2, 0x6, 0xf, 0x0, 0x4, 0xc, 0x7, 0x3 };

/* PACCellShuffle (QARMA's tau): output cell i is input cell cell_perm[i].
 * PACCellInvShuffle scatters instead of gathering, so needs no table. */
static const uint8_t cell_perm[16] = { 13, 6, 11, 0, 7, 12, 1, 10, 8, 3, 14, 5, 2, 9, 4, 15 };

/* TweakShuffle (QARMA's h on the tweak): output cell i is input cell
 * tweak_perm[i], and the output cells in TWEAK_LFSR_CELLS also go through
 * the LFSR omega (TweakCellRot). */
static const uint8_t tweak_perm[16] = { 4, 5, 6, 7, 11, 2, 3, 8, 12, 13, 14, 15, 0, 1, 10, 9 };
#define TWEAK_LFSR_CELLS 0xd894u /* cells 2, 4, 7, 11, 12, 14 and 15 */

/* The round constants RC[0..4] (digits of pi, as QARMA takes them) and the
 * reflection constant alpha. */
static const uint64_t round_const[5] = {
    UINT64_C(0x0000000000000000), UINT64_C(0x13198A2E03707344), UINT64_C(0xA4093822299F31D0),
    UINT64_C(0x082EFA98EC4E6C89), UINT64_C(0x452821E638D01377),
};
#define QARMA_ALPHA UINT64_C(0xC0AC29B7C97C50DD)
#define QARMA_ROUNDS 5

static inline unsigned cell(uint64_t x, unsigned i) { return (unsigned)(x >> (4 * i)) & 0xf; }

static uint64_t sub_cells(uint64_t x, const uint8_t box[16])
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++)
        out |= (uint64_t)box[cell(x, i)] << (4 * i);
    return out;
}

static uint64_t cell_shuffle(uint64_t x)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++)
        out |= (uint64_t)cell(x, cell_perm[i]) << (4 * i);
    return out;
}

static uint64_t cell_inv_shuffle(uint64_t x)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++)
        out |= (uint64_t)cell(x, i) << (4 * cell_perm[i]);
    return out;
}

/* TweakCellRot (omega): shift right, bit 3 = bit 0 XOR bit 1; and back. */
static unsigned tweak_cell_rot(unsigned c) { return (c >> 1) | (((c ^ (c >> 1)) & 1u) << 3); }
static unsigned tweak_cell_inv_rot(unsigned c) { return ((c << 1) & 0xfu) | ((c ^ (c >> 3)) & 1u); }

static uint64_t tweak_shuffle(uint64_t x)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++) {
        unsigned v = cell(x, tweak_perm[i]);
        if (TWEAK_LFSR_CELLS >> i & 1)
            v = tweak_cell_rot(v);
        out |= (uint64_t)v << (4 * i);
    }
    return out;
}

static uint64_t tweak_inv_shuffle(uint64_t x)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < 16; i++) {
        unsigned v = cell(x, i);
        if (TWEAK_LFSR_CELLS >> i & 1)
            v = tweak_cell_inv_rot(v);
        out |= (uint64_t)v << (4 * tweak_perm[i]);
    }
    return out;
}

/* Every cell rotated left by n (1 or 2) bits. */
static inline uint64_t rot_cells(uint64_t x, unsigned n)
{
    uint64_t low = UINT64_C(0x1111111111111111) * ((1u << n) - 1); // the n low bits of a cell
    return ((x << n) & ~low) | ((x >> (4 - n)) & low);
}

static inline uint64_t ror64(uint64_t x, unsigned n) { return (x >> n) | (x << (64 - n)); }

/* PACMult: QARMA's MixColumns with M = circ(0, rho, rho^2, rho), its own
 * inverse. Cells 4r..4r+3 form row r (bits [16r+15:16r]); output row r is
 * rho(row r+1) ^ rho^2(row r+2) ^ rho(row r+3), rows counted mod 4, which
 * rotating the whole state by 16, 32 and 48 bits lines up. */
static uint64_t mult(uint64_t x)
{
    return rot_cells(ror64(x, 16), 1) ^ rot_cells(ror64(x, 32), 2) ^ rot_cells(ror64(x, 48), 1);
}

uint64_t pauth_compute_pac(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    // modk0 = key0<0>:key0<63:2>:(key0<63> EOR key0<1>): QARMA's orthomorphism
    uint64_t modk0 = (key0 << 63) | ((key0 >> 2) << 1) | (((key0 >> 63) ^ (key0 >> 1)) & 1);
    uint64_t tweak = modifier;
    uint64_t w = data ^ key0;

    // forward rounds
    for (unsigned i = 0; i < QARMA_ROUNDS; i++) {
        w ^= key1 ^ tweak ^ round_const[i];
        if (i > 0)
            w = mult(cell_shuffle(w));
        w = sub_cells(w, sbox);
        tweak = tweak_shuffle(tweak);
    }
    // the central reflection
    w ^= modk0 ^ tweak;
    w = mult(cell_shuffle(w));
    w = sub_cells(w, sbox);
    w = mult(cell_shuffle(w));
    w ^= key1;
    w = cell_inv_shuffle(w);
    w = sub_cells(w, sbox_inv);
    w = mult(w);
    w = cell_inv_shuffle(w);
    w ^= key0 ^ tweak;
    // backward rounds
    for (unsigned i = 0; i < QARMA_ROUNDS; i++) {
        w = sub_cells(w, sbox_inv);
        if (i < QARMA_ROUNDS - 1)
            w = cell_inv_shuffle(mult(w));
        tweak = tweak_inv_shuffle(tweak);
        w ^= round_const[QARMA_ROUNDS - 1 - i] ^ key1 ^ tweak ^ QARMA_ALPHA;
    }
    return w ^ modk0;
}

/* ---- AddPAC, Auth, Strip ---- */

/* Bits [hi:lo], hi >= lo. */
static inline uint64_t bits_mask(unsigned hi, unsigned lo)
{
    return (~UINT64_C(0) >> (63 - hi)) & (~UINT64_C(0) << lo);
}

/* The pointer with its PAC field (bits [63 or 55 : bottom], bit 55 too)
 * filled with the extension bit: what the PAC was computed over. */
static uint64_t extended(uint64_t ptr, const pauth_layout *l)
{
    uint64_t field = bits_mask(l->tbi ? 55 : 63, l->bottom);
    return (ptr & ~field) | (l->sel ? field : 0);
}

uint64_t pauth_add_pac(uint64_t ptr, uint64_t modifier, uint64_t key_hi, uint64_t key_lo,
                       const pauth_layout *l)
{
    unsigned top = l->tbi ? 55 : 63;
    uint64_t pac = pauth_compute_pac(extended(ptr, l), modifier, key_hi, key_lo);
    // a pointer whose extension bits are not all equal gets a PAC that
    // cannot authenticate: one PAC bit flipped (ARMv8.3, no EnhancedPAC)
    uint64_t ext = ptr & bits_mask(top, l->bottom);
    if (ext != 0 && ext != bits_mask(top, l->bottom))
        pac ^= UINT64_C(1) << (top - 1);
    // bit 55 keeps the range selector; with TBI the top byte stays the
    // pointer's, without it the PAC fills it too
    uint64_t pac_field = bits_mask(54, l->bottom) | (l->tbi ? 0 : bits_mask(63, 56));
    uint64_t keep = ~(pac_field | (UINT64_C(1) << 55));
    return (ptr & keep) | (pac & pac_field) | ((uint64_t)l->sel << 55);
}

uint64_t pauth_auth(uint64_t ptr, uint64_t modifier, uint64_t key_hi, uint64_t key_lo,
                    unsigned key_number, const pauth_layout *l)
{
    uint64_t original = extended(ptr, l);
    uint64_t pac = pauth_compute_pac(original, modifier, key_hi, key_lo);
    uint64_t checked = bits_mask(54, l->bottom) | (l->tbi ? 0 : bits_mask(63, 56));
    if (!((pac ^ ptr) & checked))
        return original;
    // failure: error_code = key_number:NOT(key_number) just below the
    // pointer's top bit (54:53 with TBI, 62:61 without), so the pointer is
    // no longer canonical and faults when used
    uint64_t code = ((uint64_t)(key_number & 1) << 1) | (~key_number & 1u);
    unsigned at = l->tbi ? 53 : 61;
    return (original & ~(UINT64_C(3) << at)) | (code << at);
}

uint64_t pauth_strip(uint64_t ptr, const pauth_layout *l) { return extended(ptr, l); }

/* CalculateBottomPACBit's TxSZ limits: no FEAT_TTST (39) and no FEAT_LVA
 * (16). TxSZ outside them is CONSTRAINED UNPREDICTABLE: this model takes
 * the Constraint_FORCE choice, so TCR's reset value (TxSZ = 0) means a
 * 48-bit VA and bottom PAC bit 48. */
#define TSZ_MIN 16
#define TSZ_MAX 39

pauth_layout a64_pac_layout(const a64_cpu *c, uint64_t ptr, bool data, bool for_add)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    bool e2h = (c->feat & FEAT_BIT(FEAT_VHE)) && (hcr & HCR_EL2_E2H);
    bool el2_regime = c->ps.el == A64_EL2 || (c->ps.el == A64_EL0 && ls_in_host(c));
    bool bit55 = (ptr >> 55) & 1, bit63 = ptr >> 63;
    pauth_layout l;
    unsigned tsz;
    if (!el2_regime || e2h) {
        // a regime with two VA ranges: TCR_EL1's layout (TCR_EL2's with E2H)
        uint64_t tcr = c->sr[el2_regime ? SR_TCR_EL2 : SR_TCR_EL1];
        bool tbi = tcr & (bit55 ? TCR_TBI1 : TCR_TBI0);
        bool tbid = tcr & (bit55 ? TCR_TBID1 : TCR_TBID0);
        l.tbi = tbi && !(tbid && !data); // TBIDx: TBI for data addresses only
        l.sel = bit55;
        if (for_add) {
            // AddPAC keeps bit 55 as the selector when either range uses
            // TBI for this kind of address, else takes bit 63
            bool any;
            if (data)
                any = tcr & (TCR_TBI0 | TCR_TBI1);
            else
                any = ((tcr & TCR_TBI1) && !(tcr & TCR_TBID1)) || ((tcr & TCR_TBI0) && !(tcr & TCR_TBID0));
            l.sel = any ? bit55 : bit63;
        }
        tsz = (unsigned)(tcr >> (l.sel ? TCR_T1SZ_SHIFT : TCR_T0SZ_SHIFT)) & TCR_TxSZ_MASK;
    } else {
        // EL2 without E2H: one range, TCR_EL2.T0SZ, TBI and TBID
        uint64_t tcr = c->sr[SR_TCR_EL2];
        l.tbi = (tcr & TCR_EL2_TBI) && !((tcr & TCR_EL2_TBID) && !data);
        l.sel = for_add && !l.tbi ? bit63 : bit55;
        tsz = (unsigned)tcr & TCR_TxSZ_MASK;
    }
    if (tsz < TSZ_MIN)
        tsz = TSZ_MIN;
    if (tsz > TSZ_MAX)
        tsz = TSZ_MAX;
    l.bottom = (uint8_t)(64 - tsz);
    return l;
}

/* ---- the instructions' view: keys, enables, traps ---- */

static const uint16_t key_lo[4] = { SR_APIAKeyLo_EL1, SR_APIBKeyLo_EL1, SR_APDAKeyLo_EL1,
                                    SR_APDBKeyLo_EL1 };
static const uint16_t key_hi[4] = { SR_APIAKeyHi_EL1, SR_APIBKeyHi_EL1, SR_APDAKeyHi_EL1,
                                    SR_APDBKeyHi_EL1 };
static const uint64_t key_enable[4] = { SCTLR_EnIA, SCTLR_EnIB, SCTLR_EnDA, SCTLR_EnDB };

/* TrapEL2 of AddPAC*, Auth*, Strip and AddPACGA: with EL2 and
 * HCR_EL2.API = 0, EL1 traps, and EL0 unless it runs in the EL2&0 host
 * regime (E2H and TGE). No EL3 is modelled, so no SCR_EL3.API trap. */
static bool pac_trapped(a64_cpu *c)
{
    if (!(c->feat & FEAT_BIT(FEAT_EL2)) || c->ps.el >= A64_EL2 || (c->sr[SR_HCR_EL2] & HCR_EL2_API))
        return false;
    if (c->ps.el == A64_EL0 && ls_in_host(c))
        return false;
    a64_raise(c, A64_EL2, syn_pac_trap(), c->pc); // TrapPACUse: ELR = this instruction
    return true;
}

bool a64_pac_add(a64_cpu *c, unsigned key, uint64_t ptr, uint64_t modifier, uint64_t *out)
{
    key &= PA_KEY_MASK;
    // the enable comes first: a disabled key is a NOP even where API traps
    if (!(ls_sctlr(c) & key_enable[key])) {
        *out = ptr;
        return true;
    }
    if (pac_trapped(c))
        return false;
    pauth_layout l = a64_pac_layout(c, ptr, key & PA_DATA, true);
    *out = pauth_add_pac(ptr, modifier, c->sr[key_hi[key]], c->sr[key_lo[key]], &l);
    return true;
}

bool a64_pac_auth(a64_cpu *c, unsigned key, uint64_t ptr, uint64_t modifier, uint64_t *out)
{
    key &= PA_KEY_MASK;
    if (!(ls_sctlr(c) & key_enable[key])) {
        *out = ptr;
        return true;
    }
    if (pac_trapped(c))
        return false;
    pauth_layout l = a64_pac_layout(c, ptr, key & PA_DATA, false);
    *out = pauth_auth(ptr, modifier, c->sr[key_hi[key]], c->sr[key_lo[key]], key & PA_KEY_B, &l);
    return true;
}

bool a64_pac_strip(a64_cpu *c, bool data, uint64_t ptr, uint64_t *out)
{
    // Strip has no enable: only the trap
    if (pac_trapped(c))
        return false;
    pauth_layout l = a64_pac_layout(c, ptr, data, false);
    *out = pauth_strip(ptr, &l);
    return true;
}

bool a64_pac_generic(a64_cpu *c, uint64_t x, uint64_t modifier, uint64_t *out)
{
    if (pac_trapped(c))
        return false;
    uint64_t pac = pauth_compute_pac(x, modifier, c->sr[SR_APGAKeyHi_EL1], c->sr[SR_APGAKeyLo_EL1]);
    *out = pac & ~UINT64_C(0xffffffff); // ComputePAC()<63:32>:Zeros(32)
    return true;
}
