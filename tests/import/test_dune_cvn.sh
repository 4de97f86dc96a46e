#!/usr/bin/env bash
# nutl import dune-cvn: the vendored sample's events, counts and truth mapping; calibration constants of
# the right size and ordered by recombination; synthetic maps whose geometry and sums are known by hand
# (orientation of a track, pixel sums preserved by the rebin, physical cell sizes); bad input is a
# one-line error naming the file, a non-zero exit and no split left behind.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import numpy' 2>/dev/null || { echo "no python3-numpy"; exit 77; }
value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }

# The vendored events: counts of the paper's energy range (antineutrinos included), truth of one event.
bin/nutl import dune-cvn datasets/dune-cvn --out "$T/ideal" >"$T/ideal.log"
bin/nutl verify "$T/ideal" >/dev/null || fail "the imported split does not verify"
for kv in events:309 events_numu_cc:133 antineutrinos_numu_cc:1 events_nue_cc:51 antineutrinos_nue_cc:6 \
          events_nc:125 outside_energy_range:291 image_side:224; do
  [ "$(value "${kv%%:*}" "$T/ideal/meta.tsv")" = "${kv##*:}" ] || fail "meta ${kv%%:*} is not ${kv##*:}"
done
# numu/event3.info: label 1 (CC numu, RES), 1.96186 GeV, lepton 0.957861 GeV, 1 p, 1 pi+-, 0 pi0, 1 n,
# 2161 hits.
line=$(awk -F'\t' '$17 == "numu/event3"' "$T/ideal/truth.tsv")
[ "$(cut -f2-6,11-16 <<<"$line")" = "$(printf 'numu_cc\t1.961860\tres\t0.51176\t0.957861\t1\t1\t1\t0\t14\t2161')" ] ||
  fail "truth of numu/event3: $line"
echo "309 events: 133 numu_cc, 51 nue_cc, 125 nc; numu/event3's truth mapped"

# Calibration: a MIP pixel of 1 cm holds ~2 MeV and a map unit is ~1/60 of one; with recombination
# (lar) a MIP pixel holds less, so each view's constant is smaller by about the box model's R(2.1 MeV/cm).
bin/nutl import dune-cvn datasets/dune-cvn --out "$T/lar" --response lar >/dev/null
for v in u v w; do
  i=$(value mev_per_unit_$v "$T/ideal/meta.tsv") l=$(value mev_per_unit_$v "$T/lar/meta.tsv")
  awk -v i="$i" -v l="$l" 'BEGIN { exit !(i > 0.015 && i < 0.08 && l / i > 0.6 && l / i < 0.8) }' ||
    fail "view $v: MeV per unit $i (ideal), $l (lar)"
done
grep -q "view w: MIP peak of track pixels" "$T/ideal.log" || fail "the calibration is not printed"
echo "calibration: ideal $(value mev_per_unit_w "$T/ideal/meta.tsv"), lar $(value mev_per_unit_w "$T/lar/meta.tsv") MeV per unit (w)"

