/* testdata/include/guest.h: what the project's guests (EL1, behind a hyp)
 * may rely on: the devices the harness emulates and the calls it answers. */
#ifndef GUEST_H
#define GUEST_H

/* Guests are linked here (guest IPA = PA; stage 2 is identity). */
#define GUEST_BASE 0x48000000

/* MMIO console: a byte stored at CONSOLE_DATA is printed on stdout. Every
 * access traps to the harness as a stage-2 data abort (DABT_LOW, ISV=1). */
#define CONSOLE_BASE 0x09000000
#define CONSOLE_DATA 0x09000000

/* Test device: a store to TESTDEV_SERROR makes the harness assert a
 * physical SError (an asynchronous external abort) after the access. */
#define TESTDEV_BASE 0x0a000000
#define TESTDEV_SERROR 0x0a000000

/* PSCI over HVC (the conduit KVM offers guests). */
#define PSCI_VERSION 0x84000000
#define PSCI_SYSTEM_OFF 0x84000008

/* The project's test hypercall: HVC with w0 = ELSIM_HVC_TEST; the harness
 * counts it, answers x0 = x1 + 1 and resumes the guest. */
#define ELSIM_HVC_TEST 0xc6000001

#ifdef __ASSEMBLER__
/* Load a 32-bit constant. */
.macro mov32 reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
.endm

/* Print the NUL-terminated string at label \str (clobbers x9-x11). */
.macro puts str
    adr x9, \str
    mov32 x10, CONSOLE_DATA
1:  ldrb w11, [x9], #1
    cbz w11, 2f
    strb w11, [x10]
    b 1b
2:
.endm

/* Power off through PSCI. */
.macro system_off
    mov32 x0, PSCI_SYSTEM_OFF
    hvc #0
.endm
#endif

#endif
