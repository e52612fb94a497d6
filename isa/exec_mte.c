/* isa/exec_mte.c: the memory-tagging instructions (FEAT_MTE/FEAT_MTE2): tag
 * generation and arithmetic, tag loads and stores, DC GVA/GZVA, MSR TCO.
 *
 * No Tag Check ever fails, because none is made. An access is Tag Checked
 * only when its stage-1 attributes say Tagged Normal memory (MAIR 0xf0),
 * and elsim models no stage-1 translation (VA = PA, MMU off); so
 * SCTLR_ELx.TCF, TFSR_ELx and PSTATE.TCO have no effect. Allocation tags
 * are still stored and loaded by these instructions: every RAM granule
 * holds one, as if RAM were Tagged Normal memory (elsim treats all RAM as
 * Normal), so software can set tags and read them back. Device memory
 * (whatever the bus does not back with RAM) is not Tagged: a tag write to
 * it is ignored and a tag read gives 0, as the Arm ARM's AArch64.MemTag[]
 * does for untagged memory. */
#include "ldst.h"
#include "mte_tags.h"
#include "pstate.h"

#define TAG_SHIFT 56
#define TAG_MASK (UINT64_C(0xf) << TAG_SHIFT)
#define TOP_BYTE_MASK (UINT64_C(0xff) << TAG_SHIFT)

#define SCTLR_DZE BIT64(14)
#define SCTLR_ATA0 BIT64(42)
#define SCTLR_ATA BIT64(43)
#define TCR_EL2_TBI BIT64(20) /* TCR_EL2 without E2H: one VA range */
#define TCR_TBI0 BIT64(37)
#define TCR_TBI1 BIT64(38)
#define GCR_EXCLUDE_MASK 0xffffu
#define GCR_RRND BIT64(16)
#define RGSR_TAG_MASK 0xfu
#define RGSR_SEED_SHIFT 8
#define RGSR_SEED_MASK 0xffffu
#define BS_MASK 0xfu /* GMID_EL1.BS, DCZID_EL0.BS: log2 of the block in words */

/* AArch64.AllocationTagFromAddress: the logical tag, bits [59:56]. */
static unsigned tag_of(uint64_t x) { return (unsigned)(x >> TAG_SHIFT) & 0xf; }

static uint64_t with_tag(uint64_t x, unsigned tag)
{
    return (x & ~TAG_MASK) | ((uint64_t)tag << TAG_SHIFT);
}

static bool host_regime(const a64_cpu *c)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    return (c->feat & FEAT_BIT(FEAT_VHE)) && (hcr & HCR_EL2_E2H) && (hcr & HCR_EL2_TGE);
}

/* AArch64.AllocationTagAccessIsEnabled(PSTATE.EL). EL3 is the firmware
 * model, taken to leave SCR_EL3.ATA = 1; "EL2 enabled" is "has EL2", as
 * for every other EL2 control in elsim. */
static bool tag_access_enabled(const a64_cpu *c)
{
    uint64_t hcr = c->sr[SR_HCR_EL2];
    bool host = host_regime(c);
    switch (c->ps.el) {
    case A64_EL0:
    case A64_EL1:
        if ((c->feat & FEAT_BIT(FEAT_EL2)) && !host && !(hcr & HCR_EL2_ATA))
            return false;
        if (c->ps.el == A64_EL1)
            return c->sr[SR_SCTLR_EL1] & SCTLR_ATA;
        return c->sr[host ? SR_SCTLR_EL2 : SR_SCTLR_EL1] & SCTLR_ATA0;
    case A64_EL2:
        return c->sr[SR_SCTLR_EL2] & SCTLR_ATA;
    default:
        return true;
    }
}

/* AArch64.AddressWithAllocationTag: tag access disabled inserts 0. */
static uint64_t address_with_tag(const a64_cpu *c, uint64_t x, unsigned tag)
{
    return with_tag(x, tag_access_enabled(c) ? tag : 0);
}

