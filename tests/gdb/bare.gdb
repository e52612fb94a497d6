# tests/gdb/bare.gdb: bare-metal mode (testdata/bare/el1_hvc.S): a step
# over ERET lands at EL1, and a step of `hvc #0x42` at EL1 lands in EL2's
# vector table at VBAR_EL2 + 0x400 (lower EL, AArch64, synchronous) with
# ESR_EL2 = EC 0x16 (HVC64) | IL | imm16 = 0x5a000042 and ELR_EL2 at the
# next instruction (an HVC's preferred return address).
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/bare/bare_el1_hvc.elf
target remote 127.0.0.1:@PORT@
expect $pc == &_start
expect (($cpsr >> 2) & 3) == 2
break *el1_code
continue
expect $pc == &el1_code
expect ($cpsr & 0x3cf) == 0x3c5
stepi
stepi
expect $x20 == 1
expect $pc == &el1_code + 8
stepi
expect $pc == &vectors + 0x400
expect (($cpsr >> 2) & 3) == 2
get-sysreg ESR_EL2
expect $sr == 0x5a000042
get-sysreg ELR_EL2
expect $sr == &after_hvc
get-sysreg SPSR_EL2
expect $sr == 0x3c5
continue
expect $_exitcode == 0
expect-done
