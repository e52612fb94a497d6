/* tests/fuzz/fuzz_exec.c: arbitrary instruction words run as EL2 and as EL1
 * code with catch-all vectors; no input may crash the host or break PSTATE. */
#include <string.h>

#include "async.h"
#include "fuzz.h"
#include "idregs.h"
#include "machine.h"
#include "regs.h"
#include "report.h"
#include "trace.h"

/* Input: 8 bytes seed, 8 bytes flags, then instruction words (LE). */
#define HDR 16
#define MAX_WORDS 256

#define RAM_BASE UINT64_C(0x40000000)
#define RAM_SIZE UINT64_C(0x100000)
#define CODE_EL2 UINT64_C(0x40000000)
#define CODE_EL1 UINT64_C(0x40004000)
#define VEC_EL2 UINT64_C(0x40010000)
#define VEC_EL1 UINT64_C(0x40012000)
#define STACK_TOP UINT64_C(0x40100000)

enum {
    F_TRACE = 1 << 0,      /* run through the tracer (and print a summary) */
    F_RAND_HCR = 1 << 1,   /* HCR_EL2 from the seed */
    F_RAND_CTL = 1 << 2,   /* SCTLR/CPACR/CPTR/MDCR/HSTR from the seed */
    F_RAND_FEAT = 1 << 3,  /* model features from the seed */
    F_LATEST = 1 << 4,     /* async recognition policy latest */
    F_UNMASK = 1 << 5,     /* start with DAIF clear */
    F_SP0 = 1 << 6,        /* start on SP_EL0 */
    F_HVC_FW = 1 << 7,     /* firmware answers EL1 HVCs */
    /* bits 8..15: the step at which asynchronous inputs are asserted;
     * bits 16..21: which (IRQ, FIQ, SError, vIRQ, vFIQ, vSError) */
    F_RUN = 1 << 24,       /* after that step, the rest in one a64_run (its fast paths) */
};

/* Catch-all vector entry: step over the faulting instruction. */
static const uint32_t handler_el2[] = { 0xd53c4031, 0x91001231, 0xd51c4031, 0xd69f03e0 };
static const uint32_t handler_el1[] = { 0xd5384031, 0x91001231, 0xd5184031, 0xd69f03e0 };

static sim_machine machine;
static FILE *devnull;

static void put_words(sim_machine *m, uint64_t addr, const uint32_t *w, size_t n)
{
    FUZZ_CHECK(mem_write(&m->mem, addr, w, 4 * n));
}

static void check_state(const a64_cpu *c)
{
    FUZZ_CHECK(c->ps.el <= A64_EL2);
    FUZZ_CHECK(c->ps.sp <= 1);
    FUZZ_CHECK((c->ps.nzcv & ~PSTATE_NZCV_MASK) == 0);
    FUZZ_CHECK((c->ps.daif & ~PSTATE_DAIF_MASK) == 0);
    FUZZ_CHECK(c->ps.btype <= 3);
    FUZZ_CHECK(c->x[31] == 0);
    FUZZ_CHECK(!c->exc.pending || c->stop == A64_STOP_EXC_LOOP); // kept for the report
    FUZZ_CHECK(c->insns == c->insns_el[0] + c->insns_el[1] + c->insns_el[2]);
}

