#!/usr/bin/env bash
# nutl convert refuses broken checkpoints with one "nutl: " line naming the file or tensor, a non-zero
# exit and no output file: a truncated archive, a missing tensor, an extra tensor, a wrong shape, a
# float64 tensor, a non-contiguous tensor, a pickle protocol beyond 2. The intact checkpoint converts,
# and so does one without num_batches_tracked counters, like torchvision's resnet18-f37072fd.pth (a
# re-save of weights older than those counters), to the same weights. Each broken one differs from the
# intact one in one thing.
source tests/convert/lib.sh
$PY $TORCH_RESNET18 checkpoint "$T/good.pth" --seed 3
$PY - "$T" <<'PY'
import sys, torch
work = sys.argv[1]
sd = torch.load(f'{work}/good.pth')
def save(name, **changes):
    d = dict(sd)
    for k, v in changes.items():
        if v is None: del d[k]
        else: d[k] = v
    torch.save(d, f'{work}/{name}.pth')
save('no-counters', **{k: None for k in sd if k.endswith('num_batches_tracked')})
save('missing', **{'layer3.1.bn2.running_var': None})
save('extra', **{'head.extra.weight': torch.zeros(3)})
save('shape', **{'layer2.0.conv1.weight': torch.zeros(128, 64, 3, 2)})
save('float64', **{'bn1.weight': sd['bn1.weight'].double()})
save('strided', **{'layer1.0.conv1.weight': sd['layer1.0.conv1.weight'].transpose(2, 3)})
torch.save(sd, f'{work}/protocol4.pth', pickle_protocol=4)
PY
size=$(stat -c %s "$T/good.pth")
head -c $((size / 2)) "$T/good.pth" >"$T/truncated.pth"

for ok in good no-counters; do
  bin/nutl convert --from torchvision "$T/$ok.pth" --out "$T/$ok.weights" --cfg "$CFG" 2>/dev/null
done
cmp "$T/good.weights" "$T/no-counters.weights"

fails=0
# expect NAME PATTERN: converting NAME.pth fails, its stderr is one line "nutl: ..." matching PATTERN,
# and neither the output nor its temporary file exists.
expect() {
  local out=$T/$1.weights err=$T/$1.err rc=0
  bin/nutl convert --from torchvision "$T/$1.pth" --out "$out" --cfg "$CFG" 2>"$err" >/dev/null || rc=$?
  local msg
  msg=$(cat "$err")
  if [ $rc -ne 0 ] && [ "$(wc -l <"$err")" -eq 1 ] && [[ "$msg" == "nutl: "* ]] && [[ "$msg" =~ $2 ]] &&
     [ ! -e "$out" ] && [ ! -e "$out.tmp" ]; then
    echo "ok   $1: exit $rc: $msg"
  else
    echo "FAIL $1: exit $rc, message '$msg', output $(ls "$out"* 2>/dev/null || echo none)"
    fails=$((fails + 1))
  fi
}
expect truncated "truncated\.pth: .*zip archive"
expect missing "tensor 'layer3\.1\.bn2\.running_var' missing"
expect extra "tensor 'head\.extra\.weight' is not used"
expect shape "tensor 'layer2\.0\.conv1\.weight' has shape \[128, 64, 3, 2\].* needs \[128, 64, 3, 3\]"
expect float64 "tensor 'bn1\.weight' is float64"
expect strided "tensor 'layer1\.0\.conv1\.weight' is not contiguous"
expect protocol4 "protocol4\.pth: .*data\.pkl: pickle byte 0: pickle protocol 4"
[ $fails -eq 0 ]