/* AArch64.ChooseNonExcludedTag: `offset` steps on from `tag`, skipping
 * excluded tags (with offset 0, the first non-excluded tag from `tag`). */
static unsigned choose_tag(unsigned tag, unsigned offset, unsigned exclude)
{
    if ((exclude & 0xffff) == 0xffff)
        return 0;
    if (!offset)
        while (exclude & (1u << tag))
            tag = (tag + 1) & 0xf;
    for (; offset; offset--) {
        tag = (tag + 1) & 0xf;
        while (exclude & (1u << tag))
            tag = (tag + 1) & 0xf;
    }
    return tag;
}

/* AArch64.RandomTag from NextRandomTagBit: four steps of the 16-bit LFSR
 * in RGSR_EL1.SEED (taps 5, 3, 2, 0, shifting in at bit 15), the first
 * bit out the tag's bit 0. */
static unsigned random_tag(unsigned *seed)
{
    unsigned tag = 0, lfsr = *seed;
    for (unsigned i = 0; i < 4; i++) {
        unsigned top = ((lfsr >> 5) ^ (lfsr >> 3) ^ (lfsr >> 2) ^ lfsr) & 1;
        lfsr = (top << 15) | (lfsr >> 1);
        tag |= top << i;
    }
    *seed = lfsr;
    return tag;
}

/* AddrTop: whether the top byte of a data address is ignored (TBI) in the
 * current translation regime: TCR_EL1.TBI0/TBI1, or TCR_EL2's (one range
 * without E2H). This applies with stage 1 off too, so an MTE instruction
 * given a tagged pointer with TBI set reaches the untagged address. */
static bool top_byte_ignored(const a64_cpu *c, uint64_t va)
{
    bool upper = (va >> 55) & 1;
    if (c->ps.el == A64_EL2 || (c->ps.el == A64_EL0 && host_regime(c))) {
        uint64_t tcr = c->sr[SR_TCR_EL2];
        if (!ls_in_host(c)) // EL2 without E2H
            return tcr & TCR_EL2_TBI;
        return tcr & (upper ? TCR_TBI1 : TCR_TBI0);
    }
    return c->sr[SR_TCR_EL1] & (upper ? TCR_TBI1 : TCR_TBI0);
}

/* The address an MTE instruction's memory access (data and tags) goes to:
 * VA = PA, less the top byte when TBI ignores it. (Other loads and stores
 * in elsim do not model TBI yet.) */
static uint64_t mt_pa(const a64_cpu *c, uint64_t va)
{
    return top_byte_ignored(c, va) ? va & ~TOP_BYTE_MASK : va;
}

/* Tagged memory: what the bus backs with RAM. A lookup for reading has
 * no side effect, unlike a device access, so it is safe for a probe. */
static bool tagged(a64_cpu *c, uint64_t pa)
{
    return c->bus->host_page(c->bus->ctx, pa & A64_PAGE_MASK, false) != NULL;
}

/* AArch64.MemTag[] read: 0 with tag access disabled or untagged memory. */
static unsigned mem_tag(a64_cpu *c, uint64_t pa)
{
    if (!tag_access_enabled(c) || !tagged(c, pa))
        return 0;
    return a64_tags_get(c->tags, pa);
}

/* AArch64.MemTag[] write; a host out of memory loses the tag (the store
 * keeps no partial state: the granule still reads its old tag). */
static void set_mem_tag(a64_cpu *c, uint64_t pa, unsigned tag)
{
    if (tag_access_enabled(c) && tagged(c, pa))
        (void)a64_tags_set(&c->tags, pa, tag);
}

/* Zero `len` bytes at pa (a data store: faults as one). */
static bool zero_data(a64_cpu *c, uint64_t pa, unsigned len)
{
    static const uint8_t zeros[256];
    for (unsigned off = 0; off < len; off += sizeof zeros) {
        unsigned n = len - off < sizeof zeros ? len - off : (unsigned)sizeof zeros;
        if (!a64_mem_write(c, pa + off, n, zeros))
            return false;
    }
    return true;
}

