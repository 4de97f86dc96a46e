#!/usr/bin/env bash
# make validate: nutl's simulated events beside real full-simulation events, the DUNE CVN sample
# (datasets/dune-cvn), for each detector response nutl offers (docs/validate.md):
#   - the DUNE events imported with the charge calibration of that response (nutl import dune-cvn);
#   - per class, at matched neutrino energy: hit pixels, islands, largest span, energy in the image,
#     soft pixels, y and particle multiplicities (tables) and their histograms with the per-pixel energy
#     spectrum (figures) (nutl compare);
#   - the separability index of both (nutl separability);
#   - the reality gap: Kaiming `all` ResNet18 networks (MEMBERS, TRAIN_EVENTS training events, early
#     stopping capped at MAX_EPOCHS) trained on nutl's events, evaluated on nutl's test split and on
#     the DUNE events: F1, per-class accuracy, confusion, and the gap with its error;
#   - a gallery of a DUNE and a nutl event of each class at similar energy.
# Writes paper-figures/validate/validate.md (and validate.tex for make report); finished networks and
# datasets are kept and reused.
# Environment: DOWNSAMPLE (2: 112 x 112), MEMBERS (3; 0: the statistics alone, no networks), TRAIN_EVENTS (1000), MAX_EPOCHS (12), THREADS (1
# per network), JOBS (2 networks at once), RESPONSES ("paper dune": the paper's Geant4 recording and
# DUNE's readout; also ideal, lar); VALIDATE_DATA, VALIDATE_RUNS,
# VALIDATE_OUT, DUNE_SOURCE move the datasets, networks, report and the sample (for tests).
set -euo pipefail
cd "$(dirname "$0")/.."
k=${DOWNSAMPLE:-2} members=${MEMBERS:-3} train=${TRAIN_EVENTS:-1000} epochs=${MAX_EPOCHS:-12}
threads=${THREADS:-1} jobs=${JOBS:-2} responses=${RESPONSES:-paper dune}
data=${VALIDATE_DATA:-datasets/validate-k$k} runs=${VALIDATE_RUNS:-runs/validate-k$k}
out=${VALIDATE_OUT:-paper-figures/validate} source=${DUNE_SOURCE:-datasets/dune-cvn}
nutl=bin/nutl
start=$(date +%s)
mkdir -p "$out/gallery" "$runs"
die() { echo "validate: $*" >&2; exit 1; }

source scripts/splits.sh

