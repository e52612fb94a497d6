/* sim/harness_exit.c: what KVM's handle_exit does, for one return from
 * __guest_enter: the SError bit and EL1_SERROR inject a virtual SError,
 * IRQ resumes, TRAP dispatches on ESR_EL2.EC (HVC: PSCI and the test
 * hypercall; SMC; SYS64: emulate; DABT_LOW: MMIO; WFx), IL is an entry
 * failure. */
#include <inttypes.h>
#include <string.h>

#include "firmware.h"
#include "harness.h"
#include "regs.h"
#include "syndrome.h"
#include "sysreg.h"

#define ELSIM_HVC_TEST 0xc6000001u
#define KVM_PSCI_VERSION 0x00010000u /* PSCI 1.0, as KVM reports it */
#define CONSOLE_BASE UINT64_C(0x09000000)
#define TESTDEV_SERROR UINT64_C(0x0a000000)
#define VSESR_IDS (UINT64_C(1) << 24)
#define SYS_ISS_DIR 1u
#define ISS_SRT(iss) (((iss) >> 16) & 31)
#define ISS_SAS(iss) (((iss) >> 22) & 3)
#define HPFAR_FIPA_SHIFT 4

static void fail(harness *h, const char *what, uint32_t esr)
{
    h->end = HEND_ERROR;
    snprintf(h->why, sizeof h->why, "%s (ESR_EL2 0x%08" PRIx32 ", guest pc 0x%" PRIx64 ")", what,
             esr, h->guest_pc);
}

/* KVM's kvm_inject_vabt: pend a virtual SError (VSE) with an IMPLEMENTATION
 * DEFINED syndrome (VSESR_EL2.IDS) where RAS gives one. */
static void inject_vserror(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    uint64_t hcr_slot = h->vcpu + h->prof.vcpu_hcr;
    uint64_t hcr = 0;
    mem_read(&h->m->mem, hcr_slot, &hcr, 8);
    if (!(hcr & HCR_EL2_VSE))
        machine_note_async(h->m, INJ_VSERROR, "KVM's virtual SError injection");
    hcr |= HCR_EL2_VSE;
    mem_write(&h->m->mem, hcr_slot, &hcr, 8);
    if (c->feat & FEAT_BIT(FEAT_RAS))
        c->sr[SR_VSESR_EL2] = VSESR_IDS;
}

static void handle_hvc(harness *h)
{
    uint32_t fid = (uint32_t)harness_guest_x(h, 0);
    uint64_t ret = SMCCC_RET_NOT_SUPPORTED;
    switch (fid) {
    case PSCI_SYSTEM_OFF:
        h->end = HEND_POWEROFF;
        snprintf(h->why, sizeof h->why, "the guest powered off (PSCI SYSTEM_OFF)");
        return;
    case PSCI_SYSTEM_RESET:
        h->end = HEND_POWEROFF;
        snprintf(h->why, sizeof h->why, "the guest asked for a reset (PSCI SYSTEM_RESET)");
        return;
    case PSCI_VERSION: ret = KVM_PSCI_VERSION; break;
    case SMCCC_VERSION: ret = 0x10001; break;
    case ELSIM_HVC_TEST:
        h->hvc_test_calls++;
        ret = harness_guest_x(h, 1) + 1;
        break;
    default: break;
    }
    harness_set_guest_x(h, 0, ret); // ELR_EL2 already points past the HVC
}

/* MMIO through a stage-2 abort: needs the instruction syndrome (ISV). */
static void handle_dabt(harness *h, uint32_t esr)
{
    a64_cpu *c = &h->m->cpu;
    uint32_t iss = esr & ESR_ISS_MASK;
    if (!(iss & DABT_ISV)) {
        fail(h, "MMIO access without an instruction syndrome (ISV = 0): cannot emulate", esr);
        return;
    }
    uint64_t ipa = ((c->sr[SR_HPFAR_EL2] >> HPFAR_FIPA_SHIFT) << 12) | (c->sr[SR_FAR_EL2] & 0xfff);
    unsigned size = 1u << ISS_SAS(iss), rt = ISS_SRT(iss);
    bool write = iss & DABT_WNR;
    if (write) {
        uint64_t v = harness_guest_x(h, rt);
        h->mmio_writes++;
        if (ipa == CONSOLE_BASE) {
            // the console also keeps what the guest printed, for comparisons
            if (h->conlen < sizeof h->conbuf)
                h->conbuf[h->conlen++] = (char)(v & 0xff);
            if (h->console) {
                fputc((int)(v & 0xff), h->console);
                fflush(h->console);
            }
        } else if (ipa == TESTDEV_SERROR) {
            // the test device answers with an asynchronous external abort,
            // which reaches the CPU once the guest runs on after the store
            h->guest_serror_due = true;
            h->guest_serror_iss = (c->feat & FEAT_BIT(FEAT_RAS)) ? 0x11 : 0;
        } else {
            fail(h, "guest MMIO write to an address no device has", esr);
            return;
        }
    } else {
        // every emulated register reads as zero
        if (ipa != CONSOLE_BASE && ipa != TESTDEV_SERROR) {
            fail(h, "guest MMIO read from an address no device has", esr);
            return;
        }
        harness_set_guest_x(h, rt, 0);
        (void)size;
    }
    h->guest_pc += 4;
}

