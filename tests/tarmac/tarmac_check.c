/* tests/tarmac/tarmac_check.c: checks every line of a Tarmac trace that
 * elsim wrote against the grammar of the format (anchored patterns per
 * line kind, numbers in their widths) and its order (times never decrease,
 * the instruction counter goes up by one, memory and register lines belong
 * to an instruction or exception record, the mode field agrees with cpsr),
 * then the expectations given on the command line.
 *
 *   tarmac_check [--symbols ELF]... [--expect RE]... [--expect-next RE1 RE2]...
 *                [--expect-count RE N]... TRACE
 *
 * RE are POSIX extended expressions; {sym}, {sym+0xN}, {sym-N} become the
 * address of an ELF symbol as 16 lowercase hex digits, {sym:X} uppercase.
 * Exit 0 when all holds, 1 (with FILE:LINE: why) when not, 2 on bad usage. */
#include <inttypes.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"

#define MAX_EXPECT 64
#define MAX_LINE 4096

enum kind { K_INSN, K_REG, K_MEM, K_EVENT, K_COUNT };

/* The line kinds: `<time> clk ` and then one of these, anchored. */
static const char *const kind_re[K_COUNT] = {
    [K_INSN] = "^(0|[1-9][0-9]*) clk (IT|IS) \\(([1-9][0-9]*)\\) ([0-9a-f]{16}) ([0-9a-f]{8}) O "
               "EL([0-2])([th])_n : ([^ ].*)$",
    [K_REG] = "^(0|[1-9][0-9]*) clk R ([A-Za-z][A-Za-z0-9_]*) ([0-9A-Fa-f]+)$",
    [K_MEM] = "^(0|[1-9][0-9]*) clk M([RW])(1|2|4|8) ([0-9a-f]{16}):([0-9a-f]{16})_NS ([0-9a-f_]+)$",
    [K_EVENT] = "^(0|[1-9][0-9]*) clk E ([0-9a-f]{16}) ([0-9a-f]{8}) "
                "CoreEvent_(CURRENT_SP0|CURRENT_SPx|LOWER_64|LOWER_32)_(SYNC|IRQ|FIQ|ABORT)$",
};

/* Register names and the width of their values. */
static const struct {
    const char *re;
} reg_re[] = {
    { "^X([0-9]|[12][0-9]|30) [0-9A-F]{16}$" },
    { "^SP_EL[0-2] [0-9A-F]{16}$" },
    { "^cpsr [0-9a-f]{8}$" },
    { "^q([0-9]|[12][0-9]|3[01]) [0-9A-F]{32}$" },
    { "^fp(cr|sr) [0-9A-F]{8}$" },
    // a system register: an Arm ARM name, never one of the forms above
    { "^[A-Z][A-Za-z0-9_]* [0-9A-F]{16}$" },
};
#define NREG (sizeof reg_re / sizeof reg_re[0])
#define REG_SYSREG (NREG - 1)
static const char *const not_sysreg_re = "^(X[0-9]+|SP_EL[0-9]+|W[0-9]+|V[0-9]+|Q[0-9]+|SP|PC|CPSR) ";

/* Memory values: as many hex digits as the size, 8 bytes in two halves. */
static const char *const mem_value_re[9] = {
    [1] = "^[0-9a-f]{2}$", [2] = "^[0-9a-f]{4}$", [4] = "^[0-9a-f]{8}$", [8] = "^[0-9a-f]{8}_[0-9a-f]{8}$",
};

static const char *const event_group[4] = { "CURRENT_SP0", "CURRENT_SPx", "LOWER_64", "LOWER_32" };
static const char *const event_type[4] = { "SYNC", "IRQ", "FIQ", "ABORT" };

static regex_t kind_rx[K_COUNT], reg_rx[NREG], not_sysreg_rx, mem_value_rx[9];

static const char *path;
static unsigned lineno;

