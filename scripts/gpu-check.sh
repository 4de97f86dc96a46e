#!/usr/bin/env bash
# make gpu-check: everything a GPU must show, in one run of under 8 minutes on one H100/H200, written
# into one record, bench/results/<date>-<gpu name>.md. It builds nothing: `make gpu-check-build` here
# makes build/gpu (the GPU nutl and its two test programs) and the CPU build/cpu/nutl and bin/nutl; carry
# those three (about 20 MB).
#   env       device, driver, CUDA runtime and cuDNN versions, nvidia-smi, the PyTorch found
#   parity    converted torchvision weights: the same 1000 logits on the CPU and GPU builds
#   step      one SGD step on the GPU against PyTorch's (tests/convert/test_train_step.sh, GPU roles)
#   determ    a smoke-size cell trained twice with --deterministic (identical bytes), once without
#   freeze    freeze2 leaves the frozen layers' bytes unchanged (tests/trainer/test_pretrained.c)
#   speed     training and inference img/s at 224x224, batch 32, nutl and PyTorch; the loader's img/s
#   small     a real small-preset cell (1k, Kaiming) end to end, and from it the cost of the preset
#   imagenet  torchvision's ImageNet checkpoint on the machine? If so, a pretrained 1k cell beside it
# Without a GPU it runs each step's CPU side, writes the record in the work folder and ends with a
# "no GPU:" line, exit status 2 (tests/bench/test_gpu_check.sh). Exit 1 if a GPU check fails.
# Environment: NUTL_GPU, NUTL_CPU (the two builds), GPU_CHECK_TESTS (the GPU build's tests, default
# build/gpu/tests), GPU_CHECK_WORK (work folder, default build/gpu-check), GPU_CHECK_FIND_ROOTS (where
# to look for the checkpoint, default /),
# GPU_CHECK_LOADER_EVENTS (the loader's split, default 640), GPU_CHECK_PYTHON (the pythons to try for
# PyTorch, default "python3 /usr/bin/python3"; "none": none), RESULTS (default bench/results).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
NUTL_GPU=${NUTL_GPU:-build/gpu/nutl}
NUTL_CPU=${NUTL_CPU:-build/cpu/nutl}
GPU_TESTS=${GPU_CHECK_TESTS:-build/gpu/tests}  # the GPU build's train_step and test_pretrained
WORK=${GPU_CHECK_WORK:-build/gpu-check}
FIND_ROOTS=${GPU_CHECK_FIND_ROOTS:-/}
RESULTS=${RESULTS:-bench/results}
LOADER_EVENTS=${GPU_CHECK_LOADER_EVENTS:-640}
BATCH=32 SIZE=224
if [ -e "$WORK" ] && [ ! -e "$WORK/record.md" ]; then
  echo "gpu-check: $WORK exists and holds no record.md: not a gpu-check folder, left alone" >&2; exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK" || exit 1
WORK=$(cd "$WORK" && pwd)
record=$WORK/record.md
failed=()

say() { printf '%s\n' "$@" | tee -a "$record"; }
block() { say '```'; cat "$1" | tee -a "$record"; say '```'; }
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
tsv() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$2"; }
fail() { failed+=("$1"); say "**FAIL** $1: $2"; }
gpu_side() { [ $gpu = 1 ] || { say "GPU side: not run (no GPU)."; return 1; }; }
conf() { "$NUTL_CPU" conf "$1" "$2"; }

# The three splits of protocol $1 in $2, made as `make dataset` makes them (same seeds, same bytes).
simulate_protocol() {
  for split in train val test; do
    "$NUTL_CPU" simulate --events "$(conf "$1" ${split}_events)" --downsample "$(conf "$1" downsample)" \
      --seed "$("$NUTL_CPU" seed "$(conf "$1" seed)" $split)" --threads "$(nproc)" --out "$2/$split" >/dev/null ||
      return 1
  done
}

# The train command of cell $2 of protocol $1 (nutl grid), its data and run folders moved to $3, $4.
cell_command() {
  "$NUTL_CPU" grid "$1" | awk -F'\t' -v c="$2" '$1 == c {print $7}' |
    sed "s|^bin/nutl train datasets/$1 --out runs/$1/$2|train $3 --out $4|"
}

