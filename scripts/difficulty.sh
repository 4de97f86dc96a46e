#!/usr/bin/env bash
# make difficulty: how hard the simulated events are, measured two ways on one 224x224 dataset (or one
# downsampled by DOWNSAMPLE): the separability index of its training split (nutl separability), and
# Kaiming `all` ResNet18 ensembles at 1k and 3k training images (the paper's protocol: nutl train's
# defaults), beside the paper's Table I (0.528 +- 0.014 and 0.661 +- 0.010) and Table III's Kaiming
# confusion pattern, and an ablation: the separability index with each physics ingredient switched off
# (nutl simulate --without). Writes paper-figures/difficulty/difficulty-k<K>.md; finished networks
# and datasets are kept.
# Environment: DOWNSAMPLE (1), MEMBERS (3), MAX_EPOCHS (100, the trainer's default), THREADS (1),
# SIZES (training images per ensemble, "1000 3000"; the confusion table is the largest's);
# DIFFICULTY_DATA, DIFFICULTY_RUNS, DIFFICULTY_OUT move the dataset, networks and report (for tests).
set -eu
cd "$(dirname "$0")/.."
k=${DOWNSAMPLE:-1} members=${MEMBERS:-3} epochs=${MAX_EPOCHS:-100} threads=${THREADS:-1}
sizes=${SIZES:-1000 3000} largest=$(tr ' ' '\n' <<<"${SIZES:-1000 3000}" | sort -n | tail -n 1)
data=${DIFFICULTY_DATA:-datasets/difficulty-k$k} runs=${DIFFICULTY_RUNS:-runs/difficulty-k$k}
out=${DIFFICULTY_OUT:-paper-figures/difficulty}
report=$out/difficulty-k$k.md
mkdir -p "$out" "$runs"
start=$(date +%s)

# Splits: 3000 training events (the 3k ensemble uses them all), 1000 validation, 3000 test.
for split in train:3000 val:1000 test:3000; do
  name=${split%%:*} n=${split##*:}
  [ -f "$data/$name/meta.tsv" ] || bin/nutl simulate --events "$n" --downsample "$k" --threads "$threads" \
    --seed "$(bin/nutl seed 1414 "difficulty-$name")" --out "$data/$name" >/dev/null
done
bin/nutl separability "$data/train" > "$out/separability-k$k.txt"

# Ablation: the training split again with each ingredient switched off, and with all of them off.
index() { sed -n 's/^separability index (macro-F1, all features): //p' "$1"; }
ablations="$(bin/nutl ingredients | cut -f1) all"
for off in $ablations; do
  dir=$data-without-$off/train
  [ -f "$dir/meta.tsv" ] || bin/nutl simulate --events "$(awk -F'\t' '$1 == "events" { print $2 }' "$data/train/meta.tsv")" \
    --downsample "$k" --threads "$threads" --seed "$(bin/nutl seed 1414 difficulty-train)" --without "$off" --out "$dir" >/dev/null
  bin/nutl separability "$dir" > "$out/separability-k$k-without-$off.txt"
done

for n in $sizes; do
  for m in $(seq 1 "$members"); do
    cell=$runs/kaiming-all-n$n-m$m
    [ -f "$cell/result.tsv" ] || bin/nutl train "$data" --out "$cell" --train-images "$n" --member "$m" \
      --max-epochs "$epochs" --threads "$threads" > "$runs/kaiming-all-n$n-m$m.log" 2>&1 \
      || { echo "difficulty: training $cell failed; see $runs/kaiming-all-n$n-m$m.log" >&2; exit 1; }
  done
done

# value KEY FILE: the value of KEY in a result.tsv or meta.tsv.
value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }
{
  echo "# Difficulty of the simulated events (DOWNSAMPLE=$k: $((224 / k))x$((224 / k)) images)"
  echo
  echo "Dataset $data: $(value events "$data/train/meta.tsv") training, $(value events "$data/val/meta.tsv")" \
    "validation, $(value events "$data/test/meta.tsv") test events. Kaiming \`all\` ResNet18,"
  echo "$members members per size, at most $epochs epochs, $threads thread(s) per network."
  echo
  echo "| training images | networks | test F1 (mean +- error on the mean) | paper (Table I, Kaiming all) |"
  echo "|---|---|---|---|"
  for n in $sizes; do
    paper=$(awk -F'\t' -v n="$n" '$1 == "table1" && $2 == "kaiming" && $3 == "all" && $4 == n { print $5 " +- " $6 }' analysis/paper/paper-values.tsv)
    for m in $(seq 1 "$members"); do value test_f1 "$runs/kaiming-all-n$n-m$m/result.tsv"; done |
      awk -v n="$n" -v p="$paper" '{ s += $1; ss += $1 * $1; c++ }
        END { mean = s / c; sd = c > 1 ? sqrt((ss - c * mean * mean) / (c - 1)) : 0
              printf "| %d | %d | %.3f +- %.3f | %s |\n", n, c, mean, sd / sqrt(c), p }'
  done
  echo
  echo "Confusion of the n=$largest ensemble (all members' test events summed), row-normalised, beside Table III's"
  echo "Kaiming network (100k images, 20k test events), row-normalised. Rows: true class; columns: predicted."
  echo
  echo "| true | ours numu_cc | ours nue_cc | ours nc | paper numu_cc | paper nue_cc | paper nc |"
  echo "|---|---|---|---|---|---|---|"
  for m in $(seq 1 "$members"); do value test_confusion "$runs/kaiming-all-n$largest-m$m/result.tsv"; done |
    tr -c '0-9.\n' ' ' | awk '{ for (i = 1; i <= 9; i++) c[i] += $i }
      END { for (i = 1; i <= 9; i++) printf "%s%s", c[i], i < 9 ? " " : "\n" }' > "$runs/confusion-n$largest.txt"
  awk -F'\t' '$1 == "kaiming" { print $3, $4, $5 }' analysis/paper/confusion-table3.tsv |
    paste -d' ' - - - | paste -d' ' "$runs/confusion-n$largest.txt" - |
    awk '{ split("numu_cc nue_cc nc", name, " ")
           for (r = 0; r < 3; r++) { o = p = 0
             for (c = 1; c <= 3; c++) { o += $(3 * r + c); p += $(9 + 3 * r + c) }
             printf "| %s |", name[r + 1]
             for (c = 1; c <= 3; c++) printf " %.3f |", $(3 * r + c) / o
             for (c = 1; c <= 3; c++) printf " %.3f |", $(9 + 3 * r + c) / p
             printf "\n" } }'
  echo
  echo "Ablation: the separability index of the same training split (same seed) with ingredients"
  echo "switched off (nutl simulate --without)."
  echo
  echo "| switched off | separability index |"
  echo "|---|---|"
  echo "| nothing | $(index "$out/separability-k$k.txt") |"
  for off in $ablations; do echo "| $off | $(index "$out/separability-k$k-without-$off.txt") |"; done
  echo
  echo "Separability of $data/train (bin/nutl separability):"
  echo
  echo '```'
  cat "$out/separability-k$k.txt"
  echo '```'
  echo
  echo "Machine time for this report (finished networks reused): $(( $(date +%s) - start )) s wall on $(nproc) cores."
} > "$report.tmp"
mv "$report.tmp" "$report"
echo "difficulty: wrote $report"
