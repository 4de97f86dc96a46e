#!/usr/bin/env bash
# nutl import deposits on bad input: a missing file, garbage or truncated or damaged HDF5, HDF5 without a
# required dataset or field, segments out of order, TSV with a NaN, a malformed line or no header, an
# unknown --format or extension. Each must exit 1 with one stderr line naming the file and the problem,
# and leave no output split behind (the file is checked before anything is written).
set -u
source "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
fails=0
# expect_error DESCRIPTION PATTERN FILE [OPTIONS...]: importing FILE must fail with one line matching PATTERN
# and leave no split.
expect_error() {
  local what=$1 pattern=$2 file=$3; shift 3
  rm -rf "$T/out"
  bin/nutl import deposits "$file" --out "$T/out" "$@" >"$T/stdout" 2>"$T/err"; local rc=$?
  if [ $rc -ne 1 ] || [ "$(wc -l <"$T/err")" -ne 1 ] || ! grep -q -- "$pattern" "$T/err"; then
    echo "FAIL $what: exit $rc, stderr: $(cat "$T/err")"; fails=$((fails+1))
  elif [ -e "$T/out" ]; then
    echo "FAIL $what: left $(ls -A "$T/out")"; fails=$((fails+1))
  else echo "ok   $what: $(cat "$T/err")"; fi
}

# A good HDF5 file to damage, and a good TSV.
bin/nutl simulate --events 6 --seed 1 --downsample 4 --out "$T/sim" --deposits-out "$T/good.h5" 2>/dev/null ||
  { echo "FAIL: simulate --deposits-out"; exit 1; }
printf 'event_id\tx_start\ty_start\tz_start\tx_end\ty_end\tz_end\tde_mev\n#event\t0\tnc\t2\t0\t0\t-200\n' >"$T/head.tsv"

expect_error "missing file" "none.h5: cannot open: No such file" "$T/none.h5"
expect_error "missing TSV" "none.tsv: cannot open: No such file" "$T/none.tsv"
head -c 4096 /dev/urandom >"$T/garbage.h5"
expect_error "garbage HDF5" "garbage.h5: not an HDF5 file" "$T/garbage.h5"
head -c 30000 "$T/good.h5" >"$T/truncated.h5"
expect_error "truncated HDF5" "truncated.h5: cannot open as HDF5 (damaged or truncated file)" "$T/truncated.h5"
cp "$T/good.h5" "$T/damaged.h5"
printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$T/damaged.h5" bs=1 seek=100000 conv=notrunc status=none
expect_error "damaged HDF5 chunk" "damaged.h5: cannot read rows .* of dataset 'segments'" "$T/damaged.h5"

if $PY -c 'import h5py, numpy' 2>/dev/null; then
  # rewrite SRC DST EXPRESSION: copies SRC to DST with each dataset d replaced by EXPRESSION's value
  # (name: its name; numpy as np, numpy.lib.recfunctions as rf; put(d, field, row, value) returns d
  # with one value changed; None drops the dataset).
  rewrite() {
    $PY - "$1" "$2" "$3" <<'PYEOF'
import sys, h5py, numpy as np, numpy.lib.recfunctions as rf
src, dst, expr = sys.argv[1:]
def put(d, field, row, value):
    d[field][row] = value
    return d
with h5py.File(src, "r") as f, h5py.File(dst, "w") as g:
    for name in f:
        d = f[name][()]
        d = eval(expr)
        if d is not None: g[name] = d
PYEOF
  }
  rewrite "$T/good.h5" "$T/no-de.h5" "rf.drop_fields(d, 'dE') if name == 'segments' else d"
  expect_error "HDF5 without field dE" "no-de.h5: dataset 'segments' has no field 'dE'" "$T/no-de.h5"
  rewrite "$T/good.h5" "$T/no-class.h5" "rf.drop_fields(d, 'class') if name == 'nutl_events' else d"
  expect_error "HDF5 without field class" "no-class.h5: dataset 'nutl_events' has no field 'class'" "$T/no-class.h5"
  rewrite "$T/good.h5" "$T/no-events.h5" "None if name == 'nutl_events' else d"
  expect_error "HDF5 without nutl_events" "no-events.h5: no dataset 'nutl_events'" "$T/no-events.h5"
  rewrite "$T/good.h5" "$T/no-vertices.h5" "None if name == 'vertices' else d"
  expect_error "HDF5 without vertices" "no-vertices.h5: no dataset 'vertices'" "$T/no-vertices.h5"
  rewrite "$T/good.h5" "$T/nan.h5" "put(d, 'y_end', 5, np.nan) if name == 'segments' else d"
  expect_error "HDF5 with a NaN" "nan.h5: segments row 5 (event 0): y_end is not a finite number" "$T/nan.h5"
  rewrite "$T/good.h5" "$T/mm.h5" "put(d, 'x_vert', 2, 3e5) if name == 'vertices' else d"
  expect_error "HDF5 vertex beyond 1 km" "mm.h5: nutl_events row 2 (event 2): vertex_x = 300000 cm lies beyond" "$T/mm.h5"
  rewrite "$T/good.h5" "$T/class.h5" "put(d, 'class', 1, 3) if name == 'nutl_events' else d"
  expect_error "HDF5 unknown class" "class.h5: nutl_events row 1 (event 1): class 3 is not" "$T/class.h5"
  rewrite "$T/good.h5" "$T/order.h5" "d[::-1].copy() if name == 'segments' else d"
  expect_error "HDF5 segments out of order" "order.h5: segments row [0-9]* belongs to event 4, out of place" "$T/order.h5"
  rewrite "$T/good.h5" "$T/two-vertices.h5" "np.concatenate([d, d[:1]]) if name == 'vertices' else d"
  expect_error "HDF5 two vertices" "two-vertices.h5: event 0 has several rows in vertices" "$T/two-vertices.h5"
