#!/usr/bin/env bash
# nutl separability on a small simulated split: prints the per-class table, an index in (0, 1] and all
# features ranked; rejects a missing split, bad --folds and a truth file without the y column with one
# line naming the problem.
source "$(dirname "$0")/../lib.sh"
bin/nutl simulate --events 90 --downsample 4 --seed 77 --out "$T/a" >/dev/null || fail "simulate"
out=$(bin/nutl separability "$T/a" --folds 3) || fail "separability failed: $out"
echo "$out"
for c in numu_cc nue_cc nc; do echo "$out" | grep -q "^$c  *30 " || fail "no row for $c with 30 events"; done
index=$(echo "$out" | sed -n 's/^separability index (macro-F1, all features): //p')
awk -v f="$index" 'BEGIN { exit !(f > 0 && f <= 1) }' || fail "index '$index'"
[ "$(echo "$out" | grep -c '^  [0-9]\.')" -eq 9 ] || fail "not all 9 features ranked"

expect_error() {
  local out
  out=$(bin/nutl separability "$@" 2>&1 >/dev/null) && fail "accepted: $*"
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "more than one line: $out"
  echo "rejected as expected: $out"
}
expect_error "$T/none"
expect_error "$T/a" --folds 1
cp -r "$T/a" "$T/b"
sed -i '1s/\ty\t/\tyy\t/' "$T/b/truth.tsv"
# A split whose truth has no y (an import of a source that records none): the index, and y as nan.
bin/nutl separability "$T/b" >"$T/b.out" 2>&1 || fail "a truth file without y was refused: $(cat "$T/b.out")"
grep -q "separability index" "$T/b.out" && grep -q "nan" "$T/b.out" || fail "without y: $(head -n 5 "$T/b.out")"
cp -r "$T/a" "$T/c"
awk -F'\t' -v OFS='\t' 'NR == 3 { $5 = "abc" } { print }' "$T/a/truth.tsv" >"$T/c/truth.tsv"
out=$(bin/nutl separability "$T/c" 2>&1 >/dev/null) && fail "accepted a y that is not a number"
[[ "$out" == *"c/truth.tsv: line 3: column 'y' is missing or not a number"* ]] || fail "message: $out"
echo "separability checks passed"
