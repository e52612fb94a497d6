/* sim/machine.h: one simulated machine: CPU, memory, loaded images,
 * firmware and run limits, with no global state (two can coexist). */
#ifndef SIM_MACHINE_H
#define SIM_MACHINE_H

#include <stdio.h>

#include "a64.h"
#include "firmware.h"
#include "image.h"
#include "inject.h"
#include "options.h"
#include "mem.h"

#define SIM_MAX_IMAGES 4
#define SIM_MAX_INJECTIONS 32
#define SIM_MAX_ASYNC_RECORDS 256
#define SIM_MAX_HOLES 8

struct sim_trace;
struct sim_timeline;
struct gdb_stub;

/* Hooks a mode (the world-switch harness) adds to the machine's handling
 * of the CPU's events; any may be NULL. smc returns true if it handled the
 * call (else the firmware model answers). */
typedef struct sim_hooks {
    void *ctx;
    bool (*smc)(void *ctx, a64_cpu *c, uint16_t imm);
    void (*on_entry)(void *ctx, a64_cpu *c, unsigned from_el);
    void (*on_eret)(void *ctx, a64_cpu *c, unsigned from_el);
} sim_hooks;

typedef struct sim_machine {
    a64_cpu cpu;
    a64_bus bus;
    sim_mem mem;
    sim_image images[SIM_MAX_IMAGES];
    unsigned nimages;
    sim_firmware fw;
    struct sim_trace *trace; /* NULL: tracing off */
    struct sim_timeline *timeline; /* NULL: no --timeline */
    uint64_t insn_limit, cycle_limit;
    uint64_t wait_pc;        /* where a WFI/WFE waited for ever */
    sim_injection inj[SIM_MAX_INJECTIONS];
    unsigned ninj, nunfired;
    sim_async_record rec[SIM_MAX_ASYNC_RECORDS];
    unsigned nrec;
    bool rec_overflow;       /* more asynchronous exceptions than records */
    sim_range holes[SIM_MAX_HOLES]; /* MMIO not mapped at stage 2 */
    unsigned nholes;
    sim_hooks hooks;
    const char *profile;     /* --profile: NULL picks the hyp profile from the ELF */
    bool no_alternatives;    /* --no-alternatives: a kernel runs as linked */
    struct gdb_stub *gdb;    /* --gdb: the debugger drives machine_run (NULL: none) */
} sim_machine;

bool machine_init(sim_machine *m);
void machine_fini(sim_machine *m);
/* Give the machine a CPU model (by name or path) with its features,
 * timing and firmware answers; async_take (or NULL) overrides its policy. */
bool machine_use_model(sim_machine *m, const char *model, const char *async_take, char *err, size_t len);
/* Zero-filled RAM at [base, base+size) that loaded images may overlay. */
bool machine_add_ram(sim_machine *m, uint64_t base, uint64_t size, char *err, size_t len);
/* Load an ELF; on failure err holds "PATH: reason". */
sim_image *machine_load(sim_machine *m, const char *path, char *err, size_t len);
/* Reset the CPU to start at `pc` at `el` with SP_ELx = sp. */
void machine_start(sim_machine *m, unsigned el, uint64_t pc, uint64_t sp);
/* Answer HVCs from EL1 in firmware (a run with no EL2 code of its own). */
void machine_set_hvc_conduit(sim_machine *m, bool on);
/* Add an injection (parsed by inject_parse); resolves its symbol or
 * address against the loaded images. False with err on failure. */
bool machine_add_injection(sim_machine *m, const sim_injection *inj, char *err, size_t len);
/* Guest accesses to [base, base+size) take stage-2 data aborts (with
 * HCR_EL2.VM set): MMIO the hypervisor side emulates. */
bool machine_add_mmio_hole(sim_machine *m, uint64_t base, uint64_t size);
/* Physical interrupts pending while the host runs are the host's: record
 * them so (fate "host") and clear them. */
void machine_host_took_pending(sim_machine *m);
/* Record an asynchronous exception raised outside --inject (by a device
 * or the harness) so its fate is tracked. */
void machine_note_async(sim_machine *m, unsigned kind, const char *source);
/* Assert a physical SError now (a device's asynchronous external abort),
 * recorded with `source` as its origin. */
void machine_raise_serror(sim_machine *m, uint32_t iss, const char *source);
/* Run to a stop; returns c->stop. With a debugger attached (m->gdb) it
 * drives the run and keeps the stops that are its own. */
int machine_run(sim_machine *m);
/* machine_run without the debugger: to the next stop. */
int machine_run_free(sim_machine *m);
/* One instruction boundary (injections due there fire first; traced when
 * tracing), or A64_STOP_LIMIT when a limit has been reached. */
void machine_step(sim_machine *m);

/* "symbol+0x10" for addr (or "" when no symbol is near), into buf. */
const char *machine_symbolize(const sim_machine *m, uint64_t addr, char *buf, size_t len);
/* Address of a symbol in any loaded image; false if none has it. */
bool machine_symbol(const sim_machine *m, const char *name, uint64_t *addr);

#endif
