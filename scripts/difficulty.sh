#!/usr/bin/env bash
# make difficulty: how hard the simulated events are, measured two ways on one 224x224 dataset (or one
# downsampled by DOWNSAMPLE; detector response RESPONSE): the separability index of its training split
# (nutl separability), and Kaiming `all` ResNet18 ensembles at 1k and 3k training images (the paper's
# protocol: nutl train's defaults), beside the paper's Table I (0.528 +- 0.014 and 0.661 +- 0.010) and
# Table III's Kaiming confusion pattern, and an ablation: the separability index with each physics
# ingredient switched off (nutl simulate --without). Writes
# paper-figures/difficulty/difficulty-k<K>[-<response>].md; finished networks are kept while the splits
# they were trained on simulate to the same bytes (scripts/splits.sh).
# Environment: DOWNSAMPLE (1), RESPONSE (ideal; also lar, paper, dune), MEMBERS (3), MAX_EPOCHS (100, the
# trainer's default), THREADS (1), TRAIN_EVENTS (3000: training and test events, a third as many
# validation), SIZES (training images per ensemble, "1000 3000"; the confusion table is the largest's);
# DIFFICULTY_DATA, DIFFICULTY_RUNS, DIFFICULTY_OUT move the dataset, networks and report (for tests).
set -eu
cd "$(dirname "$0")/.."
source scripts/splits.sh
k=${DOWNSAMPLE:-1} members=${MEMBERS:-3} epochs=${MAX_EPOCHS:-100} threads=${THREADS:-1}
response=${RESPONSE:-ideal} events=${TRAIN_EVENTS:-3000}
sizes=${SIZES:-1000 3000} largest=$(tr ' ' '\n' <<<"${SIZES:-1000 3000}" | sort -n | tail -n 1)
tag=k$k; [ "$response" = ideal ] || tag=k$k-$response  # ideal keeps the name it has always had
data=${DIFFICULTY_DATA:-datasets/difficulty-$tag} runs=${DIFFICULTY_RUNS:-runs/difficulty-$tag}
out=${DIFFICULTY_OUT:-paper-figures/difficulty}
report=$out/difficulty-$tag.md
mkdir -p "$out"
start=$(date +%s)

# Splits: 3000 training events (the 3k ensemble uses them all), 1000 validation, 3000 test (TRAIN_EVENTS);
# the networks go when one of them simulates to other events (a simulator change).
for split in train:$events val:$((events / 3)) test:$events; do
  name=${split%%:*} n=${split##*:}
  split_simulate "$data/$name" "$runs" --events "$n" --downsample "$k" --response "$response" --threads "$threads" \
    --seed "$(bin/nutl seed 1414 "difficulty-$name")"
done
mkdir -p "$runs"
bin/nutl separability "$data/train" > "$out/separability-$tag.txt"

# Ablation: the training split again with each ingredient switched off, and with all of them off.
index() { sed -n 's/^separability index (macro-F1, all features): //p' "$1"; }
ablations="$(bin/nutl ingredients | cut -f1) all"
for off in $ablations; do
  dir=$data-without-$off/train
  split_simulate "$dir" "" --events "$events" --downsample "$k" --response "$response" --threads "$threads" \
    --seed "$(bin/nutl seed 1414 difficulty-train)" --without "$off"
  bin/nutl separability "$dir" > "$out/separability-$tag-without-$off.txt"
done

for n in $sizes; do
  for m in $(seq 1 "$members"); do
    cell=$runs/kaiming-all-n$n-m$m
    [ ! -f "$cell/result.tsv" ] || split_trained_on "$cell/result.tsv" "$data" || rm -rf "$cell"
    [ -f "$cell/result.tsv" ] || bin/nutl train "$data" --out "$cell" --train-images "$n" --member "$m" \
      --max-epochs "$epochs" --threads "$threads" > "$runs/kaiming-all-n$n-m$m.log" 2>&1 \
      || { echo "difficulty: training $cell failed; see $runs/kaiming-all-n$n-m$m.log" >&2; exit 1; }
  done
done

{
  echo "# Difficulty of the simulated events (DOWNSAMPLE=$k: $((224 / k))x$((224 / k)) images, response $response)"
  echo
  echo "Dataset $data: $(split_value events "$data/train/meta.tsv") training, $(split_value events "$data/val/meta.tsv")" \
    "validation, $(split_value events "$data/test/meta.tsv") test events. Kaiming \`all\` ResNet18,"
  echo "$members members per size, at most $epochs epochs, $threads thread(s) per network."
  echo
  echo "| training images | networks | test F1 (mean +- error on the mean) | paper (Table I, Kaiming all) |"
  echo "|---|---|---|---|"
  for n in $sizes; do
    paper=$(awk -F'\t' -v n="$n" '$1 == "table1" && $2 == "kaiming" && $3 == "all" && $4 == n { print $5 " +- " $6 }' analysis/paper/paper-values.tsv)
    for m in $(seq 1 "$members"); do split_value test_f1 "$runs/kaiming-all-n$n-m$m/result.tsv"; done |
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
  for m in $(seq 1 "$members"); do split_value test_confusion "$runs/kaiming-all-n$largest-m$m/result.tsv"; done |
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
  echo "| nothing | $(index "$out/separability-$tag.txt") |"
  for off in $ablations; do echo "| $off | $(index "$out/separability-$tag-without-$off.txt") |"; done
  echo
  echo "Separability of $data/train (bin/nutl separability):"
  echo
  echo '```'
  cat "$out/separability-$tag.txt"
  echo '```'
  echo
  echo "Machine time for this report (finished networks reused): $(( $(date +%s) - start )) s wall on $(nproc) cores."
} > "$report.tmp"
mv "$report.tmp" "$report"
echo "difficulty: wrote $report"
