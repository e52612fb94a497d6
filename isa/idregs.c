/* isa/idregs.c: the ID register fields each architecture feature sets,
 * as a table (field positions and values from the Arm ARM's ID_AA64*
 * register descriptions). */
#include "idregs.h"

#include "sysreg.h"

typedef struct id_field {
    uint8_t feat;   /* enum a64_feature; FEAT_NONE = always */
    uint16_t reg;   /* enum sr_id */
    uint8_t shift;
    uint8_t value;
} id_field;

static const id_field fields[] = {
    /* ID_AA64PFR0_EL1: EL0, EL1, EL2 AArch64 only (1); EL3 not implemented
     * (EL2 is the highest modelled level; SMC goes to the firmware model);
     * FP [19:16] and AdvSIMD [23:20] = 0 (implemented) */
    { FEAT_NONE, SR_ID_AA64PFR0_EL1, 0, 1 },
    { FEAT_NONE, SR_ID_AA64PFR0_EL1, 4, 1 },
    { FEAT_EL2, SR_ID_AA64PFR0_EL1, 8, 1 },
    { FEAT_RAS, SR_ID_AA64PFR0_EL1, 28, 1 },
    /* ID_AA64PFR1_EL1: BT [3:0], SSBS [7:4] (1: PSTATE.SSBS), MTE [11:8] (2: MTE2) */
    { FEAT_BTI, SR_ID_AA64PFR1_EL1, 0, 1 },
    { FEAT_SSBS, SR_ID_AA64PFR1_EL1, 4, 1 },
    { FEAT_MTE, SR_ID_AA64PFR1_EL1, 8, 2 },
    /* ID_AA64MMFR0_EL1: PARange [3:0] 2 (40 bits), ASIDBits [7:4] 2 (16),
     * TGran4 [31:28] 0 (4 KiB supported) */
    { FEAT_NONE, SR_ID_AA64MMFR0_EL1, 0, 2 },
    { FEAT_NONE, SR_ID_AA64MMFR0_EL1, 4, 2 },
    /* ID_AA64MMFR1_EL1: VH [11:8], LO [19:16], PAN [23:20] (1: FEAT_PAN) */
    { FEAT_VHE, SR_ID_AA64MMFR1_EL1, 8, 1 },
    { FEAT_LOR, SR_ID_AA64MMFR1_EL1, 16, 1 },
    { FEAT_PAN, SR_ID_AA64MMFR1_EL1, 20, 1 },
    /* ID_AA64MMFR2_EL1: UAO [7:4], IESB [15:12] */
    { FEAT_UAO, SR_ID_AA64MMFR2_EL1, 4, 1 },
    { FEAT_IESB, SR_ID_AA64MMFR2_EL1, 12, 1 },
    /* ID_AA64ISAR0_EL1: CRC32 [19:16] (1: the CRC32 instructions), Atomic
     * [23:20] (2: LSE) */
    { FEAT_CRC32, SR_ID_AA64ISAR0_EL1, 16, 1 },
    { FEAT_LSE, SR_ID_AA64ISAR0_EL1, 20, 2 },
    /* ID_AA64ISAR1_EL1: APA [7:4] (1: QARMA PAuth), GPA [27:24] (1: PACGA
     * with QARMA), SB [39:36] */
    { FEAT_PAUTH, SR_ID_AA64ISAR1_EL1, 4, 1 },
    { FEAT_PAUTH, SR_ID_AA64ISAR1_EL1, 24, 1 },
    { FEAT_SB, SR_ID_AA64ISAR1_EL1, 36, 1 },
};

void a64_set_id_registers(a64_cpu *c)
{
    static const uint16_t regs[] = { SR_ID_AA64PFR0_EL1, SR_ID_AA64PFR1_EL1, SR_ID_AA64MMFR0_EL1,
                                     SR_ID_AA64MMFR1_EL1, SR_ID_AA64MMFR2_EL1,
                                     SR_ID_AA64ISAR0_EL1, SR_ID_AA64ISAR1_EL1 };
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
        c->sr[regs[i]] = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const id_field *f = &fields[i];
        if (f->feat == FEAT_NONE || (c->feat & FEAT_BIT(f->feat)))
            c->sr[f->reg] |= (uint64_t)f->value << f->shift;
    }
}