static void fail(const char *line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%u: ", path, lineno);
    vfprintf(stderr, fmt, ap);
    if (line)
        fprintf(stderr, ": '%s'", line);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void compile(regex_t *rx, const char *re)
{
    int e = regcomp(rx, re, REG_EXTENDED);
    if (e) {
        char msg[256];
        regerror(e, rx, msg, sizeof msg);
        fprintf(stderr, "tarmac_check: bad expression '%s': %s\n", re, msg);
        exit(2);
    }
}

static uint64_t field_u64(const char *line, const regmatch_t *m, int base)
{
    return strtoull(line + m->rm_so, NULL, base);
}

static bool field_is(const char *line, const regmatch_t *m, const char *s)
{
    size_t n = (size_t)(m->rm_eo - m->rm_so);
    return strlen(s) == n && !strncmp(line + m->rm_so, s, n);
}

static int field_index(const char *line, const regmatch_t *m, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (field_is(line, m, names[i]))
            return i;
    return -1;
}

/* What the lines before have established. */
typedef struct state {
    bool any;            /* a line was read */
    uint64_t time;
    uint64_t insn_n;     /* the last instruction counter */
    enum { R_NONE, R_INSN, R_EVENT, R_STATE } rec; /* the open record at `time` */
    bool rec_regs;       /* register lines seen in the open record */
    bool rec_event;      /* an E line in the open record */
    uint64_t insn_pc;
    bool have_cpsr;
    uint32_t cpsr;
} state;

/* The instruction line: counter, mode against the last cpsr. */
static void check_insn(state *s, const char *line, const regmatch_t *m)
{
    uint64_t n = field_u64(line, &m[3], 10);
    if (n != s->insn_n + 1)
        fail(line, "instruction counter %" PRIu64 ", expected %" PRIu64, n, s->insn_n + 1);
    s->insn_n = n;
    unsigned el = (unsigned)field_u64(line, &m[6], 10);
    bool h = line[m[7].rm_so] == 'h';
    if (el == 0 && h)
        fail(line, "EL0 has no SP_EL0/SP_ELx choice: the mode is EL0t");
    if (s->have_cpsr && (((s->cpsr >> 2) & 3) != el || (s->cpsr & 1) != h))
        fail(line, "mode EL%u%c disagrees with cpsr %08" PRIx32, el, h ? 'h' : 't', s->cpsr);
    s->rec = R_INSN;
    s->rec_regs = s->rec_event = false;
    s->insn_pc = field_u64(line, &m[4], 16);
}

static void check_reg(state *s, const char *line, const regmatch_t *m)
{
    const char *rest = line + m[2].rm_so;
    unsigned i;
    for (i = 0; i < NREG; i++)
        if (!regexec(&reg_rx[i], rest, 0, NULL, 0))
            break;
    if (i == NREG || (i == REG_SYSREG && !regexec(&not_sysreg_rx, rest, 0, NULL, 0)))
        fail(line, "not a register line of the format (name and value width)");
    if (s->rec == R_NONE) {
        // registers set between instructions (the harness): a block that
        // an instruction or exception record at the same time must close
        s->rec = R_STATE;
    }
    if (field_is(line, &m[2], "cpsr")) {
        s->have_cpsr = true;
        s->cpsr = (uint32_t)field_u64(line, &m[3], 16);
        unsigned mfield = s->cpsr & 0x1f;
        // AArch32 (M[4]), reserved (M[1], EL0 with SP_EL0 "h"), EL3
        if (mfield & 0x12 || mfield == 0x01 || (mfield >> 2) == 3)
            fail(line, "cpsr M[4:0] is not an AArch64 EL0t/EL1t/EL1h/EL2t/EL2h");
    }
    s->rec_regs = true;
}

static void check_mem(state *s, const char *line, const regmatch_t *m)
{
    if (s->rec != R_INSN || s->rec_regs || s->rec_event)
        fail(line, "a memory line must follow its instruction line (before its register and E lines)");
    unsigned size = (unsigned)field_u64(line, &m[3], 10);
    char value[64];
    size_t n = (size_t)(m[6].rm_eo - m[6].rm_so);
    if (n >= sizeof value)
        fail(line, "memory value too long");
    memcpy(value, line + m[6].rm_so, n);
    value[n] = 0;
    if (regexec(&mem_value_rx[size], value, 0, NULL, 0))
        fail(line, "a %u-byte value must be %s", size, size == 8 ? "two 8-digit halves joined by _" : "that many bytes of hex");
    if (field_u64(line, &m[4], 16) != field_u64(line, &m[5], 16))
        fail(line, "VA and PA differ (elsim has no translation: VA = PA)");
}

static void check_event(state *s, const char *line, const regmatch_t *m)
{
    uint64_t number = field_u64(line, &m[3], 16);
    int g = field_index(line, &m[4], event_group, 4), t = field_index(line, &m[5], event_type, 4);
    if (number != 0x80u + 4u * (unsigned)g + (unsigned)t)
        fail(line, "event number 0x%" PRIx64 " is not the number of that event (0x%x)", number,
             0x80u + 4u * (unsigned)g + (unsigned)t);
    if (s->rec == R_INSN && !s->rec_regs && !s->rec_event) {
        // the instruction's own exception: from where it is
        if (t != 0)
            fail(line, "an asynchronous exception in an instruction's record");
        if (field_u64(line, &m[2], 16) != s->insn_pc)
            fail(line, "a synchronous exception taken at another PC than its instruction's");
    }
    if (s->rec != R_INSN || s->rec_regs || s->rec_event) {
        s->rec = R_EVENT; // taken at a boundary: a record of its own
        s->rec_regs = false;
    }
    s->rec_event = true;
}

/* Expectations: patterns over the whole trace. */
typedef struct expect {
    enum { X_ANY, X_NEXT, X_COUNT } kind;
    regex_t a, b;
    const char *src_a, *src_b;
    unsigned want, got;
    bool prev_a; /* the previous line matched a (X_NEXT) */
} expect;

static expect ex[MAX_EXPECT];
static unsigned nex;

static void expect_line(const char *line)
{
    for (unsigned i = 0; i < nex; i++) {
        expect *e = &ex[i];
        bool a = !regexec(&e->a, line, 0, NULL, 0);
        if (e->kind == X_NEXT) {
            if (e->prev_a && !regexec(&e->b, line, 0, NULL, 0))
                e->got++;
            e->prev_a = a;
        } else if (a) {
            e->got++;
        }
    }
}

static void check_file(FILE *f)
{
    state s = { 0 };
    char line[MAX_LINE];
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (!n || line[n - 1] != '\n')
            fail(NULL, "line too long or not ended by a newline");
        line[n - 1] = 0;
        regmatch_t m[10];
        int k;
        for (k = 0; k < K_COUNT; k++)
            if (!regexec(&kind_rx[k], line, 10, m, 0))
                break;
        if (k == K_COUNT)
            fail(line, "not an instruction, register, memory or event line of the format");
        uint64_t time = field_u64(line, &m[1], 10);
        if (s.any && time < s.time)
            fail(line, "time %" PRIu64 " goes back from %" PRIu64, time, s.time);
        if (s.any && time != s.time) {
            if (s.rec == R_STATE)
                fail(line, "register lines at time %" PRIu64 " belong to no instruction or exception", s.time);
            s.rec = R_NONE;
        }
        s.any = true;
        s.time = time;
        switch (k) {
        case K_INSN: check_insn(&s, line, m); break;
        case K_REG: check_reg(&s, line, m); break;
        case K_MEM: check_mem(&s, line, m); break;
        default: check_event(&s, line, m); break;
        }
        expect_line(line);
    }
    if (!s.any)
        fail(NULL, "empty trace");
    if (s.rec == R_STATE)
        fail(NULL, "the trace ends with register lines that belong to no instruction or exception");
}

