// testdata/guests/workaround.S: the SMCCC Spectre workaround calls, which
// the hyp answers itself without an exit to the harness (KVM's fast path
// in the EL2 HVC vector: it compares w0 against ARCH_WORKAROUND_1/2,
// applies or records the mitigation, and ERETs with x0 = 0).
//
// 20 calls of ARCH_WORKAROUND_1 (no arguments), then 20 pairs of
// ARCH_WORKAROUND_2 with x1 = 1 (enable the mitigation for this vCPU) and
// x1 = 0 (disable); x0 must be 0 (SMCCC_RET_SUCCESS) after every call. x1-x3
// are reloaded before every call: the fast path clobbers them.
//
// Exits: one per console byte, then SYSTEM_OFF; none for the 60 calls.
// Output on success: "PASS\n".
#include "common.inc"

#define SMCCC_ARCH_WORKAROUND_1 0x80008000
#define SMCCC_ARCH_WORKAROUND_2 0x80007fff
#define ITERATIONS 20

main:
    mov x19, #ITERATIONS
1:  mov32 w0, SMCCC_ARCH_WORKAROUND_1
    hvc #0
    CHECK_EQ x0, xzr, "ARCH_WORKAROUND_1 returned"
    subs x19, x19, #1
    b.ne 1b

    mov x19, #ITERATIONS
2:  mov32 w0, SMCCC_ARCH_WORKAROUND_2
    mov x1, #1
    hvc #0
    CHECK_EQ x0, xzr, "ARCH_WORKAROUND_2 (x1 = 1, enable) returned"
    mov32 w0, SMCCC_ARCH_WORKAROUND_2
    mov x1, #0
    hvc #0
    CHECK_EQ x0, xzr, "ARCH_WORKAROUND_2 (x1 = 0, disable) returned"
    subs x19, x19, #1
    b.ne 2b
    b pass
