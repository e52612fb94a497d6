/* isa/args_pauth.h: arg constants for the pointer-authentication rows of
 * insns.def (insns_pauth.def and the PAC hints of insns_system.def). */
#ifndef ARGS_PAUTH_H
#define ARGS_PAUTH_H

/* Which key: bit 0 is the Arm ARM's key_number (0 = A, 1 = B) and bit 1
 * picks the data keys, so the value is also the index of the key pair
 * (IA, IB, DA, DB) and matches bits [11:10] of the register forms. */
enum { PA_IA = 0, PA_IB = 1, PA_DA = 2, PA_DB = 3, PA_KEY_MASK = 3, PA_KEY_B = 1, PA_DATA = 2 };

/* What the row does with the key: add a PAC or authenticate (else). */
enum { PA_AUT = 0x4 };

/* Where the modifier comes from. */
enum {
    PA_MOD_REG = 0x00,  /* Xn|SP of the register forms ('n'), Xm|SP of BRAA... ('m') */
    PA_MOD_ZERO = 0x08, /* zero: PACIZA..., PACIAZ..., BRAAZ..., LDRAA */
    PA_MOD_SP = 0x10,   /* SP: PACIASP..., RETAA, ERETAA */
    PA_MOD_X16 = 0x18,  /* X16, the pointer being X17: PACIA1716... */
    PA_MOD_MASK = 0x18,
};

/* Combined branches (BRAA..., BLRAA..., RETAA...): which branch, at
 * bits [6:5]. */
enum { PA_BR = 0x00, PA_BLR = 0x20, PA_RET = 0x40, PA_BRANCH_MASK = 0x60 };

/* LDRAA/LDRAB: the pre-indexed form (writeback). */
enum { PA_WBACK = 0x80 };

/* A row's arg: key | PA_AUT | modifier source (| branch kind). */
#define PA_ARG(key, aut, mod) ((key) | (aut) | (mod))

#endif
