/* sim/sweep.c: `sim sweep` runs one world-switch scenario per instruction
 * boundary of a range: the machine runs once to the first time the range
 * starts, is snapshotted there, and every point restarts from that snapshot
 * with the injection at its address. Points are split over worker
 * processes (--jobs) and machines (--shard K/N); results do not depend on
 * either. */
#include "sweep.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "locate.h"
#include "model.h"
#include "outcome.h"
#include "snapshot.h"
#include "sweep_out.h"
#include "sweep_svg.h"

typedef struct sweep_opts {
    const char *hyp, *guest, *model, *over, *from, *to, *kind, *policy, *svg;
    unsigned jobs, shard_k, shard_n;
    bool json, csv;
} sweep_opts;

static int fail(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "sim sweep: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    return SIM_EXIT_USAGE;
}

static const char usage[] =
    "Usage: sim sweep --elf HYP --guest GUEST --inject KIND[,esr=ISS]\n"
    "                 (--over SYMBOL | --from A --to B) [--jobs N] [--shard K/N]\n"
    "                 [--async-take earliest|latest|explore] [--model M] [--json|--csv]\n"
    "                 [--svg FILE.svg]\n"
    "Runs the scenario once per instruction boundary of the range, injecting KIND\n"
    "(irq, fiq, serror, virq, vfiq, vserror) when the PC first reaches the point,\n"
    "each run from a snapshot taken when the range is first reached. --svg also\n"
    "writes the outcomes as a heat strip (one cell per instruction boundary).\n";

