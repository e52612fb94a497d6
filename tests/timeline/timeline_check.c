/* tests/timeline/timeline_check.c: checks a --timeline file (Chrome trace
 * events) against what the scenario's sources imply and against the run's
 * own --json summary:
 *
 *   timeline_check ws-demo TIMELINE.json SUMMARY.json
 *   timeline_check bare-traps TIMELINE.json SUMMARY.json
 *
 * Every file: the trace-event fields, a thread name per track, spans on one
 * track disjoint or nested, the last event at the run's final cycle. Then
 * the scenario's own expectations (reasoning beside each). Exit 1 with one
 * line per failed check. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EV 4096

typedef struct ev {
    const char *name, *cat, *ph;
    long long tid, ts, dur;
    json_t *args;
} ev;

static ev evs[MAX_EV];
static size_t nev;
static json_t *names; /* tid -> thread name */
static int fails;

#define CHECK(cond, ...)                                                                                 \
    do {                                                                                                 \
        if (!(cond)) {                                                                                   \
            fprintf(stderr, "timeline_check: line %d: ", __LINE__);                                      \
            fprintf(stderr, __VA_ARGS__);                                                                \
            fputc('\n', stderr);                                                                         \
            fails++;                                                                                     \
        }                                                                                                \
    } while (0)

static const char *arg(const ev *e, const char *key)
{
    return json_string_value(json_object_get(e->args, key));
}

static long long tid_named(const char *prefix)
{
    const char *k;
    json_t *v;
    json_object_foreach(names, k, v)
    {
        if (!strncmp(json_string_value(v), prefix, strlen(prefix)))
            return atoll(k);
    }
    return -1;
}

/* Events of one kind on one track, in file (time) order. */
static size_t select_ev(const ev **out, size_t max, const char *ph, const char *cat, long long tid,
                        const char *name_prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < nev; i++) {
        const ev *e = &evs[i];
        if ((ph && strcmp(e->ph, ph)) || (cat && strcmp(e->cat, cat)) || (tid >= 0 && e->tid != tid) ||
            (name_prefix && strncmp(e->name, name_prefix, strlen(name_prefix))))
            continue;
        if (n < max)
            out[n] = e;
        n++;
    }
    return n;
}

static bool inside(long long t, const ev *span) { return t >= span->ts && t <= span->ts + span->dur; }

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* min, median (element n/2 of the sorted list, as the summary takes it), max */
static void stats(const ev **s, size_t n, long long out[3])
{
    long long v[MAX_EV];
    for (size_t i = 0; i < n; i++)
        v[i] = s[i]->dur;
    qsort(v, n, sizeof v[0], cmp_ll);
    out[0] = v[0];
    out[1] = v[n / 2];
    out[2] = v[n - 1];
}

static json_t *load_summary(const char *path)
{
    FILE *f = fopen(path, "r");
    static char buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = 0;
    // the guest's console comes before the JSON
    char *j = buf[0] == '{' ? buf : strstr(buf, "\n{");
    json_error_t err;
    json_t *s = j ? json_loads(j, 0, &err) : NULL;
    if (!s) {
        fprintf(stderr, "timeline_check: %s: no JSON summary\n", path);
        exit(2);
    }
    return s;
}

