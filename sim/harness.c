/* sim/harness.c: world-switch mode set-up and run loop. The harness lays
 * out the vcpu and host context, sets the EL2 registers as KVM's C code
 * would, calls the hyp's __guest_enter with a return sentinel in x30, and
 * handles each exit (harness_exit.c) until the guest powers off. */
#include "harness.h"

#include <inttypes.h>
#include <string.h>

#include "async.h"
#include "regs.h"
#include "timeline_harness.h"
#include "timer.h"

/* Where the harness keeps its own data (in the default RAM). */
#define HARNESS_BASE UINT64_C(0x4f000000)
#define HARNESS_VCPU (HARNESS_BASE)
#define HARNESS_STACK_TOP (HARNESS_BASE + 0xf0000)
#define HARNESS_SENTINEL (HARNESS_BASE + 0x100000)
#define GUEST_SP_EL1 UINT64_C(0x4e000000)
#define SENTINEL_IMM 0xe15e
#define A64_SMC(imm) (0xd4000003u | ((uint32_t)(imm) << 5))
#define VTTBR_GUEST ((UINT64_C(1) << 48) | UINT64_C(0x4f800000)) /* VMID 1 */
#define SPSR_EL1H_MASKED 0x3c5u
#define HCR_BSU_IS (UINT64_C(1) << 10)
/* The guest's HCR_EL2, as KVM sets it (HCR_GUEST_FLAGS plus the vGIC's
 * IMO/FMO; TEA/TERR only with RAS). */
#define HCR_GUEST_FLAGS (HCR_EL2_VM | HCR_EL2_SWIO | HCR_EL2_FMO | HCR_EL2_IMO | HCR_EL2_AMO |   \
                         HCR_EL2_FB | HCR_BSU_IS | HCR_EL2_TWI | HCR_EL2_TWE | HCR_EL2_TSC |       \
                         HCR_EL2_TIDCP | HCR_EL2_TACR | HCR_EL2_TSW | HCR_EL2_TVM | HCR_EL2_RW)
#define HCR_HOST_FLAGS HCR_EL2_RW
#define CONSOLE_BASE UINT64_C(0x09000000)
#define TESTDEV_BASE UINT64_C(0x0a000000)
#define MMIO_SIZE UINT64_C(0x1000)

static void put64(harness *h, uint64_t addr, uint64_t v) { mem_write(&h->m->mem, addr, &v, 8); }
static uint64_t get64(harness *h, uint64_t addr)
{
    uint64_t v = 0;
    mem_read(&h->m->mem, addr, &v, 8);
    return v;
}

uint64_t harness_guest_x(harness *h, unsigned n)
{
    return n == 31 ? 0 : get64(h, h->vcpu + h->prof.vcpu_context + 8u * n);
}

void harness_set_guest_x(harness *h, unsigned n, uint64_t v)
{
    if (n != 31)
        put64(h, h->vcpu + h->prof.vcpu_context + 8u * n, v);
}

/* The return sentinel holds `smc #SENTINEL_IMM`: reaching it at EL2 means
 * __guest_enter returned. Any other SMC goes to the firmware model. */
static bool on_smc(void *ctx, a64_cpu *c, uint16_t imm)
{
    harness *h = ctx;
    if (imm == SENTINEL_IMM && c->ps.el == A64_EL2 && c->pc == h->sentinel) {
        c->stop = A64_STOP_BREAK;
        h->returned = true;
        return true;
    }
    return false;
}

static void add_sample(harness_samples *s, uint64_t v)
{
    if (s->n < HARNESS_MAX_SAMPLES)
        s->v[s->n++] = (uint32_t)(v > UINT32_MAX ? UINT32_MAX : v);
}

/* World-switch cost bookkeeping: the first ERET into the guest ends the
 * entry path; the last exception from the guest starts the exit path. */
static void on_eret(void *ctx, a64_cpu *c, unsigned from_el)
{
    harness *h = ctx;
    if (from_el == A64_EL2 && c->ps.el < A64_EL2 && !h->in_guest_run) {
        h->in_guest_run = true;
        add_sample(&h->entry_cost, c->cycles - h->enter_cycle);
    }
    // a device's asynchronous abort lands while the guest runs again
    if (h->guest_serror_due && c->ps.el < A64_EL2) {
        h->guest_serror_due = false;
        machine_raise_serror(h->m, h->guest_serror_iss, "test device");
    }
}

