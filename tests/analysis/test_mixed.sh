#!/usr/bin/env bash
# Records that differ in a field that changes numbers (build, libraries, dataset_id, machine_class)
# are refused with one line naming the field and two records; --allow-mixed combines them and every
# table says so under it; a record without those fields is malformed (named and skipped).
. tests/analysis/lib.sh

analyse() { "$ANALYSE" --protocol smoke --conf tests/analysis/smoke.conf --runs "$1" --out "$tmp/out-$2" "${@:3}"; }
for key in build libraries dataset_id machine_class; do
  r=$tmp/runs-$key
  "$FIXTURE" tests/analysis/smoke.conf smoke "$r"
  sed -i "s/^$key\t.*/$key\tsomething else/" "$r/pretrained-freeze2-n600-m2/result.tsv"
  if analyse "$r" "$key" 2>"$tmp/err"; then fail "$key: mixed records accepted"; fi
  [ "$(wc -l <"$tmp/err")" = 1 ] || fail "$key: not one line: $(cat "$tmp/err")"
  has "$tmp/err" "records differ in $key: $r/kaiming-all-n150-m1/result.tsv has '" \
      "', $r/pretrained-freeze2-n600-m2/result.tsv has 'something else'; --allow-mixed combines them anyway"
  [ ! -e "$tmp/out-$key/table1.md" ] || fail "$key: tables written despite the refusal"
done
echo "ok refused: build, libraries, dataset_id, machine_class"

analyse "$tmp/runs-machine_class" mixed --allow-mixed 2>"$tmp/err"
has "$tmp/err" "combined anyway (--allow-mixed)" "33 networks in 11 cells"
for tab in table1 table2 table3 ensembles energy-bias; do
  has "$tmp/out-mixed/$tab.md" "MIXED RECORDS, combined by --allow-mixed: records differ in machine_class" \
      "Machine class: cpu; fixture; threads 2; something else" "dataset_id fixture0dataset0"
  has "$tmp/out-mixed/$tab.tsv" "# MIXED RECORDS"
done
echo "ok --allow-mixed: combined, every table says so"

"$FIXTURE" tests/analysis/smoke.conf smoke "$tmp/runs-old"
sed -i '/^dataset_id\t/d' "$tmp/runs-old/kaiming-all-n150-m2/result.tsv"
analyse "$tmp/runs-old" old 2>"$tmp/err"
has "$tmp/err" "$tmp/runs-old/kaiming-all-n150-m2/result.tsv: missing key 'dataset_id' (skipped)"
echo "ok a record without provenance is named and skipped"