# Sets py to the first python with torch and torchvision (one with CUDA if any), torch_cuda, torch_info.
find_torch() {
  py="" torch_cuda=0
  for p in ${GPU_CHECK_PYTHON:-python3 /usr/bin/python3}; do
    info=$($p -c 'import torch, torchvision; print(torch.__version__, torchvision.__version__, torch.cuda.is_available(), torch.version.cuda, torch.backends.cudnn.version())' 2>/dev/null) || continue
    [ -z "$py" ] && py=$p && torch_info=$info
    if [ "$(echo "$info" | cut -d' ' -f3)" = True ]; then py=$p torch_info=$info torch_cuda=1; break; fi
  done
}

# Records the PyTorch found.
say_torch() {
  if [ -n "$py" ]; then
    set -- $torch_info
    say "- PyTorch ($py): torch $1, torchvision $2, CUDA usable: $3 (CUDA $4, cuDNN $5)"
  else
    say "- PyTorch: none with torchvision (tried ${GPU_CHECK_PYTHON:-python3 /usr/bin/python3})"
  fi
}

# The GPU build's CUDA libraries: when the dynamic loader lacks them and a CUDA PyTorch has them in its
# pip packages (nvidia-cudnn-cu13, nvidia-cublas, nvidia-curand), their lib folders join LD_LIBRARY_PATH.
cuda_libraries_from_torch() {
  [ -x "$NUTL_GPU" ] && [ $torch_cuda = 1 ] && ldd "$NUTL_GPU" 2>/dev/null | grep -q 'not found' || return 0
  local dirs; dirs=$($py -c 'import glob, nvidia; print(":".join(d for p in nvidia.__path__ for d in glob.glob(p + "/*/lib")))' 2>/dev/null)
  [ -n "$dirs" ] && export LD_LIBRARY_PATH=$dirs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} &&
    say "- LD_LIBRARY_PATH: the lib folders of PyTorch's nvidia packages, for the GPU build's CUDA libraries"
}

