/* isa/sysreg.h: the system-register table (rows in sysregs.def) and the
 * MRS/MSR access path that checks EL, features and traps. */
#ifndef SYSREG_H
#define SYSREG_H

#include <stdbool.h>
#include <stdint.h>

/* One packing of (op0, op1, CRn, CRm, op2) everywhere; it is also bits
 * [20:5] of an MRS/MSR word and Capstone's numbering. */
#define SYSREG_ENC(op0, op1, crn, crm, op2) \
    ((uint32_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))
#define SYSREG_ENC_NONE 0xffffffffu

enum sr_id {
#define SR(name, op0, op1, crn, crm, op2, el, acc, feat, trap, hook, reset, wmask) SR_##name,
#include "sysregs.def"
#undef SR
    SR_COUNT
};

/* Access kinds. */
enum sr_access { SR_RW, SR_RO, SR_WO };

/* Architecture features a CPU model may implement (bit numbers). */
enum a64_feature {
    FEAT_NONE = 0, /* always present */
    FEAT_EL2,
    FEAT_PAN,
    FEAT_UAO,
    FEAT_RAS,
    FEAT_IESB,
    FEAT_SSBS,
    FEAT_DIT,
    FEAT_PAUTH,
    FEAT_MTE,
    FEAT_BTI,
    FEAT_SB,
    FEAT_VHE,
    FEAT_LSE,
    FEAT_LOR,
    FEAT_COUNT
};
#define FEAT_BIT(f) (UINT64_C(1) << (f))
/* Names as model files spell them ("RAS"), indexed by enum a64_feature. */
extern const char *const a64_feature_names[FEAT_COUNT];

/* Trap rules: which EL2 control bit traps an EL0/EL1 access (sysreg.c). */
enum sr_trap {
    TRAP_NONE,
    TRAP_VM,    /* HCR_EL2.TVM traps writes, TRVM traps reads */
    TRAP_TID1,  /* HCR_EL2.TID1: REVIDR, AIDR */
    TRAP_TID2,  /* HCR_EL2.TID2: CTR, CCSIDR, CLIDR, CSSELR */
    TRAP_TID3,  /* HCR_EL2.TID3: the ID group 3 registers */
    TRAP_TACR,  /* HCR_EL2.TACR: ACTLR_EL1 */
    TRAP_TERR,  /* HCR_EL2.TERR: error record registers */
    TRAP_APK,   /* HCR_EL2.APK == 0 traps the PAuth key registers */
    TRAP_TLOR,  /* HCR_EL2.TLOR: LORegion registers */
    TRAP_COUNT
};

/* Registers that are views of state kept elsewhere. */
enum sr_hook {
    HOOK_NONE,
    HOOK_NZCV,
    HOOK_DAIF,
    HOOK_CURRENTEL,
    HOOK_SPSEL,
    HOOK_PAN,
    HOOK_UAO,
    HOOK_SSBS,
    HOOK_DIT,
    HOOK_FPCR,
    HOOK_FPSR,
    HOOK_SP_EL0,
    HOOK_SP_EL1,
    HOOK_CNTPCT,
    HOOK_CNTVCT,
    HOOK_ISR,   /* ISR_EL1: pending A/I/F as the current EL sees them */
    HOOK_DISR,  /* DISR_EL1: VDISR_EL2 at EL1 when HCR_EL2.AMO = 1 */
    HOOK_COUNT
};

/* What an access attempt came to. */
enum sr_result { SR_OK, SR_UNDEF, SR_TRAP_EL2 };

struct a64_cpu;

typedef struct sysreg_info {
    const char *name;
    uint32_t enc;
    uint8_t min_el;
    uint8_t access;
    uint8_t feat;
    uint8_t trap;
    uint8_t hook;
    uint64_t reset;
    uint64_t wmask;
} sysreg_info;

extern const sysreg_info sysreg_table[SR_COUNT];

/* Row index for an encoding, or -1 when no row has it. */
int sysreg_lookup(uint32_t enc);
/* Row index by Arm ARM name (case-sensitive, "HCR_EL2"), or -1. */
int sysreg_by_name(const char *name);

/* Reset every register of the table into c->sr. */
void sysreg_reset(struct a64_cpu *c);
/* MRS / MSR from the instruction stream: checks existence, EL and traps.
 * On SR_OK the value is read into *val or written from val. */
enum sr_result sysreg_read(struct a64_cpu *c, int id, uint64_t *val);
enum sr_result sysreg_write(struct a64_cpu *c, int id, uint64_t val);
/* Direct access for the machine (harness, scripts, gdb): no checks, but
 * views (NZCV, DAIF, SP_ELx...) still go through their hooks. */
uint64_t sysreg_get(struct a64_cpu *c, int id);
void sysreg_set(struct a64_cpu *c, int id, uint64_t val);

#endif
