#!/usr/bin/env bash
# Malformed result records and prediction files are reported on one line naming the file, and skipped:
# never counted in a table, never drawn; an unfinished network (no result.tsv) is missing, not malformed.
source tests/analysis/lib.sh

"$FIXTURE" tests/analysis/smoke.conf smoke "$T/runs"
r=$T/runs
sed -i '/^test_f1\t/d' "$r/kaiming-all-n150-m1/result.tsv"                          # missing key
sed -i 's/^val_f1\t.*/val_f1\tabc/' "$r/kaiming-all-n150-m2/result.tsv"            # not a number
sed -i 's/^test_confusion\t.*/test_confusion\t1 2 3 4 5 6 7 8/' "$r/kaiming-all-n300-m1/result.tsv"  # 8 counts
sed -i 's/^test_confusion\t.*/test_confusion\t24,13,13,12,26,12,12,11,27/' "$r/kaiming-all-n300-m2/result.tsv"  # commas: fine
sed -i 's/^scheme\t.*/scheme\tfreeze2/' "$r/pretrained-freeze1-n600-m1/result.tsv"  # keys disagree with the folder
sed -i '5s/\t[^\t]*$//' "$r/kaiming-all-n600-m3/predictions-test.tsv"             # 6 columns on line 5
rm "$r/pretrained-all-n150-m1/result.tsv"                                          # unfinished

out=$T/fig
"$ANALYSE" --protocol smoke --conf tests/analysis/smoke.conf --runs "$r" --out "$out" 2>"$T/err" || fail "nutl-analyse failed: $(cat "$T/err")"
plots/render "$out" 2>"$T/render.err" || fail "render failed: $(cat "$T/render.err")"
cat "$T/err"
has "$T/err" \
  "$r/kaiming-all-n150-m1/result.tsv: missing key 'test_f1' (skipped)" \
  "$r/kaiming-all-n150-m2/result.tsv: key 'val_f1': 'abc' is not a number in [0, 1] (skipped)" \
  "$r/kaiming-all-n300-m1/result.tsv: test_confusion '1 2 3 4 5 6 7 8' is not 9 non-negative integers (skipped)" \
  "$r/pretrained-freeze1-n600-m1/result.tsv: its keys say pretrained-freeze2-n600-m1 of protocol smoke, the folder is pretrained-freeze1-n600-m1 of smoke (skipped)" \
  "$r/kaiming-all-n600-m3/predictions-test.tsv:5: expected 7 columns" \
  "28 networks in 11 cells (33 expected), 4 malformed skipped"
[ "$(grep -c '(skipped)$' "$T/err")" = 5 ] || fail "expected 5 skipped files"
lacks "$T/err" "pretrained-all-n150-m1"
# Counted only what is well formed: 150 has m3 alone (0.41), 300 has m2 and m3 ((0.45 + 0.46)/2).
has "$out/table1.md" "| ResNet18 Kaiming | 150 | 1 | 0.410 ± n/a |" "| ResNet18 Kaiming | 300 | 2 | 0.455 ± 0.005 |" \
    "Kaiming, 150 images: 1 of 3 networks finished; missing: kaiming-all-n150-m1 kaiming-all-n150-m2" \
    "Malformed records skipped: 4"
has "$out/table2.md" "| Pre-trained | Freeze(1) | 600 | 2 | 0.685 ± 0.005 |" "| Pre-trained | All Weights | 150 | 2 | 0.605 ± 0.005 |" \
    "missing: pretrained-all-n150-m1"
# The best Kaiming network's predictions are bad: its energy panel and bias are left out, not replaced.
has "$out/data/plotvars.gp" "fig6_kaiming = 0" "fig6_pretrained = 1"
has "$out/energy-bias.md" "| CC ν_μ | — | 0.125 ± 0.219 | — |"
has "$out/energy-bias.md" "Kaiming: left out: $r/kaiming-all-n600-m3/predictions-test.tsv:5: expected 7 columns"
[ -s "$out/fig6.png" ] || fail "fig6 not drawn from the pretrained panel"

# A broken preset is one line naming it, and a non-zero exit.
printf 'members = 3\n' >"$T/bad.conf"
if "$ANALYSE" --protocol smoke --conf "$T/bad.conf" --runs "$r" --out "$T/x" 2>"$T/err2"; then fail "bad preset accepted"; fi
[ "$(wc -l <"$T/err2")" = 1 ] && has "$T/err2" "$T/bad.conf: missing key 'train_sizes'"
