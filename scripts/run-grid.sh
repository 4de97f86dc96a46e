#!/usr/bin/env bash
# scripts/run-grid.sh PROTOCOL: trains every unfinished cell of the protocol's grid (bin/nutl grid P
# --unfinished) on this machine, JOBS cells at a time (default: cores / the preset's threads per network),
# largest training sets first.
# - Resumable: a finished cell (runs/P/<cell>/result.tsv) is never redone and an interrupted one resumes
#   from its checkpoint, so running this again after any interruption continues where it stopped.
# - Each training holds a lock (runs/P/logs/<cell>.lock): two drivers, or a driver and a Slurm task,
#   never train one cell at once.
# - A failing cell is retried once, both logs kept (runs/P/logs/<cell>.try1.log, .try2.log); the rest
#   goes on, and the end lists the cells that failed twice (exit status 1 if any).
# - Progress: a line per finished cell with cells done, time per cell and time left.
# - Stops, naming the network, if a finished one was trained on other events than the dataset now holds.
set -euo pipefail
protocol=${1:?usage: scripts/run-grid.sh PROTOCOL}
conf=cfg/protocols/$protocol.conf
die() { echo "run-grid: $*" >&2; exit 1; }
[ -f "$conf" ] || die "$conf: no such protocol preset"
threads=$(bin/nutl conf "$protocol" threads)
jobs=${JOBS:-$(( $(nproc) / threads > 1 ? $(nproc) / threads : 1 ))}
logs=runs/$protocol/logs
mkdir -p "$logs"

# A finished network trained on other events than datasets/P holds now (the preset or the simulator
# changed and make dataset simulated again) cannot share tables with new ones (nutl-analyse refuses
# records of mixed dataset_id): stop before training any beside it.
source scripts/splits.sh
for record in runs/"$protocol"/*/result.tsv; do
  [ -f "$record" ] || continue
  split_trained_on "$record" "datasets/$protocol" ||
    die "${record%/result.tsv}: trained on other events than datasets/$protocol holds now (the preset or the simulator changed since): move runs/$protocol aside to train the study again"
done

list=$(bin/nutl grid "$protocol" --unfinished | sort -t $'\t' -s -k4,4nr)
all=$(bin/nutl grid "$protocol" | wc -l)
pretrained=$(bin/nutl conf "$protocol" pretrained)
if grep -q $'\tpretrained\t' <<<"$list" && [ ! -f "$pretrained" ]; then
  # pretrained_optional = 1 (optional key): a study whose Kaiming cells stand alone (the laptop preset)
  [ "$(bin/nutl conf "$protocol" pretrained_optional 2>/dev/null)" = 1 ] ||
    die "protocol $protocol trains pretrained cells and $pretrained is missing (make weights, or make standin-weights where the preset allows it)"
  echo "run-grid: $pretrained missing: the Kaiming cells alone (pretrained_optional = 1; make weights for Table II)"
  list=$(grep -v $'\tpretrained\t' <<<"$list" || true)
fi
queue=()
[ -z "$list" ] || mapfile -t queue <<<"$list"
total=${#queue[@]}
if [ "$total" = 0 ]; then echo "run-grid: all $all cells of $protocol are finished"; exit 0; fi
echo "run-grid: $protocol: $total of $all cells to train, $jobs at a time x $threads thread(s); logs in $logs"

duration() { local s=$1; if ((s >= 3600)); then printf '%dh%02dm' $((s / 3600)) $((s % 3600 / 60));
             elif ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi; }
field() { cut -f "$2" <<<"$1"; }

declare -A line_of=() started=() tries=()   # pid -> cell line, pid -> start time, cell -> attempts
todo_work=0 done_work=0 finished=0 failed=()
for line in "${queue[@]}"; do todo_work=$((todo_work + $(field "$line" 4))); done
start=$SECONDS

# Starts the cell of line in the background under its lock; flock -F execs the trainer (same pid).
launch() {
  local name; name=$(field "$1" 1)
  local -a command; read -ra command <<<"$(field "$1" 7)"
  tries[$name]=$(( ${tries[$name]:-0} + 1 ))
  flock -F "$logs/$name.lock" "${command[@]}" >"$logs/$name.try${tries[$name]}.log" 2>&1 </dev/null &
  line_of[$!]=$1
  started[$!]=$SECONDS
}

stop() {
  trap - INT TERM
  ((${#line_of[@]} == 0)) || { kill -TERM "${!line_of[@]}" 2>/dev/null || true; wait || true; }
  echo "run-grid: interrupted after $finished of $total cells; run again to resume" >&2
  exit 130
}
trap stop INT TERM

next=0
while ((next < ${#queue[@]} || ${#line_of[@]} > 0)); do
  while ((${#line_of[@]} < jobs && next < ${#queue[@]})); do launch "${queue[next]}"; next=$((next + 1)); done
  rc=0
  wait -n -p pid "${!line_of[@]}" || rc=$?
  line=${line_of[$pid]}; took=$((SECONDS - started[$pid])); unset "line_of[$pid]" "started[$pid]"
  name=$(field "$line" 1); log=$logs/$name.try${tries[$name]}.log
  if [ "$rc" = 0 ]; then
    finished=$((finished + 1)); done_work=$((done_work + $(field "$line" 4)))
    elapsed=$((SECONDS - start))
    left=$(( elapsed * (todo_work - done_work) / done_work ))
    echo "[$finished/$total] $name done in $(duration $took); $(duration $((elapsed / finished))) per cell," \
         "about $(duration $left) left"
  elif [ "${tries[$name]}" = 1 ]; then
    echo "run-grid: $name failed (exit $rc): $(tail -n 1 "$log"); retrying (log kept: $log)" >&2
    queue+=("$line")
  else
    echo "run-grid: $name failed again (exit $rc): $(tail -n 1 "$log") (log: $log)" >&2
    failed+=("$name"); todo_work=$((todo_work - $(field "$line" 4)))
  fi
done

echo "run-grid: $finished of $total cells trained in $(duration $((SECONDS - start)))"
for name in "${failed[@]}"; do
  echo "run-grid: $name failed twice; the end of $logs/$name.try2.log:" >&2
  tail -n 5 "$logs/$name.try2.log" | sed 's/^/    /' >&2
done
((${#failed[@]} == 0)) || die "${#failed[@]} cell(s) failed twice: ${failed[*]}"
