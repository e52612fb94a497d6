/* sim/options.c: command-line parsing for `sim` (getopt_long), defaults,
 * and the usage text. */
#include "options.h"
#include "suggest.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ELSIM_VERSION
#define ELSIM_VERSION "0.0.0" // CMake defines it from project(VERSION)
#endif

#include "trace.h"

#define DEFAULT_RAM_BASE UINT64_C(0x40000000) /* where QEMU's virt board has RAM */
#define DEFAULT_RAM_SIZE (UINT64_C(1) << 30)
#define DEFAULT_MAX_CYCLES UINT64_C(2000000000)

static const char usage[] =
    "Usage: sim --elf FILE [OPTION]...\n"
    "  or:  sim --elf HYP --guest GUEST [OPTION]...\n"
    "  or:  sim --script FILE.lua [OPTION]...\n"
    "  or:  sim sweep --elf HYP --guest GUEST --inject KIND --over SYMBOL [OPTION]...\n"
    "  or:  sim sweep-merge [--json|--csv] FILE.json...\n"
    "Run AArch64 EL2 code (and an EL1 guest) on elsim's cycle-level exception model.\n"
    "\n"
    "Bare-metal mode: run FILE from its entry point at EL2 (or --el 1) until\n"
    "PSCI SYSTEM_OFF (w0 = 0x84000008; smc #0, or hvc #0 from EL1).\n"
    "\n"
    "  --elf FILE            AArch64 ELF (ET_EXEC or ET_DYN) to load and run\n"
    "  --guest FILE          world-switch mode: --elf is the hyp, FILE the EL1 guest\n"
    "  --profile NAME        world-switch hyp profile: linux-nvhe or elsim-testdata\n"
    "                        (default: picked from the --elf image's symbols)\n"
    "  --no-alternatives     run a Linux image as linked (no .altinstructions patching)\n"
    "  --el N                start at EL1 or EL2 (default 2)\n"
    "  --model NAME|FILE     CPU model: generic (default), cortex-a53, neoverse-n1,\n"
    "                        armv8.5-max, or a model file (.lua)\n"
    "  --entry ADDR|SYMBOL   start here instead of the ELF entry point\n"
    "  --sp ADDR             initial SP_ELx (default: top of the first RAM region)\n"
    "  --hcr VALUE           HCR_EL2 at the start (bare-metal; RW is set for --el 1)\n"
    "  --inject KIND@WHERE[,esr=ISS]\n"
    "                        assert irq, fiq, serror, virq, vfiq or vserror when PC\n"
    "                        reaches WHERE (symbol, symbol+N, address) or at insn=N\n"
    "                        or cycle=N (repeatable)\n"
    "  --allow-unfired       an injection that never fired is not a failure\n"
    "  --async-take POLICY   when an unmasked pending interrupt is taken: earliest\n"
    "                        (next instruction) or latest (next ISB/ERET/exception)\n"
    "  --list-models         list the CPU models and exit\n"
    "  --script FILE.lua     run a Lua scenario (see the README); --elf/--guest\n"
    "                        become its defaults\n"
    "  --ram BASE:SIZE       RAM region (repeatable; default 0x40000000:1G)\n"
    "  --max-insns N         stop (exit 4) after N instructions\n"
    "  --max-cycles N        stop (exit 4) after N cycles (default 2000000000)\n"
    "  --dump-memory A:LEN   print LEN bytes at A as 64-bit words at the end (repeatable)\n"
    "  --json                print the final state as JSON\n"
    "  --trace               print one line per instruction\n"
    "  --trace-file FILE     write the trace to FILE instead of stdout\n"
    "  --trace-format FMT    text (default) or tarmac (Arm's Tarmac text format);\n"
    "                        implies --trace\n"
    "  --timeline FILE       write a timeline (Chrome trace-event JSON: Perfetto,\n"
    "                        chrome://tracing) of ELs, hyp paths, exits and async events\n"
    "  --timeline-svg FILE   write the same timeline as an SVG picture\n"
    "  --gdb PORT            serve GDB's remote protocol on PORT (0: a free one, printed)\n"
    "                        and wait for the debugger before the first instruction\n"
    "  --gdb-listen ADDR     the IPv4 address --gdb listens on (default 127.0.0.1, this\n"
    "                        machine only; 0.0.0.0 opens it to the network)\n"
    "  --help                print this help and exit\n"
    "  --version             print the version and exit\n"
    "\n"
    "Numbers take 0x, K, M and G. Exit status: 0 completed, 1 expectation failed,\n"
    "2 bad usage or input, 3 crashed (exception loop, panic), 4 limit reached (or\n"
    "killed from the debugger).\n"
    "`sim sweep --help` describes sweeps; `man sim` has the whole manual.\n";

