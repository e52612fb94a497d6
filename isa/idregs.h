/* isa/idregs.h: what a feature set means for the ID registers: each
 * feature sets one field of one ID_AA64* register (a table, features.c). */
#ifndef IDREGS_H
#define IDREGS_H

#include "a64.h"

/* Write the ID_AA64* registers of c from c->feat (other fields: the
 * ARMv8.0 baseline, EL0-EL2 AArch64 only, FP and AdvSIMD present). */
void a64_set_id_registers(a64_cpu *c);

#endif
