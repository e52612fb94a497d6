// testdata/bare/runaway_pages.S: a runaway guest that jumps to a new
// unmapped page on every instruction abort; it must stop at --max-cycles
// (exit 4) without the host's memory growing with the pages it tried.
#include "bare.h"
// ARGS --max-cycles 3000000
// EXPECT stop=limit
// EXPECT status=4
// EXPECT el=2

    .text
    .globl _start
_start:
    adr x0, vectors
    msr vbar_el2, x0
    mov x0, #0x1000                 // nothing is mapped below 0x40000000
    br x0

    .balign 2048
vectors:
    .balign 0x200
    b .                             // current EL, SP_EL0: not used
    .balign 0x80
    .balign 0x200
cur_spx_sync:                       // VBAR_EL2 + 0x200: the instruction abort
    mrs x1, elr_el2
    add x1, x1, #0x1000             // the next page, never the same one
    msr elr_el2, x1
    eret
