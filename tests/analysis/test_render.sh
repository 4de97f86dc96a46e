#!/usr/bin/env bash
# Renders every table and figure from synthetic result records (tests/analysis/fixture.c gives the
# known values): the files exist, gnuplot is silent, the tables hold the paper's values and our means.
source tests/analysis/lib.sh

# 1. The smoke grid, complete.
"$FIXTURE" tests/analysis/smoke.conf smoke "$T/runs"
out=$T/fig
"$ANALYSE" --protocol smoke --conf tests/analysis/smoke.conf --runs "$T/runs" --out "$out" 2>"$T/analyse.err"
has "$T/analyse.err" "33 networks in 11 cells (33 expected), 0 malformed skipped"
plots/render "$out" 2>"$T/render.err"
[ ! -s "$T/render.err" ] || fail "gnuplot said: $(cat "$T/render.err")"
for f in table1 table2 table3 ensembles energy-bias; do
  for ext in md tex tsv; do [ -s "$out/$f.$ext" ] || fail "$out/$f.$ext missing"; done
done
for n in 3 4 5 6 7; do
  for ext in png pdf; do [ -s "$out/fig$n.$ext" ] || fail "$out/fig$n.$ext missing"; done
  [ "$(head -c 4 "$out/fig$n.pdf")" = "%PDF" ] || fail "$out/fig$n.pdf is not a PDF"
done
ls "$out" | grep -q '\.tmp$' && fail "temporary files left in $out"
# Fixture means (base F1 b, sd 0.01, err 0.00577 for 3 members; validation b - 0.005).
has "$out/table1.md" "| ResNet18 Kaiming | 150 | 3 | 0.400 ± 0.006 | 0.395 ± 0.006 | — | — |" \
    "| ResNet18 Kaiming | 600 | 3 | 0.500 ± 0.006 | 0.495 ± 0.006 | — | — |"
has "$out/table2.md" "| Pre-trained | Freeze(4) | 600 | 3 | 0.620 ± 0.006 |" \
    "| Pre-trained | Classifier Only | 600 | 3 | 0.600 ± 0.006 |" "| Pre-trained | All Weights | 300 | 3 | 0.650 ± 0.006 |"
# The paper's values, which the smoke sizes do not match, are quoted beside the table.
has "$out/table1.md" "1k 0.528 ± 0.014" "100k 0.836 ± 0.004"
has "$out/table2.md" "Freeze(1) 100k 0.898 ± 0.001" "Classifier Only 100k 0.790 ± 0.002" "7k 0.847 ± 0.002"
# Provenance and the stand-in label on every table.
for f in table1 table2 table3 ensembles energy-bias; do
  has "$out/$f.md" "Protocol: smoke" "Dataset: datasets/smoke (seed 1001" "Build: nutl fixture; darknet 61c9d02e" \
      "stand-in weights, not ImageNet"
  has "$out/$f.tex" "stand-in weights, not ImageNet" '\begin{tabular}' '\end{table}'
done
# Table III: the best networks' matrices (members m3) beside the paper's, with F1 from each matrix.
has "$out/table3.md" "| Kaiming initialisation | CC ν_μ | 24 | 13 | 13 | 0.513 | 5839 | 386 | 487 | 0.859 |" \
    "| Transfer learning all weights | NC | 7 | 6 | 37 | 0.713 | 228 | 367 | 6119 | 0.927 |" \
    "kaiming-all-n600-m3" "best by validation F1: $T/runs/pretrained-all-n600-m1"
has "$out/table3.tex" 'CC $\nu_\mu$' '5839 & 386 & 487'
# TSV: numbers at full precision; sd of each cell in the ensemble statistics.
has "$out/table1.tsv" "$(printf 'kaiming\t600\t3\t0.5\t0.00577')"
has "$out/ensembles.tsv" "$(printf 'kaiming\tall\t600\t3\t0.5\t0.01\t0.00577')"
# Every network in Fig. 4; the energy bias larger for Kaiming (its wrong events pile up at one end).
[ "$(awk '!/^#/ { k += $4; p += $5 } END { print k, p }' "$out/data/fig4.dat")" = "3 3" ] || fail "fig4.dat counts"
has "$out/energy-bias.md" "| CC ν_μ | 0.750 ± 0.167 | 0.125 ± 0.219 | 2.3 |"

# 2. A grid with the paper's sizes: the comparison column, a cell of one network, an empty cell.
cat >"$T/paperlike.conf" <<'CONF'
seed = 7
train_events = 100000
val_events = 300
test_events = 300
downsample = 1
train_sizes = 1000 50000 100000
members = 2
schemes_at_largest = all classifier
CONF
"$FIXTURE" "$T/paperlike.conf" paperlike "$T/runs2"
rm -r "$T/runs2/kaiming-all-n1000-m2" "$T/runs2"/kaiming-all-n50000-m*
out=$T/fig2
"$ANALYSE" --protocol paperlike --conf "$T/paperlike.conf" --runs "$T/runs2" --out "$out" 2>/dev/null
plots/render "$out" 2>"$T/render.err"
[ ! -s "$T/render.err" ] || fail "gnuplot said: $(cat "$T/render.err")"
# 100k: 0.50 ± 0.005 (2 members, d = ±0.005) vs 0.836 ± 0.004: (0.5 - 0.836)/hypot(0.005, 0.004) = -52.5
has "$out/table1.md" "| ResNet18 Kaiming | 1k | 1 | 0.395 ± n/a | 0.400 ± n/a | 0.528 ± 0.014 | — |" \
    "| ResNet18 Kaiming | 50k | 0 | — | — | 0.822 ± 0.005 | — |" \
    "| ResNet18 Kaiming | 100k | 2 | 0.500 ± 0.005 | 0.495 ± 0.005 | 0.836 ± 0.004 | -52.5 |" \
    "Kaiming, 50k images: 0 of 2 networks finished; missing: kaiming-all-n50000-m1 kaiming-all-n50000-m2" \
    "Kaiming, 1k images: 1 of 2 networks finished; missing: kaiming-all-n1000-m2"
lacks "$out/table1.md" "1k 0.528 ± 0.014;"
has "$out/table1.tsv" "$(printf 'kaiming\t100000\t2\t0.5\t0.005\t0.495\t0.005\t0.836\t0.004\t-52.47')"
has "$out/table2.md" "| Pre-trained | Classifier Only | 100k | 2 | 0.680 ± 0.005 | 0.675 ± 0.005 | 0.790 ± 0.002 | -20.4 |" \
    "Freeze(1) 100k 0.898 ± 0.001"
# Fig. 3 lost its 50k Kaiming band, nothing else.
has "$out/data/plotvars.gp" "band1_label" "band3_label"
lacks "$out/data/plotvars.gp" "band2_label"
[ "$(cat "$out/data/figures.list" | tr '\n' ' ')" = "fig3 fig4 fig5 fig6 fig7 " ] || fail "figures.list"
echo "rendered $(ls "$T/fig" | wc -l) + $(ls "$out" | wc -l) files"
