#!/usr/bin/env bash
# scripts/slurm-submit.sh PROTOCOL (make slurm): writes runs/P/slurm/cells.tsv, the unfinished cells
# (bin/nutl grid P --unfinished), and runs/P/slurm/array.sbatch, one array task per line (task i trains
# line i into runs/P/<cell>, retrying once), then submits it with $SBATCH.
# Environment (make slurm's variables): PARTITION, GPUS (per task), TIME, ACCOUNT (each left out of the
# script when empty), SBATCH (default sbatch; e.g. SBATCH=cat to look without submitting), CONTAINER
# (the image bin/nutl runs in, make slurm CONTAINER=nutl.sif: each task then trains in it; the script
# checks that bin/nutl is that image's wrapper).
# Submitting again while an array runs is safe: a cell trains under a lock (runs/P/logs/<cell>.lock) and
# a finished one is skipped; afterwards `make slurm` again picks up whatever is left, then make tables figures.
set -euo pipefail
protocol=${1:?usage: scripts/slurm-submit.sh PROTOCOL}
dir=runs/$protocol/slurm
conf=cfg/protocols/$protocol.conf
[ -f "$conf" ] || { echo "slurm: $conf: no such protocol preset" >&2; exit 1; }
if [ -n "${CONTAINER:-}" ] && ! grep -qF "'$(realpath "$CONTAINER")'" bin/nutl; then
  echo "slurm: bin/nutl does not run the image $CONTAINER: make slurm CONTAINER=$CONTAINER writes it" >&2; exit 1
fi
list=$(bin/nutl grid "$protocol" --unfinished)
if [ -z "$list" ]; then echo "slurm: every cell of $protocol is finished: make tables figures PROTOCOL=$protocol"; exit 0; fi
mkdir -p "$dir/logs" "runs/$protocol/logs"
printf '%s\n' "$list" >"$dir/cells.tsv"
cells=$(wc -l <"$dir/cells.tsv")
threads=$(bin/nutl conf "$protocol" threads)
root=$(pwd)

{
  echo "#!/bin/bash"
  echo "# nutl: the $cells unfinished cells of protocol $protocol; task i trains line i of cells.tsv."
  echo "#SBATCH --job-name=nutl-$protocol"
  echo "#SBATCH --array=1-$cells"
  echo "#SBATCH --cpus-per-task=$threads"
  echo "#SBATCH --chdir=$root"
  echo "#SBATCH --output=$root/$dir/logs/task-%a.log"
  [ -z "${PARTITION:-}" ] || echo "#SBATCH --partition=$PARTITION"
  [ -z "${GPUS:-}" ] || echo "#SBATCH --gres=gpu:$GPUS"
  [ -z "${TIME:-}" ] || echo "#SBATCH --time=$TIME"
  [ -z "${ACCOUNT:-}" ] || echo "#SBATCH --account=$ACCOUNT"
  echo "set -euo pipefail"
  echo "protocol=$protocol"
  [ -z "${CONTAINER:-}" ] || echo "# bin/nutl runs nutl in the image $(realpath "$CONTAINER") (scripts/container-nutl.sh)"
  cat <<'EOF'
line=$(sed -n "${SLURM_ARRAY_TASK_ID}p" "runs/$protocol/slurm/cells.tsv")
name=${line%%$'\t'*}
read -ra command <<<"${line##*$'\t'}"
lock=runs/$protocol/logs/$name.lock
echo "task $SLURM_ARRAY_TASK_ID: $name on $(hostname)"
flock "$lock" "${command[@]}" || { echo "task $SLURM_ARRAY_TASK_ID: $name failed; retrying once"; flock "$lock" "${command[@]}"; }
EOF
} >"$dir/array.sbatch"
echo "slurm: $dir/array.sbatch: $cells array tasks (cells in $dir/cells.tsv)"
# SBATCH may carry options (SBATCH="sbatch --hold"): split on spaces on purpose.
# shellcheck disable=SC2086
${SBATCH:-sbatch} "$dir/array.sbatch"
echo "slurm: when the array is done: make tables figures PROTOCOL=$protocol (make slurm again first if some failed)"
