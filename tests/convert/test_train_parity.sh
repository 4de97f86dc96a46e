#!/usr/bin/env bash
# Whole-training parity: nutl train and PyTorch (dev/torch_train.py) train the 3-class ResNet18 from the
# same torchvision-initialised weights (torch.save, then nutl convert), on the same events in the same
# order (nutl train --order-out, read by torch_train.py --order), for 3 epochs of the protocol's SGD
# (momentum 0.9, batch 32, mean cross-entropy, validation in eval mode after each epoch), at 32 x 32 on
# 192 events, and must end as close as float32 lets them. Printed: each epoch's training and
# validation loss of both and their relative difference; |d_nutl - d_torch| / |d_torch| over every
# stored float of the best-validation weights (d = end - start; running statistics included, which
# dominate |d|); and the same figures for PyTorch at 1 against 2 threads, the drift that float32
# rounding alone causes.
#
# Learning rate 1e-4, not the protocol's 1e-3: this tiny training is chaotic at 1e-3, where two PyTorch
# runs that differ only in thread count drift apart by 1.1e-4 in the first epoch's training loss and by
# 5 % in the third epoch's validation loss, and nutl with stock Darknet's N-1 batch norm is within 2.4x
# of that drift, so no tolerance can tell formula differences from rounding there. Measured at 1e-4
# (2-core x86-64, loaded machine; before patch 0010 in brackets):
#   first epoch's training loss:  PyTorch 1 vs 2 threads 0,        nutl 6.9e-5 (2.3e-3)
#   later epochs' losses, worst:  PyTorch 1 vs 2 threads 2.1e-3,   nutl 4.9e-3 (2.1e-2)
#   weights, update difference:   PyTorch 1 vs 2 threads 2.7e-3,   nutl 5.1e-3 (9.8e-3)
# The first epoch is where a formula difference shows before chaos blurs it: its bound, 5e-4, is 7 times
# nutl's figure and a fifth of the stock batch norm's. Later epochs and the weights are bounded at
# about 7 times the thread drift (1.5e-2, 2e-2): they catch whatever accumulates (momentum, learning
# rate scaling, order, the schedule, eval mode), which moves them by tens of percent.
source tests/convert/lib.sh
CFG3=cfg/resnet18.cfg
TOL_FIRST=5e-4 TOL_LOSS=1.5e-2 TOL_UPDATE=2e-2
EPOCHS=3 N=192 BATCH=32 LR=1e-4
if [[ "${BUILD:-build/cpu}" == build/gpu* ]]; then echo "CPU parity only: not measured on the GPU build"; exit 77; fi

for s in train:$N:41 val:96:42 test:48:43; do
  IFS=: read -r name k seed <<<"$s"
  bin/nutl simulate --events "$k" --seed "$seed" --out "$T/data/$name" --downsample 7 >/dev/null
done
$PY $TORCH_RESNET18 checkpoint "$T/start.pth" --seed 13 --classes 3
bin/nutl convert --from torchvision "$T/start.pth" --out "$T/start.weights" --cfg $CFG3 >/dev/null
common=(--train-images $N --batch $BATCH --max-epochs $EPOCHS --lr $LR --seed 1)
bin/nutl train "$T/data" --out "$T/nutl" --cfg $CFG3 --init weights --weights "$T/start.weights" \
  --order-out "$T/order.txt" --threads 2 "${common[@]}" >/dev/null
for t in 1 2; do
  $PY dev/torch_train.py "$T/data" --out "$T/torch$t" --init-pth "$T/start.pth" --order "$T/order.txt" \
    --threads $t --keep-epochs "${common[@]}" >/dev/null
done
# Bad starting weights: one line naming the problem, exit 1, no run folder left behind.
head -c 4000 "$T/start.weights" >"$T/short.weights"
for bad in "--init weights" "--init weights --weights $T/short.weights"; do
  if bin/nutl train "$T/data" --out "$T/bad" $bad --train-images $N 2>"$T/err"; then
    echo "FAIL: nutl train $bad succeeded"; exit 1
  fi
  [ "$(wc -l <"$T/err")" = 1 ] && [ ! -e "$T/bad" ] && [ ! -e "$T/bad.partial" ] || { echo "FAIL: nutl train $bad: $(cat "$T/err")"; exit 1; }
  echo "nutl train $bad: $(cat "$T/err")"
done
best=$(awk '$1 == "best_epoch" { print $2 }' "$T/nutl/result.tsv")
for t in 1 2; do
  bin/nutl convert --from torchvision "$T/torch$t/epoch-$best.pth" --out "$T/torch$t.weights" --cfg $CFG3 >/dev/null
done

# Prints, for runs $1 and $2 (their train.log), each epoch's losses and relative differences; returns
# non-zero if the first epoch's training losses differ by more than $3 or any other pair by more than $4.
losses() {
  paste "$1/train.log" "$2/train.log" | awk -v first="$3" -v tol="$4" -v name="$(basename "$1") vs $(basename "$2")" '
    function rel(a, b) { d = (a - b) / b; return d < 0 ? -d : d }
    { k = 0; for (i = 1; i <= NF; i++) if ($i == "train_loss" || $i == "val_loss") v[++k] = $(i + 1)
      # v[1], v[2]: the first run'"'"'s training and validation loss; v[3], v[4]: the second run'"'"'s
      t = rel(v[1], v[3]); u = rel(v[2], v[4])
      printf "  %s epoch %d: train_loss %s %s (%.2g)  val_loss %s %s (%.2g)\n", name, NR, v[1], v[3], t, v[2], v[4], u
      if (NR == 1) { if (t > first) bad = 1; first_seen = t; t = 0 }
      if (t > worst) worst = t; if (u > worst) worst = u; n++ }
    END { printf "  %s: first epoch training loss %.2g (bound %g), worst other %.2g (bound %g)\n", name,
                 first_seen, first, worst, tol
          exit !(n == '$EPOCHS' && !bad && worst <= tol) }'
}
# Prints the weight comparison of $1 and $2 (Darknet weights files); returns non-zero if the relative
# update difference exceeds $3.
weights() {
  $PY dev/weights_diff.py "$T/start.weights" "$1" "$2" |
    awk -v tol="$3" -v name="$4" '{ print "  " name ": " $0 " (tolerance " tol ")"; exit !($2 <= tol) }'
}
echo "drift between two PyTorch runs (1 and 2 threads):"
losses "$T/torch1" "$T/torch2" 1 1 || true
weights "$T/torch1.weights" "$T/torch2.weights" 1 "weights at epoch $best" || true
echo "nutl against PyTorch (2 threads):"
ok=0
losses "$T/nutl" "$T/torch2" $TOL_FIRST $TOL_LOSS || ok=1
weights "$T/nutl/best.weights" "$T/torch2.weights" $TOL_UPDATE "best weights (epoch $best)" || ok=1
exit $ok