static void run_at(unsigned el, uint64_t seed, uint64_t flags, const uint32_t *words, size_t n)
{
    sim_machine *m = &machine;
    char err[256];
    FUZZ_CHECK(machine_init(m));
    FUZZ_CHECK(machine_add_ram(m, RAM_BASE, RAM_SIZE, err, sizeof err));
    uint64_t rs = seed;
    uint32_t vec[32];
    for (unsigned slot = 0; slot < 16; slot++) {
        memcpy(vec, handler_el2, sizeof handler_el2);
        put_words(m, VEC_EL2 + 0x80 * slot, vec, 4);
        memcpy(vec, handler_el1, sizeof handler_el1);
        put_words(m, VEC_EL1 + 0x80 * slot, vec, 4);
    }
    uint64_t code = el == A64_EL2 ? CODE_EL2 : CODE_EL1;
    if (n)
        put_words(m, code, words, n);

    a64_cpu *c = &m->cpu;
    c->feat = FEAT_BIT(FEAT_EL2) | FEAT_BIT(FEAT_PAN) | FEAT_BIT(FEAT_UAO) | FEAT_BIT(FEAT_RAS) |
              FEAT_BIT(FEAT_IESB) | FEAT_BIT(FEAT_LSE) | FEAT_BIT(FEAT_CRC32);
    if (flags & F_RAND_FEAT)
        c->feat = FEAT_BIT(FEAT_EL2) | (fuzz_rand(&rs) & (FEAT_BIT(FEAT_COUNT) - 2));
    a64_set_id_registers(c);
    c->async_policy = (flags & F_LATEST) ? A64_ASYNC_LATEST : A64_ASYNC_EARLIEST;
    machine_start(m, el, code, STACK_TOP - 0x1000);
    machine_set_hvc_conduit(m, el == A64_EL1 && (flags & F_HVC_FW));
    c->sr[SR_VBAR_EL2] = VEC_EL2;
    c->sr[SR_VBAR_EL1] = VEC_EL1;
    if (flags & F_RAND_HCR)
        c->sr[SR_HCR_EL2] = fuzz_rand(&rs) | (el < A64_EL2 ? HCR_EL2_RW : 0);
    if (flags & F_RAND_CTL) {
        c->sr[SR_SCTLR_EL1] = fuzz_rand(&rs);
        c->sr[SR_SCTLR_EL2] = fuzz_rand(&rs);
        c->sr[SR_CPACR_EL1] = fuzz_rand(&rs);
        c->sr[SR_CPTR_EL2] = fuzz_rand(&rs);
        c->sr[SR_MDCR_EL2] = fuzz_rand(&rs);
        c->sr[SR_HSTR_EL2] = fuzz_rand(&rs);
    }
    // registers: half of them point into RAM, the rest are anything
    for (unsigned i = 0; i < 31; i++) {
        uint64_t v = fuzz_rand(&rs);
        c->x[i] = (v & 1) ? RAM_BASE + ((v >> 8) & (RAM_SIZE - 1)) : v;
    }
    for (unsigned i = 0; i < 32; i++) {
        c->v[i][0] = fuzz_rand(&rs);
        c->v[i][1] = fuzz_rand(&rs);
    }
    c->sp_el[0] = STACK_TOP - 0x3000;
    c->sp_el[1] = STACK_TOP - 0x2000;
    c->sp_el[2] = STACK_TOP - 0x1000;
    c->sr[SR_ELR_EL1] = fuzz_rand(&rs);
    c->sr[SR_ELR_EL2] = fuzz_rand(&rs);
    c->sr[SR_SPSR_EL1] = fuzz_rand(&rs) & 0xffffffff;
    c->sr[SR_SPSR_EL2] = fuzz_rand(&rs) & 0xffffffff;
    c->ps.nzcv = (uint32_t)fuzz_rand(&rs) & PSTATE_NZCV_MASK;
    if (flags & F_UNMASK)
        c->ps.daif = 0;
    if (flags & F_SP0)
        c->ps.sp = 0;

    sim_trace *t = (flags & F_TRACE) && devnull ? trace_new(devnull, false) : NULL;
    m->trace = t;
    unsigned async_at = (unsigned)(flags >> 8) & 0xff;
    unsigned async_what = (unsigned)(flags >> 16) & 0x3f;
    unsigned steps = 4 * (unsigned)n + 64;
    check_state(c);
    for (unsigned i = 0; i < steps && !c->stop; i++) {
        if (i == async_at && async_what) {
            if (async_what & 1)
                a64_set_irq(c, true);
            if (async_what & 2)
                a64_set_fiq(c, true);
            if (async_what & 4)
                machine_raise_serror(m, (uint32_t)fuzz_rand(&rs) & 0x1ffffff, "fuzz");
            c->sr[SR_HCR_EL2] |= (uint64_t)((async_what >> 3) & 7) << 6; // VI, VF, VSE
        }
        if ((flags & F_RUN) && !t && i > async_at) {
            // the run loop, not the single step: the rest of the budget at once
            uint64_t left = steps - i;
            a64_run(c, c->insns + left, c->cycles + 8 * left);
            if (c->stop == A64_STOP_LIMIT)
                c->stop = A64_RUNNING;
            check_state(c);
            break;
        }
        if (t)
            trace_step(t, m);
        else
            a64_step(c);
        check_state(c);
    }
    if (t) {
        sim_options o;
        memset(&o, 0, sizeof o);
        report_text(devnull, m, &o);
        FUZZ_CHECK(report_json(devnull, m, &o));
        trace_free(t);
        m->trace = NULL;
    }
    machine_fini(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HDR)
        return 0;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    uint64_t seed, flags;
    memcpy(&seed, data, 8);
    memcpy(&flags, data + 8, 8);
    uint32_t words[MAX_WORDS];
    size_t n = (size - HDR) / 4;
    if (n > MAX_WORDS)
        n = MAX_WORDS;
    memcpy(words, data + HDR, 4 * n);
    run_at(A64_EL2, seed, flags, words, n);
    run_at(A64_EL1, seed ^ UINT64_C(0x5555555555555555), flags, words, n);
    return 0;
}
