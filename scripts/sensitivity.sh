#!/usr/bin/env bash
# scripts/sensitivity.sh PROTOCOL (make sensitivity PROTOCOL=P): what the paper left unsaid, measured
# (docs/sensitivity.md). The Kaiming `all` cell at the preset's smallest training size (the paper's 1k at
# 1000), its `members` networks trained under the defaults and under each single change: SGD momentum 0,
# the paper's fan-in initialisation, each other input encoding, no ImageNet normalisation. Each variant's
# test F1 (mean +- error on the mean), its difference from the default in sigma (the two errors in
# quadrature), the paper's Table I value beside (analysis/paper/paper-values.tsv); when make validate
# imported the DUNE split for the preset's downsampling and response (datasets/validate-k<K>/<response>/
# dune), every network is also evaluated there (with its recorded encoding: nutl evaluate's default).
# Networks: the grid's own commands (bin/nutl grid P: its dataset, max_epochs, threads, batch, flags) with
# the variant's option added; the default variant is the grid's cell runs/P/kaiming-all-n<N>-m<k> itself
# (shared with Table I), the others runs/P/sensitivity/<variant>/<cell>, <cell> named by the grid's rule
# (kaiming-fan-in-all-n<N>-m<k> for the fan-in rule), seeded by --protocol P from that name: a variant
# other than fan-in starts from the default's weights and order, so the option alone differs. Finished
# networks (result.tsv) and evaluations newer than their network and split are reused.
# Writes paper-figures/P/sensitivity.{md,tsv}, data/sensitivity.dat and sensitivity.{png,pdf}.
# Environment: JOBS (networks at once; default cores / threads), SENS_DATA, SENS_RUNS, SENS_OUT, SENS_DUNE
# move the dataset, runs, output and the DUNE split (for tests).
set -euo pipefail
cd "$(dirname "$0")/.."
p=${1:?usage: scripts/sensitivity.sh PROTOCOL}
nutl=bin/nutl
die() { echo "sensitivity: $*" >&2; exit 1; }
conf() { "$nutl" conf "$p" "$1"; }
k=$(conf downsample) members=$(conf members) threads=$(conf threads) response=$(conf response)
n=$(conf train_sizes | awk '{ print $1 }')
data=${SENS_DATA:-datasets/$p} runs=${SENS_RUNS:-runs/$p} out=${SENS_OUT:-paper-figures/$p}
dune=${SENS_DUNE:-datasets/validate-k$k/$response/dune}
jobs=${JOBS:-$(( $(nproc) / threads > 1 ? $(nproc) / threads : 1 ))}
start=$(date +%s)
for s in train val test; do [ -f "$data/$s/meta.tsv" ] || die "$data/$s: no dataset (make dataset PROTOCOL=$p)"; done
mkdir -p "$out/data" "$runs/sensitivity"

# The variants: name, the options added to the default's command, what they change (the default first).
variants="default||torchvision's Kaiming rule, momentum 0.9, saturating scale, ImageNet normalisation
momentum-0|--momentum 0|SGD without momentum
kaiming-fan-in|--init kaiming-fan-in|the paper's formula: N(0, 2 / fan_in) everywhere
raw|--encoding raw|input = MeV
per-image|--encoding per-image|input = MeV / the image's largest pixel
log|--encoding log|input = ln(1 + E / q) / ln(1 + S / q)
normalize-none|--normalize none|no ImageNet normalisation"

source scripts/splits.sh
# cell VARIANT OPTIONS M: the run folder of member M of a variant.
cell() {
  local init=kaiming
  [[ $2 == *"--init kaiming-fan-in"* ]] && init=kaiming-fan-in
  if [ "$1" = default ]; then echo "$runs/kaiming-all-n$n-m$3"; else echo "$runs/sensitivity/$1/$init-all-n$n-m$3"; fi
}

