/* sim/dwarf_layout.c: member offsets and sizes of C structures read with
 * libdw from one compile unit (types are looked up there only: fast, even in
 * a 270 MB vmlinux, and the unit's view of a type is the one its code uses). */
#include "dwarf_layout.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct dwarf_layout {
    int fd;
    Dwarf *dw;
    Dwarf_Die cu;
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

dwarf_layout *dwarf_layout_open(const char *path, const char *cu_suffix, char *err, size_t len)
{
    dwarf_layout *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, len, "out of memory");
        return NULL;
    }
    d->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (d->fd < 0 || !(d->dw = dwarf_begin(d->fd, DWARF_C_READ))) {
        snprintf(err, len, "%s: no DWARF debug information (%s): a -dbg vmlinux is needed", path,
                 dwarf_errmsg(-1));
        dwarf_layout_close(d);
        return NULL;
    }
    // only unit headers are read here: the DIEs of other units stay untouched
    Dwarf_CU *cu = NULL;
    Dwarf_Die cudie;
    uint8_t unit_type;
    Dwarf_Half version;
    while (dwarf_get_units(d->dw, cu, &cu, &version, &unit_type, &cudie, NULL) == 0) {
        const char *name = dwarf_diename(&cudie);
        if (name && ends_with(name, cu_suffix)) {
            d->cu = cudie;
            return d;
        }
    }
    snprintf(err, len, "%s: no compile unit '%s' in the DWARF", path, cu_suffix);
    dwarf_layout_close(d);
    return NULL;
}

void dwarf_layout_close(dwarf_layout *d)
{
    if (!d)
        return;
    if (d->dw)
        dwarf_end(d->dw);
    if (d->fd >= 0)
        close(d->fd);
    free(d);
}

/* The type a DIE refers to, through typedefs and qualifiers. */
static bool type_of(Dwarf_Die *die, Dwarf_Die *out)
{
    Dwarf_Attribute a;
    Dwarf_Die cur = *die;
    for (;;) {
        if (!dwarf_attr_integrate(&cur, DW_AT_type, &a) || !dwarf_formref_die(&a, out))
            return false;
        int tag = dwarf_tag(out);
        if (tag != DW_TAG_typedef && tag != DW_TAG_const_type && tag != DW_TAG_volatile_type)
            return true;
        cur = *out;
    }
}

static bool find_struct(dwarf_layout *d, const char *name, Dwarf_Die *out)
{
    Dwarf_Die c;
    if (dwarf_child(&d->cu, &c) != 0)
        return false;
    do {
        int tag = dwarf_tag(&c);
        if ((tag == DW_TAG_structure_type || tag == DW_TAG_union_type) &&
            !dwarf_hasattr(&c, DW_AT_declaration)) {
            const char *n = dwarf_diename(&c);
            if (n && strcmp(n, name) == 0) {
                *out = c;
                return true;
            }
        }
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

static bool member_location(Dwarf_Die *m, uint64_t *off)
{
    Dwarf_Attribute a;
    Dwarf_Word w = 0;
    if (!dwarf_attr(m, DW_AT_data_member_location, &a))
        return dwarf_tag(m) == DW_TAG_member; // union members sit at offset 0
    if (dwarf_formudata(&a, &w) != 0)
        return false;
    *off = w;
    return true;
}

/* One path component in `agg`, looking inside anonymous members. */
static bool find_member(Dwarf_Die *agg, const char *name, size_t nlen, uint64_t *off, Dwarf_Die *out)
{
    Dwarf_Die c;
    if (dwarf_child(agg, &c) != 0)
        return false;
    do {
        if (dwarf_tag(&c) != DW_TAG_member)
            continue;
        uint64_t here = 0;
        if (!member_location(&c, &here))
            continue;
        const char *n = dwarf_diename(&c);
        if (n && strlen(n) == nlen && strncmp(n, name, nlen) == 0) {
            *off = here;
            *out = c;
            return true;
        }
        Dwarf_Die t, inner;
        uint64_t sub = 0;
        if (!n && type_of(&c, &t) && find_member(&t, name, nlen, &sub, &inner)) {
            *off = here + sub;
            *out = inner;
            return true;
        }
    } while (dwarf_siblingof(&c, &c) == 0);
    return false;
}

bool dwarf_member_offset(dwarf_layout *d, const char *type, const char *member, uint64_t *off,
                         char *err, size_t len)
{
    Dwarf_Die agg, m;
    if (!find_struct(d, type, &agg)) {
        snprintf(err, len, "DWARF: no struct %s in %s", type, dwarf_diename(&d->cu));
        return false;
    }
    uint64_t total = 0;
    const char *p = member;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        uint64_t here = 0;
        if (!find_member(&agg, p, n, &here, &m)) {
            snprintf(err, len, "DWARF: struct %s has no member %s", type, member);
            return false;
        }
        total += here;
        if (!dot)
            break;
        if (!type_of(&m, &agg)) {
            snprintf(err, len, "DWARF: %s.%.*s has no structure type", type, (int)n, p);
            return false;
        }
        p = dot + 1;
    }
    *off = total;
    return true;
}

bool dwarf_type_size(dwarf_layout *d, const char *type, uint64_t *size, char *err, size_t len)
{
    Dwarf_Die agg;
    Dwarf_Word w = 0;
    if (!find_struct(d, type, &agg) || dwarf_aggregate_size(&agg, &w) != 0) {
        snprintf(err, len, "DWARF: no size for struct %s", type);
        return false;
    }
    *size = w;
    return true;
}