static enum cli_result error(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return CLI_ERROR;
}

bool cli_number(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s)
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    if (shift) {
        end++;
        if (v > (UINT64_MAX >> shift))
            return false;
        v <<= shift;
    }
    if (*end)
        return false;
    *out = v;
    return true;
}

/* "ADDR:LEN" into a range. */
static bool parse_range(const char *s, sim_range *r)
{
    const char *colon = strchr(s, ':');
    if (!colon || colon == s)
        return false;
    char addr[64];
    size_t n = (size_t)(colon - s);
    if (n >= sizeof addr)
        return false;
    memcpy(addr, s, n);
    addr[n] = 0;
    return cli_number(addr, &r->addr) && cli_number(colon + 1, &r->len) && r->len > 0 &&
           r->addr + r->len >= r->addr;
}

enum { OPT_ELF = 256, OPT_GUEST, OPT_EL, OPT_ENTRY, OPT_SP, OPT_RAM, OPT_MAX_INSNS,
       OPT_MAX_CYCLES, OPT_DUMP, OPT_JSON, OPT_TRACE, OPT_TRACE_FILE, OPT_TRACE_FORMAT, OPT_HELP, OPT_VERSION, OPT_MODEL, OPT_INJECT, OPT_ALLOW_UNFIRED,
       OPT_ASYNC_TAKE, OPT_HCR, OPT_LIST_MODELS, OPT_SCRIPT, OPT_PROFILE, OPT_NO_ALT,
       OPT_TIMELINE, OPT_TIMELINE_SVG, OPT_GDB, OPT_GDB_LISTEN };

static const struct option longopts[] = {
    { "elf", required_argument, NULL, OPT_ELF },
    { "guest", required_argument, NULL, OPT_GUEST },
    { "el", required_argument, NULL, OPT_EL },
    { "entry", required_argument, NULL, OPT_ENTRY },
    { "sp", required_argument, NULL, OPT_SP },
    { "ram", required_argument, NULL, OPT_RAM },
    { "max-insns", required_argument, NULL, OPT_MAX_INSNS },
    { "max-cycles", required_argument, NULL, OPT_MAX_CYCLES },
    { "dump-memory", required_argument, NULL, OPT_DUMP },
    { "json", no_argument, NULL, OPT_JSON },
    { "trace", no_argument, NULL, OPT_TRACE },
    { "trace-file", required_argument, NULL, OPT_TRACE_FILE },
    { "trace-format", required_argument, NULL, OPT_TRACE_FORMAT },
    { "model", required_argument, NULL, OPT_MODEL },
    { "inject", required_argument, NULL, OPT_INJECT },
    { "allow-unfired", no_argument, NULL, OPT_ALLOW_UNFIRED },
    { "async-take", required_argument, NULL, OPT_ASYNC_TAKE },
    { "hcr", required_argument, NULL, OPT_HCR },
    { "list-models", no_argument, NULL, OPT_LIST_MODELS },
    { "script", required_argument, NULL, OPT_SCRIPT },
    { "profile", required_argument, NULL, OPT_PROFILE },
    { "no-alternatives", no_argument, NULL, OPT_NO_ALT },
    { "timeline", required_argument, NULL, OPT_TIMELINE },
    { "timeline-svg", required_argument, NULL, OPT_TIMELINE_SVG },
    { "gdb", required_argument, NULL, OPT_GDB },
    { "gdb-listen", required_argument, NULL, OPT_GDB_LISTEN },
    { "help", no_argument, NULL, OPT_HELP },
    { "version", no_argument, NULL, OPT_VERSION },
    { NULL, 0, NULL, 0 },
};

