#!/bin/sh
# tests/cli/special_files.sh SIM DIR KIND: sim --elf on a file it cannot
# use exits 2 with one line. KIND: unreadable (mode 000; as root, sim runs
# as nobody, since root reads any file; exit 77 if nobody cannot run it) or
# fifo (must not wait for a writer).
set -u
sim=$1
dir=$2
kind=$3
case $kind in
unreadable)
    if [ "$(id -u)" = 0 ]; then
        # root reads a file whatever its mode: run sim as nobody instead
        if command -v setpriv >/dev/null 2>&1 &&
            setpriv --reuid=65534 --regid=65534 --clear-groups "$sim" --version >/dev/null 2>&1; then
            as="setpriv --reuid=65534 --regid=65534 --clear-groups"
        else
            echo "skipped: running as root and nobody cannot run $sim" >&2
            exit 77
        fi
    fi
    f="$dir/unreadable.elf"
    rm -f "$f"
    : >"$f"
    chmod 000 "$f"
    want="$f: cannot open: Permission denied"
    ;;
fifo)
    f="$dir/fifo.elf"
    rm -f "$f"
    mkfifo "$f" || exit 1
    want="$f: not a regular file"
    ;;
*)
    echo "usage: special_files.sh SIM DIR unreadable|fifo" >&2
    exit 2
    ;;
esac
# shellcheck disable=SC2086
err=$(${as:-} "$sim" --elf "$f" 2>&1 >/dev/null)
rc=$?
rm -f "$f"
if [ "$rc" != 2 ] || [ "$err" != "sim: $want" ]; then
    echo "expected exit 2 and 'sim: $want', got exit $rc and '$err'" >&2
    exit 1
fi