/* The format and the rules every timeline follows. */
static void load_and_check_common(const char *path, json_t **root)
{
    json_error_t err;
    json_t *j = json_load_file(path, 0, &err);
    if (!j) {
        fprintf(stderr, "timeline_check: %s:%d: %s\n", path, err.line, err.text);
        exit(1);
    }
    *root = j;
    json_t *other = json_object_get(j, "otherData");
    CHECK(!strcmp(json_string_value(json_object_get(other, "time_unit")) ?: "", "cycle"), "otherData.time_unit");
    CHECK(json_is_string(json_object_get(j, "displayTimeUnit")), "displayTimeUnit");
    json_t *list = json_object_get(j, "traceEvents");
    CHECK(json_is_array(list), "traceEvents is not an array");
    names = json_object();
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *ph = json_string_value(json_object_get(e, "ph"));
        CHECK(ph && json_is_integer(json_object_get(e, "pid")) && json_is_integer(json_object_get(e, "tid")),
              "event %zu lacks ph/pid/tid", i);
        if (!ph)
            continue;
        long long tid = json_integer_value(json_object_get(e, "tid"));
        if (!strcmp(ph, "M")) {
            if (!strcmp(json_string_value(json_object_get(e, "name")) ?: "", "thread_name")) {
                char k[24];
                snprintf(k, sizeof k, "%lld", tid);
                json_object_set(names, k, json_object_get(json_object_get(e, "args"), "name"));
            }
            continue;
        }
        CHECK(!strcmp(ph, "X") || !strcmp(ph, "i"), "event %zu: phase %s", i, ph);
        CHECK(json_is_integer(json_object_get(e, "ts")), "event %zu: ts not an integer", i);
        CHECK(strcmp(ph, "X") || json_is_integer(json_object_get(e, "dur")), "event %zu: X without dur", i);
        CHECK(strcmp(ph, "i") || !strcmp(json_string_value(json_object_get(e, "s")) ?: "", "t"),
              "event %zu: instant not thread-scoped", i);
        if (nev == MAX_EV) {
            fprintf(stderr, "timeline_check: more than %d events\n", MAX_EV);
            exit(1);
        }
        evs[nev++] = (ev){ .name = json_string_value(json_object_get(e, "name")) ?: "",
                           .cat = json_string_value(json_object_get(e, "cat")) ?: "",
                           .ph = ph, .tid = tid,
                           .ts = json_integer_value(json_object_get(e, "ts")),
                           .dur = json_integer_value(json_object_get(e, "dur")),
                           .args = json_object_get(e, "args") };
    }
    for (size_t a = 0; a < nev; a++) {
        char k[24];
        snprintf(k, sizeof k, "%lld", evs[a].tid);
        CHECK(json_object_get(names, k), "event '%s' on tid %lld, which has no thread_name", evs[a].name, evs[a].tid);
        CHECK(evs[a].ts >= 0 && evs[a].dur >= 0, "event '%s': negative time", evs[a].name);
        if (a)
            CHECK(evs[a].ts >= evs[a - 1].ts, "events not in time order at '%s'", evs[a].name);
    }
    // spans on one track: disjoint or one inside the other
    for (size_t a = 0; a < nev; a++) {
        for (size_t b = a + 1; b < nev; b++) {
            const ev *x = &evs[a], *y = &evs[b];
            if (strcmp(x->ph, "X") || strcmp(y->ph, "X") || x->tid != y->tid)
                continue;
            long long xe = x->ts + x->dur, ye = y->ts + y->dur;
            bool disjoint = xe <= y->ts || ye <= x->ts;
            bool nested = (x->ts <= y->ts && ye <= xe) || (y->ts <= x->ts && xe <= ye);
            CHECK(disjoint || nested, "spans overlap on tid %lld: '%s' [%lld,%lld) and '%s' [%lld,%lld)", x->tid,
                  x->name, x->ts, xe, y->name, y->ts, ye);
        }
    }
}

static void check_end(json_t *root, long long cycles)
{
    json_t *other = json_object_get(root, "otherData");
    CHECK(json_integer_value(json_object_get(other, "cycles")) == cycles, "otherData.cycles != the summary's %lld",
          cycles);
    long long last = 0;
    for (size_t i = 0; i < nev; i++)
        if (evs[i].ts + evs[i].dur > last)
            last = evs[i].ts + evs[i].dur;
    CHECK(last == cycles, "the last event ends at %lld, the run at %lld", last, cycles);
    const ev *end[2];
    CHECK(select_ev(end, 2, "i", "end", -1, "end: ") == 1 && end[0]->ts == cycles, "one end instant at the end");
}

