/* sim/harness.h: world-switch mode: the host side of a hypervisor (what
 * KVM's C code does around __guest_enter), driving the hyp's real EL2 code
 * and a guest at EL1, exit after exit. */
#ifndef SIM_HARNESS_H
#define SIM_HARNESS_H

#include <stdio.h>

#include "machine.h"
#include "profile.h"

#define HARNESS_MAX_SAMPLES 4096

/* Outcome of a world-switch run. */
enum harness_end {
    HEND_RUNNING,
    HEND_POWEROFF,   /* the guest called PSCI SYSTEM_OFF */
    HEND_PANIC,      /* the hyp reached its panic routine */
    HEND_LIMIT,      /* cycle or instruction limit */
    HEND_CRASH,      /* an exception loop or a stop the hyp cannot explain */
    HEND_ERROR,      /* an exit the harness cannot handle, or an entry failure */
    HEND_KILLED,     /* the debugger killed the run (--gdb) */
};

typedef struct harness_samples {
    uint32_t v[HARNESS_MAX_SAMPLES];
    unsigned n;
} harness_samples;

typedef struct harness {
    sim_machine *m;
    hyp_profile prof;
    const char *hyp_path, *guest_path;
    uint64_t vcpu, host_ctxt, sentinel, stack_top;
    uint64_t guest_pc;
    uint32_t guest_pstate;
    uint64_t host_hcr;
    FILE *console;       /* where guest output goes (NULL: kept only) */
    char conbuf[2048];   /* the first bytes the guest printed */
    unsigned conlen;
    int end;             /* enum harness_end */
    char why[256];       /* what ended the run, for the summary */
    /* statistics */
    uint64_t entries;
    uint64_t exits[8];   /* by exit code (0..3), [4] unknown */
    uint64_t exits_serror_bit;
    uint64_t trap_ec[64];
    uint64_t hvc_test_calls, mmio_writes, sysreg_emulated;
    uint64_t enter_cycle, guest_start_cycle, last_guest_exit_cycle;
    bool in_guest_run;
    bool mid_entry;          /* inside one __guest_enter ... return */
    bool returned;           /* the sentinel was reached */
    bool guest_serror_due;   /* the test device's SError, raised on re-entry */
    uint32_t guest_serror_iss;
    harness_samples entry_cost, exit_cost;
} harness;

/* Load hyp and guest into m, find the profile, lay out the vcpu, host
 * data, EL2 stack and the return sentinel. False with a one-line err. */
bool harness_init(harness *h, sim_machine *m, const char *hyp, const char *guest, FILE *console,
                  char *err, size_t len);
enum harness_run_result { HRUN_DONE, HRUN_PAUSED };
/* Enter the guest and handle exits until it powers off or the run ends
 * (HRUN_DONE, h->end says how), or until the CPU reaches one of the
 * caller's breakpoints (HRUN_PAUSED: calling again continues from there). */
int harness_run(harness *h);
/* Exit status (enum sim_exit) for the outcome. */
int harness_exit_status(const harness *h);
void harness_report_text(FILE *out, harness *h);
bool harness_report_json(FILE *out, harness *h);

/* Exit handling (harness_exit.c): handle one return from __guest_enter. */
void harness_handle_exit(harness *h, uint64_t code);
/* Sync the guest's virtual timer into HCR_EL2.VI (harness.c). */
void harness_sync_vtimer(harness *h);
/* A guest FP/SIMD access trapped with CPTR_EL2.TFP (EC 0x07) where the hyp
 * leaves it to its C side (Linux 6.x: kvm_hyp_handle_fpsimd): give the
 * guest its FP/SIMD state; the next entry re-runs the instruction. */
void harness_fp_switch_in(harness *h);
/* Guest general registers as the hyp saved them in the vcpu. */
uint64_t harness_guest_x(harness *h, unsigned n);
void harness_set_guest_x(harness *h, unsigned n, uint64_t v);

#endif
