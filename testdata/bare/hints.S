// testdata/bare/hints.S: hint-space and barrier instructions that must
// retire as NOPs on a model without PAuth, BTI or RAS (ESB, CSDB, BTI,
// PACIASP/AUTIASP, PSB/TSB CSYNC, CLRBHB, SSBB, PSSBB), and WFE after SEVL,
// which consumes the event register instead of waiting.
#include "bare.h"
// EXPECT stop=poweroff
// EXPECT x1=0x11
// EXPECT x2=0x22
// EXPECT x30=0x40080000
// EXPECT x3=0x1

    .text
    .globl _start
_start:
    mov x1, #0x11
    mov x2, #0x22
    adr x30, _start
    esb
    csdb
    bti c
    paciasp
    autiasp
    hint #17            // psb csync (needs +spe to assemble)
    hint #18            // tsb csync
    hint #22            // clrbhb
    ssbb
    pssbb
    yield
    sevl
    wfe                 // the event SEVL set: no wait
    mov x3, #1
    system_off
