# Bad cfgs and options end nutl params with exit 1 and one line on stderr naming the file or the option.
source "$(dirname "$0")/../lib.sh"
fails=0
# expect_error DESCRIPTION PATTERN COMMAND...: the command must exit 1 with one stderr line matching PATTERN.
expect_error() {
  local what=$1 pattern=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; local rc=$?
  if [ $rc -ne 1 ] || [ "$(wc -l <"$T/err")" -ne 1 ] || ! grep -q -- "$pattern" "$T/err"; then
    echo "FAIL $what: exit $rc, stderr: $(cat "$T/err")"; fails=$((fails+1))
  else echo "ok   $what: $(cat "$T/err")"; fi
}
expect_error "missing cfg" "$T/none.cfg: cannot read" bin/nutl params "$T/none.cfg"
printf '[net]\nwidth=224\n[convolutional]\ngroup=layer0\nthis line is not key value\n' >"$T/garbled.cfg"
expect_error "malformed line" "garbled.cfg:5: expected key=value" bin/nutl params "$T/garbled.cfg"
printf '[net]\nwidth=224\n[convolutinal]\ngroup=layer0\n' >"$T/typo.cfg"
expect_error "unknown layer type" "typo.cfg:3: unknown layer type" bin/nutl params "$T/typo.cfg"
grep -v '^group=' cfg/resnet18.cfg >"$T/nogroups.cfg"
expect_error "cfg without groups" "nogroups.cfg: layer 0 .* has no group" bin/nutl params "$T/nogroups.cfg"
sed 's/^group=layer2/group=layer9/' cfg/resnet18.cfg >"$T/badgroup.cfg"
expect_error "unknown group" "badgroup.cfg:[0-9]*: unknown group 'layer9'" bin/nutl params "$T/badgroup.cfg"
printf '' >"$T/empty.cfg"
expect_error "empty cfg" "empty.cfg: empty cfg" bin/nutl params "$T/empty.cfg"
expect_error "head not 3 classes" "resnet18-imagenet.cfg: the network has 1000 outputs, expected 3" \
  bin/nutl params cfg/resnet18-imagenet.cfg
expect_error "unknown scheme" "unknown scheme 'freeze9'" bin/nutl params cfg/resnet18.cfg --scheme freeze9
[ $fails -eq 0 ]