static void on_entry(void *ctx, a64_cpu *c, unsigned from_el)
{
    harness *h = ctx;
    if (from_el < A64_EL2 && c->ps.el == A64_EL2)
        h->last_guest_exit_cycle = c->cycles;
}

bool harness_init(harness *h, sim_machine *m, const char *hyp, const char *guest, FILE *console,
                  char *err, size_t len)
{
    memset(h, 0, sizeof *h);
    h->m = m;
    h->hyp_path = hyp;
    h->guest_path = guest;
    h->console = console;
    if (!machine_load(m, hyp, err, len))
        return false;
    if (!profile_detect(m, hyp, &h->prof, err, len))
        return false;
    image_release_pages(&m->images[m->nimages - 1]); // what the profile read: DWARF, alternatives
    const sim_image *g = machine_load(m, guest, err, len);
    if (!g)
        return false;
    const hyp_profile *p = &h->prof;
    a64_cpu *c = &m->cpu;
    h->vcpu = HARNESS_VCPU;
    h->host_ctxt = p->host_data + p->host_context; // TPIDR_EL2 = 0: the link-time copy
    h->sentinel = HARNESS_SENTINEL;
    h->stack_top = HARNESS_STACK_TOP;
    h->guest_pc = g->entry;
    h->guest_pstate = SPSR_EL1H_MASKED;
    h->host_hcr = HCR_HOST_FLAGS;
    uint32_t smc = A64_SMC(SENTINEL_IMM);
    if (!mem_write(&m->mem, h->sentinel, &smc, sizeof smc) ||
        !mem_write(&m->mem, h->vcpu, &(uint64_t){ 0 }, 8)) {
        snprintf(err, len, "harness memory at 0x%" PRIx64 " is not RAM (keep --ram covering it)",
                 HARNESS_BASE);
        return false;
    }
    a64_code_written(c, h->sentinel, 4);
    uint64_t guest_hcr = HCR_GUEST_FLAGS;
    if (c->feat & FEAT_BIT(FEAT_RAS))
        guest_hcr |= HCR_EL2_TEA | HCR_EL2_TERR;
    put64(h, h->vcpu + p->vcpu_hcr, guest_hcr);
    put64(h, p->host_data + p->host_running_vcpu, h->vcpu);
    if (p->ssbd_flag)
        put64(h, p->ssbd_flag, m->fw.needs_wa2);
    machine_add_mmio_hole(m, CONSOLE_BASE, MMIO_SIZE);
    machine_add_mmio_hole(m, TESTDEV_BASE, MMIO_SIZE);
    // the EL2 state KVM's init leaves behind
    c->sr[SR_VBAR_EL2] = p->vector;
    c->sr[SR_TPIDR_EL2] = 0;
    c->sr[SR_HCR_EL2] = h->host_hcr;
    c->sr[SR_CPTR_EL2] |= CPTR_EL2_TFP; // guest FP/SIMD is switched lazily
    c->sp_el[A64_EL1] = GUEST_SP_EL1;
    if (!a64_set_breakpoint(c, p->panic)) {
        snprintf(err, len, "too many breakpoints");
        return false;
    }
    m->hooks = (sim_hooks){ .ctx = h, .smc = on_smc, .on_eret = on_eret, .on_entry = on_entry };
    return true;
}

/* Host callee-saved registers, filled with a pattern the hyp must restore. */
#define HOST_PATTERN(n) (UINT64_C(0x405e570000000000) | (n))

