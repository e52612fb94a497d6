/* sim/sweep_out.c: printing sweep results (a table with a summary count
 * per outcome, JSON through jansson, CSV) and merging shards' JSON. */
#include "sweep_out.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "sweep.h"
#include "trace.h"

static const char *const policy_names[] = { "earliest", "latest" };

void sweep_describe(sim_machine *m, sweep_point *pts, size_t n)
{
    sim_trace *t = trace_new(NULL, false); // only for its disassembler
    for (size_t i = 0; i < n; i++) {
        machine_symbolize(m, pts[i].addr, pts[i].where, sizeof pts[i].where);
        uint32_t w = 0;
        if (t && mem_read(&m->mem, pts[i].addr, &w, 4))
            trace_disasm(t, w, pts[i].addr, pts[i].insn, sizeof pts[i].insn);
        else
            snprintf(pts[i].insn, sizeof pts[i].insn, "?");
    }
    trace_free(t);
}

static int cmp_point(const void *a, const void *b)
{
    const sweep_point *x = a, *y = b;
    if (x->index != y->index)
        return x->index < y->index ? -1 : 1;
    return (int)x->policy - (int)y->policy;
}

/* Distinct labels in order of first appearance, with counts. */
static size_t tally(const sweep_report *r, const char **labels, size_t *counts, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < r->npoints; i++) {
        size_t j;
        for (j = 0; j < k; j++)
            if (!strcmp(labels[j], r->points[i].o.label))
                break;
        if (j == k && k < max) {
            labels[k] = r->points[i].o.label;
            counts[k++] = 0;
        }
        if (j < k)
            counts[j]++;
    }
    return k;
}

static void print_text(const sweep_report *r, FILE *out)
{
    fprintf(out, "sweep: %s over [0x%" PRIx64 ", 0x%" PRIx64 ") of %s with guest %s", r->kind, r->from,
            r->to, r->hyp, r->guest);
    if (r->shard_n > 1)
        fprintf(out, " (shard %u/%u)", r->shard_k, r->shard_n);
    fprintf(out, "\n%-32s %-34s %s%s\n", "point", "instruction", r->explore ? "policy    " : "", "outcome");
    for (size_t i = 0; i < r->npoints; i++) {
        const sweep_point *p = &r->points[i];
        fprintf(out, "%-32s %-34s %s%s%s%s\n", p->where, p->insn,
                r->explore ? policy_names[p->policy & 1] : "", r->explore ? "  " : "", p->o.label,
                p->o.guest_saw_virtual ? " (guest took a virtual SError)" : "");
    }
    const char *labels[64];
    size_t counts[64];
    size_t k = tally(r, labels, counts, 64);
    fprintf(out, "summary (%zu runs):\n", r->npoints);
    for (size_t j = 0; j < k; j++)
        fprintf(out, "  %5zu  %s\n", counts[j], labels[j]);
}

static void print_csv(const sweep_report *r, FILE *out)
{
    fprintf(out, "index,addr,point,instruction,policy,outcome,end,elr,guest_took_virtual,guest_differs\n");
    for (size_t i = 0; i < r->npoints; i++) {
        const sweep_point *p = &r->points[i];
        // no field holds a double quote, so quoting each is enough
        fprintf(out, "%zu,0x%" PRIx64 ",\"%s\",\"%s\",%s,\"%s\",%d,0x%" PRIx64 ",%d,%d\n", p->index, p->addr,
                p->where, p->insn, policy_names[p->policy & 1], p->o.label, p->o.end, p->o.elr,
                p->o.guest_saw_virtual, p->o.guest_differs);
    }
}

static json_t *hexj(uint64_t v)
{
    char b[24];
    snprintf(b, sizeof b, "0x%" PRIx64, v);
    return json_string(b);
}

static void print_json(const sweep_report *r, FILE *out)
{
    json_t *j = json_object();
    json_object_set_new(j, "hyp", json_string(r->hyp));
    json_object_set_new(j, "guest", json_string(r->guest));
    json_object_set_new(j, "inject", json_string(r->kind));
    json_object_set_new(j, "from", hexj(r->from));
    json_object_set_new(j, "to", hexj(r->to));
    json_object_set_new(j, "explore", json_boolean(r->explore));
    json_object_set_new(j, "shard", json_pack("{s:i,s:i}", "k", r->shard_k, "n", r->shard_n));
    json_t *pts = json_array();
    for (size_t i = 0; i < r->npoints; i++) {
        const sweep_point *p = &r->points[i];
        json_t *e = json_object();
        json_object_set_new(e, "index", json_integer((json_int_t)p->index));
        json_object_set_new(e, "addr", hexj(p->addr));
        json_object_set_new(e, "point", json_string(p->where));
        json_object_set_new(e, "instruction", json_string(p->insn));
        json_object_set_new(e, "policy", json_string(policy_names[p->policy & 1]));
        json_object_set_new(e, "outcome", json_string(p->o.label));
        json_object_set_new(e, "detail", json_string(p->o.detail));
        json_object_set_new(e, "end", json_integer(p->o.end));
        json_object_set_new(e, "elr", hexj(p->o.elr));
        json_object_set_new(e, "serror_bit_exits", json_integer((json_int_t)p->o.serror_bit_exits));
        json_object_set_new(e, "guest_took_virtual", json_boolean(p->o.guest_saw_virtual));
        json_object_set_new(e, "guest_differs", json_boolean(p->o.guest_differs));
        json_array_append_new(pts, e);
    }
    json_object_set_new(j, "points", pts);
    const char *labels[64];
    size_t counts[64];
    size_t k = tally(r, labels, counts, 64);
    json_t *sum = json_object();
    for (size_t i = 0; i < k; i++)
        json_object_set_new(sum, labels[i], json_integer((json_int_t)counts[i]));
    json_object_set_new(j, "summary", sum);
    json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(j);
}

