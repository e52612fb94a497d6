#!/bin/sh
# tools/timeline-doc.sh [BUILD_DIR [OUT_DIR]]: regenerate the pictures in
# docs/ (or OUT_DIR) from a build (default: build/):
#   timeline.svg  the demo's world switch (hyp-v56, guest-hello, an SError
#                 injected at __guest_exit), as sim --timeline-svg draws it
#   sweep.svg     sim sweep --svg of an SError over __guest_exit of hyp-v56
# The runs use paths relative to the build's testdata/ folder, so the
# pictures do not depend on where the build is; timeline.docs_current
# checks that the committed ones are what this makes now.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
mkdir -p "${2:-$top/docs}"
out=$(cd "${2:-$top/docs}" && pwd)
cd "$build/testdata"
"$build/sim" --elf hyp/hyp-v56.elf --guest guests/guest-hello.elf --inject serror@__guest_exit \
    --timeline-svg "$out/timeline.svg" >/dev/null
"$build/sim" sweep --elf hyp/hyp-v56.elf --guest guests/guest-hello.elf --inject serror --over __guest_exit \
    --svg "$out/sweep.svg" >/dev/null
echo "tools/timeline-doc.sh: wrote $out/timeline.svg and $out/sweep.svg"
