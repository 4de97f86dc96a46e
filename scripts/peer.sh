#!/usr/bin/env bash
# scripts/peer.sh PROTOCOL [CELLS]: trains the protocol's Kaiming cells (all of them, or the
# space-separated cell names CELLS) with PyTorch (dev/torch_train.py) into runs/PROTOCOL-peer/, on the
# protocol's dataset with its subset rule, schedule, max_epochs, batch and threads, and the cell's own
# seed (bin/nutl grid). Finished cells (result.tsv) are not redone. Pretrained cells are not the peer's:
# naming one is an error.
set -euo pipefail
protocol=$1 cells=${2:-}
grid=$(bin/nutl grid "$protocol")
max_epochs=$(bin/nutl conf "$protocol" max_epochs) batch=$(bin/nutl conf "$protocol" batch)
threads=$(bin/nutl conf "$protocol" threads)
for c in $cells; do
  line=$(awk -F'\t' -v c="$c" '$1 == c' <<<"$grid")
  [ -n "$line" ] || { echo "peer: $c: not a cell of protocol $protocol" >&2; exit 1; }
  [ "$(cut -f2 <<<"$line")" = kaiming ] || { echo "peer: $c: the peer trains Kaiming cells only" >&2; exit 1; }
done
awk -F'\t' -v cells=" $cells " '$2 == "kaiming" && (cells == "  " || index(cells, " " $1 " "))' <<<"$grid" |
while IFS=$'\t' read -r name init scheme size member seed command; do
  /usr/bin/python3 dev/torch_train.py "datasets/$protocol" --out "runs/$protocol-peer/$name" --train-images "$size" \
    --member "$member" --seed "$seed" --protocol "$protocol" --max-epochs "$max_epochs" --batch "$batch" \
    --threads "$threads" </dev/null
done
