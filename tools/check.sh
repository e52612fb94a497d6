#!/bin/sh
# tools/check.sh: install what is missing, build, and run every test with
# ctest; then the same suite under AddressSanitizer + UBSan.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/deps.sh"
jobs=$(nproc)
"$top/tools/build.sh" "$top/build"
(cd "$top/build" && ctest -j "$jobs" --output-on-failure)
"$top/tools/build.sh" "$top/build-asan" -DELSIM_SANITIZE=ON
(cd "$top/build-asan" && ASAN_OPTIONS=detect_leaks=1 ctest -j "$jobs" --output-on-failure)
echo "tools/check.sh: all tests passed (plain and sanitizer builds)"