static void enter_guest(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    const hyp_profile *p = &h->prof;
    c->ps.el = A64_EL2;
    c->ps.sp = 1;
    c->ps.daif = PSTATE_DAIF_MASK; // as after the host's HVC
    c->sp_el[A64_EL2] = h->stack_top;
    c->sr[SR_HCR_EL2] = get64(h, h->vcpu + p->vcpu_hcr);
    c->sr[SR_VTTBR_EL2] = VTTBR_GUEST;
    c->sr[SR_ELR_EL2] = h->guest_pc;
    c->sr[SR_SPSR_EL2] = h->guest_pstate;
    for (unsigned n = 19; n <= 29; n++)
        c->x[n] = HOST_PATTERN(n);
    c->x[0] = h->vcpu;
    c->x[1] = p->enter_takes_host_ctxt ? h->host_ctxt : 0;
    c->x[30] = h->sentinel;
    c->pc = p->guest_enter;
    h->enter_cycle = c->cycles;
    h->in_guest_run = false;
    h->entries++;
    if (h->m->timeline)
        timeline_harness_enter(h);
}

/* The FP/SIMD state slots, laid out as KVM's user_fpsimd_state: v0-v31,
 * FPSR, FPCR; the guest's in its vcpu context, the host's in its context. */
static void fp_save(harness *h, uint64_t at)
{
    a64_cpu *c = &h->m->cpu;
    uint64_t ctl[2] = { c->fpsr, c->fpcr };
    mem_write(&h->m->mem, at, c->v, sizeof c->v);
    mem_write(&h->m->mem, at + sizeof c->v, ctl, sizeof ctl);
}

static void fp_load(harness *h, uint64_t at)
{
    a64_cpu *c = &h->m->cpu;
    uint64_t ctl[2];
    mem_read(&h->m->mem, at, c->v, sizeof c->v);
    mem_read(&h->m->mem, at + sizeof c->v, ctl, sizeof ctl);
    c->fpsr = ctl[0];
    c->fpcr = ctl[1];
}

/* KVM's C side after the hyp returned: save the guest's FP/SIMD if the
 * hyp gave it the registers (TFP cleared), take back the host's. */
static void fp_switch_back(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    if (c->sr[SR_CPTR_EL2] & CPTR_EL2_TFP)
        return;
    fp_save(h, h->vcpu + h->prof.vcpu_context + h->prof.cpu_fp_regs);
    fp_load(h, h->host_ctxt + h->prof.cpu_fp_regs);
    c->sr[SR_CPTR_EL2] |= CPTR_EL2_TFP;
}

void harness_fp_switch_in(harness *h)
{
    // what Linux 6.x's kvm_hyp_handle_fpsimd does at EL2 before the host
    // would see the exit: keep the host's registers, load the guest's,
    // stop trapping; the trapped instruction then runs again
    a64_cpu *c = &h->m->cpu;
    fp_save(h, h->host_ctxt + h->prof.cpu_fp_regs);
    fp_load(h, h->vcpu + h->prof.vcpu_context + h->prof.cpu_fp_regs);
    c->sr[SR_CPTR_EL2] &= ~CPTR_EL2_TFP;
}

/* KVM's timer sync on every exit: while the guest's virtual timer signals,
 * the guest sees a virtual IRQ (HCR_EL2.VI) and the host holds the physical
 * line off (what the vGIC's active state does); once the guest has quieted
 * the timer both are dropped. */
void harness_sync_vtimer(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    uint64_t slot = h->vcpu + h->prof.vcpu_hcr;
    uint64_t hcr = get64(h, slot);
    uint8_t vbit = 1u << TIMER_VIRT;
    if (a64_timer_signalling(c) & vbit) {
        if (!(hcr & HCR_EL2_VI))
            machine_note_async(h->m, INJ_VIRQ, "KVM's virtual timer injection");
        hcr |= HCR_EL2_VI;
        c->timer_mask |= vbit;
    } else if (c->timer_mask & vbit) {
        hcr &= ~HCR_EL2_VI;
        c->timer_mask &= (uint8_t)~vbit;
    }
    put64(h, slot, hcr);
    a64_timer_update(c);
}

/* Pending physical interrupts at host time belong to the host (its HCR_EL2
 * has no IMO/AMO): record them as the host's and drop them. */
static void host_takes_pending(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    if (c->irq_line || c->serror_pending || c->fiq_line)
        machine_host_took_pending(h->m);
}

/* Why machine_run stopped without __guest_enter returning: a pause at a
 * caller's breakpoint (HRUN_PAUSED), or the end of the run. */
