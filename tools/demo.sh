#!/bin/sh
# tools/demo.sh: install what is missing, build, and run the built-in
# example: the project's v5.6-style hyp (no RAS) switching to the `hello`
# guest, with a physical SError asserted as __guest_exit starts. The exit
# path sees ISR_EL1.A, opens its window, takes the SError at
# abort_guest_exit_start and reports it with the SError bit; the harness
# then injects it into the guest as a virtual SError, as KVM does.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/deps.sh"
"$top/tools/build.sh" "$top/build"
b="$top/build/testdata"
exec "$top/build/sim" --elf "$b/hyp/hyp-v56.elf" --guest "$b/guests/guest-hello.elf" \
  --inject serror@__guest_exit "$@"