static int parse(int argc, char **argv, sweep_opts *o)
{
    static const struct option lo[] = {
        { "elf", required_argument, NULL, 'e' },      { "guest", required_argument, NULL, 'g' },
        { "inject", required_argument, NULL, 'i' },   { "over", required_argument, NULL, 'o' },
        { "from", required_argument, NULL, 'f' },     { "to", required_argument, NULL, 't' },
        { "jobs", required_argument, NULL, 'j' },     { "shard", required_argument, NULL, 's' },
        { "async-take", required_argument, NULL, 'a' }, { "model", required_argument, NULL, 'm' },
        { "json", no_argument, NULL, 'J' },           { "csv", no_argument, NULL, 'C' },
        { "svg", required_argument, NULL, 'S' },
        { "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    o->model = "generic";
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = ncpu > 0 ? (unsigned)ncpu : 1;
    o->shard_k = 1;
    o->shard_n = 1;
    opterr = 0;
    optind = 1;
    int c;
    uint64_t v;
    while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
        switch (c) {
        case 'e': o->hyp = optarg; break;
        case 'g': o->guest = optarg; break;
        case 'i': o->kind = optarg; break;
        case 'o': o->over = optarg; break;
        case 'f': o->from = optarg; break;
        case 't': o->to = optarg; break;
        case 'm': o->model = optarg; break;
        case 'J': o->json = true; break;
        case 'C': o->csv = true; break;
        case 'S': o->svg = optarg; break;
        case 'a':
            if (strcmp(optarg, "earliest") && strcmp(optarg, "latest") && strcmp(optarg, "explore"))
                return fail("--async-take '%s': expected earliest, latest or explore%s", optarg, "");
            o->policy = optarg;
            break;
        case 'j':
            if (!cli_number(optarg, &v) || v == 0 || v > 1024)
                return fail("--jobs '%s': expected 1 to 1024%s", optarg, "");
            o->jobs = (unsigned)v;
            break;
        case 's':
            if (sscanf(optarg, "%u/%u", &o->shard_k, &o->shard_n) != 2 || !o->shard_n ||
                !o->shard_k || o->shard_k > o->shard_n)
                return fail("--shard '%s': expected K/N with 1 <= K <= N%s", optarg, "");
            break;
        case 'h': fputs(usage, stdout); return SIM_EXIT_OK + 100;
        default: return fail("unknown option or missing value '%s' (see sim sweep --help)%s", argv[optind - 1], "");
        }
    }
    if (!o->hyp || !o->guest)
        return fail("give --elf HYP and --guest GUEST%s%s", "", "");
    if (!o->kind)
        return fail("give --inject KIND (irq, fiq, serror, virq, vfiq, vserror)%s%s", "", "");
    if (!o->over && !(o->from && o->to))
        return fail("give --over SYMBOL or --from A --to B%s%s", "", "");
    return -1;
}

/* One world-switch machine with the options' model, stopped nowhere yet. */
static bool build(sweep_opts *o, sim_machine *m, harness *h, char *err, size_t len)
{
    bool explore = o->policy && !strcmp(o->policy, "explore");
    if (!machine_init(m) || !machine_use_model(m, o->model, explore ? NULL : o->policy, err, len))
        return false;
    if (!machine_add_ram(m, UINT64_C(0x40000000), UINT64_C(1) << 30, err, len))
        return false;
    return harness_init(h, m, o->hyp, o->guest, NULL, err, len);
}

static bool range(sweep_opts *o, sim_machine *m, uint64_t *from, uint64_t *to, char *err, size_t len)
{
    if (o->over) {
        for (unsigned i = 0; i < m->nimages; i++) {
            const sim_sym *s = symtab_find(&m->images[i].syms, o->over);
            if (s && s->size) {
                *from = s->addr;
                *to = s->addr + s->size;
                return true;
            }
            if (s) {
                snprintf(err, len, "--over '%s': the symbol has no size; use --from/--to", o->over);
                return false;
            }
        }
        char why[512];
        snprintf(err, len, "--over '%s': %s", o->over, locate_missing_symbol(m, o->over, why, sizeof why));
        return false;
    }
    const char *names[2] = { o->from, o->to };
    uint64_t *ends[2] = { from, to };
    for (unsigned i = 0; i < 2; i++) {
        char why[384]; // leaves room for the option and its value in err
        if (!locate_resolve(m, names[i], ends[i], why, sizeof why)) {
            snprintf(err, len, "--%s '%s': %s", i ? "to" : "from", names[i], why);
            return false;
        }
        // --to is one past the last point: it may end a segment
        if (!locate_in_segment(m, *ends[i] - i)) {
            snprintf(err, len, "--%s '%s': %s", i ? "to" : "from", names[i],
                     locate_outside(m, *ends[i], why, sizeof why));
            return false;
        }
    }
    if (*to <= *from) {
        snprintf(err, len, "--from/--to: expected from < to");
        return false;
    }
    return true;
}

/* Run one point from the snapshot: inject at addr, run to the end. */
static void run_point(sweep_opts *o, sim_snapshot *snap, sim_machine *m, harness *h,
                      const run_digest *ref, uint64_t limit, uint64_t addr, uint8_t policy,
                      sweep_point *out)
{
    snapshot_restore(snap, m);
    m->cpu.async_policy = policy;
    m->cycle_limit = m->cpu.cycles + limit;
    // KIND[,options] becomes KIND@ADDR[,options]
    char spec[128], err[256];
    const char *comma = strchr(o->kind, ',');
    int klen = comma ? (int)(comma - o->kind) : (int)strlen(o->kind);
    snprintf(spec, sizeof spec, "%.*s@0x%" PRIx64 "%s", klen, o->kind, addr, comma ? comma : "");
    sim_injection inj;
    memset(out, 0, sizeof *out);
    out->addr = addr;
    out->policy = policy;
    if (!inject_parse(spec, &inj, err, sizeof err) || !machine_add_injection(m, &inj, err, sizeof err)) {
        snprintf(out->o.label, sizeof out->o.label, "bad injection: %.70s", err);
        return;
    }
    harness_run(h);
    outcome_classify(h, ref, &out->o);
}

/* Worker w of n runs points i with i % n == w, streaming results to fd. */
static void worker(sweep_opts *o, sim_snapshot *snap, sim_machine *m, harness *h, const run_digest *ref,
                   uint64_t limit, const sweep_point *todo, size_t npoints, unsigned w, unsigned n, int fd)
{
    for (size_t i = w; i < npoints; i += n) {
        sweep_point r;
        run_point(o, snap, m, h, ref, limit, todo[i].addr, todo[i].policy, &r);
        r.index = todo[i].index;
        if (write(fd, &r, sizeof r) != (ssize_t)sizeof r)
            _exit(1);
    }
    _exit(0);
}

static bool run_all(sweep_opts *o, sim_snapshot *snap, sim_machine *m, harness *h, const run_digest *ref,
                    uint64_t limit, sweep_point *pts, size_t n)
{
    unsigned jobs = o->jobs < n ? o->jobs : (unsigned)(n ? n : 1);
    if (jobs <= 1) {
        for (size_t i = 0; i < n; i++) {
            size_t idx = pts[i].index;
            run_point(o, snap, m, h, ref, limit, pts[i].addr, pts[i].policy, &pts[i]);
            pts[i].index = idx;
        }
        return true;
    }
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);
    for (unsigned w = 0; w < jobs; w++) {
        pid_t pid = fork();
        if (pid < 0)
            return false;
        if (pid == 0) {
            close(fds[0]);
            worker(o, snap, m, h, ref, limit, pts, n, w, jobs, fds[1]);
        }
    }
    close(fds[1]);
    // results arrive in any order; each carries its index into pts
    sweep_point *got = malloc(n * sizeof *got);
    size_t k = 0;
    sweep_point r;
    while (got && k < n && read(fds[0], &r, sizeof r) == (ssize_t)sizeof r)
        got[k++] = r;
    close(fds[0]);
    int status;
    bool ok = got && k == n;
    while (wait(&status) > 0)
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    for (size_t i = 0; ok && i < k; i++)
        for (size_t j = 0; j < n; j++)
            if (pts[j].index == got[i].index && pts[j].policy == got[i].policy)
                pts[j] = got[i];
    free(got);
    return ok;
}

