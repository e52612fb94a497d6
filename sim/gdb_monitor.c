/* sim/gdb_monitor.c: the `monitor` commands, one table row each: el,
 * sysregs, sysreg NAME [VALUE], pending, counts, help. */
#include "gdb_monitor.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "async.h"
#include "machine.h"
#include "regs.h"
#include "suggest.h"
#include "syndrome.h"

static void say(gdb_text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = sizeof t->buf - t->len;
    int n = vsnprintf(t->buf + t->len, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* The registers `monitor sysregs` shows: the exception-return state of
 * EL2 and EL1, what routes and syndromes asynchronous exceptions. */
static const int sysregs_shown[] = {
    SR_HCR_EL2, SR_VBAR_EL2, SR_ESR_EL2, SR_ELR_EL2, SR_SPSR_EL2, SR_FAR_EL2, SR_HPFAR_EL2,
    SR_VSESR_EL2, SR_VDISR_EL2, SR_VBAR_EL1, SR_ESR_EL1, SR_ELR_EL1, SR_SPSR_EL1, SR_FAR_EL1,
    SR_DISR_EL1, SR_ISR_EL1,
};

static void show_sysreg(gdb_text *t, sim_machine *m, int id)
{
    const sysreg_info *r = &sysreg_table[id];
    a64_cpu *c = &m->cpu;
    say(t, "%-12s 0x%016" PRIx64, r->name, sysreg_get(c, id));
    if (r->feat != FEAT_NONE && !(c->feat & FEAT_BIT(r->feat)))
        say(t, "  (the model lacks FEAT_%s: UNDEFINED to the code)", a64_feature_names[r->feat]);
    else if (id == SR_ESR_EL2 || id == SR_ESR_EL1)
        say(t, "  EC 0x%02x IL %u ISS 0x%07" PRIx64, syn_ec((uint32_t)c->sr[id]),
            (unsigned)(c->sr[id] >> 25) & 1, c->sr[id] & ESR_ISS_MASK);
    else if (id == SR_DISR_EL1 && a64_disr_target(c) != SR_DISR_EL1)
        say(t, "  (VDISR_EL2: EL1 with HCR_EL2.AMO set)");
    say(t, "\n");
}

static bool cmd_sysregs(sim_machine *m, const char *arg, gdb_text *t)
{
    (void)arg;
    for (size_t i = 0; i < sizeof sysregs_shown / sizeof sysregs_shown[0]; i++)
        show_sysreg(t, m, sysregs_shown[i]);
    return true;
}

/* The table's row for a name in any case ("hcr_el2" as gdb users type it). */
static int sysreg_named(const char *name, size_t len)
{
    char upper[32];
    if (len >= sizeof upper)
        return -1;
    for (size_t i = 0; i < len; i++)
        upper[i] = (char)toupper((unsigned char)name[i]);
    upper[len] = 0;
    return sysreg_by_name(upper);
}

static bool cmd_sysreg(sim_machine *m, const char *arg, gdb_text *t)
{
    size_t n = strcspn(arg, " \t");
    int id = n ? sysreg_named(arg, n) : -1;
    if (id < 0 && n) {
        char name[64], hint[256];
        snprintf(name, sizeof name, "%.*s", (int)n, arg);
        sim_suggest s;
        suggest_init(&s, name);
        for (int i = 0; i < SR_COUNT; i++)
            suggest_offer(&s, sysreg_table[i].name);
        say(t, "no system register '%s'%s (names as the Arm ARM spells them, e.g. HCR_EL2)\n", name,
            suggest_text(&s, hint, sizeof hint));
        return false;
    }
    if (id < 0) {
        say(t, "usage: monitor sysreg NAME [VALUE]\n");
        return false;
    }
    const char *val = arg + n + strspn(arg + n, " \t");
    if (*val) {
        uint64_t v;
        if (!cli_number(val, &v)) {
            say(t, "sysreg %s: bad value '%s' (expected a number)\n", sysreg_table[id].name, val);
            return false;
        }
        sysreg_set(&m->cpu, id, v);
    }
    show_sysreg(t, m, id);
    return true;
}

static bool cmd_el(sim_machine *m, const char *arg, gdb_text *t)
{
    (void)arg;
    const a64_cpu *c = &m->cpu;
    unsigned el = c->ps.el, sp = c->ps.sp ? el : 0;
    say(t, "EL%u%c: SPSel %u, SP_EL%u = 0x%016" PRIx64 "\n", el, el == 0 ? 't' : c->ps.sp ? 'h' : 't',
        c->ps.sp, sp, c->sp_el[sp]);
    say(t, "PSTATE.DAIF: D %u A %u I %u F %u%s\n", !!(c->ps.daif & PSTATE_D), !!(c->ps.daif & PSTATE_A),
        !!(c->ps.daif & PSTATE_I), !!(c->ps.daif & PSTATE_F), c->ps.il ? "; PSTATE.IL set" : "");
    return true;
}

/* The asynchronous exception inputs and the virtual ones HCR_EL2 asks for. */
static bool cmd_pending(sim_machine *m, const char *arg, gdb_text *t)
{
    (void)arg;
    const a64_cpu *c = &m->cpu;
    uint64_t hcr = c->sr[SR_HCR_EL2];
    say(t, "physical: IRQ %u FIQ %u SError %u", c->irq_line, c->fiq_line, c->serror_pending);
    if (c->serror_pending)
        say(t, " (ISS 0x%07" PRIx32 ")", c->serror_iss);
    say(t, "; timers asserting 0x%x\n", c->timer_lines);
    say(t, "virtual (HCR_EL2): VI %u VF %u VSE %u\n", !!(hcr & HCR_EL2_VI), !!(hcr & HCR_EL2_VF),
        !!(hcr & HCR_EL2_VSE));
    say(t, "ISR_EL1 0x%03" PRIx64 " at EL%u\n", a64_isr_value(c), c->ps.el);
    return true;
}

static bool cmd_counts(sim_machine *m, const char *arg, gdb_text *t)
{
    (void)arg;
    const a64_cpu *c = &m->cpu;
    say(t, "instructions %" PRIu64 " (EL0 %" PRIu64 ", EL1 %" PRIu64 ", EL2 %" PRIu64 "), cycles %" PRIu64
           ", exceptions taken %" PRIu64 "\n",
        c->insns, c->insns_el[0], c->insns_el[1], c->insns_el[2], c->cycles, c->exc_taken);
    return true;
}

static bool cmd_help(sim_machine *m, const char *arg, gdb_text *t);

static const struct {
    const char *name;
    bool (*fn)(sim_machine *m, const char *arg, gdb_text *t);
    const char *help;
} commands[] = {
    { "el", cmd_el, "current EL, SP selection and PSTATE.DAIF" },
    { "sysregs", cmd_sysregs, "ESR/ELR/SPSR/FAR/VBAR of EL2 and EL1, HCR_EL2, HPFAR_EL2, VSESR_EL2, "
                              "DISR_EL1, VDISR_EL2, ISR_EL1" },
    { "sysreg", cmd_sysreg, "NAME [VALUE]: read (or write) any system register elsim models" },
    { "pending", cmd_pending, "asynchronous exception inputs, HCR_EL2.VI/VF/VSE and ISR_EL1" },
    { "counts", cmd_counts, "instructions, cycles and exceptions so far" },
    { "help", cmd_help, "this list" },
};

static bool cmd_help(sim_machine *m, const char *arg, gdb_text *t)
{
    (void)m, (void)arg;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        say(t, "monitor %-8s %s\n", commands[i].name, commands[i].help);
    return true;
}

bool gdb_monitor(sim_machine *m, const char *line, gdb_text *out)
{
    out->len = 0;
    out->buf[0] = 0;
    line += strspn(line, " \t");
    size_t n = strcspn(line, " \t");
    const char *arg = line + n + strspn(line + n, " \t");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strlen(commands[i].name) == n && !strncmp(commands[i].name, line, n))
            return commands[i].fn(m, arg, out);
    say(out, "unknown monitor command '%.*s' (monitor help lists them)\n", (int)n, line);
    return false;
}