/* [Xn|SP, #off], [Xn|SP, #off]! or [Xn|SP], #off, after CheckSPAlignment
 * on an SP base. */
static bool mt_addr(a64_cpu *c, const a64_dec *d, int64_t off, unsigned form, ls_addr *a)
{
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    a->wb = base + (uint64_t)off;
    a->va = form == MT_POST ? base : a->wb;
    a->wback = form != MT_OFF;
    return true;
}

/* Tag stores need a granule-aligned address whatever SCTLR_ELx.A says. */
static bool granule_aligned(a64_cpu *c, uint64_t va)
{
    if (!(va & (MTE_TAG_GRANULE - 1)))
        return true;
    a64_data_abort(c, va, true, FSC_ALIGNMENT);
    return false;
}

/* ---- data processing ---- */

/* IRG Xd|SP, Xn|SP{, Xm}: Xn with a random tag not excluded by Xm<15:0>
 * or GCR_EL1.Exclude. GCR_EL1.RRND = 1 asks for an IMPLEMENTATION
 * DEFINED generator and leaves RGSR_EL1 UNKNOWN: elsim uses the same LFSR
 * (runs stay reproducible), from seed 1 when software left it 0, since a
 * zero LFSR only ever gives offset 0. */
void exec_irg(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    uint64_t operand = a64_xsp(c, a64_fld(d, 'n'));
    uint64_t gcr = c->sr[SR_GCR_EL1];
    unsigned exclude = (unsigned)((a64_x(c, a64_fld(d, 'm')) | gcr) & GCR_EXCLUDE_MASK);
    unsigned rtag = 0;
    if (tag_access_enabled(c)) {
        uint64_t rgsr = c->sr[SR_RGSR_EL1];
        unsigned seed = (unsigned)(rgsr >> RGSR_SEED_SHIFT) & RGSR_SEED_MASK;
        if ((gcr & GCR_RRND) && !seed)
            seed = 1;
        unsigned offset = random_tag(&seed);
        rtag = choose_tag((unsigned)rgsr & RGSR_TAG_MASK, offset, exclude);
        c->sr[SR_RGSR_EL1] = ((uint64_t)seed << RGSR_SEED_SHIFT) | rtag;
    }
    a64_set_xsp(c, a64_fld(d, 'd'), with_tag(operand, rtag));
}

/* GMI Xd, Xn|SP, Xm: Xm with the bit of Xn's tag set. */
void exec_gmi(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    unsigned tag = tag_of(a64_xsp(c, a64_fld(d, 'n')));
    a64_set_x(c, a64_fld(d, 'd'), a64_x(c, a64_fld(d, 'm')) | (UINT64_C(1) << tag));
}

/* ADDG/SUBG Xd|SP, Xn|SP, #uimm6 * 16, #uimm4: the address moved by whole
 * granules, its tag moved by uimm4 non-excluded steps (GCR_EL1.Exclude). */
void exec_addg(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    uint64_t operand = a64_xsp(c, a64_fld(d, 'n'));
    uint64_t offset = (uint64_t)a64_fld(d, 'i') << MTE_LOG2_TAG_GRANULE;
    unsigned rtag = 0;
    if (tag_access_enabled(c))
        rtag = choose_tag(tag_of(operand), a64_fld(d, 'j'),
                          (unsigned)c->sr[SR_GCR_EL1] & GCR_EXCLUDE_MASK);
    uint64_t result = a64_arg(d) == MT_SUB ? operand - offset : operand + offset;
    a64_set_xsp(c, a64_fld(d, 'd'), address_with_tag(c, result, rtag));
}

/* SUBP/SUBPS Xd, Xn|SP, Xm|SP: the difference of two 56-bit addresses,
 * each sign-extended from bit 55 (the tag byte ignored). CMPP is SUBPS
 * with Xd = XZR. */
