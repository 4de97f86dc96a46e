# Portable mode (nutl train --portable): whatever oneDNN instruction-set ceiling and OpenBLAS core type
# the environment asks for (two different machines, in effect), the pinned kernels give byte-identical
# weights and predictions; without it the ceiling's effect is reported. Also: the presets' portable key
# reaches the grid's train commands.
source "$(dirname "$0")/../lib.sh"
grep -q avx2 /proc/cpuinfo && grep -q fma /proc/cpuinfo || { echo "this CPU lacks AVX2 or FMA"; exit 77; }
for split in train:40:21 val:20:22 test:20:23; do
  IFS=: read name n seed <<<"$split"
  bin/nutl simulate --events $n --seed $seed --out "$T/data/$name" --downsample 7 >/dev/null || fail "simulate $name"
done
train() { # RUN ISA CORETYPE OPTIONS...: a short training with the environment a machine would give
  local run=$1 isa=$2 core=$3; shift 3
  env ONEDNN_MAX_CPU_ISA=$isa OPENBLAS_CORETYPE=$core bin/nutl train "$T/data" --train-images 40 --batch 10 \
    --threads 2 --max-epochs 2 --seed 9 --out "$T/$run" "$@" >"$T/$run.out" || fail "training $run"
  grep '^kernels:' "$T/$run.out"
}
big=$(tests/openblas-core AVX512_CORE)  # SkylakeX, or Haswell on a CPU without AVX-512
same() { for f in best.weights predictions-val.tsv predictions-test.tsv; do cmp -s "$T/$1/$f" "$T/$2/$f" || return 1; done; }

echo "portable, environment AVX512_CORE / $big:"; train p512 AVX512_CORE "$big" --portable
echo "portable, environment AVX2 / Haswell:"; train p2 AVX2 Haswell --portable
grep -q '^kernels: oneDNN isa cpu_isa_avx2; OpenBLAS core Haswell (portable' "$T/p512.out" || fail "portable mode did not pin the kernels"
same p512 p2 || fail "portable mode: different bytes under two instruction-set ceilings"
echo "ok portable mode: identical weights and predictions under both ceilings"
echo "not portable, environment AVX512_CORE / $big:"; train n512 AVX512_CORE "$big"
if same n512 p2; then echo "without --portable: identical here too (this CPU's kernels match the pinned ones)"
else echo "without --portable: different bytes (the kernels follow the CPU; results comparable only on CPUs like this)"; fi

grep -q -- ' --portable' <(bin/nutl grid paper) || fail "preset paper (portable = 1): no --portable in its train commands"
grep -q -- ' --portable' <(bin/nutl grid smoke) && fail "preset smoke (portable = 0) has --portable in its train commands"
echo "ok presets: paper's train commands carry --portable, smoke's do not"
