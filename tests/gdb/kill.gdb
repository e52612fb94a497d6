# tests/gdb/kill.gdb: kill from GDB in the middle of a world switch: sim
# stops the run, prints its summary and exits with status 4.
set architecture aarch64
set pagination off
set confirm off
file @BUILD@/testdata/hyp/hyp-v56.elf
add-symbol-file @BUILD@/testdata/guests/guest-hello.elf
target remote 127.0.0.1:@PORT@
break *put_str
continue
expect $pc == &put_str
expect (($cpsr >> 2) & 3) == 1
kill
expect-done