/* {sym}, {sym+0xN}, {sym-N}, {sym:X}: symbol addresses from the ELF files. */
static char *substitute(sim_machine *mach, const char *re)
{
    size_t cap = strlen(re) * 4 + 64, o = 0;
    char *out = malloc(cap);
    if (!out)
        exit(2);
    for (const char *p = re; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (!close || p[1] < '_' || close == p + 1 || (p[1] >= '0' && p[1] <= '9')) {
            if (o + 2 > cap)
                exit(2);
            out[o++] = *p++;
            continue;
        }
        char name[256];
        size_t n = (size_t)(close - p - 1);
        if (n >= sizeof name)
            exit(2);
        memcpy(name, p + 1, n);
        name[n] = 0;
        bool upper = false;
        char *colon = strchr(name, ':');
        if (colon) {
            upper = !strcmp(colon, ":X");
            *colon = 0;
        }
        uint64_t off = 0, addr;
        char *sign = strpbrk(name, "+-");
        if (sign) {
            off = strtoull(sign + 1, NULL, 0);
            off = *sign == '-' ? 0 - off : off;
            *sign = 0;
        }
        if (!machine_symbol(mach, name, &addr)) {
            fprintf(stderr, "tarmac_check: no symbol '%s' in the --symbols files\n", name);
            exit(2);
        }
        if (o + 17 > cap)
            exit(2);
        o += (size_t)snprintf(out + o, cap - o, upper ? "%016" PRIX64 : "%016" PRIx64, addr + off);
        p = close + 1;
    }
    out[o] = 0;
    return out;
}

