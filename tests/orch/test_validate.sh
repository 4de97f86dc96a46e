#!/usr/bin/env bash
# make validate at a tiny scale (32 x 32, 48 training events, 2 one-epoch members, both responses): the
# report has each response's calibration, separability, distributions, figures and a reality-gap table
# whose numbers are the networks' own (result.tsv and nutl evaluate on the DUNE split), and the gallery.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }
VALIDATE_DATA=$T/data VALIDATE_RUNS=$T/runs VALIDATE_OUT=$T/out DOWNSAMPLE=7 TRAIN_EVENTS=48 MEMBERS=2 \
  MAX_EPOCHS=1 RESPONSES="ideal lar" JOBS=1 scripts/validate.sh >"$T/log" 2>&1 || { cat "$T/log"; fail "make validate failed"; }
md=$T/out/validate.md
for r in ideal lar; do
  grep -q "view w: MIP peak of track pixels .* nutl $r" "$md" || fail "$r: no calibration lines"
  grep -q "^Separability index: nutl 0\.[0-9]*, DUNE 0\.[0-9]*\.$" "$md" || fail "$r: no separability"
  [ "$(value events "$T/data/$r/dune/meta.tsv")" = 309 ] || fail "$r: the DUNE split is not the 309 events"
  for q in hits islands pixel_log10_mev n_pi0 y lepton_energy_gev w_gev any_pi0 n_p_dune n_n_dune any_pi0_dune; do [ -s "$T/out/$r/$q.png" ] || fail "$r: no figure $q"; done
  # DUNE's selection (more than 100 hits) applied to both, and the generator's truth beside DUNE's.
  grep -q "^Selection: events with more than [0-9]* pixels of at least" "$T/out/$r/distributions.md" || fail "$r: no selection"
  grep -q "^| nc | hadronic invariant mass W (GeV) | [0-9.]* +- .* | - | - | - |$" "$md" || fail "$r: no W row (nutl only)"
  # Multiplicities: every particle leaving the nucleus is nutl's only; DUNE's rule on both sides.
  grep -q "^| nc | protons | [0-9.]* +- .* | - | - | - |$" "$md" || fail "$r: no all-particle proton row (nutl only)"
  grep -q "^| nc | protons (DUNE rule: >= 100 IDEs) | [0-9.]* +- [0-9.]* | [0-9]* | [0-9.]* +- " "$md" ||
    fail "$r: no DUNE-rule proton row with both splits"
  # The F1 row: nutl's from result.tsv, DUNE's from nutl evaluate, averaged over the two members.
  want=$(for m in 1 2; do echo "$(value test_f1 "$T/runs/$r/kaiming-all-n48-m$m/result.tsv") $(value f1 "$T/runs/$r/kaiming-all-n48-m$m/dune.tsv")"; done |
         awk '{ a += $1; b += $2 } END { printf "%.3f %.3f", a / 2, b / 2 }')
  got=$(awk -v r="$r" '/^## Response/ { on = index($0, r) > 0 } on && /^\| f1 \|/ { print $4, $8; exit }' "$md")
  [ "$got" = "$want" ] || fail "$r: F1 row '$got', the records give '$want'"
done
for c in numu_cc nue_cc nc; do
  for s in dune nutl; do [ -s "$T/out/gallery/$c-$s.png" ] || fail "no gallery image $c-$s"; done
done
echo "validate.md: both responses' calibration, separability, distributions, figures, reality gap; gallery"
