# nutl params on cfg/resnet18.cfg gives the paper's trainable-weight counts for every group and scheme
# (analysis/paper/trainable-weights.tsv, from the paper's Sec. III A and IV B).
source "$(dirname "$0")/../lib.sh"
set -eu
paper=analysis/paper/trainable-weights.tsv
out=$(bin/nutl params cfg/resnet18.cfg)
for g in layer0 layer1 layer2 layer3 layer4 classifier; do
  want=$(awk -v g=$g '$1 == g {print $2; exit}' $paper)
  got=$(echo "$out" | awk -v g=$g '$1 == g {print $2}')
  [ "$got" = "$want" ] || { echo "group $g: got '$got', paper $want"; exit 1; }
done
for s in all freeze1 freeze2 freeze3 freeze4 classifier; do
  want=$(awk -v s=$s '$1 == s {v = $2} END {print v}' $paper)
  got=$(bin/nutl params cfg/resnet18.cfg --scheme $s | awk '$1 == "total" {print $2}')
  [ "$got" = "$want" ] || { echo "scheme $s: total '$got', paper $want"; exit 1; }
  echo "$s $got"
done