void sweep_print(const sweep_report *r, sim_machine *m, enum sweep_format f, FILE *out)
{
    (void)m;
    qsort(r->points, r->npoints, sizeof *r->points, cmp_point);
    switch (f) {
    case SWEEP_JSON: print_json(r, out); break;
    case SWEEP_CSV: print_csv(r, out); break;
    default: print_text(r, out); break;
    }
}

/* ---- sim sweep-merge ---- */

static bool read_point(json_t *e, sweep_point *p)
{
    const char *addr = json_string_value(json_object_get(e, "addr"));
    const char *elr = json_string_value(json_object_get(e, "elr"));
    const char *pol = json_string_value(json_object_get(e, "policy"));
    json_t *idx = json_object_get(e, "index");
    if (!addr || !json_is_integer(idx) || !pol)
        return false;
    memset(p, 0, sizeof *p);
    p->index = (size_t)json_integer_value(idx);
    p->addr = strtoull(addr, NULL, 0);
    p->policy = strcmp(pol, "latest") == 0;
    snprintf(p->where, sizeof p->where, "%s", json_string_value(json_object_get(e, "point")) ?: "");
    snprintf(p->insn, sizeof p->insn, "%s", json_string_value(json_object_get(e, "instruction")) ?: "");
    snprintf(p->o.label, sizeof p->o.label, "%s", json_string_value(json_object_get(e, "outcome")) ?: "");
    snprintf(p->o.detail, sizeof p->o.detail, "%s", json_string_value(json_object_get(e, "detail")) ?: "");
    p->o.end = (int)json_integer_value(json_object_get(e, "end"));
    p->o.elr = elr ? strtoull(elr, NULL, 0) : 0;
    p->o.serror_bit_exits = (uint64_t)json_integer_value(json_object_get(e, "serror_bit_exits"));
    p->o.guest_saw_virtual = json_is_true(json_object_get(e, "guest_took_virtual"));
    p->o.guest_differs = json_is_true(json_object_get(e, "guest_differs"));
    return true;
}

int sweep_merge_main(int argc, char **argv)
{
    bool as_json = false, as_csv = false;
    sweep_report r = { .shard_k = 1, .shard_n = 1 };
    json_t *first = NULL;
    size_t cap = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help")) {
            fputs("Usage: sim sweep-merge [--json|--csv] FILE.json...\n"
                  "Merges the --json outputs of `sim sweep --shard K/N` runs into one report.\n", stdout);
            json_decref(first);
            free(r.points);
            return SIM_EXIT_OK;
        }
        if (!strcmp(argv[i], "--json")) {
            as_json = true;
            continue;
        }
        if (!strcmp(argv[i], "--csv")) {
            as_csv = true;
            continue;
        }
        json_error_t je;
        json_t *j = json_load_file(argv[i], 0, &je);
        json_t *pts = j ? json_object_get(j, "points") : NULL;
        if (!json_is_array(pts)) {
            fprintf(stderr, "sim sweep-merge: %s: not a sweep JSON file (%s)\n", argv[i],
                    j ? "no points" : je.text);
            json_decref(j);
            return SIM_EXIT_USAGE;
        }
        size_t k;
        json_t *e;
        json_array_foreach(pts, k, e)
        {
            if (r.npoints == cap) {
                cap = cap ? cap * 2 : 256;
                r.points = realloc(r.points, cap * sizeof *r.points);
            }
            if (!r.points || !read_point(e, &r.points[r.npoints])) {
                fprintf(stderr, "sim sweep-merge: %s: malformed point %zu\n", argv[i], k);
                return SIM_EXIT_USAGE;
            }
            r.npoints++;
        }
        if (!first)
            first = j;
        else
            json_decref(j);
    }
    if (!first) {
        fprintf(stderr, "sim sweep-merge: give the shards' JSON files\n");
        return SIM_EXIT_USAGE;
    }
    r.hyp = json_string_value(json_object_get(first, "hyp"));
    r.guest = json_string_value(json_object_get(first, "guest"));
    r.kind = json_string_value(json_object_get(first, "inject"));
    r.from = strtoull(json_string_value(json_object_get(first, "from")) ?: "0", NULL, 0);
    r.to = strtoull(json_string_value(json_object_get(first, "to")) ?: "0", NULL, 0);
    r.explore = json_is_true(json_object_get(first, "explore"));
    sweep_print(&r, NULL, as_json ? SWEEP_JSON : as_csv ? SWEEP_CSV : SWEEP_TEXT, stdout);
    json_decref(first);
    free(r.points);
    return SIM_EXIT_OK;
}