static enum cli_result apply(int opt, const char *arg, sim_options *o, char *err, size_t len)
{
    switch (opt) {
    case OPT_ELF: o->elf = arg; break;
    case OPT_GUEST: o->guest = arg; break;
    case OPT_ENTRY: o->entry = arg; break;
    case OPT_MODEL: o->model = arg; break;
    case OPT_SCRIPT: o->script = arg; break;
    case OPT_PROFILE:
        if (strcmp(arg, "linux-nvhe") != 0 && strcmp(arg, "elsim-testdata") != 0)
            return error(err, len, "--profile '%s': expected linux-nvhe or elsim-testdata", arg);
        o->profile = arg;
        break;
    case OPT_NO_ALT: o->no_alternatives = true; break;
    case OPT_TIMELINE: o->timeline = arg; break;
    case OPT_TIMELINE_SVG: o->timeline_svg = arg; break;
    case OPT_GDB: {
        uint64_t port;
        if (!cli_number(arg, &port) || port > 65535)
            return error(err, len, "--gdb '%s': expected a TCP port, 0 to 65535 (0: any free port)", arg);
        o->gdb = true;
        o->gdb_port = (unsigned)port;
        break;
    }
    case OPT_GDB_LISTEN: {
        struct in_addr a;
        if (inet_pton(AF_INET, arg, &a) != 1)
            return error(err, len, "--gdb-listen '%s': expected an IPv4 address such as 127.0.0.1", arg);
        o->gdb_listen = arg;
        break;
    }
    case OPT_ALLOW_UNFIRED: o->allow_unfired = true; break;
    case OPT_ASYNC_TAKE:
        if (strcmp(arg, "earliest") != 0 && strcmp(arg, "latest") != 0)
            return error(err, len, "--async-take '%s': expected earliest or latest", arg);
        o->async_take = arg;
        break;
    case OPT_HCR:
        if (!cli_number(arg, &o->hcr))
            return error(err, len, "--hcr '%s': expected a 64-bit value", arg);
        o->have_hcr = true;
        break;
    case OPT_INJECT:
        if (o->ninject == SIM_MAX_INJECT)
            return error(err, len, "--inject: at most %d injections", SIM_MAX_INJECT);
        if (!inject_parse(arg, &o->inject[o->ninject], err, len))
            return CLI_ERROR;
        o->ninject++;
        break;
    case OPT_JSON: o->json = true; break;
    case OPT_TRACE: o->trace = true; break;
    case OPT_TRACE_FILE: o->trace = true; o->trace_file = arg; break;
    case OPT_TRACE_FORMAT: {
        enum trace_format f;
        if (!trace_format_parse(arg, &f))
            return error(err, len, "--trace-format '%s': expected text or tarmac", arg);
        o->trace_format = f;
        o->trace = true;
        break;
    }
    case OPT_EL: {
        uint64_t el;
        if (!cli_number(arg, &el) || (el != 1 && el != 2))
            return error(err, len, "--el '%s': expected 1 or 2", arg);
        o->el = (unsigned)el;
        break;
    }
    case OPT_SP:
        if (!cli_number(arg, &o->sp))
            return error(err, len, "--sp '%s': expected an address", arg);
        o->have_sp = true;
        break;
    case OPT_MAX_INSNS:
        if (!cli_number(arg, &o->max_insns) || !o->max_insns)
            return error(err, len, "--max-insns '%s': expected a positive number", arg);
        break;
    case OPT_MAX_CYCLES:
        if (!cli_number(arg, &o->max_cycles) || !o->max_cycles)
            return error(err, len, "--max-cycles '%s': expected a positive number", arg);
        break;
    case OPT_DUMP:
        if (o->ndumps == SIM_MAX_DUMPS)
            return error(err, len, "--dump-memory: at most %d regions", SIM_MAX_DUMPS);
        if (!parse_range(arg, &o->dumps[o->ndumps]))
            return error(err, len, "--dump-memory '%s': expected ADDR:LEN, e.g. 0x40200000:64", arg);
        // the JSON summary holds every word in memory: keep it bounded
        if (o->dumps[o->ndumps].len > SIM_MAX_DUMP_LEN)
            return error(err, len, "--dump-memory '%s': at most %lluM bytes per region", arg,
                         (unsigned long long)(SIM_MAX_DUMP_LEN >> 20));
        o->ndumps++;
        break;
    case OPT_RAM:
        if (o->nrams == SIM_MAX_RAMS)
            return error(err, len, "--ram: at most %d regions", SIM_MAX_RAMS);
        if (!parse_range(arg, &o->rams[o->nrams]))
            return error(err, len, "--ram '%s': expected BASE:SIZE, e.g. 0x40000000:512M", arg);
        o->nrams++;
        break;
    default: break;
    }
    return CLI_RUN;
}