static void usage(void)
{
    fprintf(stderr, "usage: tarmac_check [--symbols ELF]... [--expect RE]... [--expect-next RE1 RE2]...\n"
                    "                    [--expect-count RE N]... TRACE\n");
    exit(2);
}

int main(int argc, char **argv)
{
    static sim_machine mach;
    if (!machine_init(&mach))
        return 2;
    char err[512];
    int i = 1;
    for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
        const char *opt = argv[i];
        if (!strcmp(opt, "--symbols") && i + 1 < argc) {
            if (!machine_load(&mach, argv[++i], err, sizeof err)) {
                fprintf(stderr, "tarmac_check: %s\n", err);
                return 2;
            }
            continue;
        }
        if (nex == MAX_EXPECT)
            usage();
        expect *e = &ex[nex];
        if (!strcmp(opt, "--expect") && i + 1 < argc) {
            e->kind = X_ANY;
            e->src_a = substitute(&mach, argv[++i]);
        } else if (!strcmp(opt, "--expect-next") && i + 2 < argc) {
            e->kind = X_NEXT;
            e->src_a = substitute(&mach, argv[++i]);
            e->src_b = substitute(&mach, argv[++i]);
            compile(&e->b, e->src_b);
        } else if (!strcmp(opt, "--expect-count") && i + 2 < argc) {
            e->kind = X_COUNT;
            e->src_a = substitute(&mach, argv[++i]);
            e->want = (unsigned)strtoul(argv[++i], NULL, 10);
        } else {
            usage();
        }
        compile(&e->a, e->src_a);
        nex++;
    }
    if (i + 1 != argc)
        usage();
    path = argv[i];
    for (int k = 0; k < K_COUNT; k++)
        compile(&kind_rx[k], kind_re[k]);
    for (unsigned k = 0; k < NREG; k++)
        compile(&reg_rx[k], reg_re[k].re);
    compile(&not_sysreg_rx, not_sysreg_re);
    for (unsigned k = 0; k < 9; k++)
        if (mem_value_re[k])
            compile(&mem_value_rx[k], mem_value_re[k]);

    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "tarmac_check: %s: cannot open\n", path);
        return 2;
    }
    check_file(f);
    fclose(f);
    int bad = 0;
    for (unsigned k = 0; k < nex; k++) {
        const expect *e = &ex[k];
        if (e->kind == X_COUNT ? e->got != e->want : !e->got) {
            if (e->kind == X_COUNT)
                fprintf(stderr, "%s: expected %u lines matching '%s', found %u\n", path, e->want, e->src_a,
                        e->got);
            else
                fprintf(stderr, "%s: expected a line matching '%s'%s%s%s, found none\n", path, e->src_a,
                        e->kind == X_NEXT ? " followed by one matching '" : "", e->kind == X_NEXT ? e->src_b : "",
                        e->kind == X_NEXT ? "'" : "");
            bad = 1;
        }
    }
    if (!bad)
        printf("%s: %u lines, all in the Tarmac grammar; %u expectations hold\n", path, lineno, nex);
    machine_fini(&mach);
    return bad;
}
