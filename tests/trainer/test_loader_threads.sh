# A training run's bytes do not depend on the loader's thread count: one cell (32x32, 60 events, 2
# epochs) trained with --loader-threads 1 and 3 gives byte-identical weights and predictions (the
# batches themselves at 1, 2 and 4 threads: test_loader.c); a thread count out of range is refused
# with one line.
source "$(dirname "$0")/../lib.sh"
for split in train:60:31 val:30:32 test:30:33; do
  IFS=: read name n seed <<<"$split"
  bin/nutl simulate --events $n --seed $seed --out "$T/data/$name" --downsample 7 >/dev/null || fail "simulate $name"
done
for t in 1 3; do
  bin/nutl train "$T/data" --train-images 60 --batch 16 --threads 1 --max-epochs 2 --seed 9 --loader-threads $t \
    --out "$T/t$t" >/dev/null || fail "training with --loader-threads $t"
done
for t in 3; do
  for f in best.weights predictions-val.tsv predictions-test.tsv; do
    cmp -s "$T/t1/$f" "$T/t$t/$f" || fail "--loader-threads $t: $f differs from --loader-threads 1"
  done
done
echo "loader threads 1, 3: identical best.weights and predictions ($(sha256sum <"$T/t1/best.weights" | cut -c1-16))"
err=$(bin/nutl train "$T/data" --train-images 60 --loader-threads 65 --out "$T/bad" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && echo "$err" | grep -q -- "--loader-threads 65" ||
  fail "--loader-threads 65: exit $rc, stderr: $err"
echo "ok --loader-threads 65 refused: $err"
