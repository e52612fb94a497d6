/* sim/gdb_regs.h: the register set GDB sees (GDB's AArch64 features
 * org.gnu.gdb.aarch64.core and .fpu), its numbering and byte layout, and
 * the target description XML served through qXfer:features:read. */
#ifndef SIM_GDB_REGS_H
#define SIM_GDB_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "a64.h"

/* x0-x30, sp, pc, cpsr, v0-v31, fpsr, fpcr. */
#define GDB_NREGS 68
#define GDB_REG_MAX_BYTES 16
/* Bytes of the 'g' packet: every register, in order, target byte order. */
#define GDB_G_BYTES (33 * 8 + 4 + 32 * 16 + 4 + 4)

/* Size in bytes of register n (0 when there is no such register). */
unsigned gdb_reg_size(unsigned n);
/* Register n as GDB wants it (little-endian) into out; its size. */
unsigned gdb_reg_get(const a64_cpu *c, unsigned n, uint8_t *out);
/* Write register n from little-endian bytes; false when the value is not
 * one the model can hold (a cpsr naming AArch32 or EL3). */
bool gdb_reg_set(a64_cpu *c, unsigned n, const uint8_t *in);

/* Write the target description into buf (NUL-terminated when it fits);
 * its length, which is >= cap when buf was too small. */
size_t gdb_target_xml(char *buf, size_t cap);

#endif
