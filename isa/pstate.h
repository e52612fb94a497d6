/* isa/pstate.h: PSTATE as SPSR bits, condition codes, and the flag
 * arithmetic shared by the data-processing handlers. */
#ifndef PSTATE_H
#define PSTATE_H

#include "a64.h"

/* SPSR_ELx bit positions (AArch64 state). */
#define SPSR_M_MASK 0x1fu
#define SPSR_M_EL_SHIFT 2
#define SPSR_M_SP 1u
#define SPSR_M_RW (1u << 4) /* 1 would be AArch32: reserved here */
#define SPSR_BTYPE_SHIFT 10
#define SPSR_SSBS (1u << 12)
#define SPSR_IL (1u << 20)
#define SPSR_SS (1u << 21)
#define SPSR_PAN (1u << 22)
#define SPSR_UAO (1u << 23)
#define SPSR_DIT (1u << 24)
#define SPSR_TCO (1u << 25)

/* Condition codes (the cond field of B.cond, CSEL, CCMP). */
enum a64_cond { COND_EQ, COND_NE, COND_CS, COND_CC, COND_MI, COND_PL, COND_VS, COND_VC,
                COND_HI, COND_LS, COND_GE, COND_LT, COND_GT, COND_LE, COND_AL, COND_NV };

uint32_t a64_pstate_to_spsr(const a64_pstate *ps);
/* Loads PSTATE from an SPSR value (no legality checks: see ERET). */
void a64_spsr_to_pstate(uint32_t spsr, a64_pstate *ps);
bool a64_cond_holds(uint32_t nzcv, unsigned cond);

/* Add with carry, returning the result and the NZCV it would set, for the
 * 32-bit (`is64` false) or 64-bit form. SUB is ADD of ~y with carry 1. */
uint64_t a64_add_with_carry(uint64_t x, uint64_t y, unsigned carry_in, bool is64,
                            uint32_t *nzcv);
/* N and Z of a logical result, C and V cleared. */
uint32_t a64_logic_flags(uint64_t result, bool is64);

#endif
