/* tests/diff/difftest.c: runs generated sequences under qemu-aarch64 (one
 * process, runner.S) and on elsim's CPU, and compares the final states. */
#include <capstone/capstone.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "diffrec.h"
#include "gen.h"
#include "run.h"
#include "syndrome.h"

#define DEFAULT_SEED 1
#define DEFAULT_COUNT 2000

typedef struct opts {
    const char *runner, *qemu;
    uint64_t seed;
    unsigned count;
    long only;          /* -1: all */
    unsigned show;      /* mismatches printed in full */
    unsigned bisect;    /* mismatches narrowed down to one instruction */
    bool verbose;
    bool coverage;      /* print which decode-table rows the code contains */
    gen_opts gen;
} opts;

/* ---- comparing and printing ---- */

static bool same(const dstate *a, const dstate *b)
{
    if (a->status != b->status || a->pc != b->pc || a->nzcv != b->nzcv)
        return false;
    return !memcmp(a->x, b->x, sizeof a->x) && !memcmp(a->v, b->v, sizeof a->v) &&
           !memcmp(a->data, b->data, sizeof a->data);
}

static const char *status_text(int status, char *buf, size_t len)
{
    switch (status) {
    case 0: return "reached the end";
    case SIGILL: return "SIGILL (UNDEFINED)";
    case SIGSEGV: return "SIGSEGV (data/insn abort)";
    case SIGBUS: return "SIGBUS (alignment)";
    case SIGTRAP: return "SIGTRAP (BRK)";
    case SIGFPE: return "SIGFPE";
    case STATUS_LIMIT: return "step limit (never reached the end)";
    case STATUS_OTHER_EXC: return "exception without a signal";
    case STATUS_STOPPED: return "elsim's run loop stopped";
    default: snprintf(buf, len, "signal %d", status); return buf;
    }
}

/* Capstone's text for the word at its real address (branch targets then
 * read as addresses), else the name of the row elsim decodes it to. */
static void disasm(uint32_t word, uint64_t addr, char *buf, size_t len)
{
    static csh cs;
    static bool opened;
    if (!opened)
        opened = cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs) == CS_ERR_OK;
    cs_insn *insn;
    size_t n = opened ? cs_disasm(cs, (const uint8_t *)&word, 4, addr, 1, &insn) : 0;
    if (n == 1) {
        // a long operand list may be cut short: fine for a listing
        if (snprintf(buf, len, "%s %s", insn->mnemonic, insn->op_str) >= (int)len)
            buf[len - 1] = 0;
        cs_free(insn, n);
    } else {
        snprintf(buf, len, "(not in Capstone 4; elsim: %s)", a64_insns[a64_decode_op(word)].id);
    }
}

/* The code; words [cut, nbody) are left out (a truncated sequence). */
static void print_code_cut(const dseq *s, unsigned cut)
{
    for (unsigned i = 0; i < s->ncode; i++) {
        if (i >= cut && i < s->nbody) {
            if (i == cut)
                printf("    ...       (cut here: the later words exit at once)\n");
            continue;
        }
        char text[128];
        disasm(s->code[i], s->code_addr + 4 * i, text, sizeof text);
        const char *mark = i == s->nbody ? "   <- exit" : i > s->nbody ? "   (subroutine)" : "";
        printf("    %08" PRIx64 "  %08x  %-40s%s\n", s->code_addr + 4 * i, s->code[i], text, mark);
    }
}

static void print_code(const dseq *s) { print_code_cut(s, s->nbody); }

static void print_initial(const dseq *s)
{
    printf("  initial state: nzcv=%" PRIx64 " sp=0x%x\n", s->nzcv >> 28, DR_SAVE);
    for (int i = 0; i < 31; i++)
        printf("    x%-2d=%016" PRIx64 "%s", i, s->x[i], i % 4 == 3 || i == 30 ? "\n" : "");
}

