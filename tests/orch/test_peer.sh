# make peer's parts on a tiny preset: scripts/peer.sh trains the Kaiming cells with PyTorch
# (dev/torch_train.py) into runs/P-peer/ with the cells' seeds, in records nutl-analyse reads; a
# finished cell is not redone; a pretrained or unknown cell is a one-line error; nutl-analyse --peer
# prints nutl's and PyTorch's ensembles side by side with (nutl - PyTorch)/sigma.
source tests/orch/lib.sh
/usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null || { echo "no python3-torch/python3-torchvision"; exit 77; }
orch_workbench "30" "all"
sed -i 's/^members = 1$/members = 2/' "$T/cfg/protocols/orchtest.conf"
ln -s "$REPO/dev" "$T/dev"
ln -s "$REPO/analysis" "$T/analysis"
cd "$T"
mkdir -p runs/orchtest
bin/nutl grid orchtest | awk -F'\t' '$2 == "kaiming" { print $7 }' | while read -r cmd; do $cmd >/dev/null; done
scripts/peer.sh orchtest >peer.log
for m in 1 2; do
  d=runs/orchtest-peer/kaiming-all-n30-m$m
  [ -f $d/result.tsv ] && [ -f $d/predictions-test.tsv ] || fail "$d: no record"
  [ "$(value seed $d/result.tsv)" = "$(bin/nutl seed 77 kaiming-all-n30-m$m)" ] || fail "$d: not the cell's seed"
  [ "$(value epochs $d/result.tsv)" = 1 ] && [ "$(value train_images $d/result.tsv)" = 30 ] || fail "$d: not the protocol"
  [ "$(wc -l <$d/predictions-test.tsv)" = 31 ] || fail "$d: not 30 test predictions"
done
scripts/peer.sh orchtest kaiming-all-n30-m1 | grep -q "already complete" || fail "a finished cell was redone"
scripts/peer.sh orchtest pretrained-all-n30-m1 2>err.txt && fail "a pretrained cell was accepted"
grep -qx "peer: pretrained-all-n30-m1: the peer trains Kaiming cells only" err.txt || fail "message: $(cat err.txt)"
scripts/peer.sh orchtest kaiming-all-n99-m1 2>err.txt && fail "an unknown cell was accepted"
grep -qx "peer: kaiming-all-n99-m1: not a cell of protocol orchtest" err.txt || fail "message: $(cat err.txt)"
"$REPO/bin/nutl-analyse" --protocol orchtest --peer runs/orchtest-peer >table.txt 2>/dev/null
cat table.txt
awk '$1 == "kaiming-all-n30" && $3 == "+-" && $5 == "(2)" && $7 == "+-" && $9 == "(2)" && $10 ~ /^[-+][0-9]/ {
       z = ($2 - $6) / sqrt($4 * $4 + $8 * $8); ok = (z - $10 < 0.006 && $10 - z < 0.006) } END { exit !ok }' \
  table.txt || fail "no side-by-side line for kaiming-all-n30 with (nutl - PyTorch)/sigma"
