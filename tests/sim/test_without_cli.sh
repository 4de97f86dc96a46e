#!/usr/bin/env bash
# nutl simulate --without: "none" gives the default bytes; switching off each ingredient changes the
# images (nc-model: only NC events' interactions change); meta.tsv records the list; an unknown name is
# one line naming it.
source "$(dirname "$0")/../lib.sh"
sim() { bin/nutl simulate --events 300 --downsample 8 --seed 31 --out "$T/$1" "${@:2}" >/dev/null || fail "simulate $1"; }
sim all; sim none --without none
cmp -s "$T/all/events.bin" "$T/none/events.bin" || fail "--without none differs from the default"
for i in $(bin/nutl ingredients | cut -f1); do
  sim "$i" --without "$i"
  cmp -s "$T/all/events.bin" "$T/$i/events.bin" && fail "--without $i left the images unchanged"
  grep -q "^without	$i$" "$T/$i/meta.tsv" || fail "meta.tsv does not record --without $i"
done
# Without the NC model only NC interactions change (CC events keep their truth line).
diff <(grep -v '	nc	' "$T/all/truth.tsv") <(grep -v '	nc	' "$T/nc-model/truth.tsv") >/dev/null \
  || fail "--without nc-model changed CC events"
out=$(bin/nutl simulate --events 3 --seed 1 --out "$T/x" --without delta-rays,magic 2>&1) && fail "accepted magic"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *"'delta-rays,magic'"* ]] || fail "message: $out"
echo "ingredient switches checked"
