/* sim/options.h: the command line of `sim`, parsed into options, with a
 * one-line message for every bad value. */
#ifndef SIM_OPTIONS_H
#define SIM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inject.h"

#define SIM_MAX_DUMPS 16
#define SIM_MAX_DUMP_LEN (UINT64_C(16) << 20) /* bytes per --dump-memory region */
#define SIM_MAX_RAMS 8
#define SIM_MAX_INJECT 32

/* Exit statuses (DESIGN section 8). */
enum sim_exit {
    SIM_EXIT_OK = 0,     /* the run completed and every expectation held */
    SIM_EXIT_FAIL = 1,   /* an expectation or assertion failed */
    SIM_EXIT_USAGE = 2,  /* bad usage or unreadable input */
    SIM_EXIT_PANIC = 3,  /* the code under test crashed (hyp panic, exception loop) */
    SIM_EXIT_LIMIT = 4,  /* a cycle or instruction limit, or a wait for ever */
};

typedef struct sim_range {
    uint64_t addr, len;
} sim_range;

typedef struct sim_options {
    const char *elf;
    const char *guest;
    unsigned el;            /* start EL in bare-metal mode: 1 or 2 */
    bool have_sp;
    uint64_t sp;
    const char *entry;      /* symbol or address; NULL: the ELF entry */
    const char *model;      /* CPU model name or file (default generic) */
    uint64_t max_insns, max_cycles;
    bool json;
    bool trace;
    const char *trace_file;
    unsigned trace_format;  /* enum trace_format (trace.h): text or tarmac */
    sim_range dumps[SIM_MAX_DUMPS];
    unsigned ndumps;
    sim_range rams[SIM_MAX_RAMS];
    unsigned nrams;
    sim_injection inject[SIM_MAX_INJECT];
    unsigned ninject;
    bool allow_unfired;     /* an injection that never fired is not a failure */
    const char *async_take; /* "earliest"/"latest": overrides the model */
    bool have_hcr;
    uint64_t hcr;           /* HCR_EL2 at the start of a bare-metal run */
    bool list_models;       /* --list-models (CLI_DONE: the caller lists) */
    const char *script;     /* --script FILE.lua: a scenario drives the run */
    const char *profile;    /* --profile NAME (NULL: picked from the image) */
    bool no_alternatives;   /* --no-alternatives: a kernel runs as linked */
    const char *timeline;     /* --timeline FILE.json: Chrome trace-event JSON */
    const char *timeline_svg; /* --timeline-svg FILE.svg: the same as a picture */
    bool gdb;               /* --gdb PORT: wait for GDB, which drives the run */
    unsigned gdb_port;      /* 0: any free port */
    const char *gdb_listen; /* --gdb-listen ADDR (default 127.0.0.1) */
} sim_options;

enum cli_result { CLI_RUN, CLI_DONE, CLI_ERROR };

/* Parse argv. CLI_DONE: --help/--version printed. CLI_ERROR: err holds a
 * one-line message. */
enum cli_result cli_parse(int argc, char **argv, sim_options *o, char *err, size_t len);
/* A number with an optional K/M/G suffix (powers of 1024); false if bad. */
bool cli_number(const char *s, uint64_t *out);

#endif
