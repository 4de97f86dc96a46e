#!/usr/bin/env bash
# make sensitivity at a tiny scale: the orchtest preset (32 x 32, 60 training events) with 20 training
# images, 2 one-epoch members a variant, 7 variants, and the DUNE CVN events imported at 32 x 32:
# - every variant's networks are trained into the grid's folders (the default's is the grid's own cell),
#   each record names its variant's option (momentum, init, input_encoding, input_normalization);
# - every number of sensitivity.md's table equals what the records give: the test F1 mean and error of
#   the members' test_f1, the difference in sigma, the DUNE F1 from nutl evaluate on the DUNE split with
#   the network's own encoding; the paper's value is the one of the paper's TSV for that size;
# - the figure is drawn, and a second run trains nothing (finished networks reused);
# - the grid driver without the pretrained file refuses, or with pretrained_optional = 1 (the laptop
#   preset's) trains the Kaiming cells alone;
# - after the dataset changed, it stops instead of reusing networks trained on other events.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
orch_workbench "20" "all"
sed -i 's/^members = 1$/members = 2/' "$T/cfg/protocols/orchtest.conf"
ln -s "$REPO/plots" "$T/plots"
mkdir -p "$T/analysis/paper"
# The paper trained no 20-image network: a row for 20 images stands in, to check the table reads the TSV.
{ cat analysis/paper/paper-values.tsv; printf 'table1\tkaiming\tall\t20\t0.500\t0.010\n'; } >"$T/analysis/paper/paper-values.tsv"
bin/nutl import dune-cvn datasets/dune-cvn --out "$T/dune" --downsample 7 --response ideal >/dev/null ||
  fail "import of the DUNE sample"
(cd "$T" && SENS_DUNE="$T/dune" JOBS=2 scripts/sensitivity.sh orchtest) >"$T/log" 2>&1 || { cat "$T/log"; fail "make sensitivity failed"; }
md=$T/paper-figures/orchtest/sensitivity.md
[ -s "$md" ] && [ -s "$T/paper-figures/orchtest/sensitivity.png" ] && [ -s "$T/paper-figures/orchtest/sensitivity.pdf" ] ||
  fail "no table or figure"

# The records: each variant's option is in its networks' records.
dir_of() { # VARIANT M
  case $1 in default) echo "$T/runs/orchtest/kaiming-all-n20-m$2" ;;
             kaiming-fan-in) echo "$T/runs/orchtest/sensitivity/$1/kaiming-fan-in-all-n20-m$2" ;;
             *) echo "$T/runs/orchtest/sensitivity/$1/kaiming-all-n20-m$2" ;; esac
}
expect_key() { # VARIANT KEY VALUE
  for m in 1 2; do [ "$(value "$2" "$(dir_of "$1" $m)/result.tsv")" = "$3" ] || fail "$1 m$m: $2 is not $3"; done
}
expect_key default momentum 0.9
expect_key momentum-0 momentum 0
expect_key kaiming-fan-in init kaiming-fan-in
expect_key raw input_encoding raw
expect_key per-image input_encoding per-image
expect_key log input_encoding log
expect_key normalize-none input_normalization none
expect_key default input_encoding saturating
echo "ok 7 variants x 2 networks, each record naming its option"

