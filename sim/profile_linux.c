/* sim/profile_linux.c: the Linux nVHE profile: a kernel's vmlinux (with
 * DWARF) run at its link addresses. Symbols give the code, DWARF the
 * layout; exit codes and capability numbers come from a table keyed by the
 * kernel version in linux_banner, checked against the image's own code. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "altinstr.h"
#include "dwarf_layout.h"
#include "machine.h"
#include "profile.h"

/* What the DWARF cannot say (preprocessor constants), per kernel version. */
typedef struct linux_caps {
    const char *name;
    uint16_t num;
    enum a64_feature feat;
} linux_caps;

#define LINUX_NCAPS 5
typedef struct linux_version {
    const char *version; /* "6.1": the major.minor of linux_banner */
    uint32_t exit_irq, exit_el1_serror, exit_trap, exit_il, serror_bit; /* kvm_asm.h */
    linux_caps caps[LINUX_NCAPS]; /* the generated cpucaps.h */
    const char *cu;               /* a compile unit using every structure needed */
} linux_version;

static const linux_version versions[] = {
    { "6.1", 0, 1, 2, 3, 31,
      { { "HAS_RAS_EXTN", 30, FEAT_RAS }, { "HAS_PAN", 29, FEAT_PAN }, { "HAS_SB", 32, FEAT_SB },
        { "HAS_ADDRESS_AUTH", 5, FEAT_PAUTH }, { "MTE", 42, FEAT_MTE } },
      "arch/arm64/kvm/hyp/nvhe/switch.c" },
};

/* "Linux version 6.1.0-56-cloud-arm64 (...)" -> "6.1" into buf. */
static bool kernel_version(sim_machine *m, char *full, size_t flen, char *mm, size_t mlen)
{
    uint64_t a;
    char banner[160] = { 0 };
    if (!machine_symbol(m, "linux_banner", &a) || !mem_read(&m->mem, a, banner, sizeof banner - 1))
        return false;
    unsigned maj, min;
    const char *p = strstr(banner, "Linux version ");
    if (!p || sscanf(p + 14, "%u.%u", &maj, &min) != 2)
        return false;
    snprintf(full, flen, "%.*s", (int)strcspn(p + 14, " "), p + 14);
    snprintf(mm, mlen, "%u.%u", maj, min);
    return true;
}

static bool sym(sim_machine *m, const char *name, uint64_t *v, const char *path, char *err, size_t len)
{
    if (machine_symbol(m, name, v))
        return true;
    snprintf(err, len, "%s: no symbol '%s': not a Linux nVHE image elsim knows", path, name);
    return false;
}

typedef struct dw_field {
    const char *type, *member; /* member NULL: sizeof(struct type) */
    size_t offset;             /* of the uint64_t in hyp_profile */
} dw_field;

#define DW(type, member, field) { type, member, offsetof(hyp_profile, field) }
/* The harness's view of KVM's structures. host_running_vcpu is the slot the
 * vector stubs read (kvm_host_data.host_ctxt.__hyp_running_vcpu): the other
 * one, in kvm_hyp_ctxt, __guest_enter writes itself. */
static const dw_field dw_fields[] = {
    DW("kvm_vcpu", "arch.ctxt", vcpu_context),
    DW("kvm_cpu_context", "regs.sp", cpu_sp_el0),
    DW("kvm_cpu_context", "fp_regs", cpu_fp_regs),
    DW("kvm_vcpu", "arch.fault.disr_el1", vcpu_fault_disr),
    DW("kvm_vcpu", "arch.hcr_el2", vcpu_hcr),
    DW("kvm_vcpu", NULL, vcpu_size),
    DW("kvm_host_data", "host_ctxt", host_context),
    DW("kvm_host_data", "host_ctxt.__hyp_running_vcpu", host_running_vcpu),
    DW("kvm_host_data", NULL, host_data_size),
};

static bool read_layout(hyp_profile *p, const char *path, const char *cu, char *err, size_t len)
{
    dwarf_layout *d = dwarf_layout_open(path, cu, err, len);
    if (!d)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof dw_fields / sizeof dw_fields[0]; i++) {
        const dw_field *f = &dw_fields[i];
        uint64_t v = 0;
        ok = f->member ? dwarf_member_offset(d, f->type, f->member, &v, err, len)
                       : dwarf_type_size(d, f->type, &v, err, len);
        memcpy((char *)p + f->offset, &v, sizeof v);
    }
    dwarf_layout_close(d);
    return ok;
}

static uint32_t insn_at(sim_machine *m, uint64_t a)
{
    uint32_t v = 0;
    mem_read(&m->mem, a, &v, 4);
    return v;
}

#define MRS_HCR_EL2 0xd53c1100u /* mrs xN, hcr_el2 (Rt masked) */

/* Does alternative e look like the world-switch site of capability `name`?
 * The replacement (or the code it guards) is what each capability is for. */
