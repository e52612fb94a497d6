// testdata/guests/hello.S: the smallest round trip through the world
// switch. Prints "hello from the guest", then makes three ELSIM_HVC_TEST
// calls; each exits to the harness, which answers x0 = x1 + 1, and comes
// back through the hyp. The guest checks every answer and that the exit gave
// back the rest of its state: x4-x30 hold per-call sentinels across the HVC
// and SP_EL1 must be unchanged. x1-x3 are not checked: SMCCC lets a call
// return results in x0-x3 and KVM writes all four (smccc_set_retval).
//
// Exits: one per console byte, three ELSIM_HVC_TEST, then SYSTEM_OFF.
// Output on success: "hello from the guest\nPASS\n".
#include "common.inc"

// Sentinel for register n in call c: distinct per register and per call,
// so a value restored from the wrong register or a stale earlier exit shows.
#define SENTINEL(n, c) (0x5a5a000000000000 | ((c) << 16) | (n))

.macro set_sentinels call
    .irp n, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
    mov64 x\n, SENTINEL(\n, \call)
    .endr
.endm

// On a mismatch x3 = the register number, x2 = the value found.
.macro check_sentinels call
    .irp n, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
    mov64 x2, SENTINEL(\n, \call)
    mov x3, #\n
    cmp x\n, x2
    mov x2, x\n
    b.ne sentinel_changed
    .endr
.endm

// One ELSIM_HVC_TEST call with x1 = \input; x0 must come back \input + 1.
.macro hvc_test call, input
    adr x2, saved_sp
    mov x3, sp
    str x3, [x2]
    set_sentinels \call
    mov64 x1, \input
    mov32 w0, ELSIM_HVC_TEST
    hvc #0
    mov64 x2, (\input) + 1
    CHECK_EQ x0, x2, "ELSIM_HVC_TEST answered wrong for x1 = \input: x0 ="
    check_sentinels \call
    adr x2, saved_sp
    ldr x2, [x2]
    mov x3, sp
    CHECK_EQ x3, x2, "SP_EL1 changed across an HVC exit:"
.endm

main:
    puts str_hello
    // 41 is the example of the contract; 0xffffffff carries out of the low
    // word, so a harness adding in 32 bits is caught; the last one needs
    // all 64 bits of x1 to get through the exit.
    hvc_test 1, 41
    hvc_test 2, 0xffffffff
    hvc_test 3, 0x7ffffffffffffffe
    b pass

sentinel_changed:
    mov x19, x3
    mov x20, x2
    adr x0, str_sentinel1
    bl put_str
    mov x0, x19
    bl put_dec
    adr x0, str_sentinel2
    bl put_str
    mov x0, x20
    bl put_hex
    b fail_end

    .section .rodata
str_hello:      .asciz "hello from the guest\n"
str_sentinel1:  .asciz "FAIL: x"
str_sentinel2:  .asciz " not preserved across an HVC exit, now "

    .data
    .balign 8
saved_sp:       .quad 0
