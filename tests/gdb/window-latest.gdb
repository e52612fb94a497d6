# tests/gdb/window-latest.gdb: the v5.6 window under `--async-take latest`,
# then detach. sim --elf hyp-v56.elf --guest guest-hello.elf
# --inject serror@__guest_exit --async-take latest: the SError unmasked by
# `msr daifclr, #4` is held until the next context synchronization event
# (the window's ISB), so abort_guest_exit_start's breakpoint is reached
# with the SError still pending, and it is taken at the boundary after the
# ISB: ELR_EL2 = abort_guest_exit_end, vector VBAR_EL2 + 0x380 (current
# EL with SP_ELx, SError).
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/hyp/hyp-v56.elf
target remote 127.0.0.1:@PORT@

break abort_guest_exit_start
continue
expect $pc == &abort_guest_exit_start
expect $x0 == 2
expect ($cpsr & 0x100) == 0
expect-monitor pending :: SError 1 \(ISS 0x0000011\)
delete
stepi
expect $pc == &abort_guest_exit_end
expect-monitor pending :: SError 1
# one step: no instruction, the SError's exception entry
stepi
get-sysreg VBAR_EL2
expect $pc == $sr + 0x380
expect $pc == &__kvm_hyp_vector + 0x380
get-sysreg ELR_EL2
expect $sr == &abort_guest_exit_end
get-sysreg ESR_EL2
expect $sr == 0xbe000011
get-sysreg SPSR_EL2
expect ($sr & 0x3ff) == 0x2c9
expect ($cpsr & 0x3cf) == 0x3c9
expect $x0 == 2
expect-monitor pending :: SError 0
# the vector slot: esb (nothing left to defer), save x0/x1, branch
stepi
expect $pc == &__kvm_hyp_vector + 0x384
stepi
expect *(unsigned long *)$sp == 2
stepi
expect $pc == &el2_error
detach
expect-done
