/* isa/a64.h: the AArch64 CPU state and the narrow interface through which
 * the architecture (isa/) reaches memory and the machine around it (sim/). */
#ifndef A64_H
#define A64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "access_log.h"
#include "sysreg.h"
#include "timing.h"

#define A64_PAGE_SHIFT 12
#define A64_PAGE_SIZE (UINT64_C(1) << A64_PAGE_SHIFT)
#define A64_PAGE_MASK (~(A64_PAGE_SIZE - 1))
#define A64_INSNS_PER_PAGE (A64_PAGE_SIZE / 4)

enum a64_el { A64_EL0, A64_EL1, A64_EL2, A64_EL3 };

/* PSTATE, unpacked. nzcv and daif keep their SPSR bit positions. */
#define PSTATE_N (1u << 31)
#define PSTATE_Z (1u << 30)
#define PSTATE_C (1u << 29)
#define PSTATE_V (1u << 28)
#define PSTATE_NZCV_MASK 0xf0000000u
#define PSTATE_D (1u << 9)
#define PSTATE_A (1u << 8)
#define PSTATE_I (1u << 7)
#define PSTATE_F (1u << 6)
#define PSTATE_DAIF_MASK 0x3c0u

typedef struct a64_pstate {
    uint32_t nzcv;  /* bits [31:28] only */
    uint32_t daif;  /* bits [9:6] only */
    uint8_t el;     /* enum a64_el */
    uint8_t sp;     /* SPSel: 0 = SP_EL0, 1 = SP_ELx */
    uint8_t pan, uao, ssbs, ss, il, dit, tco;
    uint8_t btype;
} a64_pstate;

/* Why the run loop stopped (0 = keep running). */
enum a64_stop {
    A64_RUNNING = 0,
    A64_STOP_POWEROFF,     /* PSCI SYSTEM_OFF */
    A64_STOP_RESET,        /* PSCI SYSTEM_RESET */
    A64_STOP_LIMIT,        /* instruction or cycle budget used up */
    A64_STOP_EXC_LOOP,     /* an exception vector itself faulted: no handler */
    A64_STOP_WFI_DEADLOCK, /* WFI/WFE with no event that could ever wake it */
    A64_STOP_BREAK,        /* a host-side breakpoint or hook asked to stop */
    A64_STOP_WATCH,        /* a64_run reached a watch point (see a64_set_watch) */
    A64_STOP_KILLED,       /* the debugger ended the run (GDB's kill) */
};

#define A64_MAX_BREAKPOINTS 16
#define A64_MAX_WATCHES 16

/* A synchronous exception recorded by a handler, taken at the end of the
 * step by the one function that writes ELR/SPSR/ESR/FAR. */
typedef struct a64_exc {
    bool pending;
    uint8_t target_el;
    uint32_t esr;
    uint64_t pref_ret; /* preferred return address */
    bool far_valid;
    uint64_t far;
    bool hpfar_valid;
    uint64_t hpfar;
} a64_exc;

struct a64_cpu;
struct a64_dec;
typedef void (*a64_exec_fn)(struct a64_cpu *cpu, const struct a64_dec *d);

/* One predecoded instruction: the handler and the word it reads its fields
 * from (fields are extracted by letter, see decode.h). 32 bytes. */
typedef struct a64_dec {
    a64_exec_fn fn; /* NULL: not decoded yet */
    uint64_t imm;   /* operand a specialised handler needs, precomputed */
    uint32_t word;
    uint16_t op;    /* enum a64_op */
    /* for the timing model, extracted once: general registers read (31 =
     * none: XZR/SP carry no dependency) and written (32 = none, see
     * cpu_timing.h) and the cost kind */
    uint8_t src[3], dst[2];
    uint8_t tkind;  /* enum a64_tkind */
    uint8_t xop;    /* how the run loop executes it (fast.h): 0 = with the
                     * full checks of an instruction boundary */
    uint8_t r[3];   /* register numbers a specialised handler needs */
} a64_dec;

/* What the bus answered for a slow-path access. */
enum a64_bus_result {
    A64_BUS_OK = 0,
    A64_BUS_ABORT,     /* nothing answers: a synchronous external abort */
    A64_BUS_STAGE2,    /* not mapped at stage 2: an access from EL0/EL1 with
                        * HCR_EL2.VM set takes a stage-2 data abort to EL2 (the
                        * hypervisor emulates it); otherwise an external abort */
};

/* Memory as the machine provides it. Addresses are physical (no MMU yet).
 * host_page returns the host bytes of a RAM page, or NULL for a page that
 * needs the slow path (device, unmapped, or copy-on-write before a write).
 * read/write serve the slow path and return enum a64_bus_result. */
