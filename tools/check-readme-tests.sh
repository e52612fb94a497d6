#!/bin/sh
# tools/check-readme-tests.sh README BUILD_DIR: every ctest test that the
# README's "Bad input" table names (last column) exists in BUILD_DIR.
set -eu
[ $# -eq 2 ] || { echo "usage: tools/check-readme-tests.sh README BUILD_DIR" >&2; exit 2; }
readme=$1
build=$2
# the backquotes are the README's, not the shell's
# shellcheck disable=SC2016
names=$(sed -n '/^## Bad input/,/^## /p' "$readme" | grep '^|' | sed 's/.*|\(.*\)|[[:space:]]*$/\1/' |
    grep -o '`[a-z][a-z0-9_.-]*`' | tr -d '`' | sort -u)
if [ -z "$names" ]; then
    echo "check-readme-tests: no test names in the Bad input table of $readme" >&2
    exit 1
fi
have=$(cd "$build" && ctest -N | sed -n 's/^ *Test *#[0-9]*: *//p')
missing=0
n=0
for t in $names; do
    n=$((n + 1))
    if ! printf '%s\n' "$have" | grep -qxF "$t"; then
        echo "check-readme-tests: the README names '$t', which is no test" >&2
        missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] || exit 1
echo "check-readme-tests: all $n tests of the Bad input table exist"