/* The demo: hyp-v56 (no RAS), guest-hello, --inject serror@__guest_exit. */
static void ws_demo(json_t *root, json_t *sum)
{
    long long host = tid_named("host"), el2 = tid_named("EL2"), el1 = tid_named("EL1"), el0 = tid_named("EL0");
    CHECK(host >= 0 && el2 >= 0 && el1 >= 0 && el0 >= 0, "a track each for the host, EL2, EL1 and EL0");
    long long entries = json_integer_value(json_object_get(sum, "entries"));
    // hello prints 26 bytes (one DABT_LOW exit each) and makes 3 test HVCs
    // and SYSTEM_OFF (4 HVC64 exits); the exit the SError interrupted is a
    // console store, which KVM's handling (the SError bit) does not step:
    // the store runs again, one more DABT_LOW exit: 31 calls of the hyp.
    CHECK(entries == 31, "summary entries %lld, expected 31", entries);
    static const ev *calls[MAX_EV], *enter[MAX_EV], *guest[MAX_EV], *exits[MAX_EV], *work[MAX_EV];
    size_t nc = select_ev(calls, MAX_EV, "X", "host", host, "vcpu run #");
    size_t nn = select_ev(enter, MAX_EV, "X", "hyp-entry", el2, "__guest_enter");
    size_t ng = select_ev(guest, MAX_EV, "X", "guest", el1, "guest @ ");
    size_t nx = select_ev(exits, MAX_EV, "X", "hyp-exit", el2, NULL);
    size_t nw = select_ev(work, MAX_EV, NULL, "host-work", host, "handle_exit: ");
    CHECK(nc == 31 && nn == 31 && nx == 31 && nw == 31, "31 host calls (%zu), entry paths (%zu), exit paths (%zu), "
          "handled exits (%zu)", nc, nn, nx, nw);
    // the v5.6 __guest_enter only skips the guest with an interrupt pending
    // (none here), so every call runs the guest once; hello never takes an
    // exception at EL1 (it leaves SErrors masked) and never runs at EL0
    CHECK(ng == 31, "31 guest runs, found %zu", ng);
    const ev *none[1];
    CHECK(select_ev(none, 1, "X", NULL, el0, NULL) == 0, "nothing at EL0");
    for (size_t k = 0; k < 31 && k < nc && k < nn && k < ng && k < nx; k++) {
        // one call: enter at the host's call, ERET into the guest, the guest
        // runs until its exception, the exit path returns to the host
        CHECK(enter[k]->ts == calls[k]->ts, "call %zu: the entry path starts with the call", k + 1);
        CHECK(enter[k]->ts + enter[k]->dur == guest[k]->ts, "call %zu: the guest starts at the entry's ERET", k + 1);
        CHECK(guest[k]->ts + guest[k]->dur == exits[k]->ts, "call %zu: the exit starts where the guest stops", k + 1);
        CHECK(exits[k]->ts + exits[k]->dur == calls[k]->ts + calls[k]->dur, "call %zu: the exit returns to the host",
              k + 1);
        CHECK(!strncmp(arg(enter[k], "end") ?: "", "ERET to EL1", 11), "call %zu: the entry ends with an ERET", k + 1);
        // guest exceptions arrive at VBAR_EL2 + 0x400 (lower EL, AArch64,
        // synchronous): the slot Linux calls el1_sync
        CHECK(!strncmp(exits[k]->name, "el1_sync", 8), "call %zu: exit '%s' not through el1_sync", k + 1, exits[k]->name);
    }
    const ev *x[MAX_EV];
    CHECK(select_ev(x, MAX_EV, "X", "hyp-exit", el2, "el1_sync ⇒ TRAP DABT_LOW + SError bit") == 1,
          "one exit with the SError bit");
    CHECK(select_ev(x, MAX_EV, "X", "hyp-exit", el2, "el1_sync ⇒ TRAP HVC64") == 4, "4 HVC64 exits");
    size_t dabt = select_ev(x, MAX_EV, "X", "hyp-exit", el2, "el1_sync ⇒ TRAP DABT_LOW");
    CHECK(dabt == 27, "27 DABT_LOW exits (one with the SError bit), found %zu", dabt);
    // the SError is asserted the first time __guest_exit runs (the first
    // exit), pending while PSTATE.A masks it; the window's `msr daifclr, #4`
    // lets it be taken at EL2 with SP_EL2: VBAR_EL2 + 0x380 (el2h_error),
    // whose slot branches to el2_error; that handler ERETs back
    const ev *nested[2], *asserted[2], *taken[2], *vse[2], *pending[2];
    CHECK(select_ev(nested, 2, "X", "exception", el2, NULL) == 1 &&
              !strcmp(nested[0]->name, "el2h_error → el2_error"),
          "one nested EL2 span, el2h_error → el2_error");
    CHECK(select_ev(asserted, 2, "i", "async-asserted", el2, "SError asserted") == 1, "SError asserted at EL2");
    CHECK(select_ev(taken, 2, "i", "async-taken", el2, "SError taken to EL2") == 1, "SError taken at EL2");
    if (!fails) {
        CHECK(inside(asserted[0]->ts, exits[0]), "the SError is asserted inside the first exit path");
        CHECK(inside(taken[0]->ts, exits[0]) && taken[0]->ts == nested[0]->ts,
              "taken inside the first exit, where the nested span starts");
        CHECK(nested[0]->ts >= exits[0]->ts && nested[0]->ts + nested[0]->dur <= exits[0]->ts + exits[0]->dur,
              "the handler nests inside the exit path");
        CHECK(strstr(arg(taken[0], "elr") ?: "", "abort_guest_exit_start") != NULL, "ELR at abort_guest_exit_start");
        CHECK(strstr(arg(nested[0], "end") ?: "", "ERET to EL2 at abort_guest_exit_start") != NULL,
              "el2_error returns to the window");
    }
    // KVM's answer: a virtual SError, pended by the host after that exit;
    // hello never unmasks SErrors, so it is still pending at the end
    CHECK(select_ev(vse, 2, "i", "async-asserted", host, "vSError asserted") == 1, "vSError asserted by the host");
    CHECK(select_ev(pending, 2, "i", "async-pending", -1, "vSError still pending") == 1, "vSError still pending");
    if (!fails)
        CHECK(vse[0]->ts == exits[0]->ts + exits[0]->dur, "the vSError comes at the first return to the host");
    // span boundaries are the harness's own world-switch samples: entry =
    // call to ERET, exit = guest exception to the return
    json_t *ws = json_object_get(sum, "world_switch_cycles");
    long long e[3], xs[3];
    stats(enter, nn, e);
    stats(exits, nx, xs);
    static const char *const which[3] = { "min", "median", "max" };
    for (int i = 0; i < 3; i++) {
        CHECK(e[i] == json_integer_value(json_object_get(json_object_get(ws, "entry"), which[i])),
              "entry %s %lld differs from the summary", which[i], e[i]);
        CHECK(xs[i] == json_integer_value(json_object_get(json_object_get(ws, "exit"), which[i])),
              "exit %s %lld differs from the summary", which[i], xs[i]);
    }
    check_end(root, json_integer_value(json_object_get(sum, "cycles")));
}

