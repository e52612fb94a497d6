// testdata/guests/sysreg-trap.S: trapped system register writes. The hyp
// runs this guest with HCR_EL2.TVM set, so every `msr sctlr_el1` traps to
// EL2 (EC 0x18) and exits to the harness, which writes the guest's
// SCTLR_EL1 from the register named by the syndrome's Rt and steps ELR
// past the MSR. The guest writes four values, each from a different
// register (x1, x7, x20, x30: the harness must decode Rt, and 30 is the
// last one that is not XZR), reads each back and checks it stuck and that
// the source register was left alone.
//
// Then accesses that must stay in the guest (TVM traps writes only, and
// these are not among its registers anyway): reads of SCTLR_EL1,
// CurrentEL and MPIDR_EL1, and a write and read of TPIDR_EL1. The guest
// can only check their values; that they cost no exit is for the test
// that counts exits.
//
// Exits: one per console byte, exactly four sysreg traps, then SYSTEM_OFF.
// Output on success: "PASS\n".
#include "common.inc"

// SCTLR_EL1 bits that are RES1 in Armv8.0 (LSMAOE, nTLSMD, SPAN, EIS,
// TSCXT, EOS): kept set in every value written, as software must.
#define SCTLR_RES1 0x30d00800
// Three values that flip only bits with no effect on a guest running at
// EL1 with the MMU off: cache enables C and I; the EL0 trap controls UCI,
// UCT, DZE; nTWE, nTWI, SA0. M (MMU), A (alignment), SA (EL1 stack
// alignment), EE/E0E (endianness) and WXN stay untouched.
#define SCTLR_V1 (SCTLR_RES1 | (1 << 12) | (1 << 2))
#define SCTLR_V2 (SCTLR_RES1 | (1 << 26) | (1 << 15) | (1 << 14))
#define SCTLR_V3 (SCTLR_RES1 | (1 << 18) | (1 << 16) | (1 << 4))

// Write \src to SCTLR_EL1 (one trap) and check the readback and \src.
.macro write_check src, expect, what
    msr sctlr_el1, \src
    isb
    mrs x2, sctlr_el1               // a read: not trapped by TVM
    mov64 x3, \expect
    CHECK_EQ x2, x3, "SCTLR_EL1 after writing \what from \src reads back"
    CHECK_EQ \src, x3, "\src changed by the trapped write of SCTLR_EL1:"
.endm

main:
    mrs x19, sctlr_el1              // the value the guest was started with

    mov64 x1, SCTLR_V1
    write_check x1, SCTLR_V1, V1
    mov64 x7, SCTLR_V2
    write_check x7, SCTLR_V2, V2
    mov64 x20, SCTLR_V3
    write_check x20, SCTLR_V3, V3
    // Put the original back, from x30: Rt = 30 is easy to confuse with 31.
    mov x30, x19
    msr sctlr_el1, x30
    isb
    mrs x2, sctlr_el1
    CHECK_EQ x2, x19, "SCTLR_EL1 after restoring the original reads back"
    CHECK_EQ x30, x19, "x30 changed by the trapped write of SCTLR_EL1:"

    // Untrapped accesses.
    mrs x2, CurrentEL
    mov x3, #(1 << 2)
    CHECK_EQ x2, x3, "CurrentEL is not EL1:"
    mrs x2, mpidr_el1               // VMPIDR_EL2 under a hyp; bit 31 is RES1
    tbnz x2, #31, 1f
    FAIL_VAL "MPIDR_EL1 bit 31 (RES1) clear:", x2
1:  mov64 x3, 0x0123456789abcdef
    msr tpidr_el1, x3
    mrs x2, tpidr_el1
    CHECK_EQ x2, x3, "TPIDR_EL1 reads back"
    b pass
