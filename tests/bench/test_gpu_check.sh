# make gpu-check's plumbing on a machine without a GPU (an nvidia-smi that finds no driver stands in,
# so a CI host with a GPU tests the same path): every step's CPU side runs, the record holds each
# step's section, the loader's img/s at 1 and 2 threads and the two cells' train commands, the checkpoint
# search finds a 41 MB resnet18*.pth and rejects it by its SHA-256, and the run ends with a "no GPU:"
# line and exit status 2. PyTorch is left out (GPU_CHECK_PYTHON=none) to keep it to seconds: the
# parity CPU side is tests/convert/test_parity.sh's. Then the cost arithmetic of the small preset on a
# made-up cell, against the figure worked out by hand; and a work folder that is not the check's is
# refused.
source "$(dirname "$0")/../lib.sh"
mkdir -p "$T/bin" "$T/find"
printf '#!/bin/sh\necho "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver"\nexit 9\n' >"$T/bin/nvidia-smi"
chmod +x "$T/bin/nvidia-smi"
truncate -s 41M "$T/find/resnet18-f37072fd.pth"
PATH=$T/bin:$PATH NUTL_CPU=${BUILD:-build/cpu}/nutl GPU_CHECK_WORK=$T/work GPU_CHECK_FIND_ROOTS=$T/find GPU_CHECK_LOADER_EVENTS=64 \
  GPU_CHECK_PYTHON=none bash scripts/gpu-check.sh >"$T/out" 2>&1
rc=$?
cat "$T/out"
[ $rc -eq 2 ] || fail "exit status $rc, expected 2 (no GPU)"
tail -n 1 "$T/out" | grep -q '^no GPU: ' || fail "the last line is not the no-GPU line"
record=$T/work/record.md
for section in Environment Parity "One training step" Determinism Freeze Speed "small-preset cell" ImageNet Verdict; do
  grep -q "^## .*$section" "$record" || fail "no section $section in the record"
done
for t in 1 2; do
  grep -Eq "^\| $t \| [0-9]+\.[0-9] \|$" "$record" || fail "no loader img/s at $t threads"
done
grep -q -- '--protocol smoke' "$record" || fail "no smoke cell command"
grep -q -- '--protocol small .*--deterministic' "$record" || fail "no small cell command"
grep -q "resnet18-f37072fd.pth: sha256 $(head -c 41M /dev/zero | sha256sum | cut -c1-64)" "$record" ||
  fail "the checkpoint search did not list the 41 MB file with its SHA-256"
grep -q 'no file whose SHA-256 starts with f37072fd' "$record" || fail "a file without the right SHA-256 was accepted"
echo "ok no-GPU run: every section, loader rates, cell commands, checkpoint search"

# The cost arithmetic: a cell of 12 epochs, 100 s wall, 40 s of it training at 1000 img/s. Forward-only:
# 60 s / (12 x 2000 + 4000) images. Per member: 2 x (1k + 3k + 10k) x 12 = 336,000 training images, plus
# the five frozen schemes at 10k x 12 x 3.2099 (MAC fractions 0.9566 0.7868 0.6358 0.4847 0.3335) =
# 385,188: 721.2 s; 11 networks x (12 x 2000 + 4000) = 308,000 forward-only images: 660.0 s. 4 members:
# 5524.8 s = 92 minutes.
cost=$(GPU_CHECK_WORK=$T/work bash -c 'source scripts/gpu-check.sh; mkdir -p "$WORK/cell"
  printf "epochs\t12\ntrain_seconds\t40\ntrain_images_per_second\t1000\n" >"$WORK/cell/result.tsv"
  wall=100 small_cost "$WORK/cell"')
echo "$cost"
echo "$cost" | grep -q '44 networks, 2.88 M training images at 1000 img/s + 1.23 M forward-only at 467 img/s = 92 minutes' ||
  fail "small preset cost"
mkdir "$T/other" && touch "$T/other/keep"
GPU_CHECK_WORK=$T/other bash scripts/gpu-check.sh >/dev/null 2>"$T/err" && fail "a foreign work folder was used"
[ -e "$T/other/keep" ] && grep -q "not a gpu-check folder" "$T/err" || fail "a foreign work folder was not left alone"
echo "ok cost arithmetic; a foreign work folder is refused"
