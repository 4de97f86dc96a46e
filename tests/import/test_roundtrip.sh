#!/usr/bin/env bash
# nutl simulate --deposits-out writes every event's 3D deposits without changing a byte of the split, the
# same bytes whatever --threads; nutl import deposits images them back into the very same records: the
# imported events.bin equals the simulated one from the first record on (records and index: pixels,
# classes, energies, event ids; the header differs only in the seed, which an import has not), for HDF5
# and TSV, at full and reduced resolution.
set -u
source "$(dirname "$0")/../lib.sh"
sim() { bin/nutl simulate --seed 5 --events "$1" --downsample "$2" --out "$T/$3" "${@:4}" 2>/dev/null || fail "simulate $3"; }
# same_images SIM IMPORTED: events.bin identical after the 64-byte header, and truth's first three columns.
same_images() {
  cmp -s <(tail -c +65 "$T/$1/events.bin") <(tail -c +65 "$T/$2/events.bin") || fail "$2: records differ from $1's"
  cmp -s <(cut -f1-3 "$T/$1/truth.tsv") <(cut -f1-3 "$T/$2/truth.tsv") || fail "$2: truth differs from $1's"
  bin/nutl verify "$T/$2" >/dev/null || fail "verify rejects $2"
  echo "$2: $(($(wc -l <"$T/$2/truth.tsv") - 1)) events, the same records as $1"
}

sim 300 1 plain
sim 300 1 h5 --deposits-out "$T/deposits.h5"
sim 300 1 h5-threads --deposits-out "$T/deposits-threads.h5" --threads 2
for f in events.bin truth.tsv meta.tsv; do
  cmp -s "$T/plain/$f" "$T/h5/$f" || fail "--deposits-out changed $f"
done
cmp -s "$T/deposits.h5" "$T/deposits-threads.h5" || fail "the HDF5 deposits differ between --threads 1 and 2"
[ ! -e "$T/deposits.h5.tmp" ] || fail "temporary deposit file left"
bin/nutl import deposits "$T/deposits.h5" --out "$T/from-h5" >/dev/null || fail "import HDF5"
same_images plain from-h5
[ "$(ls "$T/from-h5")" = "$(printf 'events.bin\nmeta.tsv\ntruth.tsv')" ] || fail "files left: $(ls "$T/from-h5")"
grep -q "^source_sha256	$(sha256sum "$T/deposits.h5" | cut -d' ' -f1)$" "$T/from-h5/meta.tsv" || fail "meta.tsv lacks the source's SHA-256"

sim 60 4 small --deposits-out "$T/deposits.tsv"
bin/nutl import deposits "$T/deposits.tsv" --downsample 4 --out "$T/from-tsv" >/dev/null || fail "import TSV"
same_images small from-tsv

bin/nutl simulate --seed 5 --events 3 --out "$T/lar" --response lar --deposits-out "$T/lar.h5" 2>"$T/err" &&
  fail "--deposits-out accepted --response lar"
grep -q "needs --response ideal" "$T/err" || fail "message: $(cat "$T/err")"
echo "round trips passed"
