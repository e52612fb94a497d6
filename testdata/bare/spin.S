// testdata/bare/spin.S: a program that never ends: --max-insns stops it
// with exit status 4 after exactly the budget of retired instructions.
// ARGS --max-insns 1000
// EXPECT stop=limit
// EXPECT status=4
// EXPECT insns=1000
    .text
    .globl _start
_start:
    add x0, x0, #1
    b _start