int sweep_main(int argc, char **argv)
{
    sweep_opts o;
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc == SIM_EXIT_OK + 100 ? SIM_EXIT_OK : rc;
    static sim_machine m;
    static harness h;
    char err[512];
    uint64_t from, to;
    // open the picture's file first: a bad path fails before the runs
    FILE *svg = o.svg ? fopen(o.svg, "w") : NULL;
    if (o.svg && !svg)
        return fail("%s: cannot write the SVG: %s", o.svg, strerror(errno));
    if (!build(&o, &m, &h, err, sizeof err) || !range(&o, &m, &from, &to, err, sizeof err))
        return fail("%s%s", err, "");
    // run once to the start of the range and keep that instant
    a64_set_breakpoint(&m.cpu, from);
    if (harness_run(&h) != HRUN_PAUSED)
        return fail("the range start was never reached%s: %s", "", h.why);
    a64_clear_breakpoints(&m.cpu);
    a64_set_breakpoint(&m.cpu, h.prof.panic);
    m.cpu.bkpt_resume = m.cpu.pc;
    sim_snapshot *snap = snapshot_take(&m, &h, sizeof h);
    if (!snap)
        return fail("out of memory taking the snapshot%s%s", "", "");
    // the reference: the same run without an injection
    uint64_t start = m.cpu.cycles;
    harness_run(&h);
    run_digest ref;
    outcome_digest(&h, &ref);
    uint64_t limit = (m.cpu.cycles - start) * 10 + 100000; // a point that runs 10x longer hangs
    bool explore = o.policy && !strcmp(o.policy, "explore");
    size_t npoints = (size_t)((to - from) / 4) * (explore ? 2 : 1);
    sweep_point *pts = calloc(npoints ? npoints : 1, sizeof *pts);
    size_t n = 0;
    for (size_t i = 0; i < npoints; i++) {
        size_t idx = explore ? i / 2 : i;
        if (idx % o.shard_n != o.shard_k - 1)
            continue; // another shard's point
        pts[n].index = idx;
        pts[n].addr = from + 4 * idx;
        pts[n].policy = explore ? (uint8_t)(i % 2) : m.cpu.async_policy;
        n++;
    }
    if (!run_all(&o, snap, &m, &h, &ref, limit, pts, n)) {
        snapshot_free(snap);
        free(pts);
        return fail("a worker process failed%s%s", "", "");
    }
    sweep_describe(&m, pts, n);
    sweep_report rep = { .hyp = o.hyp, .guest = o.guest, .kind = o.kind, .from = from, .to = to,
                         .explore = explore, .shard_k = o.shard_k, .shard_n = o.shard_n,
                         .points = pts, .npoints = n, .ref_end = ref.end };
    sweep_print(&rep, &m, o.json ? SWEEP_JSON : o.csv ? SWEEP_CSV : SWEEP_TEXT, stdout);
    if (svg) {
        bool ok = sweep_svg_write(&rep, svg);
        ok = fclose(svg) == 0 && ok;
        if (!ok)
            return fail("%s: cannot write the SVG: %s", o.svg, strerror(errno));
    }
    snapshot_free(snap);
    free(pts);
    machine_fini(&m);
    return SIM_EXIT_OK;
}