static bool site_matches(sim_machine *m, const char *name, const alt_entry *e)
{
    uint32_t alt0 = insn_at(m, e->alt), o1 = insn_at(m, e->orig + 4), o2 = insn_at(m, e->orig + 8);
    bool guards_hcr = (o1 & 0xffffffe0u) == MRS_HCR_EL2;
    if (!strcmp(name, "HAS_RAS_EXTN"))
        return alt0 == 0xd503369fu; // dsb nshst before reading ISR_EL1
    if (!strcmp(name, "HAS_PAN"))
        return alt0 == 0xd500419fu; // msr pan, #1 at the start of __guest_exit
    if (!strcmp(name, "HAS_SB"))
        return alt0 == 0xd50330ffu; // sb after the eret
    if (!strcmp(name, "MTE"))
        return guards_hcr && (o2 & 0xfff80000u) == 0xb6c00000u; // tbz HCR_EL2.ATA (bit 56)
    if (!strcmp(name, "HAS_ADDRESS_AUTH"))
        return guards_hcr && (o2 & 0xfffffc00u) == 0x92580400u; // and #HCR_API|HCR_APK
    return false;
}

/* A wrong capability number would silently patch the wrong code: before
 * applying one, find its site in __guest_enter/__guest_exit. */
static bool check_cap(sim_machine *m, const hyp_profile *p, uint64_t s, uint64_t e,
                      const linux_caps *c, const char *ver, char *err, size_t len)
{
    alt_entry a;
    for (size_t i = 0; alt_read(m, s, e, i, &a); i++)
        if (a.cap == c->num && a.orig >= p->guest_enter && a.orig < p->guest_exit + 0x400 &&
            site_matches(m, c->name, &a))
            return true;
    snprintf(err, len, "Linux %s: capability ARM64_%s is not %u in this image (no matching "
                       "alternative in the world switch): its version table is wrong",
             ver, c->name, c->num);
    return false;
}

static bool apply_alternatives(sim_machine *m, hyp_profile *p, const linux_version *v,
                               char *err, size_t len)
{
    uint64_t s, e;
    if (!machine_symbol(m, "__alt_instructions", &s) || !machine_symbol(m, "__alt_instructions_end", &e)) {
        snprintf(err, len, "no __alt_instructions table (use --no-alternatives to run as linked)");
        return false;
    }
    uint16_t caps[LINUX_NCAPS];
    size_t n = 0;
    char names[128] = "";
    for (size_t i = 0; i < LINUX_NCAPS; i++) {
        const linux_caps *c = &v->caps[i];
        if (!(m->cpu.feat & FEAT_BIT(c->feat)))
            continue;
        if (!check_cap(m, p, s, e, c, v->version, err, len))
            return false;
        caps[n++] = c->num;
        snprintf(names + strlen(names), sizeof names - strlen(names), " %s", c->name);
    }
    if (!alt_apply(m, s, e, caps, n, &p->alt, err, len))
        return false;
    p->alt_applied = true;
    snprintf(p->alt_caps, sizeof p->alt_caps, "%s", names);
    return true;
}

bool profile_linux_nvhe(sim_machine *m, const char *path, hyp_profile *p, char *err, size_t len)
{
    char full[64], ver[16];
    if (!kernel_version(m, full, sizeof full, ver, sizeof ver)) {
        snprintf(err, len, "%s: no readable linux_banner: cannot tell the kernel version", path);
        return false;
    }
    const linux_version *v = NULL;
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++)
        if (!strcmp(versions[i].version, ver))
            v = &versions[i];
    if (!v) {
        snprintf(err, len, "%s: Linux %s (%s): elsim has no exit-code and capability table for "
                           "this version (known: 6.1)", path, ver, full);
        return false;
    }
    p->name = "linux-nvhe";
    p->enter_takes_host_ctxt = false; // 6.x: __guest_enter(vcpu)
    p->fp_trap_in_c = true;           // 6.x: fixup_guest_exit -> kvm_hyp_handle_fpsimd
    if (!sym(m, "__kvm_nvhe___kvm_hyp_vector", &p->vector, path, err, len) ||
        !sym(m, "__kvm_nvhe___guest_enter", &p->guest_enter, path, err, len) ||
        !sym(m, "__kvm_nvhe___guest_exit", &p->guest_exit, path, err, len) ||
        !sym(m, "__kvm_nvhe_kvm_host_data", &p->host_data, path, err, len))
        return false;
    if (!machine_symbol(m, "__kvm_nvhe_hyp_panic", &p->panic) &&
        !sym(m, "__kvm_nvhe___hyp_panic", &p->panic, path, err, len))
        return false;
    // the window exists only in the non-RAS form; after RAS patching it is dead code
    machine_symbol(m, "__kvm_nvhe_abort_guest_exit_start", &p->window_start);
    machine_symbol(m, "__kvm_nvhe_abort_guest_exit_end", &p->window_end);
    p->exit_irq = v->exit_irq;
    p->exit_el1_serror = v->exit_el1_serror;
    p->exit_trap = v->exit_trap;
    p->exit_il = v->exit_il;
    p->serror_bit = v->serror_bit;
    if (!read_layout(p, path, v->cu, err, len))
        return false;
    if (!m->no_alternatives && !apply_alternatives(m, p, v, err, len))
        return false;
    return true;
}
