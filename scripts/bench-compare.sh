#!/usr/bin/env bash
# make bench: nutl's and PyTorch's CPU training and inference speed and peak memory, side by side.
# usage: [LOADER_THREADS="1 2"] scripts/bench-compare.sh THREADS BATCH SIZE:ITERS...
# Each size runs nutl then PyTorch, one process each (peak RSS is per process); the ratio is nutl/torch,
# so above 1 is better for the speeds and below 1 is better for the memory. Then nutl's data loader at
# each of LOADER_THREADS decoding threads on a simulated split of that size (320 events, 224 / SIZE
# downsampling): the images per second it delivers, and that over nutl's training img/s (above 1: the
# loader keeps up). Closes with the kernels each side ran (oneDNN's instruction set, OpenBLAS's core type,
# and PyTorch's ATen level), in nutl's format (src/nn/portable.h). PyTorch runs without the
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE pins some machines set for their own reasons: a peer is measured at
# its best (nutl keeps the environment it is given).
set -euo pipefail
nutl=${NUTL:-bin/nutl}  # another build or wrapper to compare, e.g. NUTL=/tmp/old/nutl
threads=$1 batch=$2; shift 2
loader_threads=${LOADER_THREADS:-1 2}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
pins=$(env | grep -E '^OPENBLAS_(CORETYPE|L2_SIZE)=' | sort | paste -sd ' ' || true)
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
printf '%-6s %-6s %12s %12s %12s\n' size side train_img/s infer_img/s peak_rss_mb
for run in "$@"; do
  size=${run%:*} iters=${run#*:}
  $nutl bench --size "$size" --batch "$batch" --iters "$iters" --threads "$threads" >"$tmp/nutl"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 dev/torch_bench.py --size "$size" --batch "$batch" --iters "$iters" --threads "$threads" >"$tmp/torch"
  for side in nutl torch; do
    printf '%-6s %-6s %12s %12s %12s\n' "$size" "$side" "$(value train_images_per_second "$tmp/$side")" \
      "$(value infer_images_per_second "$tmp/$side")" "$(value peak_rss_mb "$tmp/$side")"
  done
  awk -v s="$size" '$1 ~ /_per_second$|^peak_rss_mb$/ {if (FNR == NR) n[$1] = $2; else t[$1] = $2}
    END {printf "%-6s %-6s %12.2f %12.2f %12.2f\n", s, "ratio", n["train_images_per_second"] / t["train_images_per_second"],
         n["infer_images_per_second"] / t["infer_images_per_second"], n["peak_rss_mb"] / t["peak_rss_mb"]}' \
    "$tmp/nutl" "$tmp/torch"
  $nutl simulate --events 320 --seed 1 --downsample $((224 / size)) --threads "$threads" --out "$tmp/data$size" >/dev/null
  for t in $loader_threads; do
    $nutl bench --data "$tmp/data$size" --batch "$batch" --iters "$iters" --loader-threads "$t" >"$tmp/loader"
    awk -v s="$size" -v t="$t" -v r="$(value loader_images_per_second "$tmp/loader")" \
      -v n="$(value train_images_per_second "$tmp/nutl")" \
      'BEGIN {printf "%-6s %-6s %12s %12.1f  = %.1f x nutl train_img/s\n", s, "loader", t " threads", r, r / n}'
  done
done
echo "kernels nutl:  $(sed -n 's/^kernels: //p' "$tmp/nutl")"
echo "kernels torch: $(sed -n 's/^kernels //p' "$tmp/torch")${pins:+ (run without $pins)}"
echo "threads $threads, batch $batch, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
