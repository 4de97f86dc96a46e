# The command line: every command answers --help with its usage and options (exit 0, stdout); nutl train
# run outside the repository finds its default cfg through its own installation; a training prints
# progress lines (images done, img/s, time left) into its log when stderr is not a terminal.
source "$(dirname "$0")/../lib.sh"
repo=$(pwd)
# check_help PROGRAM [COMMAND]: --help exits 0, prints "usage: PROGRAM [COMMAND]" on stdout only, and
# explains every option of the usage line on a line of its own.
check_help() {
  "$@" --help >"$T/help" 2>"$T/err" || fail "$* --help: exit $?: $(cat "$T/err")"
  [ ! -s "$T/err" ] || fail "$* --help wrote to stderr: $(cat "$T/err")"
  head -n 1 "$T/help" | grep -q "^usage: $(basename "$1")${2:+ $2}" || fail "$* --help: $(head -n 1 "$T/help")"
  for flag in $(head -n 1 "$T/help" | grep -o -- '--[a-z-]*' | sort -u); do
    grep -q "^  $flag " "$T/help" || fail "$* --help does not explain $flag"
  done
  echo "ok $* --help ($(wc -l <"$T/help") lines)"
}
commands=$(bin/nutl --help | awk 'NR > 1 {print $1}')
[ "$(wc -w <<<"$commands")" -ge 13 ] || fail "nutl --help lists: $commands"
# nutl import dispatches to a kind (nutl import KIND SOURCE ...): each kind answers --help.
import_kinds="dune-cvn deposits"
for c in $commands; do
  if [ "$c" = import ]; then for k in $import_kinds; do check_help bin/nutl import "$k"; done
  else check_help bin/nutl "$c"; fi
done
check_help bin/nutl-analyse

for split in train:30:21 val:15:22 test:15:23; do
  IFS=: read name n seed <<<"$split"
  bin/nutl simulate --events "$n" --seed "$seed" --out "$T/data/$name" --downsample 7 >/dev/null || fail "simulate $name"
done
mkdir "$T/elsewhere"
(cd "$T/elsewhere" && "$repo/bin/nutl" train "$T/data" --out "$T/run" --train-images 30 --batch 10 \
   --max-epochs 1 --seed 1 --progress 0 >"$T/train.out" 2>"$T/train.log") ||
  fail "nutl train outside the repository: $(cat "$T/train.log")"
[ -f "$T/run/result.tsv" ] || fail "no result record"
echo "ok nutl train outside the repository finds cfg/resnet18.cfg"
# --progress 0: one line per batch (3 batches of 10), each with images done, img/s and time left
lines=$(grep -c "epoch 1: [0-9]*/30 images, loss [0-9.]*, [0-9.]* img/s, [0-9]* s left$" "$T/train.log")
[ "$lines" = 3 ] || fail "expected 3 progress lines, got $lines: $(cat "$T/train.log")"
grep -q "epoch 1: 30/30 images" "$T/train.log" || fail "no progress line at the end of the epoch"
echo "ok progress lines in the log: $(tail -n 1 "$T/train.log")"
