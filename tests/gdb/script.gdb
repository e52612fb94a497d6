# tests/gdb/script.gdb: GDB drives a scenario's machine (--script
# serror-window.lua). A breakpoint at the SError's vector (VBAR_EL2 + 0x380)
# is also where the scenario's exception hook stops the run: the hook runs
# first, then GDB stops there, once.
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/hyp/hyp-v56.elf
target remote 127.0.0.1:@PORT@
expect $pc == &__guest_enter
hbreak *((char *)&__kvm_hyp_vector + 0x380)
continue
get-sysreg VBAR_EL2
expect $pc == $sr + 0x380
get-sysreg ESR_EL2
expect $sr == 0xbe000011
get-sysreg ELR_EL2
expect $sr == &abort_guest_exit_start
delete
break abort_guest_exit_start
continue
expect $pc == &abort_guest_exit_start
expect $x0 == 0x80000000
delete
continue
expect $_exitcode == 0
expect-done
