# tests/gdb/window-earliest.gdb: the v5.6 hyp's SError window under gdb.
# sim --elf hyp-v56.elf --guest guest-hello.elf --inject serror@__guest_exit
# (generic model: RAS, recognition `earliest`). Expected values come from
# testdata/hyp/hyp_v56.S, the harness's documented layout (vcpu 0x4f000000,
# EL2 stack top 0x4f0f0000, return sentinel 0x4f100000) and the Arm ARM.
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/hyp/hyp-v56.elf
add-symbol-file @BUILD@/testdata/guests/guest-hello.elf
target remote 127.0.0.1:@PORT@

# Stopped before the first instruction: the harness's call of __guest_enter
# at EL2h with x0 = vcpu, x30 = the return sentinel, SP_EL2 = stack top.
expect $pc == &__guest_enter
expect (($cpsr >> 2) & 3) == 2
expect ($cpsr & 1) == 1
expect ($cpsr & 0x3c0) == 0x3c0
expect $x0 == 0x4f000000
expect $x30 == 0x4f100000
expect $sp == 0x4f0f0000
expect-monitor el :: ^EL2h: SPSel 1, SP_EL2 = 0x000000004f0f0000
expect-monitor pending :: SError 0
# names in any case; a wrong one gets the closest table names
expect-monitor sysreg vbar_el2 :: ^VBAR_EL2 +0x
expect-monitor sysreg vbar_el :: no system register 'vbar_el' \(did you mean 'VBAR_EL1'

# Registers: write, drop GDB's cache, read back (x, sp, v, fpsr, cpsr).
set $x7 = 0x1234abcd5678ef00
set $v3.ud[1] = 0xfedcba9876543210
set $fpsr = 0x8000010
set $cpsr = $cpsr | 0x20000000
maint flush register-cache
expect $x7 == 0x1234abcd5678ef00
expect $v3.ud[1] == 0xfedcba9876543210
expect $v3.ud[0] == 0
expect $fpsr == 0x8000010
expect ($cpsr & 0x20000000) == 0x20000000
expect (($cpsr >> 2) & 3) == 2
set $cpsr = $cpsr & ~0x20000000
set $fpsr = 0

# Memory: write and read back harness RAM nobody uses; unmapped memory is
# an error, not a crash.
set {unsigned long}0x4f080000 = 0x1122334455667788
set {unsigned char}0x4f080003 = 0xaa
expect *(unsigned long *)0x4f080000 == 0x11223344aa667788
expect *(unsigned short *)0x4f080002 == 0xaa66
expect-unreadable 0x100000000000
expect-unreadable 0x09000000

# A hardware breakpoint at the exit path (`*`: the address itself, no
# prologue skipping): the guest's first exit is its
# console store (a stage-2 data abort: el1_sync's TRAP, x0 = 2, x1 = vcpu).
# The injection fired as the PC reached __guest_exit: the SError is pending
# (masked at EL2 by PSTATE.A) and ISR_EL1.A (bit 8) shows it.
hbreak *__guest_exit
continue
expect $pc == &__guest_exit
expect $x0 == 2
expect $x1 == 0x4f000000
expect (($cpsr >> 2) & 3) == 2
expect-monitor pending :: SError 1
get-sysreg ISR_EL1
expect $sr == 0x100
get-sysreg ESR_EL2
expect ($sr >> 26) == 0x24
delete

# Under `earliest` the SError is taken at the boundary after the
# unmasking `msr daifclr, #4`, before abort_guest_exit_start's instruction
# (so before its breakpoint): the breakpoint is first reached after
# el2_error's ERET, with x0 = 1 << 31 and the SError's syndrome in ESR_EL2:
# EC 0x2f, IL, ISS 0x11 (RAS: an asynchronous SError, DFSC 0b010001).
break abort_guest_exit_start
continue
expect $pc == &abort_guest_exit_start
expect $x0 == 0x80000000
expect $x5 == 2
expect ($x3 >> 26) == 0x24
get-sysreg ESR_EL2
expect $sr == 0xbe000011
get-sysreg ELR_EL2
expect $sr == &abort_guest_exit_start
# SPSR_EL2 of the SError: EL2h, D, I and F masked, A clear (daifclr #4)
get-sysreg SPSR_EL2
expect ($sr & 0x3ff) == 0x2c9
expect-monitor pending :: SError 0
delete

# Step through the rest of the window, one instruction each.
stepi
expect $pc == &abort_guest_exit_end
stepi
expect $pc == &abort_guest_exit_end + 4
expect ($cpsr & 0x100) == 0x100
stepi
expect $pc == &abort_guest_exit_end + 8
stepi
get-sysreg ELR_EL2
expect $sr == $x2
stepi
get-sysreg ESR_EL2
expect $sr == $x3
stepi
get-sysreg SPSR_EL2
expect $sr == $x4
stepi
expect $x0 == 0x80000002
stepi
expect $pc == 0x4f100000
expect $x19 == 0x405e570000000013
# The sentinel's SMC returns to the harness, which handles the exit and
# calls __guest_enter again: the step ends there.
stepi
expect $pc == &__guest_enter
expect $x0 == 0x4f000000

# A symbol of the guest ELF: its `pass` label, at EL1h.
break pass
continue
expect $pc == &pass
expect (($cpsr >> 2) & 3) == 1
expect-monitor el :: ^EL1h
delete
continue
expect-done
