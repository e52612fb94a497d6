/* sim/locate.c: "did you mean" for symbols, "nearest symbol" for addresses. */
#include "locate.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "machine.h"
#include "suggest.h"

/* The file name without its folders: messages stay one short line. */
static const char *base_name(const char *path)
{
    if (!path)
        return "(unnamed image)";
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "a.elf", "a.elf or b.elf", "a.elf, b.elf or c.elf" into buf at *at. */
static void list_images(const sim_machine *m, char *buf, size_t len, size_t *at)
{
    for (unsigned i = 0; i < m->nimages && *at < len; i++) {
        const char *sep = i == 0 ? "" : i + 1 == m->nimages ? " or " : ", ";
        *at += (size_t)snprintf(buf + *at, len - *at, "%s%s", sep, base_name(m->images[i].path));
    }
}

const char *locate_missing_symbol(const sim_machine *m, const char *name, char *buf, size_t len)
{
    size_t at = (size_t)snprintf(buf, len, "no symbol '%s' in ", name);
    if (!m->nimages && at < len)
        at += (size_t)snprintf(buf + at, len - at, "any loaded ELF file");
    list_images(m, buf, len, &at);
    size_t nsyms = 0;
    sim_suggest s;
    suggest_init(&s, name);
    for (unsigned i = 0; i < m->nimages; i++) {
        const sim_symtab *t = &m->images[i].syms;
        nsyms += t->n;
        for (size_t k = 0; k < t->n; k++)
            suggest_offer(&s, t->by_addr[k].name);
    }
    char hint[320];
    if (at < len && m->nimages && !nsyms)
        snprintf(buf + at, len - at, " (%s no symbol table: stripped?)", m->nimages > 1 ? "they have" : "it has");
    else if (at < len)
        snprintf(buf + at, len - at, "%s", suggest_text(&s, hint, sizeof hint));
    return buf;
}

bool locate_resolve(const sim_machine *m, const char *spec, uint64_t *addr, char *why, size_t len)
{
    char name[256];
    snprintf(name, sizeof name, "%s", spec);
    uint64_t off = 0;
    char *sign = strpbrk(name, "+-");
    bool minus = sign && *sign == '-';
    if (sign) {
        if (sign == name || !cli_number(sign + 1, &off)) {
            snprintf(why, len, "bad offset '%s' (expected SYMBOL+N or SYMBOL-N)", sign);
            return false;
        }
        *sign = 0;
    }
    if (machine_symbol(m, name, addr)) {
        *addr = minus ? *addr - off : *addr + off;
        return true;
    }
    // a number has no offset: "0x40001000+4" names nothing
    if (!sign && cli_number(name, addr))
        return true;
    locate_missing_symbol(m, name, why, len);
    return false;
}

bool locate_in_segment(const sim_machine *m, uint64_t addr)
{
    for (unsigned i = 0; i < m->nimages; i++)
        if (image_holds(&m->images[i], addr))
            return true;
    return false;
}

/* The closest symbol to addr, before or after it, among the symbols that
 * lie in a loaded segment (not absolute constants such as layout sizes). */
static bool nearest(const sim_machine *m, uint64_t addr, const sim_sym **best, const sim_image **in)
{
    uint64_t dist = UINT64_MAX;
    *best = NULL;
    for (unsigned i = 0; i < m->nimages; i++) {
        const sim_image *img = &m->images[i];
        const sim_sym *first = img->syms.by_addr, *end = first + img->syms.n;
        const sim_sym *at = symtab_at(&img->syms, addr, NULL);
        // the last placed symbol at or below addr, then the first above it
        const sim_sym *below = at;
        while (below && !image_holds(img, below->addr))
            below = below > first ? below - 1 : NULL;
        const sim_sym *above = at ? at + 1 : first;
        while (above < end && (above->addr <= addr || !image_holds(img, above->addr)))
            above++;
        if (below && addr - below->addr < dist) {
            dist = addr - below->addr;
            *best = below;
            *in = img;
        }
        if (above < end && above->addr - addr < dist) {
            dist = above->addr - addr;
            *best = above;
            *in = img;
        }
    }
    return *best != NULL;
}

const char *locate_outside(const sim_machine *m, uint64_t addr, char *buf, size_t len)
{
    size_t at = (size_t)snprintf(buf, len, "0x%" PRIx64 " is outside every loaded segment", addr);
    // each image's segments, a few at most: a kernel has several
    for (unsigned i = 0; i < m->nimages && at < len; i++) {
        const sim_image *img = &m->images[i];
        at += (size_t)snprintf(buf + at, len - at, "%s%s", i ? "; " : " (", base_name(img->path));
        for (unsigned k = 0; k < img->nsegments && k < 4 && at < len; k++)
            at += (size_t)snprintf(buf + at, len - at, " [0x%" PRIx64 ", 0x%" PRIx64 ")", img->segs[k].base,
                                   img->segs[k].base + img->segs[k].size);
        if (img->nsegments > 4 && at < len)
            at += (size_t)snprintf(buf + at, len - at, " ...");
        if (i + 1 == m->nimages && at < len)
            at += (size_t)snprintf(buf + at, len - at, ")");
    }
    const sim_sym *s;
    const sim_image *img = NULL;
    if (at < len && nearest(m, addr, &s, &img)) {
        if (s->addr == addr)
            snprintf(buf + at, len - at, "; nearest symbol: %s in %s", s->name, base_name(img->path));
        else
            snprintf(buf + at, len - at, "; nearest symbol: %s%c0x%" PRIx64 " in %s", s->name,
                     s->addr < addr ? '+' : '-', s->addr < addr ? addr - s->addr : s->addr - addr,
                     base_name(img->path));
    }
    return buf;
}
