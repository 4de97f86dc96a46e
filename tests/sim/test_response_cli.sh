#!/usr/bin/env bash
# nutl simulate --response: ideal is the default (same bytes as no option), lar changes the images but
# not the truth's interactions, is recorded in meta.tsv, and an unknown name is one line naming it; DUNE's
# particle counts do not depend on the response.
source "$(dirname "$0")/../lib.sh"
sim() { bin/nutl simulate --events 30 --downsample 4 --seed 21 --out "$T/$1" "${@:2}" >/dev/null || fail "simulate $1"; }
sim plain; sim ideal --response ideal; sim lar --response lar
cmp -s "$T/plain/events.bin" "$T/ideal/events.bin" || fail "--response ideal differs from the default"
cmp -s "$T/plain/events.bin" "$T/lar/events.bin" && fail "--response lar left the images unchanged"
grep -q "^response	lar$" "$T/lar/meta.tsv" || fail "meta.tsv does not record the response"
cut -f1-8 "$T/plain/truth.tsv" > "$T/a"; cut -f1-8 "$T/lar/truth.tsv" > "$T/b"
cmp -s "$T/a" "$T/b" || fail "the response changed the interactions"
# DUNE's particle counts come from the transport's deposits, whatever response records them: paper's
# voxel steps and threshold must not hide them (they once did: every count was 0). A pi0 always counts
# (its photons' showers hold far more than 100 cells), so its column is the same for every response.
sim paper --response paper
dune_counts() { awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { s += $c["n_p_dune"] + $c["n_pipm_dune"] + $c["n_pi0_dune"]; print $c["n_pi0_dune"] } END { print "sum", s }' "$T/$1/truth.tsv"; }
[ "$(dune_counts paper | tail -n 1)" != "sum 0" ] || fail "--response paper: every DUNE-rule count is 0"
cmp -s <(dune_counts ideal | head -n -1) <(dune_counts paper | head -n -1) || fail "--response paper changed the pi0 counts"
out=$(bin/nutl simulate --events 3 --seed 1 --out "$T/x" --response wet 2>&1) && fail "accepted --response wet"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && [[ "$out" == *"'wet'"* ]] || fail "message: $out"
echo "response checks passed"