static int stop_reason(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    char sym[128];
    switch (c->stop) {
    case A64_STOP_BREAK:
        if (c->pc != h->prof.panic)
            return HRUN_PAUSED;
        h->end = HEND_PANIC;
        snprintf(h->why, sizeof h->why, "hyp panic: reached hyp_panic from ELR_EL2=0x%" PRIx64 " %s",
                 c->sr[SR_ELR_EL2], machine_symbolize(h->m, c->sr[SR_ELR_EL2], sym, sizeof sym));
        return HRUN_DONE;
    case A64_STOP_LIMIT:
        h->end = HEND_LIMIT;
        snprintf(h->why, sizeof h->why, "cycle or instruction limit reached at pc=0x%" PRIx64, c->pc);
        return HRUN_DONE;
    case A64_STOP_KILLED:
        h->end = HEND_KILLED;
        snprintf(h->why, sizeof h->why, "killed by the debugger at EL%u pc=0x%" PRIx64 " %s", c->ps.el, c->pc,
                 machine_symbolize(h->m, c->pc, sym, sizeof sym));
        return HRUN_DONE;
    case A64_STOP_EXC_LOOP:
        h->end = HEND_CRASH;
        snprintf(h->why, sizeof h->why, "exception loop at EL%u vector 0x%" PRIx64 " (ESR 0x%08" PRIx32 ")",
                 c->exc.target_el, c->last_vector, c->exc.esr);
        return HRUN_DONE;
    default:
        h->end = HEND_CRASH;
        snprintf(h->why, sizeof h->why, "unexpected stop at EL%u pc=0x%" PRIx64 " %s", c->ps.el, c->pc,
                 machine_symbolize(h->m, c->pc, sym, sizeof sym));
        return HRUN_DONE;
    }
}

/* The hyp must hand back the host's callee-saved registers intact. */
static bool host_regs_intact(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    for (unsigned n = 19; n <= 29; n++) {
        if (c->x[n] != HOST_PATTERN(n)) {
            h->end = HEND_ERROR;
            snprintf(h->why, sizeof h->why,
                     "host x%u corrupted across __guest_enter: 0x%" PRIx64 ", expected 0x%" PRIx64, n,
                     c->x[n], HOST_PATTERN(n));
            return false;
        }
    }
    return true;
}

int harness_run(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    while (h->end == HEND_RUNNING) {
        if (!h->mid_entry) {
            enter_guest(h);
            h->mid_entry = true;
            h->returned = false;
        } else if (c->stop == A64_STOP_BREAK) {
            c->bkpt_resume = c->pc; // continue from a pause: run the instruction once
        }
        c->stop = A64_RUNNING;
        machine_run(h->m);
        if (!h->returned) {
            if (stop_reason(h) == HRUN_PAUSED)
                return HRUN_PAUSED;
            break;
        }
        h->mid_entry = false;
        if (h->m->timeline)
            timeline_harness_return(h, c->x[0]);
        if (h->in_guest_run)
            add_sample(&h->exit_cost, c->cycles - h->last_guest_exit_cycle);
        if (!host_regs_intact(h))
            break;
        uint64_t code = c->x[0];
        // what KVM reads back into the vcpu after the hyp returns
        h->guest_pc = c->sr[SR_ELR_EL2];
        h->guest_pstate = (uint32_t)c->sr[SR_SPSR_EL2];
        put64(h, h->vcpu + h->prof.vcpu_hcr, c->sr[SR_HCR_EL2]);
        c->sr[SR_HCR_EL2] = h->host_hcr;
        c->sr[SR_VTTBR_EL2] = 0;
        fp_switch_back(h);
        harness_sync_vtimer(h);
        host_takes_pending(h);
        uint64_t handled_from = c->cycles;
        harness_handle_exit(h, code);
        if (h->m->timeline)
            timeline_harness_exit(h, code, handled_from);
    }
    c->stop = A64_RUNNING;
    return HRUN_DONE;
}

int harness_exit_status(const harness *h)
{
    switch (h->end) {
    case HEND_POWEROFF: return SIM_EXIT_OK;
    case HEND_PANIC:
    case HEND_CRASH: return SIM_EXIT_PANIC;
    case HEND_LIMIT:
    case HEND_KILLED: return SIM_EXIT_LIMIT;
    default: return SIM_EXIT_FAIL;
    }
}