/* A trapped MSR/MRS of an EL1 register: the guest's EL1 registers live in
 * the CPU, so emulation is a read or write of that register. */
static void handle_sysreg(harness *h, uint32_t esr)
{
    a64_cpu *c = &h->m->cpu;
    uint32_t iss = esr & ESR_ISS_MASK;
    unsigned op0 = (iss >> 20) & 3, op2 = (iss >> 17) & 7, op1 = (iss >> 14) & 7;
    unsigned crn = (iss >> 10) & 15, rt = (iss >> 5) & 31, crm = (iss >> 1) & 15;
    int id = sysreg_lookup(SYSREG_ENC(op0, op1, crn, crm, op2));
    if (id < 0) {
        fail(h, "trapped access to a system register elsim does not know", esr);
        return;
    }
    if (iss & SYS_ISS_DIR)
        harness_set_guest_x(h, rt, c->sr[id]);
    else
        c->sr[id] = harness_guest_x(h, rt) & sysreg_table[id].wmask;
    h->sysreg_emulated++;
    h->guest_pc += 4;
}

/* kvm_vcpu_block: a trapped WFI/WFE waits until something can wake the
 * guest: with nothing pending, the clock jumps to the next timer event. */
static void handle_wfx(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    uint64_t hcr = 0;
    mem_read(&h->m->mem, h->vcpu + h->prof.vcpu_hcr, &hcr, 8);
    if (!(hcr & (HCR_EL2_VI | HCR_EL2_VF | HCR_EL2_VSE)) && c->timer_deadline != UINT64_MAX &&
        c->timer_deadline > c->cycles) {
        c->cycles_el[A64_EL2] += c->timer_deadline - c->cycles;
        c->cycles = c->timer_deadline;
        harness_sync_vtimer(h);
    }
    h->guest_pc += 4;
}

static void handle_trap(harness *h)
{
    a64_cpu *c = &h->m->cpu;
    uint32_t esr = (uint32_t)c->sr[SR_ESR_EL2];
    unsigned ec = syn_ec(esr);
    h->trap_ec[ec]++;
    switch (ec) {
    case EC_HVC64: handle_hvc(h); break;
    case EC_SMC64:
        // KVM answers a trapped guest SMC with NOT_SUPPORTED and skips it
        harness_set_guest_x(h, 0, SMCCC_RET_NOT_SUPPORTED);
        h->guest_pc += 4;
        break;
    case EC_SYS64: handle_sysreg(h, esr); break;
    case EC_DABT_LOW: handle_dabt(h, esr); break;
    case EC_WFX: handle_wfx(h); break;
    case EC_FP_ASIMD:
        if (!h->prof.fp_trap_in_c) {
            fail(h, "guest exit the harness does not handle", esr);
            break;
        }
        harness_fp_switch_in(h);
        break;
    default: fail(h, "guest exit the harness does not handle", esr); break;
    }
}

void harness_handle_exit(harness *h, uint64_t x0)
{
    const hyp_profile *p = &h->prof;
    uint32_t bit = UINT32_C(1) << p->serror_bit;
    uint32_t code = (uint32_t)x0 & ~bit;
    a64_cpu *c = &h->m->cpu;
    h->exits[code <= 3 ? code : 4]++;
    if ((uint32_t)x0 & bit) {
        // an SError was consumed on the way out: inject it into the guest
        // and re-run the instruction if it was an HVC/SMC (KVM backs the PC up)
        h->exits_serror_bit++;
        unsigned ec = syn_ec((uint32_t)c->sr[SR_ESR_EL2]);
        if (code == p->exit_trap && (ec == EC_HVC64 || ec == EC_SMC64))
            h->guest_pc -= 4;
        inject_vserror(h);
        return;
    }
    if (code == p->exit_irq)
        return;
    if (code == p->exit_el1_serror) {
        inject_vserror(h);
        return;
    }
    if (code == p->exit_trap) {
        handle_trap(h);
        return;
    }
    if (code == p->exit_il) {
        fail(h, "illegal exception return into the guest (ARM_EXCEPTION_IL)", (uint32_t)c->sr[SR_ESR_EL2]);
        return;
    }
    fail(h, "unknown exit code from the hyp", (uint32_t)x0);
}
