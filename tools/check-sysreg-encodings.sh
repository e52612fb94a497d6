#!/bin/sh
# tools/check-sysreg-encodings.sh [SYSREGS_DEF]: assembles `mrs x0, <name>`
# (`msr <name>, x0` for write-only rows) for every row with llvm-mc and
# fails if the encoding or the name differs from the table's.
set -eu
def=${1:-$(dirname "$0")/../isa/sysregs.def}
mc=$(command -v llvm-mc || command -v llvm-mc-14 || true)
[ -n "$mc" ] || { echo "llvm-mc not found: nothing checked"; exit 0; }
# ID_AA64ZFR0_EL1 and ID_AA64SMFR0_EL1 are only named with SVE/SME on
attrs=+v8.5a,+ras,+mte,+pauth,+sve,+sme
bad=0 n=0
rows=$(sed -n 's/^SR(\([A-Za-z0-9_]*\), *\([0-9]*\), *\([0-9]*\), *\([0-9]*\), *\([0-9]*\), *\([0-9]*\), *[0-9]*, *\(SR_[A-Z]*\).*/\1 \2 \3 \4 \5 \6 \7/p' "$def")
while read -r name op0 op1 crn crm op2 acc; do
    n=$((n + 1))
    if [ "$acc" = SR_WO ]; then asm="msr $name, x0"; else asm="mrs x0, $name"; fi
    out=$(echo "$asm" | "$mc" -triple=aarch64 -mattr=$attrs -show-encoding 2>&1 | grep 'encoding:' || true)
    if [ -z "$out" ]; then
        echo "$name: llvm-mc does not know it"; bad=$((bad + 1)); continue
    fi
    # bytes are little-endian: [b0,b1,b2,b3]; the encoding is word bits [20:5]
    word=$(echo "$out" | sed 's/.*\[0x\(..\),0x\(..\),0x\(..\),0x\(..\)\].*/\4\3\2\1/')
    got=$(( (0x$word >> 5) & 0xffff ))
    want=$(( (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2 ))
    mcname=$(echo "$out" | awk '{ print ($1 == "msr") ? $2 : $3 }' | tr -d ',')
    if [ "$got" -ne "$want" ] || [ "$(echo "$mcname" | tr a-z A-Z)" != "$(echo "$name" | tr a-z A-Z)" ]; then
        printf '%s: table (%s,%s,%s,%s,%s) = 0x%04x, llvm-mc %s 0x%04x\n' "$name" "$op0" "$op1" "$crn" "$crm" "$op2" "$want" "$mcname" "$got"
        bad=$((bad + 1))
    fi
done <<EOF
$rows
EOF
echo "$n rows, $bad disagreements with llvm-mc"
[ "$bad" -eq 0 ]
