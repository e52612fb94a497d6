// tools/bench/ws-guest.S: the world-switch workload: a guest that makes
// ELSIM_HVC_TEST calls in a loop. Every call is a full round trip: the HVC
// exits through the hyp's vector and __guest_exit back to the harness,
// which answers x0 = x1 + 1 and re-enters through __guest_enter and ERET.
// The guest checks each answer. Exits (checked by the test bench.ws):
// WS_ITERS test HVCs, "PASS\n" (5 console bytes), SYSTEM_OFF.
#include "common.inc"
#define WS_ITERS 100000

main:
    mov32 x20, WS_ITERS
1:  mov32 w0, ELSIM_HVC_TEST
    mov x1, x20
    hvc #0
    add x2, x20, #1
    CHECK_EQ x0, x2, "ELSIM_HVC_TEST answered wrong: x0 ="
    subs x20, x20, #1
    b.ne 1b
    b pass