# The training commands of the unfinished networks, one a line: the grid's command of the default
# cell with the variant's folder and options.
commands() {
  local line name opts _ m grid
  grid=$("$nutl" grid "$p" --data "$data" --runs "$runs")
  while IFS='|' read -r name opts _; do
    for m in $(seq 1 "$members"); do
      local dir; dir=$(cell "$name" "$opts" "$m")
      [ -f "$dir/result.tsv" ] && continue
      line=$(awk -F'\t' -v c="kaiming-all-n$n-m$m" '$1 == c { print $7 }' <<<"$grid")
      [ -n "$line" ] || die "$p's grid has no cell kaiming-all-n$n-m$m"
      echo "${line/ --out $runs\/kaiming-all-n$n-m$m / --out $dir } $opts"
    done
  done <<<"$variants"
}
# A finished network trained on other events than the dataset holds now (make dataset simulated again
# after a preset or simulator change) cannot stand beside new ones: stop, as run-grid does.
while IFS='|' read -r name opts _; do
  for m in $(seq 1 "$members"); do
    dir=$(cell "$name" "$opts" "$m")
    [ ! -f "$dir/result.tsv" ] || split_trained_on "$dir/result.tsv" "$data" ||
      die "$dir: trained on other events than $data holds now (the preset or the simulator changed since): move $runs aside to train the study again"
  done
done <<<"$variants"
mkdir -p "$runs/sensitivity/logs"
commands | xargs -r -P "$jobs" -I{} sh -c 'log=$1/$(echo "$2" | sed "s/.* --out \([^ ]*\).*/\1/" | tr / _).log
  $2 >"$log" 2>&1 || { echo "sensitivity: failed: $2 (see $log)" >&2; exit 255; }' _ "$runs/sensitivity/logs" {} ||
  die "a network failed"

# Each network on the DUNE split, when it exists: <variant>/<cell>.dune.tsv (nutl evaluate's output).
have_dune=0
[ -f "$dune/meta.tsv" ] && have_dune=1
dune_of() { echo "$runs/sensitivity/$1/$(basename "$2").dune.tsv"; }
if [ $have_dune = 1 ]; then
  while IFS='|' read -r name opts _; do
    mkdir -p "$runs/sensitivity/$name"
    for m in $(seq 1 "$members"); do
      dir=$(cell "$name" "$opts" "$m") ev=$(dune_of "$name" "$(cell "$name" "$opts" "$m")")
      [ -s "$ev" ] && [ "$ev" -nt "$dir/result.tsv" ] && [ "$ev" -nt "$dune/meta.tsv" ] && continue
      "$nutl" evaluate --weights "$dir/best.weights" --data "$dune" --threads "$threads" </dev/null >"$ev.tmp" && mv "$ev.tmp" "$ev"
    done
  done <<<"$variants"
fi

# mean_err: "mean err" of the numbers on stdin (err: the error on the mean; 0 for one number).
mean_err() { awk 'NF { s += $1; ss += $1 * $1; c++ } END { m = s / c; sd = c > 1 ? sqrt((ss - c * m * m) / (c - 1)) : 0
                    printf "%.6f %.6f\n", m, sd / sqrt(c) }'; }
# sigmas A_MEAN A_ERR B_MEAN B_ERR: (a - b) / sqrt(a_err^2 + b_err^2), "-" without an error.
sigmas() { awk -v a="$1" -v ea="$2" -v b="$3" -v eb="$4" 'BEGIN { s = sqrt(ea * ea + eb * eb)
             if (s > 0) printf "%+.2f", (a - b) / s; else printf "-" }'; }
paper=$(awk -F'\t' -v n="$n" '$1 == "table1" && $2 == "kaiming" && $3 == "all" && $4 == n { print $5, $6 }' \
        analysis/paper/paper-values.tsv)
[ -n "$paper" ] || paper="- -"

