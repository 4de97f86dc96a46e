#!/usr/bin/env bash
# nutl simulate output: byte-identical for a seed whatever --threads, different for another seed,
# balanced classes, and corrupted or truncated files rejected with one line naming the file.
source "$(dirname "$0")/../lib.sh"
sim() { bin/nutl simulate --events 60 --downsample 4 --seed "$1" --out "$T/$2" --threads "$3" || fail "simulate $2"; }

sim 11 a 1; sim 11 b 2; sim 12 c 2
for f in events.bin truth.tsv meta.tsv; do
  cmp -s "$T/a/$f" "$T/b/$f" || fail "$f differs between --threads 1 and 2"
done
# DUNE's particle counts (simide.h) are truth columns (the same whatever --threads: the cmp above), no
# larger than the all-particle counts.
awk -F'\t' 'NR == 1 { for (c = 1; c <= NF; c++) col[$c] = c
    n = split("n_p_dune n_n_dune n_pipm_dune n_pi0_dune", want, " ")
    for (k = 1; k <= n; k++) if (!(want[k] in col)) { print "no column " want[k]; exit 1 }
    next }
  $col["n_p_dune"] > $col["n_p"] || $col["n_n_dune"] > $col["n_n"] || $col["n_pi0_dune"] > $col["n_pi0"] ||
  $col["n_pipm_dune"] > $col["n_pip"] + $col["n_pim"] { print "event " $1 ": a DUNE count above the all-particle count"; exit 1 }' \
  "$T/a/truth.tsv" || fail "truth.tsv's DUNE counts"
cmp -s "$T/a/events.bin" "$T/c/events.bin" && fail "seeds 11 and 12 gave the same events.bin"
[ "$(ls "$T/a")" = "$(printf 'events.bin\nmeta.tsv\ntruth.tsv')" ] || fail "temporary files left: $(ls "$T/a")"

# Balance: 20 of each class among 60 events, and not simply in a fixed cycle.
counts=$(awk -F'\t' 'NR > 1 { n[$2]++ } END { print n["numu_cc"], n["nue_cc"], n["nc"] }' "$T/a/truth.tsv")
[ "$counts" = "20 20 20" ] || fail "class counts $counts"
order=$(awk -F'\t' 'NR > 1 && NR <= 7 { printf "%s ", $2 }' "$T/a/truth.tsv")
[ "$order" != "numu_cc nue_cc nc numu_cc nue_cc nc " ] || fail "classes are not shuffled"
bin/nutl verify "$T/a" >/dev/null || fail "verify rejects a good split"

# expect_error DIR PATTERN: nutl verify must fail with one line matching PATTERN.
expect_error() {
  local out
  out=$(bin/nutl verify "$1" 2>&1 >/dev/null) && fail "verify accepted $1 ($2)"
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "more than one line: $out"
  [[ "$out" =~ $2 ]] || fail "message '$out' does not match '$2'"
  echo "rejected as expected: $out"
}
damage() { rm -rf "$T/d"; cp -r "$T/a" "$T/d"; }

damage; printf '\x55' | dd of="$T/d/events.bin" bs=1 seek=200 conv=notrunc status=none
expect_error "$T/d" "d/events.bin: event [0-9]+ fails its CRC-32 check"
damage; size=$(stat -c %s "$T/d/events.bin"); truncate -s $((size - 100)) "$T/d/events.bin"
expect_error "$T/d" "d/events.bin: truncated"
damage; truncate -s 10 "$T/d/events.bin"
expect_error "$T/d" "d/events.bin: truncated"
damage; printf '\x01' | dd of="$T/d/events.bin" bs=1 seek=9 conv=notrunc status=none
expect_error "$T/d" "d/events.bin: header fails its CRC-32 check"
damage; head -n 30 "$T/a/truth.tsv" > "$T/d/truth.tsv"
expect_error "$T/d" "d/truth.tsv: truncated"
damage; cp "$T/c/truth.tsv" "$T/d/truth.tsv"
expect_error "$T/d" "d/truth.tsv: line 2 disagrees"
damage; rm "$T/d/events.bin"
expect_error "$T/d" "d/events.bin: cannot open"
echo "dataset checks passed"
