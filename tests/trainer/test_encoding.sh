# The sensitivity options end to end on a tiny simulated dataset (32x32 images, 1 epoch):
# - reproducibility for every option: --encoding raw, per-image, log, --normalize none, --init
#   kaiming-fan-in and --momentum 0 each give byte-identical weights and predictions for one seed, and
#   weights other than the default's (the option reaches the training);
# - the record names what was used (input_encoding, input_normalization, init, momentum);
# - nutl evaluate takes the network's recorded encoding by default (its F1 on the test split is the
#   record's test_f1), and refuses, in one line naming the key, an encoding, normalisation or saturation
#   that disagrees with the record; without a record beside the weights the options are used as given;
# - unknown --encoding and --init names: exit 1 and one line naming them.
source "$(dirname "$0")/../lib.sh"
for split in train:30:11 val:15:12 test:15:13; do
  IFS=: read name n seed <<<"$split"
  bin/nutl simulate --events $n --seed $seed --out "$T/data/$name" --downsample 7 >/dev/null || fail "simulate $name"
done
train() { bin/nutl train "$T/data" --train-images 20 --batch 10 --threads 1 --max-epochs 1 --seed 5 "$@" >/dev/null; }
value() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }

train --out "$T/default" || fail "default run"
i=0
for option in "--encoding raw" "--encoding per-image" "--encoding log" "--normalize none" "--init kaiming-fan-in" \
              "--momentum 0"; do
  i=$((i + 1))
  train --out "$T/o$i-a" $option && train --out "$T/o$i-b" $option || fail "$option: training failed"
  for f in best.weights predictions-test.tsv predictions-val.tsv; do
    cmp -s "$T/o$i-a/$f" "$T/o$i-b/$f" || fail "$option: same seed, different $f"
  done
  cmp -s "$T/o$i-a/best.weights" "$T/default/best.weights" && fail "$option: the default's weights"
  echo "ok $option: one seed, identical weights and predictions; not the default's weights"
done
[ "$(value input_encoding "$T/default/result.tsv")" = saturating ] || fail "default record: input_encoding"
[ "$(value input_encoding "$T/o3-a/result.tsv")" = log ] || fail "log record: input_encoding"
[ "$(value input_normalization "$T/o4-a/result.tsv")" = none ] || fail "normalize none: input_normalization"
[ "$(value init "$T/o5-a/result.tsv")" = kaiming-fan-in ] || fail "fan-in record: init"
[ "$(value momentum "$T/o6-a/result.tsv")" = 0 ] || fail "momentum 0 record: momentum"
echo "ok the records name the encoding, normalisation, init and momentum used"

# evaluate: the record's encoding by default, the options checked against it
f1=$(bin/nutl evaluate --weights "$T/o3-a/best.weights" --data "$T/data/test" | awk -F'\t' '$1 == "f1" { print $2 }')
[ "$f1" = "$(value test_f1 "$T/o3-a/result.tsv")" ] || fail "evaluate without options: F1 $f1, the record's $(value test_f1 "$T/o3-a/result.tsv")"
bin/nutl evaluate --weights "$T/o3-a/best.weights" --data "$T/data/test" --encoding log \
  --saturation-mev "$(value input_saturation_mev "$T/o3-a/result.tsv")" --normalize imagenet >/dev/null ||
  fail "evaluate with the record's own settings"
mkdir "$T/bare" && cp "$T/o3-a/best.weights" "$T/bare/"
f1=$(bin/nutl evaluate --weights "$T/bare/best.weights" --data "$T/data/test" --encoding log | awk -F'\t' '$1 == "f1" { print $2 }')
[ "$f1" = "$(value test_f1 "$T/o3-a/result.tsv")" ] || fail "evaluate --encoding log without a record: F1 $f1"
echo "ok evaluate: the recorded encoding by default; the options as given without a record"

expect_error() {
  local what=$1 pattern=$2; shift 2
  "$@" >/dev/null 2>"$T/err"; local rc=$?
  { [ $rc -eq 1 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q -- "$pattern" "$T/err"; } ||
    fail "$what: exit $rc, stderr: $(cat "$T/err")"
  echo "ok $what: $(cat "$T/err")"
}
ev() { bin/nutl evaluate --weights "$T/o3-a/best.weights" --data "$T/data/test" "$@"; }
expect_error "evaluate, another encoding" "input_encoding is 'log' but evaluate was given 'raw'" ev --encoding raw
expect_error "evaluate, another normalisation" "input_normalization is 'imagenet' but evaluate was given 'none'" \
  ev --normalize none
expect_error "evaluate, another saturation" "input_saturation_mev is 70 but evaluate was given 35" ev --saturation-mev 35
expect_error "evaluate, unknown encoding" "--encoding 'sqrt': unknown input encoding" ev --encoding sqrt
expect_error "train, unknown encoding" "--encoding 'sqrt': unknown input encoding" train --out "$T/x1" --encoding sqrt
expect_error "train, unknown init" "unknown --init 'kaiming-fan-out'" train --out "$T/x2" --init kaiming-fan-out