# The TSV: one row a variant; the Markdown and the figure's data are read from it.
tsv=$out/sensitivity.tsv
{
  printf 'variant\toption\tnetworks\ttest_f1\ttest_f1_err\tsigma_vs_default\tdune_f1\tdune_f1_err\tdune_sigma_vs_default\tpaper_f1\tpaper_f1_err\n'
  while IFS='|' read -r name opts _; do
    read -r tm te < <(for m in $(seq 1 "$members"); do split_value test_f1 "$(cell "$name" "$opts" "$m")/result.tsv"; done | mean_err)
    dm=- de=-
    [ $have_dune = 1 ] &&
      read -r dm de < <(for m in $(seq 1 "$members"); do split_value f1 "$(dune_of "$name" "$(cell "$name" "$opts" "$m")")"; done | mean_err)
    if [ "$name" = default ]; then d_tm=$tm d_te=$te d_dm=$dm d_de=$de; fi
    ds=-; [ $have_dune = 1 ] && ds=$(sigmas "$dm" "$de" "$d_dm" "$d_de")
    printf '%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${opts:--}" "$members" "$tm" "$te" \
      "$(sigmas "$tm" "$te" "$d_tm" "$d_te")" "$dm" "$de" "$ds" ${paper}
  done <<<"$variants"
} >"$tsv.tmp"
mv "$tsv.tmp" "$tsv"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 { print "index", $1, $4, $5, $7, $8; next }
            { print NR - 1, $1, $4, $5, $7, $8 }' "$tsv" >"$out/data/sensitivity.dat"

seconds=$(while IFS='|' read -r name opts _; do for m in $(seq 1 "$members"); do cat "$(cell "$name" "$opts" "$m")/result.tsv"; done
          done <<<"$variants" | awk -F'\t' '$1 == "train_seconds" { s += $2 } END { printf "%.0f", s }')
f3() { awk -v x="$1" 'BEGIN { if (x == "-") printf "-"; else printf "%.3f", x }'; }
md=$out/sensitivity.md
{
  echo "# What the paper left unsaid, measured (make sensitivity)"
  echo
  echo "Protocol $p: Kaiming \`all\`, $n training images, $members networks per variant (early stopping, at most"
  echo "$(conf max_epochs) epochs, $((224 / k)) x $((224 / k)) images, $threads thread(s) each). Each variant changes one choice the"
  echo "paper does not state; σ: the difference from the default over the two errors on the mean in quadrature."
  echo "Paper: Table I, Kaiming, $n images (224 x 224)."
  if [ $have_dune = 1 ]; then echo "DUNE: the same networks on the DUNE CVN events ($dune, make validate), each with its own encoding."
  else echo "DUNE: not evaluated ($dune absent: make validate DOWNSAMPLE=$k RESPONSES=$response imports it)."; fi
  echo
  echo "| variant | change | networks | test F1 | vs default (σ) | DUNE F1 | vs default (σ) | paper |"
  echo "|---|---|---|---|---|---|---|---|"
  tail -n +2 "$tsv" | while IFS=$'\t' read -r name opt nets tm te s dm de ds pm pe; do
    change=$(grep "^$name|" <<<"$variants" | cut -d'|' -f3)
    [ "$opt" = - ] || change="\`$opt\`: $change"
    dune_cell="-"; [ "$dm" = - ] || dune_cell="$(f3 "$dm") ± $(f3 "$de")"
    paper_cell="-"; [ "$pm" = - ] || paper_cell="$pm ± $pe"
    echo "| $name | $change | $nets | $(f3 "$tm") ± $(f3 "$te") | $s | $dune_cell | $ds | $paper_cell |"
  done
  echo
  echo "![test F1 of each variant](sensitivity.png)"
  echo
  echo "Training time of the networks: $seconds s (the sum of their train_seconds). Wall time of this run (finished"
  echo "networks reused): $(( $(date +%s) - start )) s on $(nproc) cores; load average at its end: $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$md.tmp"
mv "$md.tmp" "$md"

for term in png pdf; do
  gnuplot -e "dat='$out/data/sensitivity.dat'; out='$out/sensitivity.$term.tmp'; term='$term'; paper='${paper% *}';
              paper_err='${paper#* }'; dune=$have_dune; title='$p: Kaiming $n, one change at a time'" plots/sensitivity.gp ||
    die "plots/sensitivity.gp failed on $out/data/sensitivity.dat"
  mv "$out/sensitivity.$term.tmp" "$out/sensitivity.$term"
done
echo "sensitivity: wrote $md"
