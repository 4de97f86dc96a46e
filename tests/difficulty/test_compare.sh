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
[ "$(ls "$T"/self/data/*.dat | wc -l)" = 22 ] || fail "expected 22 histogram files (21 quantities and the pixel spectrum)"
[ "$(wc -l <"$T/self/distributions.tsv")" = 64 ] || fail "expected a header and 3 classes x 21 quantities"
for q in lepton_energy_gev w_gev q2_gev2 any_pi0 empty n_p n_p_dune n_n_dune n_pipm_dune n_pi0_dune any_pi0_dune; do
  grep -q "	$q	" "$T/self/distributions.tsv" || fail "no row for $q"
done
echo "a split beside itself: ratios 1, histograms identical"

bin/nutl compare "$T/a" "$T/b" --out "$T/matched" --names wide,narrow >/dev/null
awk -F'\t' '$2 == "true_energy_gev" { if ($9 < 0.98 || $9 > 1.02) { print; exit 1 } }' "$T/matched/distributions.tsv" ||
  fail "weighted to 2-3 GeV, the 1-4 GeV split's mean energy does not match"
grep -q '| wide: mean' "$T/matched/distributions.md" || fail "the names are not in the table"
echo "1-4 GeV weighted to 2-3 GeV: mean energies match (ratios $(awk -F'\t' '$2 == "true_energy_gev" { printf "%s ", $9 }' "$T/matched/distributions.tsv"))"

# The selection (DUNE's CVNMapper keeps events with more than 100 hits): only events with more than N
# pixels of at least T MeV stay, in both splits; the kept shares are in the table's note.
bin/nutl compare "$T/a" "$T/a" --out "$T/sel" --min-pixels 150 --pixel-mev 0.1 >"$T/sel.out"
grep -q "^Selection: events with more than 150 pixels of at least 0.1 MeV" "$T/sel/distributions.md" || fail "no selection note"
awk -F'\t' '$2 == "hits" && $3 < 150 / 3 { print; exit 1 }' "$T/sel/distributions.tsv" ||
  fail "events with at most 150 pixels survived the selection"
echo "selection: $(sed -n 's/^compare: Selection: //p' "$T/sel.out")"
if bin/nutl compare "$T/a" "$T/a" --out "$T/x" --min-pixels 10 2>"$T/err"; then fail "--min-pixels without --pixel-mev accepted"; fi
[ "$(wc -l <"$T/err")" = 1 ] && grep -q "goes with one of" "$T/err" || fail "--min-pixels alone: $(cat "$T/err")"
# --pixel-quantile 0 counts from the reference's smallest pixel: every non-zero pixel.
bin/nutl compare "$T/a" "$T/a" --out "$T/q0" --min-pixels 0 --pixel-quantile 0 >/dev/null
grep -q "Kept: nutl numu_cc 1.000, nutl nue_cc 1.000" "$T/q0/distributions.md" || fail "quantile 0 did not keep every event"

if bin/nutl compare "$T/a" "$T/missing" --out "$T/x" 2>"$T/err"; then fail "a missing split accepted"; fi
[ "$(wc -l <"$T/err")" = 1 ] && grep -q "missing" "$T/err" || fail "missing split: $(cat "$T/err")"
if bin/nutl compare "$T/a" "$T/b" --out "$T/x" --names onlyone 2>"$T/err"; then fail "--names onlyone accepted"; fi
grep -q "not two names" "$T/err" || fail "--names: $(cat "$T/err")"
echo "bad input: a missing split, one name"
