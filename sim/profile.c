/* sim/profile.c: hyp profiles. The project's own hyps export their layout
 * as absolute `elsim_layout_*` / `elsim_exit_*` symbols; the profile reads
 * them by name (a table), so no offset is typed into the code. */
#include "profile.h"

#include <stdio.h>
#include <string.h>

#include "machine.h"

typedef struct sym_field {
    const char *symbol;
    size_t offset;  /* of the uint64_t (or uint32_t) in hyp_profile */
    bool is32;
    bool optional;
} sym_field;

#define F64(sym, field) { sym, offsetof(hyp_profile, field), false, false }
#define F64_OPT(sym, field) { sym, offsetof(hyp_profile, field), false, true }
#define F32(sym, field) { sym, offsetof(hyp_profile, field), true, false }

/* The project's testdata hyps (testdata/hyp, testdata/include/hyp_layout.h). */
static const sym_field testdata_fields[] = {
    F64("__kvm_hyp_vector", vector),
    F64("__guest_enter", guest_enter),
    F64("__guest_exit", guest_exit),
    F64("hyp_panic", panic),
    F64_OPT("abort_guest_exit_start", window_start),
    F64_OPT("abort_guest_exit_end", window_end),
    F64("kvm_host_data", host_data),
    F64_OPT("arm64_ssbd_callback_required", ssbd_flag),
    F64("elsim_layout_vcpu_context", vcpu_context),
    F64("elsim_layout_cpu_sp_el0", cpu_sp_el0),
    F64("elsim_layout_cpu_fp_regs", cpu_fp_regs),
    F64("elsim_layout_vcpu_fault_disr", vcpu_fault_disr),
    F64("elsim_layout_vcpu_workaround_flags", vcpu_workaround_flags),
    F64("elsim_layout_vcpu_hcr_el2", vcpu_hcr),
    F64("elsim_layout_vcpu_size", vcpu_size),
    F64("elsim_layout_host_context", host_context),
    F64("elsim_layout_host_running_vcpu", host_running_vcpu),
    F64("elsim_layout_host_data_size", host_data_size),
    F32("elsim_exit_irq", exit_irq),
    F32("elsim_exit_el1_serror", exit_el1_serror),
    F32("elsim_exit_trap", exit_trap),
    F32("elsim_exit_il", exit_il),
    F32("elsim_exit_serror_bit", serror_bit),
};

static bool fill(sim_machine *m, const sym_field *f, size_t n, hyp_profile *p, const char *path,
                 char *err, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t v = 0;
        if (!machine_symbol(m, f[i].symbol, &v) && !f[i].optional) {
            snprintf(err, len, "%s: no symbol '%s': not a hyp elsim has a profile for", path,
                     f[i].symbol);
            return false;
        }
        char *dst = (char *)p + f[i].offset;
        if (f[i].is32) {
            uint32_t v32 = (uint32_t)v;
            memcpy(dst, &v32, sizeof v32);
        } else {
            memcpy(dst, &v, sizeof v);
        }
    }
    return true;
}

bool profile_detect(sim_machine *m, const char *path, hyp_profile *p, char *err, size_t len)
{
    memset(p, 0, sizeof *p);
    uint64_t v;
    const char *want = m->profile;
    if (want && strcmp(want, "linux-nvhe") && strcmp(want, "elsim-testdata")) {
        snprintf(err, len, "--profile '%s': expected linux-nvhe or elsim-testdata", want);
        return false;
    }
    // a Linux image: the nVHE hyp objects' symbols carry the __kvm_nvhe_ prefix
    if (want ? !strcmp(want, "linux-nvhe") : machine_symbol(m, "__kvm_nvhe___guest_enter", &v))
        return profile_linux_nvhe(m, path, p, err, len);
    if (!want || machine_symbol(m, "elsim_layout_vcpu_context", &v)) {
        p->name = "elsim-testdata";
        p->enter_takes_host_ctxt = true;
        return fill(m, testdata_fields, sizeof testdata_fields / sizeof testdata_fields[0], p, path,
                    err, len);
    }
    snprintf(err, len, "%s: no hyp profile matches (expected the elsim_layout_* symbols of a "
                       "testdata hyp, or the __kvm_nvhe_ symbols of a Linux vmlinux)", path);
    return false;
}