static void print_states(const dstate *e, const dstate *q)
{
    char b1[32], b2[32];
    printf("  final state:%-12s %-34s %s\n", "", "elsim", "qemu");
    printf("    %-8s %-34s %s%s\n", "status", status_text(e->status, b1, sizeof b1),
           status_text(q->status, b2, sizeof b2), e->status != q->status ? "   *" : "");
    printf("    %-8s 0x%-32" PRIx64 " 0x%" PRIx64 "%s\n", "pc", e->pc, q->pc, e->pc != q->pc ? "   *" : "");
    if (e->esr)
        printf("    %-8s 0x%08x (EC 0x%02x)\n", "esr", e->esr, syn_ec(e->esr));
    if (e->stop)
        printf("    %-8s %d (enum a64_stop)\n", "stop", e->stop);
    printf("    %-8s %-34" PRIx64 " %" PRIx64 "%s\n", "nzcv", e->nzcv >> 28, q->nzcv >> 28,
           e->nzcv != q->nzcv ? "   *" : "");
    for (int i = 0; i < 31; i++) {
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        printf("    %-8s %016" PRIx64 "%-18s %016" PRIx64 "%s\n", name, e->x[i], "", q->x[i],
               e->x[i] != q->x[i] ? "   *" : "");
    }
    for (int i = 0; i < 32; i++)
        if (memcmp(e->v[i], q->v[i], 16))
            printf("    q%-7d %016" PRIx64 "%016" PRIx64 "  %016" PRIx64 "%016" PRIx64 "   *\n", i, e->v[i][1],
                   e->v[i][0], q->v[i][1], q->v[i][0]);
    int shown = 0;
    for (int i = 0; i < DR_DATA_SIZE; i += 8) {
        if (memcmp(e->data + i, q->data + i, 8))
            if (shown++ < 8)
                printf("    mem %08x %016" PRIx64 "%-18s %016" PRIx64 "   *\n", DR_DATA + i, get64(e->data + i), "",
                       get64(q->data + i));
    }
    if (shown > 8)
        printf("    ... %d more differing data words\n", shown - 8);
}

static void print_mismatch(const opts *o, unsigned index, const dseq *s, const dstate *e, const dstate *q)
{
    printf("\ndifftest: MISMATCH in sequence %u of seed %" PRIu64 " (rerun alone: --seed %" PRIu64
           " --only %u)\n",
           index, o->seed, o->seed, index);
    printf("  code:\n");
    print_code(s);
    print_initial(s);
    print_states(e, q);
}

/* ---- narrowing a mismatch down to one instruction ---- */

/* The sequence cut after `k` body words: every later body word becomes
 * `b DR_EXIT`, so branches past the cut leave at once; subroutines stay. */
static void truncate_seq(const dseq *s, unsigned k, dseq *t)
{
    *t = *s;
    for (unsigned i = k; i <= s->nbody; i++)
        t->code[i] = 0x14000000u | (uint32_t)(((DR_EXIT - (s->code_addr + 4 * i)) >> 2) & 0x3ffffff);
}

/* Mismatches blamed on one mnemonic (Capstone's first word), with an
 * example: a handler bug usually shows under one mnemonic many times. */
typedef struct culprit {
    char mnemonic[24];
    uint32_t word;        /* the first example */
    char text[96];
    bool undef_in_elsim;  /* elsim faulted with SIGILL on it, qemu did not */
    unsigned count;
    unsigned first_index;
} culprit;

typedef struct bisect_job {
    const dseq *seqs;
    dstate *elsim;
    unsigned n;
} bisect_job;

static void elsim_all(void *arg)
{
    bisect_job *j = arg;
    for (unsigned i = 0; i < j->n; i++)
        run_elsim(&j->seqs[i], &j->elsim[i]);
}

static void add_culprit(culprit *list, unsigned *n, unsigned cap, uint32_t word, bool undef, unsigned index)
{
    char text[96], mn[24];
    disasm(word, 0, text, sizeof text);
    snprintf(mn, sizeof mn, "%.*s", (int)strcspn(text, " "), text);
    for (unsigned i = 0; i < *n; i++)
        if (!strcmp(list[i].mnemonic, mn) && list[i].undef_in_elsim == undef) {
            list[i].count++;
            return;
        }
    if (*n >= cap)
        return;
    culprit *c = &list[(*n)++];
    memcpy(c->mnemonic, mn, sizeof mn);
    memcpy(c->text, text, sizeof text);
    c->word = word;
    c->undef_in_elsim = undef;
    c->count = 1;
    c->first_index = index;
}

/* For each failing sequence, run every prefix on both sides; the first
 * prefix that differs ends with the instruction to blame. */
