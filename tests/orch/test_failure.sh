# Failures: a cell that fails once is retried and succeeds, both logs kept; a cell that always fails is
# reported with its log after its retry while the rest of the grid finishes, and the driver exits 1.
# A full disk (a small tmpfs, where mounting is allowed) stops a training with one line and no record.
source tests/orch/lib.sh
mnt=
trap '[ -z "$mnt" ] || umount "$mnt" 2>/dev/null; rm -rf "$T"' EXIT
orch_workbench "20 40" "all"
cd "$T"

# bin/nutl here is a wrapper that injects the failures and otherwise runs the real program.
rm bin && mkdir bin
cat >bin/nutl <<EOF
#!/usr/bin/env bash
case " \$* " in
  *" --out runs/orchtest/kaiming-all-n20-m1 "*)
    [ -e flaky.failed ] || { touch flaky.failed; echo "nutl: injected failure, once" >&2; exit 1; } ;;
  *" --out runs/orchtest/pretrained-all-n40-m1 "*) echo "nutl: injected failure, always" >&2; exit 1 ;;
esac
exec "$REPO/bin/nutl" "\$@"
EOF
chmod +x bin/nutl

rc=0; scripts/run-grid.sh orchtest >driver.log 2>&1 || rc=$?
cat driver.log
[ $rc = 1 ] || fail "driver exit $rc with a failed cell, expected 1"
logs=runs/orchtest/logs
grep -q "kaiming-all-n20-m1 failed (exit 1): nutl: injected failure, once; retrying (log kept: $logs/kaiming-all-n20-m1.try1.log)" driver.log ||
  fail "no retry message"
grep -q "injected failure, once" $logs/kaiming-all-n20-m1.try1.log && [ -f runs/orchtest/kaiming-all-n20-m1/result.tsv ] ||
  fail "the flaky cell: first log lost or retry not finished"
grep -q "pretrained-all-n40-m1 failed again (exit 1): nutl: injected failure, always (log: $logs/pretrained-all-n40-m1.try2.log)" driver.log ||
  fail "no report of the cell that failed twice"
[ -f $logs/pretrained-all-n40-m1.try1.log ] && [ -f $logs/pretrained-all-n40-m1.try2.log ] || fail "logs of the failed cell"
tail -n 1 driver.log | grep -q "1 cell(s) failed twice: pretrained-all-n40-m1" || fail "final report: $(tail -n 1 driver.log)"
grep -q "run-grid: 3 of 4 cells trained" driver.log || fail "the rest of the grid did not finish"
[ "$(bin/nutl grid orchtest --unfinished | cut -f1)" = pretrained-all-n40-m1 ] || fail "unfinished cells"
records_whole || fail "half-written record"
echo "ok retry once, failure reported with its log, the rest finished, exit 1"

# Disk full: the run folder on a 16 MB tmpfs (a checkpoint needs ~90 MB).
mkdir full
if mount -t tmpfs -o size=16m tmpfs full 2>/dev/null; then
  mnt=$T/full
  rc=0; "$REPO/bin/nutl" train datasets/orchtest --out full/cell --train-images 20 --batch 10 --max-epochs 1 \
    --threads 1 >/dev/null 2>err || rc=$?
  [ $rc = 1 ] && [ "$(wc -l <err)" = 1 ] && grep -q "full/cell" err || fail "disk full: exit $rc: $(cat err)"
  [ ! -e full/cell ] && [ -z "$(find full -name result.tsv)" ] || fail "disk full left a record: $(find full)"
  echo "ok disk full: $(cat err); no record"
else
  echo "disk-full check skipped: cannot mount a tmpfs here (not root)"
fi