void exec_subp(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    uint64_t x = ls_sext(a64_xsp(c, a64_fld(d, 'n')), 56);
    uint64_t y = ls_sext(a64_xsp(c, a64_fld(d, 'm')), 56);
    uint32_t nzcv;
    uint64_t r = a64_add_with_carry(x, ~y, 1, true, &nzcv);
    if (a64_arg(d) == MT_SETFLAGS)
        c->ps.nzcv = nzcv;
    a64_set_x(c, a64_fld(d, 'd'), r);
}

/* ---- tag loads and stores ---- */

/* STG, STZG, ST2G, STZ2G Xt|SP, [Xn|SP...]: Xt's tag into one or two
 * granules, the Z forms zeroing their data first (a data fault stops the
 * instruction before any tag is written or Xn is written back). */
void exec_stg(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    int arg = a64_arg(d);
    ls_addr a;
    if (!mt_addr(c, d, a64_sfld(d, 'i') * MTE_TAG_GRANULE, (unsigned)arg & MT_FORM_MASK, &a))
        return;
    unsigned tag = tag_of(a64_xsp(c, a64_fld(d, 't')));
    unsigned granules = (arg & MT_PAIR) ? 2 : 1;
    if (!granule_aligned(c, a.va))
        return;
    uint64_t pa = mt_pa(c, a.va);
    if ((arg & MT_ZERO) && !zero_data(c, pa, granules * MTE_TAG_GRANULE))
        return;
    for (unsigned i = 0; i < granules; i++)
        set_mem_tag(c, pa + i * MTE_TAG_GRANULE, tag);
    if (a.wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a.wb);
}

/* STGP Xt, Xt2, [Xn|SP...]: 16 bytes of data, then the granule's tag from
 * the address itself. Xt and Xt2 are read before the write-back. */
void exec_stgp(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    ls_addr a;
    if (!mt_addr(c, d, a64_sfld(d, 'i') * MTE_TAG_GRANULE, (unsigned)a64_arg(d), &a))
        return;
    uint64_t data[2] = { a64_x(c, a64_fld(d, 't')), a64_x(c, a64_fld(d, 'u')) };
    if (!granule_aligned(c, a.va))
        return;
    uint64_t pa = mt_pa(c, a.va);
    if (!a64_mem_write(c, pa, sizeof data, data))
        return;
    set_mem_tag(c, pa, tag_of(a.va));
    if (a.wback)
        a64_set_xsp(c, a64_fld(d, 'n'), a.wb);
}

/* LDG Xt, [Xn|SP, #simm]: the tag of the granule holding the address
 * (aligned down, so never an alignment fault) into Xt<59:56>; the rest of
 * Xt is kept. */
void exec_ldg(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    ls_addr a;
    if (!mt_addr(c, d, a64_sfld(d, 'i') * MTE_TAG_GRANULE, MT_OFF, &a))
        return;
    uint64_t pa = mt_pa(c, a.va) & ~(uint64_t)(MTE_TAG_GRANULE - 1);
    unsigned t = a64_fld(d, 't');
    a64_set_x(c, t, address_with_tag(c, a64_x(c, t), mem_tag(c, pa)));
}

/* The EL1-and-up block forms: UNDEFINED at EL0; the block address is
 * Xn|SP aligned down to `size`. */
static bool block_addr(a64_cpu *c, const a64_dec *d, unsigned size, uint64_t *pa)
{
    if (!ls_have(c, FEAT_MTE))
        return false;
    if (c->ps.el == A64_EL0) {
        a64_undefined(c);
        return false;
    }
    uint64_t base;
    if (!ls_base(c, a64_fld(d, 'n'), &base))
        return false;
    *pa = mt_pa(c, base) & ~(uint64_t)(size - 1);
    return true;
}

static unsigned gm_block(const a64_cpu *c) { return 4u << (c->sr[SR_GMID_EL1] & BS_MASK); }
static unsigned dcz_block(const a64_cpu *c) { return 4u << (c->sr[SR_DCZID_EL0] & BS_MASK); }

