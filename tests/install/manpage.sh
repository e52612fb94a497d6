#!/bin/sh
# tests/install/manpage.sh SIM MANPAGE: every long option `sim --help` and
# `sim sweep --help` print is described in the man page, and the man page
# describes no option sim does not have.
set -eu
sim=$1
man=$2
from_help=$( ("$sim" --help; "$sim" sweep --help) | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
# the man page writes \-\-name
from_man=$(grep -oE -- '\\-\\-[a-z][a-z0-9]*(\\-[a-z0-9]+)*' "$man" | sed 's/\\//g' | sort -u)
missing=$(printf '%s\n' "$from_help" | grep -vxF -e "$from_man" || true)
extra=$(printf '%s\n' "$from_man" | grep -vxF -e "$from_help" || true)
[ -z "$missing" ] || { echo "manpage: options in --help but not in $man:" $missing >&2; exit 1; }
[ -z "$extra" ] || { echo "manpage: options in $man but not in --help:" $extra >&2; exit 1; }
echo "manpage: $(printf '%s\n' "$from_help" | wc -l) options agree"
