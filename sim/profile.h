/* sim/profile.h: a hyp profile: where a hypervisor keeps the things the
 * harness needs (entry points, per-CPU host data, vcpu layout, exit codes),
 * read from the hyp ELF itself. */
#ifndef SIM_PROFILE_H
#define SIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "altinstr.h"

struct sim_machine;

typedef struct hyp_profile {
    const char *name;
    /* code */
    uint64_t vector, guest_enter, guest_exit, panic;
    uint64_t window_start, window_end; /* 0 when the hyp has no window */
    /* data */
    uint64_t host_data;      /* per-CPU host data (at TPIDR_EL2 = 0) */
    uint64_t ssbd_flag;      /* u64 "CPU needs the WORKAROUND_2 call", or 0 */
    /* layout */
    uint64_t vcpu_context, cpu_sp_el0, cpu_fp_regs, vcpu_fault_disr, vcpu_workaround_flags;
    uint64_t vcpu_hcr, vcpu_size, host_context, host_running_vcpu, host_data_size;
    /* exit codes */
    uint32_t exit_irq, exit_el1_serror, exit_trap, exit_il, serror_bit;
    /* __guest_enter(vcpu, host_ctxt) (4.14/5.6) or __guest_enter(vcpu) (6.x) */
    bool enter_takes_host_ctxt;
    /* an FP/SIMD trap comes back as a TRAP exit, for the C side (6.x) */
    bool fp_trap_in_c;
    /* Linux: the image's alternatives as applied for the model (reported) */
    bool alt_applied;
    alt_stats alt;
    char alt_caps[128];      /* " HAS_RAS_EXTN HAS_PAN", or "" */
} hyp_profile;

/* Pick and fill the profile for the loaded hyp. False with a one-line
 * reason naming the missing symbol when the hyp is not one elsim knows. */
bool profile_detect(struct sim_machine *m, const char *hyp_path, hyp_profile *p, char *err,
                    size_t len);
/* The Linux nVHE profile (profile_linux.c): layout from DWARF, and the
 * image's alternatives applied for the model unless m->no_alternatives. */
bool profile_linux_nvhe(struct sim_machine *m, const char *path, hyp_profile *p, char *err,
                        size_t len);

#endif
