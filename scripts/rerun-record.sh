#!/usr/bin/env bash
# scripts/rerun-record.sh RUNDIR OUTDIR: retrains the network of RUNDIR/result.tsv into OUTDIR from the
# record's fields alone (the grid, the preset and the run's own command line are not read), then
# compares the weights' SHA-256. Before training it checks what the record names: this binary's build
# is the record's, and the dataset's files, the cfg and the pretrained weights have the recorded
# SHA-256 (relative paths are taken from the record's cwd). After it, the machine class is compared:
# a difference there (other kernels, other threads) is reported, the weights then need not match.
# Exit status 0 when the weights are identical; 1 with one line naming what differs.
set -euo pipefail
run=${1:?usage: scripts/rerun-record.sh RUNDIR OUTDIR}
out=${2:?usage: scripts/rerun-record.sh RUNDIR OUTDIR}
nutl=$(cd "$(dirname "$0")/.." && pwd)/bin/nutl
record=$(cd "$run" && pwd)/result.tsv
out=$(mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd)/$(basename "$out")
die() { echo "rerun: $record: $*" >&2; exit 1; }
[ -f "$record" ] || die "no such record"
field() {
  local v; v=$(awk -F'\t' -v k="$1" '$1 == k {print $2; n++} END {exit n != 1}' "$record") || die "no key '$1' (a record older than provenance?)"
  printf '%s' "$v"
}
sha() { sha256sum "$1" | cut -c1-64; }
same_sha() { [ -f "$1" ] && [ "$(sha "$1")" = "$2" ] || die "$1: SHA-256 differs from the record's ($2), or missing"; }

build=$("$nutl" --version | awk -F'\t' '$1 == "build" {print $2}')
[ "$build" = "$(field build)" ] || die "made by build '$(field build)', this binary is '$build'"
cd "$(field cwd)"
data=$(field data_dir)
for split in train val test; do
  same_sha "$data/$split/events.bin" "$(field dataset_${split}_events_sha256)"
  same_sha "$data/$split/truth.tsv" "$(field dataset_${split}_truth_sha256)"
done
same_sha "$(field cfg)" "$(field cfg_sha256)"
args=(train "$data" --out "$out" --cfg "$(field cfg)" --init "$(field init)" --scheme "$(field scheme)"
      --train-images "$(field train_images)" --member "$(field member)" --protocol "$(field protocol)"
      --seed "$(field seed)" --max-epochs "$(field max_epochs)" --threads "$(field threads)" --batch "$(field batch)"
      --lr "$(field learning_rate)" --momentum "$(field momentum)" --decay "$(field weight_decay)"
      --encoding "$(field input_encoding)" --saturation-mev "$(field input_saturation_mev)" --normalize "$(field input_normalization)")
if [ "$(field init)" = pretrained ]; then
  same_sha "$(field pretrained)" "$(field pretrained_sha256)"
  args+=(--pretrained "$(field pretrained)")
fi
[ "$(field freeze_bn_stats)" = 1 ] && args+=(--freeze-bn-stats)
[ "$(field deterministic)" = 1 ] && args+=(--deterministic)
echo "rerun: nutl ${args[*]}"
"$nutl" "${args[@]}" >/dev/null
new=$out/result.tsv
again=$(awk -F'\t' '$1 == "machine_class" {print $2}' "$new")
[ "$again" = "$(field machine_class)" ] || echo "rerun: machine class differs: recorded '$(field machine_class)', here '$again'"
a=$(field weights_sha256) b=$(awk -F'\t' '$1 == "weights_sha256" {print $2}' "$new")
[ "$a" = "$b" ] || die "weights differ: recorded $a, rerun $b ($out)"
echo "rerun: weights SHA-256 identical: $b"
