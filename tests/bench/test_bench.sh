# nutl bench at a tiny size, one iteration, on oneDNN and on Darknet's GEMM path: prints positive
# train_images_per_second, infer_images_per_second and peak_rss_mb; bad options give exit 1 and one line.
set -u
fail() { echo "FAIL: $*"; exit 1; }
for path in "" --gemm; do
  out=$(bin/nutl bench --size 32 --batch 2 --iters 1 --threads 1 $path) || fail "bench $path exited $?"
  echo "$out"
  for key in train_images_per_second infer_images_per_second peak_rss_mb; do
    echo "$out" | awk -v k=$key '$1 == k && $2 > 0 {ok = 1} END {exit !ok}' || fail "bench $path: no positive $key"
  done
done
err=$(bin/nutl bench --size 0 --iters 1 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] || fail "--size 0: exit $rc, stderr: $err"
err=$(bin/nutl bench --size 32 --iters 1 --cfg /nonexistent.cfg 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && echo "$err" | grep -q nonexistent || fail "missing cfg: exit $rc, stderr: $err"
echo "bench prints its lines on both convolution paths; bad options rejected"