step_env() {
  say "# nutl GPU check: $(date -u +%Y-%m-%dT%H:%MZ)" "" "Written by \`make gpu-check\` (scripts/gpu-check.sh) on $(uname -n), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start." ""
  say "## Environment" ""
  gpu=0
  if command -v nvidia-smi >/dev/null; then
    nvidia-smi -L >"$WORK/gpus" 2>&1 && grep -q '^GPU 0' "$WORK/gpus" && gpu=1
  else
    echo "no nvidia-smi" >"$WORK/gpus"
  fi
  find_torch
  cuda_libraries_from_torch
  for b in "$NUTL_CPU" "$NUTL_GPU" bin/nutl; do
    if [ ! -x "$b" ]; then say "- $b: missing (build it here with \`make gpu-check-build\` and carry it)"; continue; fi
    missing=$(ldd "$b" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')
    say "- $b: $("$b" --help >/dev/null 2>&1 && echo runs || echo "does not run")${missing:+; libraries not found: $missing}"
  done
  [ -x "$NUTL_CPU" ] || { say "no CPU build: nothing can run"; exit 1; }
  [ $gpu = 1 ] && [ ! -x "$NUTL_GPU" ] && { fail env "a GPU but no GPU build"; gpu=0; }
  [ $gpu = 1 ] && ! "$NUTL_GPU" --help >/dev/null 2>&1 && fail env "the GPU build does not start (libraries above)"
  if [ $gpu = 1 ]; then
    say "- device (nutl): $("$NUTL_GPU" params cfg/resnet18.cfg 2>&1 >/dev/null | sed -n 's/^nutl: //p' | head -n 1)"
    nvidia-smi >"$WORK/nvidia-smi.txt" 2>&1
    say "" "nvidia-smi:"
    block "$WORK/nvidia-smi.txt"
  else
    say "- GPU: none ($(head -n 1 "$WORK/gpus"))"
  fi
  say_torch
  say ""
}

step_parity() {
  say "## Parity: the same converted weights and inputs, CPU and GPU builds" ""
  [ -n "$py" ] || { say "Not run: no PyTorch to make the checkpoint."; return; }
  local d=$WORK/parity; mkdir -p "$d"
  $py weights/torch_resnet18.py checkpoint "$d/model.pth" --seed 11 --train-forwards 5 >/dev/null &&
    $py weights/torch_resnet18.py logits "$d/model.pth" "$d" --inputs 3 --seed 12 >/dev/null &&
    "$NUTL_CPU" convert --from torchvision "$d/model.pth" --out "$d/model.weights" --cfg cfg/resnet18-imagenet.cfg >/dev/null ||
    { fail parity "the checkpoint or its conversion"; return; }
  logits "$NUTL_CPU" cpu
  cat "$d"/torch-*.txt >"$d/torch.all"
  say "A seeded torchvision resnet18 with random BN statistics (weights/torch_resnet18.py), converted; 3 random 224x224 inputs, 1000 logits each."
  compare "$d/torch.all" "$d/cpu.all" "CPU build vs PyTorch (CPU)" 1e-3 || fail parity "CPU logits"
  gpu_side || return
  logits "$NUTL_GPU" gpu-tf32
  NVIDIA_TF32_OVERRIDE=0 logits "$NUTL_GPU" gpu
  # FP32 on both sides: what differs is the order of the float sums (cuDNN's algorithms against
  # oneDNN's), the same kind of difference as between the CPU build and PyTorch, bounded by the same 1e-3.
  compare "$d/cpu.all" "$d/gpu.all" "GPU build (FP32: NVIDIA_TF32_OVERRIDE=0) vs CPU build" 1e-3 || fail parity "FP32 logits"
  # cuDNN's default math lets convolutions round their operands to TF32 (11 significant bits, relative
  # 2^-11 = 4.9e-4); through 20 convolutions in sequence the logits move by up to ~20 times that of
  # their scale: judged at 1e-2 of the largest |logit|.
  local big; big=$(awk '{a = $1 < 0 ? -$1 : $1; if (a > m) m = a} END {print m}' "$d/cpu.all")
  compare "$d/cpu.all" "$d/gpu-tf32.all" "GPU build (cuDNN default math, TF32 allowed) vs CPU build" \
    "$(awk -v b="$big" 'BEGIN {print 1e-2 * b}')" || fail parity "TF32 logits"
}

# Runs nutl $1 forward on the parity inputs into parity/$2.all.
logits() {
  local d=$WORK/parity
  : >"$d/$2.all"
  for k in 0 1 2; do
    "$1" forward --cfg cfg/resnet18-imagenet.cfg --weights "$d/model.weights" --input "$d/input-$k.raw" --logits \
      >>"$d/$2.all" 2>/dev/null || { : >"$d/$2.all"; return 1; }
  done
}

# Prints (and records) the largest |a - b| over the lines of files $1, $2 as "$3", against tolerance $4.
compare() {
  paste "$1" "$2" | awk -v name="$3" -v tol="$4" '
    NF != 2 { bad = 1 }
    { d = $1 - $2; if (d < 0) d = -d; if (d > max) max = d; a = $1 < 0 ? -$1 : $1; if (a > big) big = a }
    END { printf "- %s: %d logits, max |difference| %.3g (largest |logit| %.3g, tolerance %.3g)\n", name, NR, max, big, tol
          exit (bad || NR != 3000 || max > tol) }' | tee -a "$record"
}

step_train_step() {
  say "" "## One training step against PyTorch's" ""
  [ -n "$py" ] || { say "Not run: no PyTorch."; return; }
  say "tests/convert/test_train_step.sh: a BN-rich 3-class resnet18, one SGD step on a 16 x 64 x 64 batch."
  gpu_side || { say "Its CPU side is the CPU build's own test (make test)."; return; }
  NVIDIA_TF32_OVERRIDE=0 NUTL_TEST_PYTHON=$py BUILD=${GPU_TESTS%/tests} NUTL_TEST_TMP=$WORK bash tests/convert/test_train_step.sh >"$WORK/step-fp32.txt" 2>&1 ||
    fail step "FP32 step outside the bounds"
  say "FP32 (NVIDIA_TF32_OVERRIDE=0), judged:"
  grep -v '^[0-9]' "$WORK/step-fp32.txt" | sed -n '/^PyTorch/,$p' >"$WORK/step-fp32.sum"; block "$WORK/step-fp32.sum"
  NUTL_TEST_PYTHON=$py BUILD=${GPU_TESTS%/tests} NUTL_TEST_TMP=$WORK bash tests/convert/test_train_step.sh >"$WORK/step-tf32.txt" 2>&1
  say "cuDNN's default math (TF32 allowed), reported:"
  grep -v '^[0-9]' "$WORK/step-tf32.txt" | sed -n '/^PyTorch/,$p' >"$WORK/step-tf32.sum"; block "$WORK/step-tf32.sum"
}

step_determinism() {
  say "" "## Determinism: one smoke-size cell, three runs" ""
  simulate_protocol smoke "$WORK/smoke" || { fail determ "simulating the smoke dataset"; return; }
  local cell=kaiming-all-n320-m1
  say "Cell $cell of the smoke preset (32x32), dataset simulated as make dataset does:" \
    "\`$(cell_command smoke $cell DATA RUN)\`"
  gpu_side || return
  for run in det1 det2 free; do
    local flags; flags=$(cell_command smoke $cell "$WORK/smoke" "$WORK/$run")
    [ $run = free ] && flags=${flags/ --deterministic/}
    [ $run != free ] && [[ "$flags" != *--deterministic* ]] && flags="$flags --deterministic"
    "$NUTL_GPU" $flags >"$WORK/$run.log" 2>&1 || { fail determ "run $run: $(tail -n 1 "$WORK/$run.log")"; return; }
  done
  for run in det1 det2 free; do
    say "- $run: best.weights sha256 $(sha256sum <"$WORK/$run/best.weights" | cut -c1-16), predictions-test sha256 $(sha256sum <"$WORK/$run/predictions-test.tsv" | cut -c1-16)"
  done
  if cmp -s "$WORK/det1/best.weights" "$WORK/det2/best.weights" && cmp -s "$WORK/det1/predictions-test.tsv" "$WORK/det2/predictions-test.tsv"; then
    say "- --deterministic twice: identical bytes"
  else
    fail determ "--deterministic twice gave different bytes"
  fi
  cmp -s "$WORK/det1/best.weights" "$WORK/free/best.weights" && say "- without --deterministic: identical too (reported)" ||
    say "- without --deterministic: different bytes (reported: cuDNN picked non-deterministic algorithms)"
}

step_freeze() {
  say "" "## Freeze: freeze2 leaves the frozen layers' bytes unchanged" ""
  say "tests/trainer/test_pretrained.c: a random 1000-class file loaded below the head, nutl train --scheme freeze2 for 2 epochs; layer0 and layer1 must keep the file's weights, biases and BN scales byte for byte, every other layer must change."
  gpu_side || return
  # The test runs bin/nutl and reads cfg/: a folder where those are the GPU build and this cfg/.
  local d=$WORK/freeze test; test=$(realpath "$GPU_TESTS/trainer/test_pretrained")
  mkdir -p "$d/bin" && ln -s "$(realpath "$NUTL_GPU")" "$d/bin/nutl" && ln -s "$PWD/cfg" "$d/cfg"
  (cd "$d" && "$test") >"$d/log.txt" 2>&1 || fail freeze "$(tail -n 1 "$d/log.txt")"
  block "$d/log.txt"
}

step_speed() {
  say "" "## Speed: ResNet18 at ${SIZE}x${SIZE}, batch $BATCH" ""
  simulate_split "$WORK/d224" "$LOADER_EVENTS" || { fail speed "simulating the loader's split"; return; }
  say "The data loader (nutl bench --data, CPU build) on $LOADER_EVENTS simulated ${SIZE}x${SIZE} events:" ""
  say "| loader threads | img/s |" "|---|---|"
  local t
  for t in 1 2 4 8 16; do
    [ $t -le "$(nproc)" ] || break
    "$NUTL_CPU" bench --data "$WORK/d224" --batch $BATCH --iters 5 --loader-threads $t >"$WORK/loader-$t.txt" 2>&1 &&
      say "| $t | $(value loader_images_per_second "$WORK/loader-$t.txt") |"
  done
  gpu_side || return
  "$NUTL_GPU" bench --size $SIZE --batch $BATCH --iters 30 >"$WORK/nutl-gpu.txt" 2>&1 || { fail speed "nutl bench"; return; }
  nutl_train=$(value train_images_per_second "$WORK/nutl-gpu.txt") nutl_infer=$(value infer_images_per_second "$WORK/nutl-gpu.txt")
  say "" "| | train img/s | infer img/s |" "|---|---|---|" "| nutl, GPU (cuDNN default math) | $nutl_train | $nutl_infer |"
  if [ $torch_cuda = 1 ]; then
    $py dev/torch_bench.py --size $SIZE --batch $BATCH --iters 30 --device cuda >"$WORK/torch-gpu.txt" 2>&1 ||
      { fail speed "torch_bench.py"; return; }
    ratios "PyTorch $(value torch "$WORK/torch-gpu.txt"), GPU" "$WORK/torch-gpu.txt"
  else
    say "| (no CUDA-enabled PyTorch here: compared with the CPU figures, $(nproc) threads) | | |"
    "$NUTL_CPU" bench --size $SIZE --batch $BATCH --iters 3 --threads "$(nproc)" >"$WORK/nutl-cpu.txt" 2>&1 &&
      ratios "nutl, CPU" "$WORK/nutl-cpu.txt"
    [ -n "$py" ] && $py dev/torch_bench.py --size $SIZE --batch $BATCH --iters 3 --threads "$(nproc)" >"$WORK/torch-cpu.txt" 2>&1 &&
      ratios "PyTorch $(value torch "$WORK/torch-cpu.txt"), CPU" "$WORK/torch-cpu.txt"
  fi
  local default; default=$("$NUTL_GPU" bench --data "$WORK/d224" --batch $BATCH --iters 5 2>/dev/null | tee "$WORK/loader-default.txt" | awk '$1 == "loader_threads" {print $2}')
  say "" "- the GPU build's default loader ($default threads): $(value loader_images_per_second "$WORK/loader-default.txt") img/s against nutl's $nutl_train img/s training and $nutl_infer img/s inference"
  awk -v l="$(value loader_images_per_second "$WORK/loader-default.txt")" -v t="$nutl_train" 'BEGIN {exit !(l > t)}' ||
    fail speed "the default loader does not outrun the GPU's training"
}

# A row of the speed table for the bench output $2 named $1, with nutl-GPU / it.
ratios() {
  awk -v name="$1" -v nt="$nutl_train" -v ni="$nutl_infer" '$1 == "train_images_per_second" {t = $2} $1 == "infer_images_per_second" {i = $2}
    END {printf "| %s | %s | %s |\n| ratio nutl GPU / this | %.2f | %.2f |\n", name, t, i, nt / t, ni / i}' "$2" | tee -a "$record"
}

# A split of $2 events at full resolution in $1, seed 1.
simulate_split() { "$NUTL_CPU" simulate --events "$2" --seed 1 --threads "$(nproc)" --out "$1" >/dev/null; }

step_small() {
  say "" "## A real small-preset cell, and the preset's cost" ""
  local cell=kaiming-all-n1000-m1
  say "Cell $cell: \`$(cell_command small $cell DATA RUN)\`"
  gpu_side || return
  local start; start=$(date +%s.%N)
  simulate_protocol small "$WORK/small" || { fail small "simulating the small dataset"; return; }
  say "- dataset (make dataset's seeds): $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f s", e - s}')"
  run_cell small $cell "$WORK/small" "$WORK/$cell" || return
  small_cost "$WORK/$cell"
}

