# nutl bench at a tiny size, one iteration, on oneDNN and on Darknet's GEMM path: every field it reports
# (size, batch, iters, threads, convolutions as asked; positive rates; a peak RSS between the network's
# weights and 4 GiB); scripts/bench-compare.sh beside PyTorch (when python3-torch is installed): a line
# per side and a ratio line that is nutl / torch of the numbers printed above it, and the kernels of each
# side, PyTorch's without the OpenBLAS pins of the environment (here pinned to Nehalem kernels, which no
# AVX2 CPU picks by itself: nutl must report them, PyTorch must not). Bad options: exit 1, one line.
source "$(dirname "$0")/../lib.sh"
value() { awk -v k="$1" '$1 == k {print $2}' <<<"$2"; }
for path in onednn darknet-gemm; do
  out=$(bin/nutl bench --size 32 --batch 2 --iters 1 --threads 1 $([ $path = onednn ] || echo --gemm)) ||
    fail "bench $path exited $?"
  echo "$out"
  [ "$(value size "$out") $(value batch "$out") $(value iters "$out") $(value threads "$out")" = "32 2 1 1" ] ||
    fail "bench $path: size, batch, iters, threads are not the options'"
  [ "$(value convolutions "$out")" = $path ] || fail "bench $path: convolutions '$(value convolutions "$out")'"
  for key in train_images_per_second infer_images_per_second; do
    awk -v v="$(value $key "$out")" 'BEGIN {exit !(v > 0)}' || fail "bench $path: $key is not positive"
  done
  # ResNet18's 11.2 M weights alone are 43 MB of floats
  awk -v v="$(value peak_rss_mb "$out")" 'BEGIN {exit !(v > 43 && v < 4096)}' ||
    fail "bench $path: peak_rss_mb $(value peak_rss_mb "$out") is not in (43, 4096)"
done
err=$(bin/nutl bench --size 0 --iters 1 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] || fail "--size 0: exit $rc, stderr: $err"
err=$(bin/nutl bench --size 32 --iters 1 --cfg /nonexistent.cfg 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && echo "$err" | grep -q nonexistent || fail "missing cfg: exit $rc, stderr: $err"
echo "ok bench fields on both convolution paths; bad options rejected"

if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  echo "python3-torch not installed: bench-compare not checked"; exit 0
fi
table=$(OPENBLAS_CORETYPE=Nehalem bash scripts/bench-compare.sh 1 2 32:1) || fail "bench-compare exited $?"
echo "$table"
# size side train infer rss: the ratio of each column is nutl's over torch's, to the 2 decimals printed
awk '$1 == 32 {v[$2, 3] = $3; v[$2, 4] = $4; v[$2, 5] = $5}
     END {for (c = 3; c <= 5; c++) {
            if (!(v["torch", c] > 0) || !(v["nutl", c] > 0)) exit 1
            if (v["ratio", c] - v["nutl", c] / v["torch", c] > 0.0051 || v["nutl", c] / v["torch", c] - v["ratio", c] > 0.0051) exit 1 }}' \
  <<<"$table" || fail "bench-compare: a ratio is not nutl / torch of the lines above it"
grep -q "^threads 1, batch 2, .* load average" <<<"$table" || fail "bench-compare: no closing line"
grep -q "^kernels nutl:  oneDNN isa cpu_isa_[a-z0-9_]*; OpenBLAS core Nehalem " <<<"$table" ||
  fail "bench-compare: nutl's kernels are not those of the environment's pin"
grep "^kernels torch: " <<<"$table" | grep -v "OpenBLAS core Nehalem;" |
  grep -q "^kernels torch: oneDNN isa cpu_isa_[a-z0-9_]*; OpenBLAS core [A-Za-z0-9]*; ATen [A-Z0-9_]* (run without OPENBLAS_CORETYPE=Nehalem" ||
  fail "bench-compare: PyTorch's kernels missing, or it ran under the environment's OpenBLAS pin"
echo "ok bench-compare: ratios are nutl / torch; kernels of each side, PyTorch's unpinned"
