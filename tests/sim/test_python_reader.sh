#!/usr/bin/env bash
# dev/nutl_dataset.py, the Python reader the PyTorch tools use, reads a split as src/sim/dataset.c does:
# every event's three views print exactly as nutl display writes them (%.6g), the classes and event ids
# are truth.tsv's, and a damaged record or header is a one-line error naming the file (exit non-zero).
source "$(dirname "$0")/../lib.sh"
set -euo pipefail
PY=/usr/bin/python3
$PY -c 'import numpy' 2>/dev/null || { echo "no python3-numpy"; exit 77; }
bin/nutl simulate --events 12 --seed 5 --out "$T/s" --downsample 7 >/dev/null
[ "$($PY dev/nutl_dataset.py "$T/s")" = "events 12 width 32 height 32 channels 3 seed 5" ] || fail "geometry"
for e in 0 5 11; do
  NUTL_PLOTS=plots bin/nutl display --data "$T/s" --event $e --out "$T/e" >/dev/null 2>&1 || true
  cmp -s <(cat "$T"/e-{u,v,w}.dat) <($PY dev/nutl_dataset.py "$T/s" $e) || fail "event $e differs from nutl display"
done
$PY - "$T/s" <<'PYEOF' || fail "classes or event ids differ from truth.tsv"
import sys
sys.path.insert(0, "dev")
import nutl_dataset
s = nutl_dataset.Split(sys.argv[1])
rows = [l.split("\t") for l in open(sys.argv[1] + "/truth.tsv").read().splitlines()[1:]]
assert [int(r[0]) for r in rows] == list(s.event_ids)
assert [nutl_dataset.CLASSES.index(r[1]) for r in rows] == list(s.classes)
PYEOF
echo "events 0, 5, 11 read as nutl reads them; classes and ids of all 12"

cp -r "$T/s" "$T/bad"
offset=$($PY -c 'import sys; sys.path.insert(0, "dev"); import nutl_dataset as d; print(d.Split(sys.argv[1]).offsets[3] + 14)' "$T/s")
printf '\x55' | dd of="$T/bad/events.bin" bs=1 seek="$offset" conv=notrunc status=none
$PY dev/nutl_dataset.py "$T/bad" 3 2>"$T/err" >/dev/null && fail "a damaged record was read"
grep -qx "nutl_dataset: $T/bad/events.bin: event 3: record fails its CRC" "$T/err" || fail "message: $(cat "$T/err")"
printf 'X' | dd of="$T/bad/events.bin" bs=1 seek=0 conv=notrunc status=none
$PY dev/nutl_dataset.py "$T/bad" 2>"$T/err" >/dev/null && fail "a bad magic was read"
grep -qx "nutl_dataset: $T/bad/events.bin: not a nutl event file (bad magic)" "$T/err" || fail "message: $(cat "$T/err")"
echo "damaged record and header: one-line errors"