# The table against the records: "mean ± err" of two members, sigma against the default.
stats() { awk '{ s += $1; ss += $1 * $1 } END { m = s / 2; printf "%.6f %.6f\n", m, sqrt((ss - 2 * m * m) / 1) / sqrt(2) }'; }
fmt() { awk -v m="$1" -v e="$2" 'BEGIN { printf "%.3f ± %.3f", m, e }'; }
read -r d_m d_e < <(for m in 1 2; do value test_f1 "$(dir_of default $m)/result.tsv"; done | stats)
read -r dd_m dd_e < <(for m in 1 2; do value f1 "$T/runs/orchtest/sensitivity/default/kaiming-all-n20-m$m.dune.tsv"; done | stats)
for v in default momentum-0 kaiming-fan-in raw per-image log normalize-none; do
  for m in 1 2; do
    ev=$T/runs/orchtest/sensitivity/$v/$(basename "$(dir_of $v $m)").dune.tsv
    [ "$(value events "$ev")" = 309 ] || fail "$v m$m: not evaluated on the 309 DUNE events"
    enc=$(value input_encoding "$(dir_of $v $m)/result.tsv") norm=$(value input_normalization "$(dir_of $v $m)/result.tsv")
    want=$(bin/nutl evaluate --weights "$(dir_of $v $m)/best.weights" --data "$T/dune" --encoding "$enc" --normalize "$norm" |
           awk -F'\t' '$1 == "f1" { print $2 }')
    [ "$(value f1 "$ev")" = "$want" ] || fail "$v m$m: DUNE F1 $(value f1 "$ev"), evaluate with $enc/$norm gives $want"
  done
  read -r t_m t_e < <(for m in 1 2; do value test_f1 "$(dir_of $v $m)/result.tsv"; done | stats)
  read -r u_m u_e < <(for m in 1 2; do value f1 "$T/runs/orchtest/sensitivity/$v/$(basename "$(dir_of $v $m)").dune.tsv"; done | stats)
  sig() { awk -v a="$1" -v ea="$2" -v b="$3" -v eb="$4" 'BEGIN { s = sqrt(ea * ea + eb * eb); if (s > 0) printf "%+.2f", (a - b) / s; else printf "-" }'; }
  want="| $v | .* | 2 | $(fmt "$t_m" "$t_e") | $(sig "$t_m" "$t_e" "$d_m" "$d_e") | $(fmt "$u_m" "$u_e") | $(sig "$u_m" "$u_e" "$dd_m" "$dd_e") | 0.500 ± 0.010 |"
  grep -q "^$want\$" "$md" || fail "$v: no row matching '$want' in: $(grep "^| $v |" "$md")"
done
echo "ok sensitivity.md: every F1, error, sigma and the paper's value equal the records' and the TSV's"

stamps() { find "$T/runs" \( -name result.tsv -o -name '*.dune.tsv' \) -printf '%p %T@\n' | sort; }
before=$(stamps)
(cd "$T" && SENS_DUNE="$T/dune" scripts/sensitivity.sh orchtest) >"$T/log2" 2>&1 || { cat "$T/log2"; fail "second run failed"; }
[ "$(stamps)" = "$before" ] && [ "$(wc -l <<<"$before")" = 28 ] || fail "the second run trained or evaluated again"
echo "ok a second run reuses every network and evaluation"

# The grid driver without the preset's pretrained file: refused, unless pretrained_optional = 1, where
# the Kaiming cells (here the default variant's, finished) are the whole study.
sed -i 's#^pretrained = .*#pretrained = weights/absent.weights#' "$T/cfg/protocols/orchtest.conf"
(cd "$T" && scripts/run-grid.sh orchtest) >"$T/log3" 2>&1 && fail "run-grid without the pretrained file: $(cat "$T/log3")"
grep -q "weights/absent.weights is missing" "$T/log3" || fail "run-grid's refusal: $(cat "$T/log3")"
echo "pretrained_optional = 1" >>"$T/cfg/protocols/orchtest.conf"
(cd "$T" && scripts/run-grid.sh orchtest) >"$T/log3" 2>&1 || fail "run-grid, pretrained_optional: $(cat "$T/log3")"
grep -q "the Kaiming cells alone" "$T/log3" && ! ls "$T/runs/orchtest" | grep -q '^pretrained' ||
  fail "run-grid, pretrained_optional: $(cat "$T/log3")"
echo "ok run-grid without the pretrained file: refused, or the Kaiming cells alone with pretrained_optional = 1"

# The test split simulated again with another seed (make dataset after a preset or simulator change):
# every finished network was trained on other events, and sensitivity stops naming one.
rm -rf "$T/datasets/orchtest/test"
bin/nutl simulate --events 30 --seed 78 --downsample 7 --threads 1 --out "$T/datasets/orchtest/test" >/dev/null
(cd "$T" && SENS_DUNE="$T/dune" scripts/sensitivity.sh orchtest) >"$T/log4" 2>&1 && fail "sensitivity beside stale networks"
grep -q "^sensitivity: runs/orchtest/.*: trained on other events than datasets/orchtest holds now" "$T/log4" ||
  fail "stale networks: $(cat "$T/log4")"
echo "ok a changed dataset stops sensitivity, naming a network trained on other events"
cat "$md"
