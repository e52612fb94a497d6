#!/bin/sh
# tools/build.sh [BUILD_DIR [cmake options...]]: configure and build elsim
# (default BUILD_DIR: build/ in the source tree).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$top/build"}
[ $# -gt 0 ] && shift
cmake -S "$top" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