# Synthetic maps: in view w a track along the wires (time cell 250, wires 100-299, 40 units a cell); in
# view u a track along the drift (wire 200, time cells 100-399, 20 units); view v empty. One event per
# class folder; the constants given (2 MeV per unit in every view).
make_event() { # DIR N LABEL PDG ENERGY [MAP_BYTES_PYTHON]
  mkdir -p "$1"
  printf '%s\n' "$3" "$5" 0.5 0 0 0 1 "$4" 1 0 0 0 0 0 100 >"$1/event$2.info"
  $PY - "$1/event$2.gz" <<'PYEOF'
import sys, zlib
m = bytearray(3 * 500 * 500)
for w in range(100, 300): m[(2 * 500 + w) * 500 + 250] = 40
for t in range(100, 400): m[(0 * 500 + 200) * 500 + t] = 20
open(sys.argv[1], "wb").write(zlib.compress(bytes(m)))
PYEOF
}
S=$T/synthetic/dataset_info
make_event "$S/numu" 0 1 14 2.0; make_event "$S/nue" 0 4 12 2.5; make_event "$S/nc" 0 12 1 3.0
bin/nutl import dune-cvn "$T/synthetic" --out "$T/syn" --mev-per-unit 2,2,2 >/dev/null
$PY - "$T/syn" <<'PYEOF' || fail "synthetic track geometry or sums"
import sys
sys.path.insert(0, "dev")
import numpy as np, nutl_dataset
s = nutl_dataset.Split(sys.argv[1])
img = s.image(0)                                  # 3 x 224 x 224, MeV
u, v, w = img
assert v.sum() == 0
# Sums: 200 cells x 40 units x 2 MeV in w; 300 cells x 20 units x 2 MeV in u (all inside the crop).
assert abs(w.sum() - 16000) < 1e-2 and abs(u.sum() - 12000) < 1e-2, (w.sum(), u.sum())
rows, cols = np.nonzero(w)
assert len(set(rows)) == 1, "a track along the wires is one row"
# 200 wires of 0.479 cm: the cell centres span (100.5 .. 299.5) x 0.479 cm -> 96 one-cm columns.
assert len(set(cols)) == 96 and cols.max() - cols.min() == 95, (len(set(cols)), cols.min(), cols.max())
rows, cols = np.nonzero(u)
assert len(set(cols)) == 1, "a track along the drift is one column"
# 300 time cells of 0.512 cm: centres span (100.5 .. 399.5) x 0.512 cm -> 154 one-cm rows.
assert len(set(rows)) == 154, len(set(rows))
# The crop is centred on the charge: the track's centre lies in the image's middle.
assert abs(np.average(np.nonzero(w)[1], weights=w[w > 0]) - 112) < 1.5
PYEOF
echo "synthetic tracks: one row along the wires, one column along the drift, sums kept, physical cell sizes"

# Bad input: each a one-line error naming the file, a non-zero exit, and no split (meta.tsv) written.
expect_error() { # NAME PATTERN: import the damaged copy, expect PATTERN in a one-line error
  if bin/nutl import dune-cvn "$T/bad" --out "$T/out-$1" --mev-per-unit 1,1,1 >/dev/null 2>"$T/err"; then fail "$1: accepted"; fi
  [ "$(wc -l <"$T/err")" = 1 ] && grep -q "$2" "$T/err" || fail "$1: $(cat "$T/err")"
  [ ! -e "$T/out-$1/meta.tsv" ] && [ ! -e "$T/out-$1/events.bin" ] || fail "$1: a split was left behind"
}
reset_bad() { rm -rf "$T/bad"; cp -r "$T/synthetic" "$T/bad"; }
B=$T/bad/dataset_info
reset_bad; printf 'not a zlib stream at all' >"$B/nue/event0.gz"; expect_error corrupt "nue/event0.gz: not a zlib stream"
reset_bad; $PY -c 'import sys, zlib; open(sys.argv[1], "wb").write(zlib.compress(bytes(1000)))' "$B/nc/event0.gz"
expect_error size "nc/event0.gz: inflates to 1000 bytes"
reset_bad; head -c 300 "$S/numu/event0.gz" >"$B/numu/event0.gz"; expect_error truncated "numu/event0.gz: truncated"
reset_bad; rm "$B/nc/event0.info"; expect_error missing-info "dataset_info/nc: no eventN.info"
reset_bad; rm "$B/nue/event0.gz"; expect_error missing-map "nue/event0.gz: cannot read"
reset_bad; sed -i '2s/.*/nan/' "$B/numu/event0.info"; expect_error nan "numu/event0.info: line 2 is not a number"
reset_bad; head -n 5 "$S/nc/event0.info" >"$B/nc/event0.info"; expect_error short-info "nc/event0.info: truncated"
reset_bad; sed -i '8s/.*/12/' "$B/numu/event0.info"; expect_error pdg "numu/event0.info: label 1 .* PDG code 12"
reset_bad; cp "$S/nue/event0.info" "$S/nue/event0.gz" "$B/nc/"; expect_error folder "nc/event0.info: label 4 is not a nc event"
if bin/nutl import dune-cvn "$T/synthetic" --out "$T/x" --response noisy >/dev/null 2>"$T/err"; then fail "unknown response accepted"; fi
grep -q "response 'noisy'" "$T/err" || fail "unknown response: $(cat "$T/err")"
echo "bad input: corrupt, wrong size, truncated, missing files, NaN, short truth, PDG and folder mismatches"