enum cli_result cli_parse(int argc, char **argv, sim_options *o, char *err, size_t len)
{
    memset(o, 0, sizeof *o);
    o->el = 2;
    o->model = "generic";
    o->max_cycles = DEFAULT_MAX_CYCLES;
    o->max_insns = UINT64_MAX;
    opterr = 0;
    optind = 0; // 0, not 1: getopt also forgets where a previous parse stopped
    int opt;
    // ":": a missing value is ':', anything else wrong '?' (optopt says what)
    while ((opt = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        if (opt == ':')
            return error(err, len, "option '%s' needs a value (see sim --help)", argv[optind - 1]);
        if (opt == '?' && optopt >= OPT_ELF) {
            for (const struct option *lo = longopts; lo->name; lo++)
                if (lo->val == optopt)
                    return error(err, len, "option '--%s' takes no value (see sim --help)", lo->name);
        }
        if (opt == '?' && optopt)
            return error(err, len, "unknown option '-%c' (options are long, e.g. --elf: see sim --help)", optopt);
        if (opt == '?') {
            // an abbreviation of several (--e: --el, --elf, --entry) or none
            const char *w = argv[optind - 1];
            bool dashes = strncmp(w, "--", 2) == 0;
            size_t n = dashes ? strcspn(w + 2, "=") : 0, matches = 0;
            for (const struct option *lo = longopts; dashes && lo->name; lo++)
                matches += strncmp(lo->name, w + 2, n) == 0;
            if (matches > 1 || !dashes)
                return error(err, len, "%s option '%s' (see sim --help)", matches > 1 ? "ambiguous" : "unknown", w);
            char name[64], hint[256], dashed[sizeof longopts / sizeof longopts[0]][40];
            snprintf(name, sizeof name, "--%.*s", (int)n, w + 2);
            sim_suggest s;
            suggest_init(&s, name);
            for (size_t i = 0; longopts[i].name; i++) {
                snprintf(dashed[i], sizeof dashed[i], "--%s", longopts[i].name);
                suggest_offer(&s, dashed[i]);
            }
            suggest_text(&s, hint, sizeof hint);
            return error(err, len, "unknown option '%s'%s (see sim --help)", w, hint);
        }
        if (opt == OPT_HELP) {
            fputs(usage, stdout);
            return CLI_DONE;
        }
        if (opt == OPT_LIST_MODELS) {
            o->list_models = true;
            return CLI_DONE;
        }
        if (opt == OPT_VERSION) {
            printf("sim (elsim) %s\n", ELSIM_VERSION);
            puts("A cycle-level AArch64 exception-model simulator.\n"
                 "Written by the elsim developers.");
            return CLI_DONE;
        }
        if (apply(opt, optarg, o, err, len) == CLI_ERROR)
            return CLI_ERROR;
    }
    if (optind < argc)
        return error(err, len, "unexpected argument '%s' (see sim --help)", argv[optind]);
    if (!o->elf && !o->script)
        return error(err, len, "no program: give --elf FILE or --script FILE (see sim --help)");
    if (o->gdb_listen && !o->gdb)
        return error(err, len, "--gdb-listen '%s': needs --gdb PORT", o->gdb_listen);
    if (!o->gdb_listen)
        o->gdb_listen = "127.0.0.1";
    if (!o->nrams) {
        o->rams[0] = (sim_range){ DEFAULT_RAM_BASE, DEFAULT_RAM_SIZE };
        o->nrams = 1;
    }
    if (!o->have_sp)
        o->sp = o->rams[0].addr + o->rams[0].len;
    return CLI_RUN;
}
