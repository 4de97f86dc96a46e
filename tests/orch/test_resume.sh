# scripts/run-grid.sh resumes: the driver stopped by SIGTERM mid-grid exits 130 and stops its trainer;
# the driver and its trainer killed together by SIGKILL (a crash) leave no half-written record; run
# again, it trains only what is left, finished cells untouched; every record's seed is the grid's; a
# dataset simulated again under finished networks stops it.
source tests/orch/lib.sh
orch_workbench "20 40" "all classifier"
cd "$T"

# Starts driver run I (one cell at a time) in its own process group; wait_finished I N waits until it
# reports N finished cells.
start_driver() { JOBS=1 setsid scripts/run-grid.sh orchtest >"driver$1.log" 2>&1 & driver=$!; }
wait_finished() {
  for _ in $(seq 600); do
    [ "$(grep -c '^\[' "driver$1.log")" -ge "$2" ] && return 0
    kill -0 $driver 2>/dev/null || fail "the driver ended early: $(cat "driver$1.log")"
    sleep 0.1
  done
  fail "no $2 finished cells after 60 s: $(cat "driver$1.log")"
}

start_driver 1
wait_finished 1 1
kill -TERM $driver
rc=0; wait $driver || rc=$?
[ $rc = 130 ] || fail "SIGTERM: driver exit $rc, expected 130"
grep -q "interrupted after 1 of 5 cells; run again to resume" driver1.log || fail "no interruption message: $(cat driver1.log)"
sleep 0.5
for lock in runs/orchtest/logs/*.lock; do
  flock -n "$lock" true || fail "a trainer still holds $lock after the driver was stopped"
done
echo "ok SIGTERM: driver stopped with its trainer, 1 cell finished"

# The driver trains its queue in order; the second cell of this run is killed once its trainer has said
# it started (the line it prints with its run folder claimed, before the first epoch).
second=$(bin/nutl grid orchtest --unfinished | sort -t $'\t' -s -k4,4nr | sed -n 2p | cut -f1)
start_driver 2
wait_finished 2 1
for _ in $(seq 1200); do
  grep -q "^runs/orchtest/$second: seed " "runs/orchtest/logs/$second.try1.log" 2>/dev/null && break
  sleep 0.05
done
kill -KILL -- -$driver
wait $driver 2>/dev/null || true
[ -d "runs/orchtest/$second.partial" ] && [ ! -e "runs/orchtest/$second" ] ||
  fail "the kill did not catch $second mid-run: $(cat "runs/orchtest/logs/$second.try1.log")"
records_whole || fail "SIGKILL left a half-written record"
grep -q "4 of 5 cells to train" driver2.log || fail "second run: $(head -n 1 driver2.log)"
stat -c '%n %i %Y' runs/orchtest/*/result.tsv >before
echo "ok SIGKILL of driver and trainer in $second: $(wc -l <before) complete records, nothing half-written"

scripts/run-grid.sh orchtest >driver3.log 2>&1 || fail "third run: $(cat driver3.log)"
grep -q "3 of 5 cells to train" driver3.log || fail "third run should train 3 cells: $(head -n 1 driver3.log)"
grep -q "run-grid: 3 of 3 cells trained" driver3.log || fail "third run: $(tail -n 1 driver3.log)"
stat -c '%n %i %Y' $(cut -d' ' -f1 before) | cmp -s - before || fail "a finished cell was redone"
[ "$(bin/nutl grid orchtest --unfinished | wc -l)" = 0 ] || fail "cells left unfinished"
records_whole || fail "half-written record at the end"
grep -q '^\[3/3\] .* done in .* per cell, about .* left$' driver3.log || fail "no progress lines: $(cat driver3.log)"
bin/nutl grid orchtest | while IFS=$'\t' read -r name init scheme n member seed command; do
  [ "$(value seed "runs/orchtest/$name/result.tsv")" = "$seed" ] || fail "$name: record seed differs from the grid's"
done
scripts/run-grid.sh orchtest | grep -q "all 5 cells of orchtest are finished" || fail "fourth run should do nothing"
echo "ok resumed: 3 cells trained, finished ones untouched, record seeds are the grid's"

# The test split simulated again with another seed (as make dataset does after a preset or simulator
# change): the finished networks were trained on other events, and the driver says so instead of
# training beside them.
rm -rf datasets/orchtest/test
bin/nutl simulate --events 30 --seed 78 --downsample 7 --threads 1 --out datasets/orchtest/test >/dev/null
rc=0; scripts/run-grid.sh orchtest >driver5.log 2>&1 || rc=$?
[ $rc = 1 ] || fail "stale records: driver exit $rc, expected 1"
grep -q "^run-grid: runs/orchtest/.*: trained on other events than datasets/orchtest holds now" driver5.log ||
  fail "stale records: $(cat driver5.log)"
echo "ok a changed dataset stops the driver, naming the network trained on other events"