# Trains cell $2 of protocol $1 on data $3 into $4 with the GPU build, timed; records its figures.
run_cell() {
  local start; start=$(date +%s.%N)
  local flags; flags=$(cell_command "$1" "$2" "$3" "$4")
  [ -n "${PRETRAINED:-}" ] && flags=$(echo "$flags" | sed "s|--pretrained [^ ]*|--pretrained $PRETRAINED|")
  timeout 300 "$NUTL_GPU" $flags >"$4.log" 2>&1 || { fail "$1" "cell $2: $(tail -n 1 "$4.log")"; return 1; }
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  say "- $2: $wall s end to end, $(tsv epochs "$4/result.tsv") epochs (best $(tsv best_epoch "$4/result.tsv")), training $(tsv train_images_per_second "$4/result.tsv") img/s, test F1 $(tsv test_f1 "$4/result.tsv")"
}

# The measured cost of make paper PROTOCOL=small at max_epochs (early stopping only shortens it): the
# cell gives the training rate (result.tsv) and the rest of its wall time per forward-only image
# (validation each epoch, test once, start-up and checkpoints lumped in); a frozen network's training
# pass costs (frozen MACs + 3 x trained MACs) / (3 x all MACs) of a full one, from ResNet18's MACs per
# group (118M, 462M, 411M, 411M, 411M, 0.5M for layer0..classifier).
small_cost() {
  local r=$1/result.tsv
  awk -v wall="$wall" -v rate="$(tsv train_images_per_second "$r")" -v tsec="$(tsv train_seconds "$r")" \
      -v epochs="$(tsv epochs "$r")" -v val="$(conf small val_events)" -v test="$(conf small test_events)" \
      -v sizes="$(conf small train_sizes)" -v schemes="$(conf small schemes_at_largest)" \
      -v members="$(conf small members)" -v max="$(conf small max_epochs)" '
    BEGIN {
      split("118 462 411 411 411 0.5", mac, " "); for (g = 1; g <= 6; g++) all += mac[g]
      per_fwd = (wall - tsec) / (epochs * val + test)
      k = split(sizes, s, " "); largest = s[k]
      for (i = 1; i <= k; i++) { train += 2 * s[i] * max; nets += 2 }
      m = split(schemes, sc, " ")
      for (i = 1; i <= m; i++) {
        if (sc[i] == "all") continue
        frozen = sc[i] == "classifier" ? 5 : substr(sc[i], 7) + 0; f = 0
        for (g = 1; g <= frozen; g++) f += mac[g]
        train += largest * max * (f + 3 * (all - f)) / (3 * all); nets++
      }
      fwd = nets * (max * val + test)
      total = members * (train / rate + fwd * per_fwd)
      printf "- forward-only cost from the cell: %.3g s per image (%.0f img/s)\n", per_fwd, 1 / per_fwd
      printf "- make paper PROTOCOL=small at max_epochs: %d networks, %.2f M training images at %.0f img/s + %.2f M forward-only at %.0f img/s = %.0f minutes (plus the dataset)\n",
             members * nets, members * train / 1e6, rate, members * fwd / 1e6, 1 / per_fwd, total / 60
      printf "- line for cfg/protocols/small.conf: # Measured (make gpu-check): %.0f img/s training, %.0f img/s forward-only: %.0f minutes at max_epochs\n",
             rate, 1 / per_fwd, total / 60
    }' | tee -a "$record"
}

