/* isa/args_dp.h: arg constants for the data-processing rows of insns.def
 * (insns_dpimm.def, insns_dpreg.def): which ALU operation a row performs. */
#ifndef ARGS_DP_H
#define ARGS_DP_H

/* ADD/SUB (immediate, shifted, extended), ADC/SBC, CCMN/CCMP: two flag
 * bits, so a handler tests them instead of switching on the row. */
enum {
    ADDSUB_S = 1,   /* sets NZCV */
    ADDSUB_SUB = 2, /* operand2 is inverted and the carry-in is 1 */
};
enum { DP_ADD = 0, DP_ADDS = ADDSUB_S, DP_SUB = ADDSUB_SUB, DP_SUBS = ADDSUB_SUB | ADDSUB_S };

/* Logical (immediate, shifted register): the operation in the low two
 * bits (the values of the opc field), LOG_NOT for the inverted-operand
 * forms BIC/ORN/EON/BICS. */
enum { LOG_AND = 0, LOG_ORR = 1, LOG_EOR = 2, LOG_ANDS = 3, LOG_OPMASK = 3, LOG_NOT = 4 };
enum {
    DP_AND = LOG_AND, DP_BIC = LOG_AND | LOG_NOT,
    DP_ORR = LOG_ORR, DP_ORN = LOG_ORR | LOG_NOT,
    DP_EOR = LOG_EOR, DP_EON = LOG_EOR | LOG_NOT,
    DP_ANDS = LOG_ANDS, DP_BICS = LOG_ANDS | LOG_NOT,
};

/* Move wide (immediate). */
enum { DP_MOVN, DP_MOVZ, DP_MOVK };

/* Bitfield (the values of the opc field). */
enum { DP_SBFM, DP_BFM, DP_UBFM };

enum { DP_ADR, DP_ADRP };

/* Shift types, as the shift field of the shifted-register forms encodes
 * them; LSLV/LSRV/ASRV/RORV pass the same values. */
enum { DP_LSL, DP_LSR, DP_ASR, DP_ROR };

/* CSEL/CSINC/CSINV/CSNEG: what is done to Rm when the condition fails
 * (CSNEG is invert then increment). */
enum { CSEL_INC = 1, CSEL_INV = 2 };
enum { DP_CSEL = 0, DP_CSINC = CSEL_INC, DP_CSINV = CSEL_INV, DP_CSNEG = CSEL_INV | CSEL_INC };

/* MADD/MSUB and the widening multiply-adds. */
enum { MUL_SUB = 1, MUL_SIGNED = 2 };
enum { DP_MADD = 0, DP_MSUB = MUL_SUB };
enum {
    DP_UMADDL = 0, DP_UMSUBL = MUL_SUB,
    DP_SMADDL = MUL_SIGNED, DP_SMSUBL = MUL_SIGNED | MUL_SUB,
};

/* UDIV/SDIV, UMULH/SMULH. */
enum { DP_UNSIGNED, DP_SIGNED };

/* REV16, REV32 and 32-bit REV, 64-bit REV: how many of the swap stages
 * (bytes within halfwords, halfwords within words, words within the
 * doubleword) the reversal applies, plus REV_X when the row fixes sf to 1
 * (the rows of fixed sf have no sf field to read). */
enum { REV_STAGES = 3, REV_X = 4 };
enum { DP_REV16 = 1, DP_REV_W = 2, DP_REV32 = 2 | REV_X, DP_REV_X = 3 | REV_X };

enum { DP_CLZ, DP_CLS };

/* CRC32B/H/W/X and CRC32CB/CH/CW/CX: log2 of the bytes of Rm consumed
 * (the sz field) in CRC_SZ, plus CRC_C for the Castagnoli polynomial (the
 * C bit). sf is fixed by each row: 1 exactly for the X forms. */
enum { CRC_SZ = 3, CRC_C = 4 };
enum {
    DP_CRC32B = 0, DP_CRC32H = 1, DP_CRC32W = 2, DP_CRC32X = 3,
    DP_CRC32CB = CRC_C | 0, DP_CRC32CH = CRC_C | 1, DP_CRC32CW = CRC_C | 2, DP_CRC32CX = CRC_C | 3,
};

#endif