# nutl's splits: the same seeds for every response, so only the response differs between them
# (split_simulate keeps a split whose events did not change, and else drops the response's networks).
simulate() { # RESPONSE
  for split in train:$train val:$((train / 2)) test:$train; do
    local name=${split%%:*} n=${split##*:}
    split_simulate "$data/$1/$name" "$runs/$1" --events "$n" --downsample "$k" --response "$1" --threads "$threads" \
      --seed "$("$nutl" seed 2121 "validate-$name")"
  done
}

# The networks of one response, JOBS at a time; a finished one (result.tsv) is kept while the splits it
# was trained on are the current ones.
train_members() { # RESPONSE
  mkdir -p "$runs/$1"
  local m cell
  for m in $(seq 1 "$members"); do
    cell=$runs/$1/kaiming-all-n$train-m$m
    [ -f "$cell/result.tsv" ] || continue
    split_trained_on "$cell/result.tsv" "$data/$1" || rm -rf "$cell" "$cell.log"
  done
  seq 1 "$members" | xargs -P "$jobs" -I{} sh -c '
    cell=$0/kaiming-all-n$1-m{}
    [ -f "$cell/result.tsv" ] || "$2" train "$3" --out "$cell" --train-images "$1" --member {} \
      --max-epochs "$4" --threads "$5" >"$cell.log" 2>&1 || { echo "validate: training $cell failed; see $cell.log" >&2; exit 255; }
  ' "$runs/$1" "$train" "$nutl" "$data/$1" "$epochs" "$threads" || die "a network of response $1 failed"
}

# Each network of one response evaluated on the DUNE events: <cell>/dune.tsv, predictions-dune.tsv.
evaluate_members() { # RESPONSE
  for m in $(seq 1 "$members"); do
    local cell=$runs/$1/kaiming-all-n$train-m$m
    [ -s "$cell/dune.tsv" ] && [ "$cell/dune.tsv" -nt "$data/$1/dune/meta.tsv" ] && continue
    # evaluate takes the network's input settings from its result.tsv
    "$nutl" evaluate --weights "$cell/best.weights" --data "$data/$1/dune" --threads "$threads" \
      --out "$cell/predictions-dune.tsv.tmp" >"$cell/dune.tsv.tmp"
    mv "$cell/predictions-dune.tsv.tmp" "$cell/predictions-dune.tsv"
    mv "$cell/dune.tsv.tmp" "$cell/dune.tsv"
  done
}

# mean_err: mean and error on the mean of the numbers on stdin ("m +- e"; "-" when there are none).
mean_err() { awk 'NF { s += $1; ss += $1 * $1; n++ } END { if (!n) { printf "-"; exit }
                    m = s / n; sd = n > 1 ? sqrt((ss - n * m * m) / (n - 1)) : 0
                    printf "%.3f +- %.3f", m, sd / sqrt(n) }'; }

# DUNE's sample holds only the events with more than DUNE_MIN_HITS reconstructed hits in the three planes
# (dunereco's CVNMapper makes a pixel map only when nhits > MinClusterHits, 100 in CVNMapper.fcl, and
# CVNZlibMaker writes only events with a map). The same rule for both splits, in pixels: a pixel counts
# from the smallest charge DUNE's hit finding records (the reference's 1st-percentile pixel value), and
# DUNE_MIN_HITS hits are as many pixels as the DUNE events nearest the cut (at most 1.5 x DUNE_MIN_HITS
# hits) have for that many hits (median of hits per hit pixel). Prints nutl compare's options.
DUNE_MIN_HITS=100
dune_selection() { # DUNE_SPLIT
  local per
  per=$(awk -F'\t' -v cut="$DUNE_MIN_HITS" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
          $c["dune_hits"] <= 1.5 * cut { print $c["dune_hits"] / ($c["hits_u"] + $c["hits_v"] + $c["hits_w"]) }' "$1/truth.tsv" |
        sort -g | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "" }')
  [ -n "$per" ] || die "$1: no event near DUNE's $DUNE_MIN_HITS-hit cut"
  echo "--min-pixels $(awk -v c="$DUNE_MIN_HITS" -v p="$per" 'BEGIN { print int(c / p) }') --pixel-quantile 0.01"
}

# Per-member pairs "nutl_test dune" of a result key and the matching evaluate key, for one response.
pairs() { # RESPONSE RESULT_KEY DUNE_KEY
  for m in $(seq 1 "$members"); do
    local cell=$runs/$1/kaiming-all-n$train-m$m
    echo "$(split_value "$2" "$cell/result.tsv") $(split_value "$3" "$cell/dune.tsv")"
  done
}

# The summed confusion of one response's members, row-normalised, one "| true | a | b | c |" row a class.
confusion_rows() { # RESPONSE KEY FILE
  for m in $(seq 1 "$members"); do split_value "$2" "$runs/$1/kaiming-all-n$train-m$m/$3"; done |
    tr -c '0-9.\n' ' ' | awk '{ for (i = 1; i <= 9; i++) c[i] += $i }
      END { split("numu_cc nue_cc nc", name, " ")
            for (r = 0; r < 3; r++) { t = c[3*r+1] + c[3*r+2] + c[3*r+3]
              if (!t) { printf "| %s | - | - | - | 0 |\n", name[r+1]; continue }
              printf "| %s | %.3f | %.3f | %.3f | %d |\n", name[r+1], c[3*r+1] / t, c[3*r+2] / t, c[3*r+3] / t, t } }'
}

for r in $responses; do
  simulate "$r"
  "$nutl" import dune-cvn "$source" --out "$data/$r/dune" --downsample "$k" --response "$r" >"$out/import-$r.txt"
  # shellcheck disable=SC2046 # the options are words
  "$nutl" compare "$data/$r/test" "$data/$r/dune" --out "$out/$r" --names "nutl $r,DUNE" $(dune_selection "$data/$r/dune") >/dev/null
  "$nutl" separability "$data/$r/test" >"$out/$r/separability-nutl.txt"
  "$nutl" separability "$data/$r/dune" >"$out/$r/separability-dune.txt"
  while IFS=$'\t' read -r q label; do
    gnuplot -e "dat='$out/$r/data/$q.dat'; out='$out/$r/$q.png.tmp'; term='png'; xlabel='$label'; sim='nutl $r'; ref='DUNE';
                title='$label: nutl ($r response) beside DUNE full simulation, at matched neutrino energy'" plots/validate.gp ||
      die "plots/validate.gp failed on $out/$r/data/$q.dat"
    mv "$out/$r/$q.png.tmp" "$out/$r/$q.png"
  done < <(tail -n +2 "$out/$r/data/quantities.tsv")
  train_members "$r"
  evaluate_members "$r"
done

# Gallery: per class, the DUNE event nearest its class's median energy and the nutl test event nearest
# that energy (the first response's splits).
first=${responses%% *}
for c in numu_cc nue_cc nc; do
  pick=$(awk -F'\t' -v c="$c" 'NR > 1 && $2 == c { print $3, $1 }' "$data/$first/dune/truth.tsv" | sort -g |
         awk '{ e[NR] = $1; id[NR] = $2 } END { m = int((NR + 1) / 2); print id[m], e[m] }')
  set -- $pick
  near=$(awk -F'\t' -v c="$c" -v e="$2" 'NR > 1 && $2 == c { d = $3 - e; d = d < 0 ? -d : d
           if (best == "" || d < best) { best = d; id = $1 } } END { print id }' "$data/$first/test/truth.tsv")
  "$nutl" display --data "$data/$first/dune" --event "$1" --out "$out/gallery/$c-dune" >/dev/null
  "$nutl" display --data "$data/$first/test" --event "$near" --out "$out/gallery/$c-nutl" >/dev/null
done

index() { sed -n 's/^separability index (macro-F1, all features): //p' "$1"; }
report=$out/validate.md
{
  echo "# nutl beside real full-simulation events (make validate)"
  echo
  echo "Reference: the DUNE CVN sample ($source: GENIE + Geant4 + LArSoft detector simulation and hit finding;"
  echo "Phys. Rev. D 102, 092003), its CC numu, CC nue and NC events with 1 <= E_nu <= 4 GeV, imported at"
  echo "$((224 / k)) x $((224 / k)) pixels (nutl import dune-cvn). nutl: $train training, $((train / 2)) validation and $train test events"
  echo "per response, same seeds. Distributions compare nutl's test split, weighted to DUNE's neutrino-energy"
  echo "distribution class by class, with the DUNE events."
  for r in $responses; do
    echo
    echo "## Response \`$r\`"
    echo
    echo "Charge calibration of the DUNE events for this response (MIP peak of track pixels):"
    echo
    echo '```'
    grep '^import dune-cvn' "$out/import-$r.txt"
    echo '```'
    echo
    echo "Separability index: nutl $(index "$out/$r/separability-nutl.txt"), DUNE $(index "$out/$r/separability-dune.txt")."
    echo
    echo "Distributions (the generator's truth beside DUNE's: y, lepton energy, W and Q^2, the share with a pi0,"
    echo "the multiplicities). W and Q^2 are nutl's only: DUNE's .info files do not record them. The rows marked"
    echo "DUNE rule count particles on both sides as dunereco's labelling does (AssignLabels: at least 100 sim::IDEs;"
    echo "nutl's stand-in: src/sim/simide.h, with LArG4's drift diffusion, docs/validate.md); the unmarked multiplicities are"
    echo "nutl's every particle leaving the nucleus, which DUNE does not record."
    echo
    cat "$out/$r/distributions.md"
    echo
    echo "Figures: $(cut -f1 "$out/$r/data/quantities.tsv" | tail -n +2 | while read -r q; do printf '[%s](%s/%s.png) ' "$q" "$r" "$q"; done)"
    echo
    echo "Reality gap: Kaiming \`all\` networks trained on $train nutl events ($members members, early stopping,"
    echo "at most $epochs epochs), on nutl's test split and on the DUNE events; gap = DUNE - nutl, the mean of the"
    echo "members' differences with its error."
    echo
    echo "| metric | nutl test | DUNE | gap |"
    echo "|---|---|---|---|"
    for key in f1:f1 acc_numu_cc:acc_numu_cc acc_nue_cc:acc_nue_cc acc_nc:acc_nc; do
      p=$(pairs "$r" "test_${key%%:*}" "${key##*:}")
      echo "| ${key%%:*} | $(cut -d' ' -f1 <<<"$p" | mean_err) | $(cut -d' ' -f2 <<<"$p" | mean_err) | $(awk 'NF { print $2 - $1 }' <<<"$p" | mean_err) |"
    done
    echo
    echo "Confusion (members summed, row-normalised; rows true class, columns predicted numu_cc, nue_cc, nc, then events):"
    echo
    echo "| nutl test | numu_cc | nue_cc | nc | events |"; echo "|---|---|---|---|---|"; confusion_rows "$r" test_confusion result.tsv
    echo
    echo "| DUNE | numu_cc | nue_cc | nc | events |"; echo "|---|---|---|---|---|"; confusion_rows "$r" confusion dune.tsv
  done
  echo
  echo "## Gallery (response \`$first\`): a DUNE and a nutl event of each class at similar energy"
  echo
  for c in numu_cc nue_cc nc; do echo "![$c, DUNE](gallery/$c-dune.png)"; echo "![$c, nutl](gallery/$c-nutl.png)"; done
  echo
  seconds=$(for r in $responses; do for m in $(seq 1 "$members"); do cat "$runs/$r/kaiming-all-n$train-m$m/result.tsv"; done; done |
            awk -F'\t' '$1 == "train_seconds" { s += $2 } END { printf "%.0f", s }')
  echo "Training time of the networks: $seconds s (the sum of their train_seconds; $threads thread(s) each, $jobs at once)."
  echo "Machine time for this report (finished networks reused): $(( $(date +%s) - start )) s wall on $(nproc) cores."
} >"$report.tmp"
mv "$report.tmp" "$report"
echo "validate: wrote $report"
