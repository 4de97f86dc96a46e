#!/usr/bin/env bash
# A seeded torchvision resnet18, saved with torch.save and converted by nutl convert, gives through
# nutl forward the same 1000 logits as PyTorch's eval mode, to 1e-3 absolute, on 3 random inputs:
# once as initialised (BN 1, 0, 0, 1) and once with random BN scales and shifts, running statistics
# moved by train-mode forwards and variances spread over [3e-3, 1] (weights/torch_resnet18.py).
# Prints the largest difference measured.
source tests/convert/lib.sh
TOL=1e-3
for case in "init 0" "bn-stats 5"; do
  set -- $case
  dir=$T/$1
  mkdir -p "$dir"
  $PY $TORCH_RESNET18 checkpoint "$dir/model.pth" --seed 11 --train-forwards "$2"
  $PY $TORCH_RESNET18 logits "$dir/model.pth" "$dir" --inputs 3 --seed 12
  bin/nutl convert --from torchvision "$dir/model.pth" --out "$dir/model.weights" --cfg "$CFG"
  for k in 0 1 2; do
    bin/nutl forward --cfg "$CFG" --weights "$dir/model.weights" --input "$dir/input-$k.raw" --logits \
      >"$dir/nutl-$k.txt"
  done
  cat "$dir"/torch-*.txt >"$dir/torch.all"
  cat "$dir"/nutl-*.txt >"$dir/nutl.all"
  paste "$dir/torch.all" "$dir/nutl.all" | awk -v name="$1" -v tol=$TOL '
    NF != 2 { bad = 1 }
    { d = $1 - $2; if (d < 0) d = -d; if (d > max) max = d; a = $1 < 0 ? -$1 : $1; if (a > big) big = a }
    END {
      printf "%s: %d logits, max |nutl - torch| = %.3g (largest |logit| %.3g, tolerance %g)\n",
             name, NR, max, big, tol
      exit (bad || NR != 3000 || max > tol) }'
done
