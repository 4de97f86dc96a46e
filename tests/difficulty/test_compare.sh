#!/usr/bin/env bash
# nutl compare: a split beside itself gives ratios of 1 and identical histograms; a split of 1-4 GeV
# weighted to one of 2-3 GeV matches its mean neutrino energy class by class (the weights work); its
# tables and histogram files are complete; bad input is a one-line error.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bin/nutl simulate --events 240 --seed 31 --downsample 4 --out "$T/a" >/dev/null
bin/nutl simulate --events 150 --seed 32 --downsample 4 --emin 2 --emax 3 --out "$T/b" >/dev/null

bin/nutl compare "$T/a" "$T/a" --out "$T/self" >/dev/null
awk -F'\t' 'NR > 1 && $9 != "" && $9 != "nan" && ($9 < 0.99999 || $9 > 1.00001) { bad = 1; print } END { exit bad }' \
  "$T/self/distributions.tsv" || fail "a split beside itself: a ratio is not 1"
for f in "$T"/self/data/*.dat; do
  awk -F'\t' 'NR > 1 { for (c = 2; c < NF; c += 2) if ($c != $(c + 1)) exit 1 }' "$f" || fail "$f: the two columns differ"
done
[ "$(ls "$T"/self/data/*.dat | wc -l)" = 12 ] || fail "expected 12 histogram files (11 quantities and the pixel spectrum)"
[ "$(wc -l <"$T/self/distributions.tsv")" = 34 ] || fail "expected a header and 3 classes x 11 quantities"
echo "a split beside itself: ratios 1, histograms identical"

bin/nutl compare "$T/a" "$T/b" --out "$T/matched" --names wide,narrow >/dev/null
awk -F'\t' '$2 == "true_energy_gev" { if ($9 < 0.98 || $9 > 1.02) { print; exit 1 } }' "$T/matched/distributions.tsv" ||
  fail "weighted to 2-3 GeV, the 1-4 GeV split's mean energy does not match"
grep -q '| wide: mean' "$T/matched/distributions.md" || fail "the names are not in the table"
echo "1-4 GeV weighted to 2-3 GeV: mean energies match (ratios $(awk -F'\t' '$2 == "true_energy_gev" { printf "%s ", $9 }' "$T/matched/distributions.tsv"))"

if bin/nutl compare "$T/a" "$T/missing" --out "$T/x" 2>"$T/err"; then fail "a missing split accepted"; fi
[ "$(wc -l <"$T/err")" = 1 ] && grep -q "missing" "$T/err" || fail "missing split: $(cat "$T/err")"
if bin/nutl compare "$T/a" "$T/b" --out "$T/x" --names onlyone 2>"$T/err"; then fail "--names onlyone accepted"; fi
grep -q "not two names" "$T/err" || fail "--names: $(cat "$T/err")"
echo "bad input: a missing split, one name"
