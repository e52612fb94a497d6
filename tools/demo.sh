#!/bin/sh
# tools/demo.sh: install what is missing, build, and run the built-in
# example with a trace: EL2 enters EL1 with ERET, EL1 makes an HVC, and
# the EL2 vector table takes it (bare-metal mode until world-switch mode
# lands).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/deps.sh"
"$top/tools/build.sh" "$top/build"
exec "$top/build/sim" --elf "$top/build/testdata/bare/bare_el1_hvc.elf" --trace "$@"
