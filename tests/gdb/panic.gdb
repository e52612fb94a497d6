# tests/gdb/panic.gdb: a breakpoint of GDB's at the hyp's panic routine, an
# address the harness also breaks at: GDB stops there first, and on
# continue the harness ends the run as a hyp panic (exit status 3).
# sim --elf hyp-v414-nowindow.elf --guest guest-hello.elf
# --inject serror@__guest_exit: the exit path unmasks SErrors without the
# labelled window, so el2_error finds ELR at neither label and panics with
# x0 = 0x380 (VECT_EL2H_ERROR) and the SError's ESR in x1.
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/hyp/hyp-v414-nowindow.elf
target remote 127.0.0.1:@PORT@
break *hyp_panic
continue
expect $pc == &hyp_panic
expect $x0 == 0x380
get-sysreg ESR_EL2
expect $sr == 0xbe000011
continue
expect $_exitcode == 3
expect-done