/* LDGM Xt, [Xn|SP]: the tags of a GMID_EL1.BS block into Xt, granule i of
 * a 256-byte-aligned region at bits [4i+3:4i]; the other bits are 0. */
void exec_ldgm(a64_cpu *c, const a64_dec *d)
{
    unsigned size = gm_block(c);
    uint64_t pa;
    if (!block_addr(c, d, size, &pa))
        return;
    uint64_t data = 0;
    for (unsigned off = 0; off < size; off += MTE_TAG_GRANULE) {
        unsigned index = (unsigned)((pa + off) >> MTE_LOG2_TAG_GRANULE) & 0xf;
        data |= (uint64_t)mem_tag(c, pa + off) << (4 * index);
    }
    a64_set_x(c, a64_fld(d, 't'), data);
}

/* STGM Xt, [Xn|SP]: the reverse of LDGM. */
void exec_stgm(a64_cpu *c, const a64_dec *d)
{
    unsigned size = gm_block(c);
    uint64_t pa;
    if (!block_addr(c, d, size, &pa))
        return;
    uint64_t data = a64_x(c, a64_fld(d, 't'));
    for (unsigned off = 0; off < size; off += MTE_TAG_GRANULE) {
        unsigned index = (unsigned)((pa + off) >> MTE_LOG2_TAG_GRANULE) & 0xf;
        set_mem_tag(c, pa + off, (unsigned)(data >> (4 * index)) & 0xf);
    }
}

/* STZGM Xt, [Xn|SP]: zero a DCZID_EL0.BS block and give every granule of
 * it the tag Xt<3:0>. */
void exec_stzgm(a64_cpu *c, const a64_dec *d)
{
    unsigned size = dcz_block(c);
    uint64_t pa;
    if (!block_addr(c, d, size, &pa))
        return;
    unsigned tag = (unsigned)a64_x(c, a64_fld(d, 't')) & 0xf;
    if (!zero_data(c, pa, size))
        return;
    for (unsigned off = 0; off < size; off += MTE_TAG_GRANULE)
        set_mem_tag(c, pa + off, tag);
}

/* ---- system instructions ---- */

/* DC GVA / DC GZVA Xt: the tag of Xt<59:56> into every granule of the
 * DCZID_EL0.BS block holding Xt, GZVA zeroing the block as DC ZVA does.
 * They are enabled and trapped as DC ZVA is: at EL0 by SCTLR_ELx.DZE (else
 * EC 0x18 to EL1, or EL2 in the host regime), and at EL0/EL1 by
 * HCR_EL2.TDZ (to EL2). */
void exec_dc_gva(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    unsigned t = a64_fld(d, 't');
    uint32_t trap = syn_sysreg(1, 3, 7, 4, a64_arg(d) == MT_ZERO ? 4 : 3, t, false);
    if (c->ps.el == A64_EL0 && !(ls_sctlr(c) & SCTLR_DZE)) {
        a64_raise(c, a64_sync_target_el(c), trap, c->pc);
        return;
    }
    if (c->ps.el <= A64_EL1 && (c->feat & FEAT_BIT(FEAT_EL2)) && !host_regime(c) &&
        (c->sr[SR_HCR_EL2] & HCR_EL2_TDZ)) {
        a64_raise(c, A64_EL2, trap, c->pc);
        return;
    }
    uint64_t xt = a64_x(c, t);
    unsigned size = dcz_block(c);
    uint64_t pa = mt_pa(c, xt) & ~(uint64_t)(size - 1);
    if (a64_arg(d) == MT_ZERO && !zero_data(c, pa, size))
        return;
    for (unsigned off = 0; off < size; off += MTE_TAG_GRANULE)
        set_mem_tag(c, pa + off, tag_of(xt));
}

/* MSR TCO, #imm: PSTATE.TCO, at any EL (it would suppress Tag Checks,
 * which elsim never makes). */
void exec_msr_tco(a64_cpu *c, const a64_dec *d)
{
    if (!ls_have(c, FEAT_MTE))
        return;
    c->ps.tco = a64_fld(d, 'm') & 1;
}
