/* testdata/include/bare.h: macros shared by the bare-metal test programs
 * (assembly, included by the C preprocessor). */
#ifndef BARE_H
#define BARE_H

#define PSCI_SYSTEM_OFF 0x84000008

/* Power off through the EL3 firmware (PSCI over SMC). */
.macro system_off
    movz w0, #0x0008
    movk w0, #0x8400, lsl #16
    smc #0
.endm

/* Load a 64-bit constant with movz/movk (no literal pool). */
.macro mov64 reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

#endif
