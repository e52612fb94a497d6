/* isa/syndrome.h: ESR_ELx syndrome constructors, one per exception class,
 * so no call site shifts syndrome bits by hand. */
#ifndef SYNDROME_H
#define SYNDROME_H

#include <stdbool.h>
#include <stdint.h>

/* Exception classes, ESR_ELx.EC. */
enum a64_ec {
    EC_UNKNOWN = 0x00,
    EC_WFX = 0x01,
    EC_FP_ASIMD = 0x07,
    EC_PAC = 0x09,      /* FEAT_PAuth instruction trapped (HCR_EL2.API) */
    EC_ILLEGAL_STATE = 0x0e,
    EC_SVC32 = 0x11,
    EC_HVC32 = 0x12,
    EC_SVC64 = 0x15,
    EC_HVC64 = 0x16,
    EC_SMC64 = 0x17,
    EC_SYS64 = 0x18,
    EC_IABT_LOW = 0x20,
    EC_IABT_CUR = 0x21,
    EC_PC_ALIGN = 0x22,
    EC_DABT_LOW = 0x24,
    EC_DABT_CUR = 0x25,
    EC_SP_ALIGN = 0x26,
    EC_SERROR = 0x2f,
    EC_BRK64 = 0x3c,
};

#define ESR_EC_SHIFT 26
#define ESR_IL (1u << 25)
#define ESR_ISS_MASK 0x1ffffffu

/* Fault status codes (DFSC/IFSC). */
#define FSC_SEA 0x10         /* synchronous external abort */
#define FSC_ALIGNMENT 0x21
#define FSC_TRANSLATION_L(l) (0x04 + (l))
#define FSC_PERMISSION_L(l) (0x0c + (l))
#define FSC_ASYNC_SERROR 0x11

/* Data abort ISS bits. */
#define DABT_ISV (1u << 24)
#define DABT_SSE (1u << 21)
#define DABT_SF (1u << 15)
#define DABT_AR (1u << 14)
#define DABT_FNV (1u << 10)
#define DABT_EA (1u << 9)
#define DABT_CM (1u << 8)
#define DABT_S1PTW (1u << 7)
#define DABT_WNR (1u << 6)

static inline uint32_t syn_make(unsigned ec, bool il32, uint32_t iss)
{
    return ((uint32_t)ec << ESR_EC_SHIFT) | (il32 ? ESR_IL : 0) | (iss & ESR_ISS_MASK);
}
static inline unsigned syn_ec(uint32_t esr) { return esr >> ESR_EC_SHIFT; }

static inline uint32_t syn_uncategorized(void) { return syn_make(EC_UNKNOWN, true, 0); }
static inline uint32_t syn_illegal_state(void) { return syn_make(EC_ILLEGAL_STATE, true, 0); }
static inline uint32_t syn_svc(uint16_t imm16) { return syn_make(EC_SVC64, true, imm16); }
static inline uint32_t syn_hvc(uint16_t imm16) { return syn_make(EC_HVC64, true, imm16); }
static inline uint32_t syn_smc(uint16_t imm16) { return syn_make(EC_SMC64, true, imm16); }
static inline uint32_t syn_brk(uint16_t imm16) { return syn_make(EC_BRK64, true, imm16); }
static inline uint32_t syn_pc_align(void) { return syn_make(EC_PC_ALIGN, true, 0); }
static inline uint32_t syn_sp_align(void) { return syn_make(EC_SP_ALIGN, true, 0); }
/* WFI/WFE trapped: ISS.CV=1, COND=0b1110, TI bit 0 (1 = WFE). */
static inline uint32_t syn_wfx(bool is_wfe)
{
    return syn_make(EC_WFX, true, (1u << 24) | (0xeu << 20) | (is_wfe ? 1u : 0u));
}
/* A pointer-authentication instruction trapped by HCR_EL2.API = 0
 * (TrapPACUse): ISS is 0. */
static inline uint32_t syn_pac_trap(void) { return syn_make(EC_PAC, true, 0); }
/* FP/SIMD access trap: ISS.CV=1, COND=0b1110. */
static inline uint32_t syn_fp_access(void) { return syn_make(EC_FP_ASIMD, true, (1u << 24) | (0xeu << 20)); }

/* Trapped MSR/MRS/SYS: its own field order (not the MRS word's). */
static inline uint32_t syn_sysreg(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                                  unsigned op2, unsigned rt, bool is_read)
{
    uint32_t iss = ((uint32_t)op0 << 20) | ((uint32_t)op2 << 17) | ((uint32_t)op1 << 14) |
                   ((uint32_t)crn << 10) | ((uint32_t)rt << 5) | ((uint32_t)crm << 1) |
                   (is_read ? 1u : 0u);
    return syn_make(EC_SYS64, true, iss);
}

/* Instruction abort; `same_el` picks EC 0x21 over 0x20. */
static inline uint32_t syn_insn_abort(bool same_el, unsigned ifsc)
{
    return syn_make(same_el ? EC_IABT_CUR : EC_IABT_LOW, true, ifsc & 0x3f);
}
/* Data abort without instruction syndrome (ISV = 0). */
static inline uint32_t syn_data_abort(bool same_el, bool wnr, bool cm, unsigned dfsc)
{
    uint32_t iss = (wnr ? DABT_WNR : 0) | (cm ? DABT_CM : 0) | (dfsc & 0x3f);
    return syn_make(same_el ? EC_DABT_CUR : EC_DABT_LOW, true, iss);
}
/* SError: ISS.IDS with an implementation-defined syndrome, or the
 * architected DFSC 0x11 form. */
static inline uint32_t syn_serror(uint32_t iss) { return syn_make(EC_SERROR, true, iss); }

#endif