typedef struct a64_bus {
    void *ctx;
    uint8_t *(*host_page)(void *ctx, uint64_t page_addr, bool for_write);
    int (*read)(void *ctx, uint64_t addr, void *buf, unsigned len);
    int (*write)(void *ctx, uint64_t addr, const void *buf, unsigned len);
} a64_bus;

/* What the machine does for the CPU where the architecture leaves the core:
 * EL3 firmware answering an SMC, and the stop it may ask for. */
typedef struct a64_env {
    void *ctx;
    /* EL3 firmware answers an SMC that reaches it (NULL: no EL3, UNDEFINED). */
    void (*smc)(void *ctx, struct a64_cpu *cpu, uint16_t imm16);
    /* When set, an HVC from EL1 is answered by firmware instead of being
     * taken to EL2 (a run with no EL2 code of its own: the HVC conduit). */
    void (*hvc)(void *ctx, struct a64_cpu *cpu, uint16_t imm16);
    /* WFI/WFE that would wait: the machine advances time to its next event
     * or stops the run (NULL: completes at once, as a hint may). */
    void (*wait)(void *ctx, struct a64_cpu *cpu, bool is_wfe);
    /* An asynchronous exception met its fate (enum a64_async_kind, virtual
     * or physical, enum a64_async_fate, the EL and vector when taken). */
    void (*async_event)(void *ctx, struct a64_cpu *cpu, unsigned kind, bool virt, unsigned fate,
                        unsigned el, uint64_t vector);
    /* Every exception entry (after the new state is in place) and every
     * ERET (after it), for the machine's bookkeeping; may be NULL. */
    void (*on_entry)(void *ctx, struct a64_cpu *cpu, unsigned from_el);
    void (*on_eret)(void *ctx, struct a64_cpu *cpu, unsigned from_el);
} a64_env;

/* When a pending asynchronous exception is recognised after an MSR that
 * unmasks it: at the next instruction boundary, or only at the next
 * context synchronization event (ISB, exception entry, ERET). */
enum a64_async_policy { A64_ASYNC_EARLIEST, A64_ASYNC_LATEST };

/* Host-pointer TLB: a direct-mapped cache of RAM page translations. */
#define A64_TLB_SIZE 256
typedef struct a64_tlb_entry {
    uint64_t page; /* page address + 1 when valid, 0 when empty */
    uint8_t *host;
} a64_tlb_entry;

typedef struct a64_icache a64_icache;

typedef struct a64_cpu {
    uint64_t x[32];    /* x[31] stays 0 so XZR reads are plain loads */
    uint64_t sp_el[3]; /* SP_EL0, SP_EL1, SP_EL2 */
    uint64_t pc;
    uint64_t next_pc;  /* set to pc + 4 before a handler runs */
    a64_pstate ps;

    uint64_t v[32][2]; /* FP/SIMD registers: [0] low, [1] high 64 bits */
    uint64_t fpcr, fpsr;

    uint64_t sr[SR_COUNT]; /* system register storage, see sysregs.def */

    bool event_reg;    /* WFE event register (SEV, SEVL, exception return) */

    /* Asynchronous exception inputs and recognition state (async.h). */
    bool irq_line, fiq_line, serror_pending;
    uint8_t timer_lines;     /* generic timers asserting IRQ (timer.h) */
    uint8_t timer_mask;      /* timers the machine holds off (a host's mask) */
    uint64_t timer_deadline; /* cycle at which the next timer fires */
    uint32_t serror_iss;
    uint32_t recog_hold;  /* DAIF bits unmasked but not yet recognised */
    uint8_t async_policy; /* enum a64_async_policy */
    bool iesb_window;     /* an IESB exception entry was the last thing done */

    /* Local exclusive monitor. */
    bool excl_valid;
    uint64_t excl_addr;
    unsigned excl_size;

    a64_exc exc;
    int stop;          /* enum a64_stop */
    uint64_t insns;    /* retired instructions */
    uint64_t insns_el[3]; /* retired instructions by the EL they ran at */
    uint64_t cycles;

    uint64_t feat;     /* FEAT_BIT(enum a64_feature) set of the model */

    /* Timing model state (timing.c). */
    a64_timing timing;
    uint64_t ready[33];        /* cycle each X register's value is available;
                                * [31] stays 0 (XZR/SP: no dependency), [32]
                                * takes the writes of a result to none (timing.c) */
    uint64_t sb[A64_SB_MAX];   /* store buffer: cycle each entry has drained */
    unsigned sb_head, sb_count;
    uint64_t cycles_el[3];     /* cycles spent at each EL */
    uint64_t barrier_cycles;   /* cycles charged to DSB/ISB/ERET/exception refills */
    bool no_retire;            /* the handler asked for no retirement (a stop) */

    /* Exception bookkeeping the machine can read after a step. */
    uint64_t exc_taken;      /* count of exceptions taken */
    uint64_t last_vector;    /* address of the last vector entered */
    uint64_t insns_at_entry; /* c->insns when it was entered */

    const a64_dec *cur; /* the instruction being executed */

    /* Host-side breakpoints: the run stops (A64_STOP_BREAK) before the
     * instruction at one of these addresses executes; bkpt_resume lets the
     * one at that address execute once, to continue from a stop. */
    uint64_t bkpt[A64_MAX_BREAKPOINTS];
    unsigned nbkpt;
    uint64_t bkpt_resume;
    /* The address of the last breakpoint that stopped the run: tells a
     * breakpoint's stop from other A64_STOP_BREAK stops at the same PC. */
    uint64_t bkpt_hit;
    /* Watch points: a64_run stops (A64_STOP_WATCH) when the PC reaches one,
     * at the instruction boundary before anything happens there (before
     * asynchronous exceptions are considered), so the machine can act at
     * that boundary as if it had stepped there. */
    uint64_t watch[A64_MAX_WATCHES];
    unsigned nwatch;

    const a64_bus *bus;
    a64_env env;
    a64_tlb_entry tlb_r[A64_TLB_SIZE];
    a64_tlb_entry tlb_w[A64_TLB_SIZE];
    a64_icache *icache;
    /* Allocation tags (FEAT_MTE2, mte_tags.h): NULL until the first
     * non-zero tag is stored; owned by the CPU, freed by a64_cpu_fini. */
    struct a64_tags *tags;
    /* When set, every data access a load, store or atomic completes is
     * appended here (access_log.h); a64_run then runs without its fast
     * path, whose accesses bypass a64_mem_read/a64_mem_write. Not owned. */
    a64_access_log *access_log;
} a64_cpu;

