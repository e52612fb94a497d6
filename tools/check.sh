#!/bin/sh
# tools/check.sh: install what is missing, build, and run every test with
# ctest, the real-kernel tests included (with clang's libFuzzer: a few
# seconds of each fuzz target); the
# same suite under AddressSanitizer + UBSan; and the determinism runs of an
# -O0 build compared byte for byte with the -O2 build's.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/deps.sh"
# the real-kernel tests need Debian's 6.1 vmlinux: fetched once into a cache
# outside the tree; a failed download fails the check (no silent skip)
"$top/tools/fetch-kernel.sh" >/dev/null
jobs=$(nproc)
"$top/tools/build.sh" "$top/build"
(cd "$top/build" && ctest -j "$jobs" --output-on-failure)
"$top/tools/build.sh" "$top/build-asan" -DELSIM_SANITIZE=ON
(cd "$top/build-asan" && ASAN_OPTIONS=detect_leaks=1 ctest -j "$jobs" --output-on-failure)
cmake -S "$top" -B "$top/build-o0" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$top/build-o0" -j "$jobs" --target sim
sh "$top/tools/determinism.sh" "$top/build/sim" "$top/build-o0/sim" "$top/build/testdata"
echo "tools/check.sh: all tests passed (plain and sanitizer builds, -O0 = -O2)"
