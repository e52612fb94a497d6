/* sim/timeline_harness.c: names for the world-switch harness's steps on the
 * timeline: the exit code as the hyp profile numbers it (with the SError
 * bit), the trap class, and what KVM's handle_exit does for it. */
#include "timeline_harness.h"

#include <inttypes.h>
#include <stdio.h>

#include "regs.h"
#include "syndrome.h"

/* What the harness does for a TRAP exit of each class (harness_exit.c). */
static const struct {
    uint8_t ec;
    const char *name, *action;
} traps[] = {
    { EC_WFX, "WFx", "block until the next timer event (kvm_vcpu_block), step over" },
    { EC_FP_ASIMD, "FP/ASIMD", "not handled: the hyp switches FP state itself" },
    { EC_HVC64, "HVC64", "answer the call (PSCI, SMCCC, test hypercall)" },
    { EC_SMC64, "SMC64", "answer NOT_SUPPORTED, step over" },
    { EC_SYS64, "SYS64", "emulate the system register access, step over" },
    { EC_DABT_LOW, "DABT_LOW", "emulate the MMIO access, step over" },
};

static int trap_row(unsigned ec)
{
    for (size_t i = 0; i < sizeof traps / sizeof traps[0]; i++)
        if (traps[i].ec == ec)
            return (int)i;
    return -1;
}

/* "TRAP HVC64", "IRQ", "TRAP DABT_LOW + SError bit" into buf. */
static const char *exit_name(const harness *h, uint64_t code, char *buf, size_t len)
{
    const hyp_profile *p = &h->prof;
    uint32_t bit = UINT32_C(1) << p->serror_bit;
    uint32_t base = (uint32_t)code & ~bit;
    unsigned ec = syn_ec((uint32_t)h->m->cpu.sr[SR_ESR_EL2]);
    int row = trap_row(ec);
    const char *suffix = ((uint32_t)code & bit) ? " + SError bit" : "";
    if (base == p->exit_trap && row >= 0)
        snprintf(buf, len, "TRAP %s%s", traps[row].name, suffix);
    else if (base == p->exit_trap)
        snprintf(buf, len, "TRAP EC 0x%02x%s", ec, suffix);
    else if (base == p->exit_irq)
        snprintf(buf, len, "IRQ%s", suffix);
    else if (base == p->exit_el1_serror)
        snprintf(buf, len, "EL1_SERROR%s", suffix);
    else if (base == p->exit_il)
        snprintf(buf, len, "IL%s", suffix);
    else
        snprintf(buf, len, "exit 0x%" PRIx64, code);
    return buf;
}

void timeline_harness_enter(harness *h)
{
    char call[48];
    snprintf(call, sizeof call, "vcpu run #%" PRIu64, h->entries);
    tl_args a = { 0 };
    tl_arg_num(&a, "entry", h->entries);
    tl_arg_hex(&a, "guest_pc", h->guest_pc);
    tl_arg_hex(&a, "hcr_el2", h->m->cpu.sr[SR_HCR_EL2]);
    timeline_host_call(h->m->timeline, h->m, call, &a);
}

void timeline_harness_return(harness *h, uint64_t code)
{
    const a64_cpu *c = &h->m->cpu;
    char name[64];
    tl_args a = { 0 };
    tl_arg_hex(&a, "exit_code", code);
    tl_arg_hex(&a, "esr_el2", c->sr[SR_ESR_EL2]);
    tl_arg_hex(&a, "elr_el2", c->sr[SR_ELR_EL2]); // where the guest left off
    timeline_host_return(h->m->timeline, h->m, exit_name(h, code, name, sizeof name), &a);
}

void timeline_harness_exit(harness *h, uint64_t code, uint64_t from)
{
    const hyp_profile *p = &h->prof;
    uint32_t bit = UINT32_C(1) << p->serror_bit;
    uint32_t base = (uint32_t)code & ~bit;
    char ename[64], name[96];
    exit_name(h, code, ename, sizeof ename);
    snprintf(name, sizeof name, "handle_exit: %s", ename);
    const char *action = "none: an exit the harness does not know";
    int row = trap_row(syn_ec((uint32_t)h->m->cpu.sr[SR_ESR_EL2]));
    if ((uint32_t)code & bit)
        action = "inject a virtual SError; re-run an interrupted HVC/SMC";
    else if (base == p->exit_irq)
        action = "resume (the interrupt is the host's)";
    else if (base == p->exit_el1_serror)
        action = "inject a virtual SError";
    else if (base == p->exit_trap && row >= 0)
        action = traps[row].action;
    else if (base == p->exit_il)
        action = "fail: illegal exception return into the guest";
    tl_args a = { 0 };
    tl_arg_str(&a, "action", "%s", action);
    tl_arg_hex(&a, "next_guest_pc", h->guest_pc);
    if (h->end != HEND_RUNNING)
        tl_arg_str(&a, "result", "%s", h->why);
    timeline_host_work(h->m->timeline, h->m, from, name, &a);
}