/* testdata/bare/el1_traps.S with its injections (irq@irq_here,
 * serror@serror_here): EL2 drops to EL1, which comes back six times. */
static void bare_traps(json_t *root, json_t *sum)
{
    long long el3 = tid_named("EL3"), el2 = tid_named("EL2"), el1 = tid_named("EL1");
    CHECK(el3 >= 0 && el2 >= 0 && el1 >= 0, "tracks for EL3 (the SMC), EL2 and EL1");
    CHECK(tid_named("host") < 0, "no host track in a bare run");
    const ev *s[16];
    CHECK(select_ev(s, 16, "X", "run", el2, "EL2 @ _start") == 1, "EL2 runs from _start");
    // HVC #1, the trapped MSR, the aborting load, the IRQ at irq_here, the
    // SError at serror_here, HVC #2 (the last: its handler powers off)
    size_t nexc = select_ev(s, 16, "X", "exception", el2, NULL);
    CHECK(nexc == 6, "6 exceptions from EL1, found %zu", nexc);
    static const char *const slots[6] = { "el1_sync", "el1_sync", "el1_sync", "el1_irq", "el1_error", "el1_sync" };
    for (size_t i = 0; i < 6 && i < nexc; i++)
        CHECK(!strncmp(s[i]->name, slots[i], strlen(slots[i])), "exception %zu: '%s', expected %s", i + 1, s[i]->name,
              slots[i]);
    // EL1 runs after the first ERET and after each of the five handlers' ERETs
    size_t nrun = select_ev(s, 16, "X", "run", el1, NULL);
    CHECK(nrun == 6, "6 stretches at EL1, found %zu", nrun);
    const ev *a[4];
    CHECK(select_ev(a, 4, "i", "async-asserted", el1, NULL) == 2, "IRQ and SError asserted at EL1");
    CHECK(select_ev(a, 4, "i", "async-taken", el2, NULL) == 2, "both taken to EL2 (IMO/AMO route them)");
    CHECK(select_ev(a, 4, "i", "firmware", el3, "SMC: PSCI SYSTEM_OFF") == 1, "the SYSTEM_OFF SMC on EL3");
    check_end(root, json_integer_value(json_object_get(sum, "cycles")));
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: timeline_check ws-demo|bare-traps TIMELINE.json SUMMARY.json\n");
        return 2;
    }
    json_t *root;
    load_and_check_common(argv[2], &root);
    json_t *sum = load_summary(argv[3]);
    if (!strcmp(argv[1], "ws-demo"))
        ws_demo(root, sum);
    else if (!strcmp(argv[1], "bare-traps"))
        bare_traps(root, sum);
    else {
        fprintf(stderr, "timeline_check: unknown scenario '%s'\n", argv[1]);
        return 2;
    }
    json_decref(sum);
    json_decref(names);
    json_decref(root); // the events pointed into it: done with them
    if (fails) {
        fprintf(stderr, "timeline_check: %d check(s) failed\n", fails);
        return 1;
    }
    printf("timeline_check: %s: %zu events, all checks passed\n", argv[1], nev);
    return 0;
}
