/* sim/harness_report.c: the world-switch summary: how the run ended, exits
 * by reason, instructions per EL, world-switch cost, async fates. */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "report.h"
#include "syndrome.h"

static const char *const code_names[5] = { "IRQ", "EL1_SERROR", "TRAP", "IL", "unknown" };
static const char *const end_names[] = { "running", "poweroff", "panic", "limit", "crash", "error", "killed" };

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* min, median, max of the samples (zeros when there are none). */
static void stats(harness_samples *s, uint32_t out[3])
{
    out[0] = out[1] = out[2] = 0;
    if (!s->n)
        return;
    uint32_t sorted[HARNESS_MAX_SAMPLES];
    for (unsigned i = 0; i < s->n; i++)
        sorted[i] = s->v[i];
    qsort(sorted, s->n, sizeof sorted[0], cmp_u32);
    out[0] = sorted[0];
    out[1] = sorted[s->n / 2];
    out[2] = sorted[s->n - 1];
}

/* The CPU as the panic or crash left it: what a developer looks at first. */
static void dump_state(FILE *out, harness *h)
{
    a64_cpu *c = &h->m->cpu;
    char sym[128];
    fprintf(out, "  at EL%u pc=0x%" PRIx64 " %s\n", c->ps.el, c->pc, machine_symbolize(h->m, c->pc, sym, sizeof sym));
    for (unsigned i = 0; i < 31; i++)
        fprintf(out, "  x%-2u 0x%016" PRIx64 "%s", i, c->x[i], (i % 4 == 3 || i == 30) ? "\n" : "");
    static const int regs[] = { SR_ESR_EL2, SR_ELR_EL2, SR_SPSR_EL2, SR_FAR_EL2, SR_HCR_EL2, SR_VTTBR_EL2 };
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
        fprintf(out, "  %-9s 0x%016" PRIx64 "%s", sysreg_table[regs[i]].name, c->sr[regs[i]], i % 3 == 2 ? "\n" : "");
    fprintf(out, "  sp_el2 0x%016" PRIx64 "  daif 0x%x\n", c->sp_el[2], c->ps.daif >> 6);
}

/* A Linux image's alternatives as patched for the model (none for --no-alternatives). */
static void alternatives_text(FILE *out, const hyp_profile *p)
{
    if (!p->alt_applied)
        return;
    const alt_stats *a = &p->alt;
    fprintf(out, "  alternatives: %zu sites, %zu patched for%s, %zu left (capabilities the model lacks)\n",
            a->total, a->patched, p->alt_caps[0] ? p->alt_caps : " none", a->other);
    fprintf(out, "  alternative callbacks left in their default form (%zu sites):", a->callbacks);
    for (size_t i = 0; i < a->ncb; i++)
        fprintf(out, " %s (%zu)", a->cb[i].name, a->cb[i].count);
    fputc('\n', out);
}

static json_t *alternatives_json(const hyp_profile *p)
{
    const alt_stats *a = &p->alt;
    json_t *caps = json_array(), *cbs = json_object();
    char names[sizeof p->alt_caps];
    snprintf(names, sizeof names, "%s", p->alt_caps);
    for (char *save = NULL, *t = strtok_r(names, " ", &save); t; t = strtok_r(NULL, " ", &save))
        json_array_append_new(caps, json_string(t));
    for (size_t i = 0; i < a->ncb; i++)
        json_object_set_new(cbs, a->cb[i].name, json_integer((json_int_t)a->cb[i].count));
    return json_pack("{s:I,s:I,s:o,s:I,s:I,s:o}", "sites", (json_int_t)a->total, "patched",
                     (json_int_t)a->patched, "capabilities", caps, "left", (json_int_t)a->other,
                     "callback_sites", (json_int_t)a->callbacks, "callbacks", cbs);
}

