#!/usr/bin/env bash
# nutl simulate --response: ideal is the default (same bytes as no option), lar changes the images but
# not the truth's interactions, is recorded in meta.tsv, and an unknown name is one line naming it.
source "$(dirname "$0")/../lib.sh"
sim() { bin/nutl simulate --events 30 --downsample 4 --seed 21 --out "$T/$1" "${@:2}" >/dev/null || fail "simulate $1"; }
sim plain; sim ideal --response ideal; sim lar --response lar
cmp -s "$T/plain/events.bin" "$T/ideal/events.bin" || fail "--response ideal differs from the default"
cmp -s "$T/plain/events.bin" "$T/lar/events.bin" && fail "--response lar left the images unchanged"
grep -q "^response	lar$" "$T/lar/meta.tsv" || fail "meta.tsv does not record the response"
cut -f1-8 "$T/plain/truth.tsv" > "$T/a"; cut -f1-8 "$T/lar/truth.tsv" > "$T/b"
cmp -s "$T/a" "$T/b" || fail "the response changed the interactions"
out=$(bin/nutl simulate --events 3 --seed 1 --out "$T/x" --response wet 2>&1) && fail "accepted --response wet"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *"'wet'"* ]] || fail "message: $out"
echo "response checks passed"