static void bisect(const opts *o, const dseq *seqs, const unsigned *fail_idx, unsigned nfail)
{
    unsigned total = 0;
    for (unsigned f = 0; f < nfail; f++)
        total += seqs[f].nbody + 1;
    dseq *pre = calloc(total, sizeof *pre);
    dstate *pe = calloc(total, sizeof *pe), *pq = calloc(total, sizeof *pq);
    if (!pre || !pe || !pq) {
        fprintf(stderr, "difftest: out of memory\n");
        exit(2);
    }
    unsigned at = 0;
    for (unsigned f = 0; f < nfail; f++)
        for (unsigned k = 0; k <= seqs[f].nbody; k++)
            truncate_seq(&seqs[f], k, &pre[at++]);
    bisect_job job = { pre, pe, total };
    unsigned got = run_qemu(o->qemu, o->runner, pre, total, pq, elsim_all, &job);

    culprit list[64];
    unsigned nlist = 0;
    at = 0;
    printf("\ndifftest: narrowing %u mismatching sequences to their first differing instruction\n", nfail);
    for (unsigned f = 0; f < nfail; f++) {
        const dseq *s = &seqs[f];
        unsigned k;
        for (k = 0; k <= s->nbody && at + k < got; k++)
            if (!same(&pe[at + k], &pq[at + k]))
                break;
        if (k == 0 || k > s->nbody || at + k >= got) {
            printf("  sequence %u: no prefix differs (a difference only in the whole run)\n", fail_idx[f]);
        } else {
            uint32_t w = s->code[k - 1];
            bool undef = pe[at + k].status == SIGILL && pq[at + k].status != SIGILL;
            add_culprit(list, &nlist, 64, w, undef, fail_idx[f]);
            if (f < o->show) {
                printf("\n  sequence %u first differs after word %u: %08x\n", fail_idx[f], k - 1, w);
                print_code_cut(&pre[at + k], k);
                print_states(&pe[at + k], &pq[at + k]);
            }
        }
        at += s->nbody + 1;
    }
    printf("\ndifftest: instructions to blame (sequences, example word and text; a BL/BLR stands for\n"
           "its subroutine too):\n");
    for (unsigned i = 0; i < nlist; i++)
        printf("  %4u  %08x  %-38s %s (first in sequence %u)\n", list[i].count, list[i].word, list[i].text,
               list[i].undef_in_elsim ? "UNDEFINED in elsim only" : "results differ", list[i].first_index);
    free(pre);
    free(pe);
    free(pq);
}

/* How the sequences ended under qemu: a generator that strays outside the
 * data window shows up here as SIGSEGV. */
static void print_outcomes(const dstate *q, unsigned n)
{
    int seen[8];
    unsigned count[8], nseen = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned k;
        for (k = 0; k < nseen && seen[k] != q[i].status; k++)
            ;
        if (k == nseen && nseen < 8) {
            seen[nseen] = q[i].status;
            count[nseen++] = 0;
        }
        if (k < nseen)
            count[k]++;
    }
    printf("\ndifftest: qemu outcomes:");
    for (unsigned k = 0; k < nseen; k++) {
        char buf[32];
        printf("%s %u %s", k ? "," : "", count[k], status_text(seen[k], buf, sizeof buf));
    }
    printf("\n");
}

/* How often each decode-table row occurs in the generated code, and the
 * rows of the classes the generator targets that never occur. */
static void print_coverage(const dseq *seqs, unsigned n)
{
    static unsigned hits[OP_COUNT + 1];
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < seqs[i].ncode; k++)
            hits[a64_decode_op(seqs[i].code[k])]++;
    printf("\ndifftest: rows hit (row: words):\n");
    for (unsigned op = 0; op <= OP_COUNT; op++)
        if (hits[op])
            printf("  %-16s %u\n", a64_insns[op].id, hits[op]);
    printf("difftest: rows never generated:");
    for (unsigned op = 0; op < OP_COUNT; op++)
        if (!hits[op])
            printf(" %s", a64_insns[op].id);
    printf("\n");
}

/* ---- main ---- */

static void usage(void)
{
    fprintf(stderr,
            "usage: difftest --runner runner.elf [--qemu qemu-aarch64] [--seed N] [--count N]\n"
            "                [--only INDEX] [--show N] [--bisect N] [--groups dp,branch,ldst,simd,atomic,crc,sys]\n"
            "                [--aligned] [--verbose] [--coverage]\n"
            "Seed and count default to $ELSIM_DIFF_SEED and $ELSIM_DIFF_COUNT, else %d and %d.\n",
            DEFAULT_SEED, DEFAULT_COUNT);
    exit(2);
}

static unsigned parse_groups(const char *s)
{
    static const struct { const char *name; unsigned bit; } g[] = {
        { "dp", GEN_DP }, { "branch", GEN_BRANCH }, { "ldst", GEN_LDST },
        { "simd", GEN_SIMD }, { "atomic", GEN_ATOMIC }, { "crc", GEN_CRC }, { "sys", GEN_SYS }, { "all", GEN_ALL },
    };
    unsigned bits = 0;
    char *copy = strdup(s), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        unsigned i;
        for (i = 0; i < sizeof g / sizeof g[0]; i++)
            if (!strcmp(tok, g[i].name))
                break;
        if (i == sizeof g / sizeof g[0]) {
            fprintf(stderr, "difftest: unknown group '%s'\n", tok);
            usage();
        }
        bits |= g[i].bit;
    }
    free(copy);
    return bits;
}

static uint64_t parse_num(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || !*s || *end) {
        fprintf(stderr, "difftest: bad %s '%s'\n", what, s);
        usage();
    }
    return v;
}

