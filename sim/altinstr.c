/* sim/altinstr.c: applying a Linux image's alternatives. The replacement is
 * copied over the original sequence; a PC-relative branch or ADRP in it that
 * reaches outside the replacement is re-encoded for its new address (a
 * branch inside the sequence moves with it and keeps its offset). */
#include "altinstr.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"

bool alt_read(sim_machine *m, uint64_t start, uint64_t end, size_t i, alt_entry *e)
{
    uint64_t a = start + i * ALT_ENTRY_SIZE;
    uint8_t raw[ALT_ENTRY_SIZE];
    if (a + ALT_ENTRY_SIZE > end || !mem_read(&m->mem, a, raw, sizeof raw))
        return false;
    int32_t orig_off, alt_off;
    memcpy(&orig_off, raw, 4);
    memcpy(&alt_off, raw + 4, 4);
    // each offset is relative to its own field
    e->orig = a + (uint64_t)(int64_t)orig_off;
    e->alt = a + 4 + (uint64_t)(int64_t)alt_off;
    memcpy(&e->cap, raw + 8, 2);
    e->orig_len = raw[10];
    e->alt_len = raw[11];
    return true;
}

static int64_t sext(uint64_t v, unsigned bits)
{
    uint64_t m = UINT64_C(1) << (bits - 1);
    v &= (m << 1) - 1;
    return (int64_t)(v ^ m) - (int64_t)m;
}

/* A PC-relative immediate field: where it sits, how wide, its scale. */
typedef struct pcrel {
    unsigned lsb, bits, shift;
} pcrel;

static bool branch_field(uint32_t insn, pcrel *f)
{
    if ((insn & 0x7c000000u) == 0x14000000u) // B, BL
        *f = (pcrel){ 0, 26, 2 };
    else if ((insn & 0xff000010u) == 0x54000000u || (insn & 0x7e000000u) == 0x34000000u)
        *f = (pcrel){ 5, 19, 2 }; // B.cond, CBZ/CBNZ
    else if ((insn & 0x7e000000u) == 0x36000000u)
        *f = (pcrel){ 5, 14, 2 }; // TBZ/TBNZ
    else
        return false;
    return true;
}

/* The replacement instruction at `from` as it must read at `to`; false when
 * the new offset does not fit (the kernel would refuse to boot). */
static bool relocate(uint32_t *insn, uint64_t from, uint64_t to, uint64_t alt, uint64_t alt_end)
{
    pcrel f;
    if (branch_field(*insn, &f)) {
        uint32_t mask = ((1u << f.bits) - 1) << f.lsb;
        uint64_t target = from + ((uint64_t)sext((*insn & mask) >> f.lsb, f.bits) << f.shift);
        if (target >= alt && target < alt_end)
            return true; // stays inside the sequence: moves with it
        int64_t off = (int64_t)(target - to) >> f.shift;
        if (off != sext((uint64_t)off, f.bits))
            return false;
        *insn = (*insn & ~mask) | (((uint32_t)off << f.lsb) & mask);
        return true;
    }
    if ((*insn & 0x9f000000u) == 0x90000000u) { // ADRP: 4 KiB pages
        uint64_t imm = ((*insn >> 29) & 3) | (((*insn >> 5) & 0x7ffff) << 2);
        uint64_t page = (from & ~UINT64_C(0xfff)) + ((uint64_t)sext(imm, 21) << 12);
        int64_t pages = (int64_t)(page - (to & ~UINT64_C(0xfff))) >> 12;
        if (pages != sext((uint64_t)pages, 21))
            return false;
        uint32_t u = (uint32_t)pages;
        *insn = (*insn & 0x9f00001fu) | ((u & 3) << 29) | (((u >> 2) & 0x7ffff) << 5);
    }
    return true;
}

static bool has_cap(const uint16_t *caps, size_t n, uint16_t cap)
{
    for (size_t i = 0; i < n; i++)
        if (caps[i] == cap)
            return true;
    return false;
}

/* Name each callback once: the table lists one entry per patched site. */
typedef struct cb_seen {
    uint64_t fn[ALT_MAX_CALLBACKS];
    size_t count[ALT_MAX_CALLBACKS], n;
} cb_seen;

static void note_callback(cb_seen *s, uint64_t fn)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->fn[i] == fn) {
            s->count[i]++;
            return;
        }
    if (s->n < ALT_MAX_CALLBACKS) {
        s->fn[s->n] = fn;
        s->count[s->n++] = 1;
    }
}

static bool patch(sim_machine *m, const alt_entry *e, char *err, size_t len)
{
    // ALTERNATIVE() pads both sides to one length; never write past the original
    size_t n = (e->alt_len < e->orig_len ? e->alt_len : e->orig_len) / 4;
    for (size_t k = 0; k < n; k++) {
        uint32_t insn;
        uint64_t from = e->alt + 4 * k, to = e->orig + 4 * k;
        if (!mem_read(&m->mem, from, &insn, 4) ||
            !relocate(&insn, from, to, e->alt, e->alt + e->alt_len) ||
            !mem_write(&m->mem, to, &insn, 4)) {
            snprintf(err, len, "alternative at 0x%" PRIx64 " (capability %u): cannot patch", e->orig,
                     e->cap);
            return false;
        }
    }
    a64_code_written(&m->cpu, e->orig, 4 * n);
    return true;
}

bool alt_apply(sim_machine *m, uint64_t start, uint64_t end, const uint16_t *caps, size_t ncaps,
               alt_stats *st, char *err, size_t len)
{
    cb_seen *seen = calloc(1, sizeof *seen); // sweeps patch in several threads at once
    if (!seen) {
        snprintf(err, len, "out of memory");
        return false;
    }
    memset(st, 0, sizeof *st);
    alt_entry e;
    for (size_t i = 0; alt_read(m, start, end, i, &e); i++) {
        st->total++;
        if (e.cap & ALT_CB_BIT) {
            st->callbacks++;
            note_callback(seen, e.alt);
        } else if (has_cap(caps, ncaps, e.cap)) {
            if (!patch(m, &e, err, len)) {
                free(seen);
                return false;
            }
            st->patched++;
        } else {
            st->other++;
        }
    }
    for (size_t i = 0; i < seen->n; i++) {
        char sym[128];
        const char *name = machine_symbolize(m, seen->fn[i], sym, sizeof sym);
        snprintf(st->cb[i].name, sizeof st->cb[i].name, "%s", name[0] ? name : "?");
        st->cb[i].count = seen->count[i];
    }
    st->ncb = seen->n;
    free(seen);
    return true;
}
