/* sim/inject.c: parsing `--inject` specifications with a message naming
 * the bad part and what was expected. */
#include "inject.h"

#include <stdio.h>
#include <string.h>

#include "options.h"

static const char *const kind_names[INJ_KINDS] = {
    [INJ_IRQ] = "irq", [INJ_FIQ] = "fiq", [INJ_SERROR] = "serror",
    [INJ_VIRQ] = "virq", [INJ_VFIQ] = "vfiq", [INJ_VSERROR] = "vserror",
};

const char *inject_kind_name(unsigned kind) { return kind < INJ_KINDS ? kind_names[kind] : "?"; }

static bool bad(char *err, size_t len, const char *spec, const char *what)
{
    snprintf(err, len, "--inject '%s': %s", spec, what);
    return false;
}

bool inject_parse(const char *spec, sim_injection *out, char *err, size_t len)
{
    memset(out, 0, sizeof *out);
    if (strlen(spec) >= sizeof out->spec)
        return bad(err, len, spec, "too long");
    snprintf(out->spec, sizeof out->spec, "%s", spec);
    const char *at = strchr(spec, '@');
    if (!at)
        return bad(err, len, spec, "expected KIND@WHERE, e.g. serror@abort_guest_exit_start");
    size_t klen = (size_t)(at - spec);
    unsigned k;
    for (k = 0; k < INJ_KINDS; k++)
        if (strlen(kind_names[k]) == klen && strncmp(spec, kind_names[k], klen) == 0)
            break;
    if (k == INJ_KINDS)
        return bad(err, len, spec, "unknown kind: expected irq, fiq, serror, virq, vfiq or vserror");
    out->kind = (uint8_t)k;
    const char *where = at + 1;
    const char *comma = strchr(where, ',');
    size_t wlen = comma ? (size_t)(comma - where) : strlen(where);
    if (wlen == 0 || wlen >= sizeof out->where)
        return bad(err, len, spec, "empty or too long WHERE: expected a symbol, address, insn=N or cycle=N");
    memcpy(out->where, where, wlen);
    out->where[wlen] = 0;
    if (strncmp(out->where, "insn=", 5) == 0 || strncmp(out->where, "cycle=", 6) == 0) {
        out->trig = out->where[0] == 'i' ? TRIG_INSN : TRIG_CYCLE;
        if (!cli_number(strchr(out->where, '=') + 1, &out->value))
            return bad(err, len, spec, "insn=/cycle= needs a number");
    } else {
        out->trig = TRIG_PC; // resolved against the symbols once loaded
    }
    while (comma) {
        const char *opt = comma + 1;
        comma = strchr(opt, ',');
        char buf[64];
        size_t olen = comma ? (size_t)(comma - opt) : strlen(opt);
        if (olen >= sizeof buf)
            return bad(err, len, spec, "option too long");
        memcpy(buf, opt, olen);
        buf[olen] = 0;
        uint64_t v;
        if (strncmp(buf, "esr=", 4) == 0 && cli_number(buf + 4, &v) && v <= 0x1ffffff) {
            if (k != INJ_SERROR && k != INJ_VSERROR)
                return bad(err, len, spec, "esr= applies to serror and vserror only");
            out->has_iss = true;
            out->iss = (uint32_t)v;
        } else {
            return bad(err, len, spec, "unknown option: expected esr=ISS (25 bits)");
        }
    }
    return true;
}