void harness_report_text(FILE *out, harness *h)
{
    a64_cpu *c = &h->m->cpu;
    fprintf(out, "elsim: world switch: %s (profile %s) with guest %s\n", h->hyp_path, h->prof.name,
            h->guest_path);
    fprintf(out, "  result: %s\n", h->why[0] ? h->why : end_names[h->end]);
    alternatives_text(out, &h->prof);
    if (h->end == HEND_PANIC || h->end == HEND_CRASH)
        dump_state(out, h);
    fprintf(out, "  guest entries %" PRIu64 "; exits:", h->entries);
    for (unsigned i = 0; i < 5; i++)
        if (h->exits[i])
            fprintf(out, " %s %" PRIu64, code_names[i], h->exits[i]);
    if (h->exits_serror_bit)
        fprintf(out, " (with the SError bit: %" PRIu64 ")", h->exits_serror_bit);
    fputc('\n', out);
    for (unsigned ec = 0; ec < 64; ec++)
        if (h->trap_ec[ec])
            fprintf(out, "    TRAP EC 0x%02x: %" PRIu64 "\n", ec, h->trap_ec[ec]);
    fprintf(out, "  instructions: guest %" PRIu64 " (EL0 %" PRIu64 "), hyp %" PRIu64 "\n", c->insns_el[1],
            c->insns_el[0], c->insns_el[2]);
    fprintf(out, "  cycles %" PRIu64 ": guest %" PRIu64 ", hyp %" PRIu64 " (barriers and pipeline refills %" PRIu64
                 ")\n",
            c->cycles, c->cycles_el[0] + c->cycles_el[1], c->cycles_el[2], c->barrier_cycles);
    uint32_t e[3], x[3];
    stats(&h->entry_cost, e);
    stats(&h->exit_cost, x);
    fprintf(out, "  world switch (cycles, min/median/max): entry %u/%u/%u, exit %u/%u/%u\n", e[0], e[1],
            e[2], x[0], x[1], x[2]);
    sim_options none = { 0 };
    report_async_text(out, h->m, &none);
}

bool harness_report_json(FILE *out, harness *h)
{
    a64_cpu *c = &h->m->cpu;
    json_t *j = json_object();
    json_object_set_new(j, "mode", json_string("world-switch"));
    json_object_set_new(j, "hyp", json_string(h->hyp_path));
    json_object_set_new(j, "guest", json_string(h->guest_path));
    json_object_set_new(j, "profile", json_string(h->prof.name));
    if (h->prof.alt_applied)
        json_object_set_new(j, "alternatives", alternatives_json(&h->prof));
    json_object_set_new(j, "end", json_string(end_names[h->end]));
    json_object_set_new(j, "why", json_string(h->why));
    json_object_set_new(j, "status", json_integer(harness_exit_status(h)));
    json_object_set_new(j, "entries", json_integer((json_int_t)h->entries));
    json_t *ex = json_object();
    for (unsigned i = 0; i < 5; i++)
        json_object_set_new(ex, code_names[i], json_integer((json_int_t)h->exits[i]));
    json_object_set_new(ex, "serror_bit", json_integer((json_int_t)h->exits_serror_bit));
    json_t *ecs = json_object();
    for (unsigned ec = 0; ec < 64; ec++) {
        if (!h->trap_ec[ec])
            continue;
        char k[8];
        snprintf(k, sizeof k, "0x%02x", ec);
        json_object_set_new(ecs, k, json_integer((json_int_t)h->trap_ec[ec]));
    }
    json_object_set_new(ex, "trap_ec", ecs);
    json_object_set_new(j, "exits", ex);
    json_object_set_new(j, "hvc_test_calls", json_integer((json_int_t)h->hvc_test_calls));
    json_object_set_new(j, "sysreg_emulated", json_integer((json_int_t)h->sysreg_emulated));
    json_object_set_new(j, "mmio_writes", json_integer((json_int_t)h->mmio_writes));
    json_t *ins = json_object();
    json_object_set_new(ins, "guest_el1", json_integer((json_int_t)c->insns_el[1]));
    json_object_set_new(ins, "guest_el0", json_integer((json_int_t)c->insns_el[0]));
    json_object_set_new(ins, "hyp", json_integer((json_int_t)c->insns_el[2]));
    json_object_set_new(j, "insns", ins);
    json_object_set_new(j, "cycles", json_integer((json_int_t)c->cycles));
    json_object_set_new(j, "cycles_guest", json_integer((json_int_t)(c->cycles_el[0] + c->cycles_el[1])));
    json_object_set_new(j, "cycles_hyp", json_integer((json_int_t)c->cycles_el[2]));
    json_object_set_new(j, "barrier_cycles", json_integer((json_int_t)c->barrier_cycles));
    uint32_t e[3], x[3];
    stats(&h->entry_cost, e);
    stats(&h->exit_cost, x);
    json_t *ws = json_object();
    json_object_set_new(ws, "entry", json_pack("{s:i,s:i,s:i}", "min", e[0], "median", e[1], "max", e[2]));
    json_object_set_new(ws, "exit", json_pack("{s:i,s:i,s:i}", "min", x[0], "median", x[1], "max", x[2]));
    json_object_set_new(j, "world_switch_cycles", ws);
    json_object_set_new(j, "async", report_async_json(h->m));
    int rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(j);
    return rc == 0;
}
