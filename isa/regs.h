/* isa/regs.h: named bits of the control registers the model reads
 * (HCR_EL2, SCTLR_ELx, CPTR_EL2, CPACR_EL1), spelled as the Arm ARM does. */
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

#define CPTR_EL2_TFP BIT64(10)
#define CPACR_EL1_FPEN_SHIFT 20

#endif
