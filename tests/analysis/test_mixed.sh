#!/usr/bin/env bash
# Records that differ in a field that changes numbers (build, libraries, dataset_id, machine_class)
# are refused with one line naming the field and two records; --allow-mixed combines them and every
# table says so under it; a record without those fields is malformed (named and skipped).
source tests/analysis/lib.sh

analyse() { "$ANALYSE" --protocol smoke --conf tests/analysis/smoke.conf --runs "$1" --out "$T/out-$2" "${@:3}"; }
for key in build libraries dataset_id machine_class; do
  r=$T/runs-$key
  "$FIXTURE" tests/analysis/smoke.conf smoke "$r"
  sed -i "s/^$key\t.*/$key\tsomething else/" "$r/pretrained-freeze2-n600-m2/result.tsv"
  if analyse "$r" "$key" 2>"$T/err"; then fail "$key: mixed records accepted"; fi
  [ "$(wc -l <"$T/err")" = 1 ] || fail "$key: not one line: $(cat "$T/err")"
  has "$T/err" "records differ in $key: $r/kaiming-all-n150-m1/result.tsv has '" \
      "', $r/pretrained-freeze2-n600-m2/result.tsv has 'something else'; --allow-mixed combines them anyway"
  [ ! -e "$T/out-$key/table1.md" ] || fail "$key: tables written despite the refusal"
done
echo "ok refused: build, libraries, dataset_id, machine_class"

analyse "$T/runs-machine_class" mixed --allow-mixed 2>"$T/err"
has "$T/err" "combined anyway (--allow-mixed)" "33 networks in 11 cells"
for tab in table1 table2 table3 ensembles energy-bias; do
  has "$T/out-mixed/$tab.md" "MIXED RECORDS, combined by --allow-mixed: records differ in machine_class" \
      "Machine class: cpu; fixture; threads 2; something else" "dataset_id fixture0dataset0"
  has "$T/out-mixed/$tab.tsv" "# MIXED RECORDS"
done
echo "ok --allow-mixed: combined, every table says so"

"$FIXTURE" tests/analysis/smoke.conf smoke "$T/runs-old"
sed -i '/^dataset_id\t/d' "$T/runs-old/kaiming-all-n150-m2/result.tsv"
analyse "$T/runs-old" old 2>"$T/err"
has "$T/err" "$T/runs-old/kaiming-all-n150-m2/result.tsv: missing key 'dataset_id' (skipped)"
echo "ok a record without provenance is named and skipped"
