/* isa/regs.h: named bits of the control registers the model reads
 * (HCR_EL2, SCTLR_ELx, CPTR_EL2, MDCR_EL2, the timer and PMU enables),
 * spelled as the Arm ARM does. */
#ifndef REGS_H
#define REGS_H

#define BIT64(n) (UINT64_C(1) << (n))

#define HCR_EL2_VM BIT64(0)
#define HCR_EL2_SWIO BIT64(1)
#define HCR_EL2_PTW BIT64(2)
#define HCR_EL2_FMO BIT64(3)
#define HCR_EL2_IMO BIT64(4)
#define HCR_EL2_AMO BIT64(5)
#define HCR_EL2_VF BIT64(6)
#define HCR_EL2_VI BIT64(7)
#define HCR_EL2_VSE BIT64(8)
#define HCR_EL2_FB BIT64(9)
#define HCR_EL2_DC BIT64(12)
#define HCR_EL2_TWI BIT64(13)
#define HCR_EL2_TWE BIT64(14)
#define HCR_EL2_TID0 BIT64(15)
#define HCR_EL2_TID1 BIT64(16)
#define HCR_EL2_TID2 BIT64(17)
#define HCR_EL2_TID3 BIT64(18)
#define HCR_EL2_TSC BIT64(19)
#define HCR_EL2_TIDCP BIT64(20)
#define HCR_EL2_TACR BIT64(21)
#define HCR_EL2_TSW BIT64(22)
#define HCR_EL2_TPCP BIT64(23)
#define HCR_EL2_TPU BIT64(24)
#define HCR_EL2_TTLB BIT64(25)
#define HCR_EL2_TVM BIT64(26)
#define HCR_EL2_TGE BIT64(27)
#define HCR_EL2_TDZ BIT64(28)
#define HCR_EL2_HCD BIT64(29)
#define HCR_EL2_TRVM BIT64(30)
#define HCR_EL2_RW BIT64(31)
#define HCR_EL2_E2H BIT64(34)
#define HCR_EL2_TLOR BIT64(35)
#define HCR_EL2_TERR BIT64(36)
#define HCR_EL2_TEA BIT64(37)
#define HCR_EL2_APK BIT64(40)
#define HCR_EL2_API BIT64(41)
#define HCR_EL2_ATA BIT64(56)

#define SCTLR_M BIT64(0)
#define SCTLR_A BIT64(1)
#define SCTLR_SA BIT64(3)
#define SCTLR_SA0 BIT64(4)
#define SCTLR_IESB BIT64(21)
#define SCTLR_SPAN BIT64(23)
#define SCTLR_DSSBS BIT64(44)
/* FEAT_PAuth: the per-key enables of the regime's SCTLR_ELx */
#define SCTLR_EnIA BIT64(31)
#define SCTLR_EnIB BIT64(30)
#define SCTLR_EnDA BIT64(27)
#define SCTLR_EnDB BIT64(13)

/* TCR_EL1 (and TCR_EL2 with HCR_EL2.E2H = 1): the fields pointer
 * authentication reads even with the MMU off (CalculateBottomPACBit,
 * EffectiveTBI); TBIDx come with FEAT_PAuth. */
#define TCR_T0SZ_SHIFT 0
#define TCR_T1SZ_SHIFT 16
#define TCR_TxSZ_MASK 0x3fu
#define TCR_TBI0 BIT64(37)
#define TCR_TBI1 BIT64(38)
#define TCR_TBID0 BIT64(51)
#define TCR_TBID1 BIT64(52)
/* TCR_EL2 with HCR_EL2.E2H = 0: one range, T0SZ at [5:0] */
#define TCR_EL2_TBI BIT64(20)
#define TCR_EL2_TBID BIT64(29)

#define SCTLR_UCT BIT64(15)

#define CPTR_EL2_TFP BIT64(10)
#define CPTR_EL2_TCPAC BIT64(31)

#define MDCR_EL2_TPMCR BIT64(5)
#define MDCR_EL2_TPM BIT64(6)
#define MDCR_EL2_TDE BIT64(8)
#define MDCR_EL2_TDA BIT64(9)
#define MDCR_EL2_TDOSA BIT64(10)
#define MDCR_EL2_TDRA BIT64(11)
#define MDSCR_EL1_TDCC BIT64(12)

#define PMUSERENR_EL0_EN BIT64(0)
#define PMUSERENR_EL0_SW BIT64(1)
#define PMUSERENR_EL0_CR BIT64(2)
#define PMUSERENR_EL0_ER BIT64(3)

/* EL0 timer enables: CNTKCTL_EL1, and CNTHCTL_EL2 when HCR_EL2.E2H = 1. */
#define CNTKCTL_EL0PCTEN BIT64(0)
#define CNTKCTL_EL0VCTEN BIT64(1)
#define CNTKCTL_EL0VTEN BIT64(8)
#define CNTKCTL_EL0PTEN BIT64(9)
/* CNTHCTL_EL2's EL1 enables move with HCR_EL2.E2H (bits 0/1 or 10/11). */
#define CNTHCTL_EL2_EL1PCTEN BIT64(0)
#define CNTHCTL_EL2_EL1PCEN BIT64(1)
#define CNTHCTL_EL2_E2H_EL1PCTEN BIT64(10)
#define CNTHCTL_EL2_E2H_EL1PCEN BIT64(11)
#define CPACR_EL1_FPEN_SHIFT 20

#endif
