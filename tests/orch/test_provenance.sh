# Provenance: a record names its dataset (each split's seed and SHA-256, as meta.tsv recorded them at
# simulation), pretrained weights, cfg, build, libraries, machine, command and times; rerun from the
# record's fields alone (scripts/rerun-record.sh) the network's weights are bit-identical; a dataset
# without recorded digests has them computed; nutl verify finds files that changed since simulation;
# nutl-analyse refuses a grid trained on two datasets, and --allow-mixed combines them, saying so.
source tests/orch/lib.sh
orch_workbench "20" "all"
cd "$T"
sha() { sha256sum "$1" | cut -c1-64; }
scripts/run-grid.sh orchtest >grid.log 2>&1 || fail "run-grid: $(cat grid.log)"
k=runs/orchtest/kaiming-all-n20-m1/result.tsv p=runs/orchtest/pretrained-all-n20-m1/result.tsv

# 1. What the record names is what was used.
for split in train val test; do
  d=datasets/orchtest/$split
  [ "$(value dataset_${split}_events_sha256 $p)" = "$(sha $d/events.bin)" ] || fail "$split events.bin digest"
  [ "$(value dataset_${split}_truth_sha256 $p)" = "$(sha $d/truth.tsv)" ] || fail "$split truth.tsv digest"
  [ "$(value dataset_${split}_seed $p)" = "$(bin/nutl seed 77 $split)" ] || fail "$split seed"
done
[ "$(value pretrained_sha256 $p)" = "$(sha weights/standin.weights)" ] || fail "pretrained_sha256"
[ "$(value pretrained_sha256 $k)" = none ] || fail "a Kaiming network names pretrained weights"
[ "$(value cfg_sha256 $p)" = "$(sha cfg/resnet18.cfg)" ] || fail "cfg_sha256"
[ "$(value build $p)" = "$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')" ] || fail "build is not the binary's"
[ "$(value dataset_id $k)" = "$(value dataset_id $p)" ] || fail "one dataset, two ids"
value command $p | grep -q '^bin/nutl train datasets/orchtest --out runs/orchtest/pretrained-all-n20-m1 .*--pretrained weights/standin.weights ' || fail "command: $(value command $p)"
[ "$(value cwd $p)" = "$T" ] || fail "cwd: $(value cwd $p)"
for key in started finished; do value $key $p | grep -Eq '^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$' || fail "$key: $(value $key $p)"; done
value machine_class $p | grep -Eq '^cpu; oneDNN isa cpu_isa_[a-z0-9_]+; OpenBLAS core [A-Za-z0-9]+; threads 1$|^gpu ' || fail "machine_class: $(value machine_class $p)"
value libraries $p | grep -q '^oneDNN [0-9]*\.[0-9]*\.[0-9]* .*OpenBLAS .*; GSL [0-9]' || fail "libraries: $(value libraries $p)"
echo "ok record: dataset $(value dataset_id $p), $(value machine_class $p)"

# 2. Rerun from the record alone: identical weights.
scripts/rerun-record.sh runs/orchtest/pretrained-all-n20-m1 "$T/rerun" >rerun.log 2>&1 || fail "rerun: $(cat rerun.log)"
grep -q "rerun: weights SHA-256 identical: $(value weights_sha256 $p)" rerun.log || fail "rerun: $(cat rerun.log)"
echo "ok rerun from the record: weights identical"

# 3. A dataset simulated before digests were recorded: computed, the same identity.
cp -r datasets/orchtest datasets/older
sed -i '/_sha256\t/d' datasets/older/*/meta.tsv
bin/nutl train datasets/older --out older --train-images 20 --batch 10 --max-epochs 1 >/dev/null 2>older.err
grep -q "datasets/older/train/meta.tsv has no events_sha256 (simulated before it was recorded): computed from events.bin" older.err ||
  fail "no note on the computed digests: $(cat older.err)"
[ "$(value dataset_id older/result.tsv)" = "$(value dataset_id $k)" ] || fail "computed digests differ from recorded ones"
echo "ok older dataset: digests computed, same dataset_id"

# 4. nutl verify: a file that changed after simulation (here: a digest that is not its own) is named.
bin/nutl verify datasets/orchtest/val | grep -q "SHA-256 as recorded, OK" || fail "verify of a good split"
printf 'truth_sha256\t%064d\n' 0 >>datasets/older/val/meta.tsv
if bin/nutl verify datasets/older/val >verify.out 2>&1; then fail "verify accepted a changed file"; fi
grep -q "datasets/older/val/truth.tsv: SHA-256 .* differs from the truth_sha256 recorded in datasets/older/val/meta.tsv" verify.out ||
  fail "verify: $(cat verify.out)"
echo "ok verify names a file that changed"

# 5. Two datasets in one grid: refused with one line naming two records; --allow-mixed says so.
bin/nutl simulate --events 30 --seed 4242 --downsample 7 --out datasets/other/test >/dev/null
cp -r datasets/orchtest/train datasets/orchtest/val datasets/other/
rm -r runs/orchtest/kaiming-all-n20-m1
bin/nutl train datasets/other --out runs/orchtest/kaiming-all-n20-m1 --train-images 20 --member 1 --protocol orchtest \
  --max-epochs 1 --batch 10 >/dev/null
analyse() { bin/nutl-analyse --protocol orchtest --paper "$REPO/analysis/paper" --out "$T/fig" "$@"; }
if analyse >analyse.out 2>&1; then fail "nutl-analyse mixed two datasets"; fi
[ "$(wc -l <analyse.out)" = 1 ] || fail "refusal is not one line: $(cat analyse.out)"
grep -q "records differ in dataset_id: runs/orchtest/kaiming-all-n20-m1/result.tsv has '[0-9a-f]*', runs/orchtest/pretrained-all-n20-m1/result.tsv has '[0-9a-f]*'; --allow-mixed" analyse.out ||
  fail "refusal: $(cat analyse.out)"
[ ! -e fig/table1.md ] || fail "tables written despite the refusal"
analyse --allow-mixed >analyse.out 2>&1 || fail "--allow-mixed: $(cat analyse.out)"
grep -q "combined anyway (--allow-mixed)" analyse.out || fail "--allow-mixed not reported: $(cat analyse.out)"
for t in table1 table2 table3 ensembles energy-bias; do
  grep -q "MIXED RECORDS, combined by --allow-mixed: records differ in dataset_id" fig/$t.md || fail "$t.md does not say it is mixed"
  grep -q "dataset_id $(value dataset_id $k); $(value dataset_id $p)\|dataset_id $(value dataset_id $p); $(value dataset_id $k)" fig/$t.md ||
    fail "$t.md does not name both datasets"
done
echo "ok two datasets refused; --allow-mixed combines them and every table says so"
