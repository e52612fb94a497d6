/* isa/pauth.h: pointer authentication (FEAT_PAuth, ARMv8.3, QARMA5): the
 * cipher, AddPAC/Auth/Strip on a pointer, and the per-EL enables and traps. */
#ifndef PAUTH_H
#define PAUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "a64.h"

/* Where a pointer's PAC lives: bits [63 or 55 : bottom] other than bit 55,
 * which keeps the upper/lower range selector. */
typedef struct pauth_layout {
    uint8_t bottom; /* CalculateBottomPACBit(): 64 - TxSZ */
    bool tbi;       /* EffectiveTBI(): the top byte is the pointer's own */
    bool sel;       /* the extension bit the PAC field replaces */
} pauth_layout;

/* ComputePAC() with QARMA5 (ID_AA64ISAR1_EL1.APA = 1): a 64-bit block
 * cipher of `data` under the tweak `modifier` and the key key0:key1
 * (key0 = the key's Hi register, key1 = its Lo register). */
uint64_t pauth_compute_pac(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1);

/* AddPAC(), Auth() and Strip() of FEAT_PAuth as ARMv8.3 defines them (no
 * EnhancedPAC, no PAuth2, no FPAC): on a failed Auth the pointer comes
 * back without its PAC but with the error code key_number:NOT(key_number)
 * in bits [54:53] (TBI) or [62:61] (no TBI), so that using it faults. */
uint64_t pauth_add_pac(uint64_t ptr, uint64_t modifier, uint64_t key_hi, uint64_t key_lo,
                       const pauth_layout *l);
uint64_t pauth_auth(uint64_t ptr, uint64_t modifier, uint64_t key_hi, uint64_t key_lo,
                    unsigned key_number, const pauth_layout *l);
uint64_t pauth_strip(uint64_t ptr, const pauth_layout *l);

/* The layout the CPU's current regime gives `ptr` (an instruction address
 * when !data), from TCR_ELx as the Arm ARM reads it with the MMU on or off;
 * `for_add` picks AddPAC's range selector, otherwise Auth's/Strip's bit 55. */
pauth_layout a64_pac_layout(const a64_cpu *c, uint64_t ptr, bool data, bool for_add);

/* The Arm ARM's AddPACIA..., AuthIA..., Strip and AddPACGA as instructions
 * execute them: `key` is PA_IA, PA_IB, PA_DA or PA_DB (args_pauth.h). A key
 * disabled by SCTLR_ELx.EnIA/EnIB/EnDA/EnDB leaves the pointer as it is;
 * HCR_EL2.API = 0 at EL0/EL1 traps to EL2 (EC 0x09, ELR = the instruction):
 * then they return false with the exception recorded and *out unwritten. */
bool a64_pac_add(a64_cpu *c, unsigned key, uint64_t ptr, uint64_t modifier, uint64_t *out);
bool a64_pac_auth(a64_cpu *c, unsigned key, uint64_t ptr, uint64_t modifier, uint64_t *out);
bool a64_pac_strip(a64_cpu *c, bool data, uint64_t ptr, uint64_t *out);
bool a64_pac_generic(a64_cpu *c, uint64_t x, uint64_t modifier, uint64_t *out);

#endif
