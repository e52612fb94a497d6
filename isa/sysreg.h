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
    FEAT_CRC32,
    FEAT_COUNT
};
#define FEAT_BIT(f) (UINT64_C(1) << (f))
/* Names as model files spell them ("RAS"), indexed by enum a64_feature. */
extern const char *const a64_feature_names[FEAT_COUNT];

/* Trap rules: which control bits trap an EL0/EL1 access, to EL1 (an EL0
 * access disabled by an EL1 control) or to EL2 (sysreg.c, one small
 * predicate each). */
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
    TRAP_TIDCP, /* HCR_EL2.TIDCP: IMPLEMENTATION DEFINED (op0 3, CRn 11/15) */
    TRAP_CTR,   /* CTR_EL0: SCTLR_EL1.UCT gates EL0, then HCR_EL2.TID2 */
    TRAP_ATA,   /* HCR_EL2.ATA == 0 traps the MTE registers */
    TRAP_TCPAC, /* CPTR_EL2.TCPAC: CPACR_EL1 */
    TRAP_TDA,   /* MDCR_EL2.TDA (or TDE): debug registers */
    TRAP_DCC,   /* MDSCR_EL1.TDCC gates EL0, then MDCR_EL2.TDA: DCC registers */
    TRAP_TDOSA, /* MDCR_EL2.TDOSA (or TDE): OS lock, OSDLR, DBGPRCR */
    TRAP_TDRA,  /* MDCR_EL2.TDRA (or TDE): MDRAR_EL1 */
    TRAP_PMU,   /* PMUSERENR_EL0.EN gates EL0, then MDCR_EL2.TPM */
    TRAP_PMCR,  /* as TRAP_PMU, and MDCR_EL2.TPMCR: PMCR_EL0 */
    TRAP_PMSWINC,   /* as TRAP_PMU, PMUSERENR_EL0.SW also enables EL0 */
    TRAP_PMCCNTR,   /* as TRAP_PMU, PMUSERENR_EL0.CR also enables EL0 reads */
    TRAP_PMEVCNTR,  /* as TRAP_PMU, PMUSERENR_EL0.ER also enables EL0 reads */
    TRAP_PMSELR,    /* as TRAP_PMU, PMUSERENR_EL0.ER also enables EL0 */
    TRAP_PMUSERENR, /* MDCR_EL2.TPM only: EL0 may always read it */
    TRAP_CNTPCT,    /* CNTKCTL_EL1.EL0PCTEN gates EL0, CNTHCTL_EL2.EL1PCTEN */
    TRAP_CNTVCT,    /* CNTKCTL_EL1.EL0VCTEN gates EL0 */
    TRAP_CNTP,      /* CNTKCTL_EL1.EL0PTEN gates EL0, CNTHCTL_EL2.EL1PCEN */
    TRAP_CNTV,      /* CNTKCTL_EL1.EL0VTEN gates EL0 */
    TRAP_CNTFRQ,    /* CNTKCTL_EL1.EL0PCTEN or EL0VCTEN enables EL0 reads */
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
    HOOK_TIMER_CTL,  /* CNTx_CTL: ISTATUS computed; writes re-arm the timer */
    HOOK_TIMER_CVAL, /* CNTx_CVAL, CNTVOFF_EL2: writes re-arm the timers */
    HOOK_TIMER_TVAL, /* CNTx_TVAL: a signed 32-bit view of CVAL - count */
    HOOK_COUNT
};

/* What an access attempt came to. SR_TRAP_EL1: an EL0 access disabled by
 * an EL1 control, taken as EC 0x18 where EL0's synchronous exceptions go
 * (EL1, or EL2 when HCR_EL2.TGE = 1). */
enum sr_result { SR_OK, SR_UNDEF, SR_TRAP_EL2, SR_TRAP_EL1 };

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
/* The same by encoding, as MRS/MSR see it: also answers the encodings no
 * row has but the architecture gives a meaning (the reserved ID space
 * reads as zero; IMPLEMENTATION DEFINED ones trap with HCR_EL2.TIDCP). */
enum sr_result sysreg_read_enc(struct a64_cpu *c, uint32_t enc, uint64_t *val);
enum sr_result sysreg_write_enc(struct a64_cpu *c, uint32_t enc, uint64_t val);
/* Direct access for the machine (harness, scripts, gdb): no checks, but
 * views (NZCV, DAIF, SP_ELx...) still go through their hooks. */
uint64_t sysreg_get(struct a64_cpu *c, int id);
void sysreg_set(struct a64_cpu *c, int id, uint64_t val);

#endif