else
  echo "skipped the HDF5 field checks: no h5py for $PY"
fi

{ cat "$T/head.tsv"; printf '0\t1\tnan\t-200\t1\t1\t-199\t2\n'; } >"$T/nan.tsv"
expect_error "TSV with a NaN" "nan.tsv:3: field 3 (y_start) 'nan' is not a finite number" "$T/nan.tsv"
{ cat "$T/head.tsv"; printf '0\t1\t1\t-200\t1\t1\t-199\n'; } >"$T/short.tsv"
expect_error "TSV malformed line" "short.tsv:3: expected 8 tab-separated fields, found 7" "$T/short.tsv"
{ cat "$T/head.tsv"; printf '0 1 1 -200 1 1 -199 2\n'; } >"$T/spaces.tsv"
expect_error "TSV spaces for tabs" "spaces.tsv:3: expected 8 tab-separated fields, found 1" "$T/spaces.tsv"
{ cat "$T/head.tsv"; printf '0\t1\t1\t-200\t1\t1\t-199\t-2\n'; } >"$T/negative.tsv"
expect_error "TSV negative energy" "negative.tsv:3: the energy -2 MeV is not a finite number >= 0" "$T/negative.tsv"
{ cat "$T/head.tsv"; printf '4\t1\t1\t-200\t1\t1\t-199\t2\n'; } >"$T/other.tsv"
expect_error "TSV segment of another event" "other.tsv:3: a segment of event 4 under the #event line of event 0" "$T/other.tsv"
sed 's/\tnc\t/\tnu_tau\t/' "$T/head.tsv" >"$T/class.tsv"
expect_error "TSV unknown class" "class.tsv:2: class 'nu_tau' is not numu_cc, nue_cc or nc" "$T/class.tsv"
tail -n 1 "$T/head.tsv" >"$T/noheader.tsv"
expect_error "TSV without header" "noheader.tsv:1: expected the header line" "$T/noheader.tsv"
: >"$T/empty.tsv"
expect_error "empty TSV" "empty.tsv: no header line" "$T/empty.tsv"
head -n 1 "$T/head.tsv" >"$T/noevents.tsv"
expect_error "TSV without events" "noevents.tsv: no events" "$T/noevents.tsv"
expect_error "unknown --format" "head.tsv: --format 'csv' is not tsv or hdf5" "$T/head.tsv" --format csv
cp "$T/head.tsv" "$T/head.dat"
expect_error "unknown extension" "head.dat: cannot tell the layout from the extension" "$T/head.dat"
expect_error "TSV read as HDF5" "head.tsv: not an HDF5 file" "$T/head.tsv" --format hdf5
[ $fails -eq 0 ]