step_imagenet() {
  say "" "## torchvision's ImageNet ResNet18 checkpoint on this machine?" ""
  timeout 60 find $FIND_ROOTS -xdev \( -name 'resnet18*' -o -name '*f37072fd*' \) -size +40M 2>/dev/null >"$WORK/found.txt"
  local pth="" f
  while read -r f; do
    local sum; sum=$(sha256sum "$f" | cut -c1-64)
    say "- $f: sha256 $sum"
    [ -z "$pth" ] && [[ $sum == f37072fd* ]] && pth=$f
  done <"$WORK/found.txt"
  [ -s "$WORK/found.txt" ] || say "- none under $FIND_ROOTS (find -xdev, name resnet18* or *f37072fd*, over 40 MB)"
  [ -n "$pth" ] || { say "- no file whose SHA-256 starts with f37072fd: no pretrained cell"; return; }
  "$NUTL_CPU" convert --from torchvision "$pth" --out "$WORK/imagenet.weights" --cfg cfg/resnet18-imagenet.cfg >/dev/null ||
    { fail imagenet "converting $pth"; return; }
  gpu_side || return
  [ -f "$WORK/small/train/meta.tsv" ] || { say "- no small dataset (the small step did not run)"; return; }
  say "Converted; the pretrained 1k cell beside the Kaiming one above:"
  PRETRAINED=$WORK/imagenet.weights run_cell small pretrained-all-n1000-m1 "$WORK/small" "$WORK/pretrained-all-n1000-m1"
}

main() {
  step_env
  step_parity
  step_train_step
  step_determinism
  step_freeze
  step_speed
  step_small
  step_imagenet
  say "" "## Verdict" "" "$SECONDS s in all; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  if [ $gpu = 0 ]; then
    say "no GPU: only the CPU side of each step ran; record $record"
    exit 2
  fi
  local name out
  name=$(nvidia-smi --query-gpu=name --format=csv,noheader | head -n 1 | tr -c 'A-Za-z0-9\n' '-' | sed 's/--*/-/g; s/-$//')
  mkdir -p "$RESULTS"
  out=$RESULTS/$(date -u +%Y-%m-%d)-$name.md
  [ ${#failed[@]} -eq 0 ] && say "Every check passed." || say "Failed: ${failed[*]}"
  cp "$record" "$out.tmp" && mv "$out.tmp" "$out" && echo "gpu-check: record $out"
  [ ${#failed[@]} -eq 0 ]
}

# Sourced (tests/bench/test_gpu_check.sh), it only defines the steps.
[ "${BASH_SOURCE[0]}" = "$0" ] && main