/* ---- register access (n = 31 means XZR or SP as the form says) ---- */
static inline uint64_t a64_x(const a64_cpu *c, unsigned n) { return c->x[n]; }
static inline uint32_t a64_w(const a64_cpu *c, unsigned n) { return (uint32_t)c->x[n]; }
static inline void a64_set_x(a64_cpu *c, unsigned n, uint64_t v)
{
    c->x[n] = v;
    c->x[31] = 0;
}
static inline void a64_set_w(a64_cpu *c, unsigned n, uint32_t v) { a64_set_x(c, n, v); }

static inline unsigned a64_sp_index(const a64_cpu *c) { return c->ps.sp ? c->ps.el : 0; }
static inline uint64_t a64_sp(const a64_cpu *c) { return c->sp_el[a64_sp_index(c)]; }
static inline void a64_set_sp(a64_cpu *c, uint64_t v) { c->sp_el[a64_sp_index(c)] = v; }
/* Rn/Rd in forms where 31 names the stack pointer. */
static inline uint64_t a64_xsp(const a64_cpu *c, unsigned n)
{
    return n == 31 ? a64_sp(c) : c->x[n];
}
static inline void a64_set_xsp(a64_cpu *c, unsigned n, uint64_t v)
{
    if (n == 31)
        a64_set_sp(c, v);
    else
        c->x[n] = v;
}

/* ---- lifecycle and running ---- */
/* Initialise a CPU in its reset state at `el`, using `bus` for memory. */
void a64_cpu_init(a64_cpu *c, const a64_bus *bus, unsigned el);
void a64_cpu_fini(a64_cpu *c);
/* Execute one instruction (and take any exception it raises). */
void a64_step(a64_cpu *c);
/* Execute until a stop, or until c->insns reaches insn_limit or c->cycles
 * reaches cycle_limit (A64_STOP_LIMIT), or the PC a watch point
 * (A64_STOP_WATCH). */
void a64_run(a64_cpu *c, uint64_t insn_limit, uint64_t cycle_limit);

/* ---- memory, as instructions see it (faults become data aborts) ---- */
bool a64_mem_read(a64_cpu *c, uint64_t va, unsigned len, void *out);
bool a64_mem_write(a64_cpu *c, uint64_t va, unsigned len, const void *in);
/* Breakpoints (see bkpt above); false when the table is full. */
bool a64_set_breakpoint(a64_cpu *c, uint64_t addr);
void a64_clear_breakpoints(a64_cpu *c);
/* Watch points (see watch above); false when the table is full. */
bool a64_set_watch(a64_cpu *c, uint64_t addr);
void a64_clear_watches(a64_cpu *c);

/* Read memory for an observer (trace, debugger): no fault, no side effect. */
bool a64_mem_peek(a64_cpu *c, uint64_t va, void *out, unsigned len);
/* The machine changed what backs memory (mapping, snapshot): forget the
 * cached host pointers; decoded code stays. */
void a64_tlb_flush(a64_cpu *c);
/* Memory at [addr, addr+len) was written behind the CPU's back. */
void a64_code_written(a64_cpu *c, uint64_t addr, uint64_t len);

#endif