static void parse_args(int argc, char **argv, opts *o)
{
    const char *env;
    *o = (opts){ .qemu = "qemu-aarch64", .seed = DEFAULT_SEED, .count = DEFAULT_COUNT, .only = -1,
                 .show = 3, .bisect = 20, .gen = { .groups = GEN_ALL } };
    if ((env = getenv("ELSIM_DIFF_SEED")) && *env)
        o->seed = parse_num(env, "ELSIM_DIFF_SEED");
    if ((env = getenv("ELSIM_DIFF_COUNT")) && *env)
        o->count = (unsigned)parse_num(env, "ELSIM_DIFF_COUNT");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--runner") && has)
            o->runner = argv[++i];
        else if (!strcmp(a, "--qemu") && has)
            o->qemu = argv[++i];
        else if (!strcmp(a, "--seed") && has)
            o->seed = parse_num(argv[++i], "seed");
        else if (!strcmp(a, "--count") && has)
            o->count = (unsigned)parse_num(argv[++i], "count");
        else if (!strcmp(a, "--only") && has)
            o->only = (long)parse_num(argv[++i], "index");
        else if (!strcmp(a, "--show") && has)
            o->show = (unsigned)parse_num(argv[++i], "count");
        else if (!strcmp(a, "--bisect") && has)
            o->bisect = (unsigned)parse_num(argv[++i], "count");
        else if (!strcmp(a, "--groups") && has)
            o->gen.groups = parse_groups(argv[++i]);
        else if (!strcmp(a, "--aligned"))
            o->gen.aligned_only = true;
        else if (!strcmp(a, "--verbose"))
            o->verbose = true;
        else if (!strcmp(a, "--coverage"))
            o->coverage = true;
        else
            usage();
    }
    if (!o->runner)
        usage();
}

int main(int argc, char **argv)
{
    opts o;
    parse_args(argc, argv, &o);
    char err[160];
    if (!a64_decode_init(err, sizeof err)) {
        fprintf(stderr, "difftest: decode table: %s\n", err);
        return 2;
    }
    unsigned first = o.only >= 0 ? (unsigned)o.only : 0;
    unsigned n = o.only >= 0 ? 1 : o.count;
    size_t cap = n ? n : 1;
    dseq *seqs = calloc(cap, sizeof *seqs);
    dstate *eq = calloc(cap, sizeof *eq), *qq = calloc(cap, sizeof *qq);
    unsigned *fail = calloc(cap, sizeof *fail);
    dseq *fail_seqs = calloc(o.bisect ? o.bisect : 1, sizeof *fail_seqs);
    if (!seqs || !eq || !qq || !fail || !fail_seqs) {
        fprintf(stderr, "difftest: out of memory for %u sequences\n", n);
        return 2;
    }
    for (unsigned i = 0; i < n; i++)
        gen_seq(o.seed, first + i, &o.gen, &seqs[i]);

    bisect_job job = { seqs, eq, n };
    unsigned got = run_qemu(o.qemu, o.runner, seqs, n, qq, elsim_all, &job);

    unsigned bad = 0, words = 0;
    unsigned nfs = 0;
    for (unsigned i = 0; i < n; i++) {
        words += seqs[i].ncode;
        if (i >= got) {
            printf("\ndifftest: qemu gave no result for sequence %u (seed %" PRIu64 "): it stopped there\n",
                   first + i, o.seed);
            print_code(&seqs[i]);
            bad += n - i;
            break;
        }
        bool ok = same(&eq[i], &qq[i]);
        if (!ok) {
            if (bad < o.show)
                print_mismatch(&o, first + i, &seqs[i], &eq[i], &qq[i]);
            if (nfs < o.bisect) {
                fail[nfs] = first + i;
                fail_seqs[nfs++] = seqs[i];
            }
            bad++;
        } else if (o.verbose) {
            printf("\ndifftest: sequence %u matches\n", first + i);
            print_code(&seqs[i]);
            print_states(&eq[i], &qq[i]);
        }
    }
    if (o.coverage)
        print_coverage(seqs, n);
    if (bad && nfs)
        bisect(&o, fail_seqs, fail, nfs);
    print_outcomes(qq, got);
    printf("\ndifftest: seed %" PRIu64 ": %u sequences (%u instruction words), %u mismatch%s\n", o.seed, n,
           words, bad, bad == 1 ? "" : "es");
    if (bad)
        printf("difftest: FAILED with seed %" PRIu64 " (set ELSIM_DIFF_SEED or --seed to vary it)\n", o.seed);
    free(seqs);
    free(eq);
    free(qq);
    free(fail);
    free(fail_seqs);
    return bad ? 1 : 0;
}
