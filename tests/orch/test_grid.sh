# bin/nutl grid: cells per preset = members x (2 x sizes + schemes other than all); seeds distinct and
# stable (fixed values, and the same as `nutl seed BASE CELL`); exact command lines; --unfinished;
# bad presets and paths are one-line errors; nutl conf reads a preset's value as the commands do.
source tests/orch/lib.sh

conf_value() { bin/nutl conf "$2" "$1"; }
for p in smoke small paper; do
  sizes=$(conf_value train_sizes $p | wc -w)
  schemes=$(conf_value schemes_at_largest $p | tr ' ' '\n' | grep -v '^all$' | sort -u | grep -c .)
  expected=$(( $(conf_value members $p) * (2 * sizes + schemes) ))
  bin/nutl grid $p >"$T/$p.tsv" || fail "grid $p"
  [ "$(wc -l <"$T/$p.tsv")" = "$expected" ] || fail "$p: $(wc -l <"$T/$p.tsv") cells, expected $expected"
  [ "$(cut -f6 "$T/$p.tsv" | sort -u | wc -l)" = "$expected" ] || fail "$p: seeds not distinct"
  [ "$(cut -f1 "$T/$p.tsv" | sort -u | wc -l)" = "$expected" ] || fail "$p: cell names not distinct"
  awk -F'\t' 'NF != 7 || $1 != $2 "-" $3 "-n" $4 "-m" $5 {exit 1}' "$T/$p.tsv" || fail "$p: malformed line"
  echo "ok $p: $expected cells, distinct seeds"
done
[ "$expected" = 775 ] || fail "paper: $expected cells, the paper's 25 x (2 x 13 + 5) = 775"

# Stable seeds: fixed values (a change would silently change every result), and nutl seed's.
grep -qx $'kaiming-all-n1000-m1\tkaiming\tall\t1000\t1\t631842518029258352\tbin/nutl train datasets/paper --out runs/paper/kaiming-all-n1000-m1 --train-images 1000 --member 1 --protocol paper --max-epochs 100 --threads 4 --batch 32 --deterministic --portable' "$T/paper.tsv" ||
  fail "paper kaiming-all-n1000-m1: line or seed changed"
grep -q $'^pretrained-classifier-n100000-m25\t.*\t191890520478741950\tbin/nutl train .* --init pretrained --pretrained weights/resnet18-imagenet.weights --scheme classifier ' "$T/paper.tsv" ||
  fail "paper pretrained-classifier-n100000-m25: line or seed changed"
for cell in $(shuf -n 5 --random-source="$T/paper.tsv" <(cut -f1 "$T/paper.tsv")); do
  [ "$(awk -F'\t' -v c="$cell" '$1 == c {print $6}' "$T/paper.tsv")" = "$(bin/nutl seed 2207 "$cell")" ] ||
    fail "$cell: grid seed differs from nutl seed 2207 $cell"
done
cmp -s "$T/paper.tsv" <(bin/nutl grid paper) || fail "two listings differ"
echo "ok seeds stable"

# --unfinished: a folder with result.tsv is finished; a .partial one (or one without result.tsv) is not.
orch_workbench "20 40" "all classifier"
cd "$T"
[ "$(bin/nutl grid orchtest | wc -l)" = 5 ] || fail "orchtest: expected 5 cells"
mkdir -p runs/orchtest/kaiming-all-n20-m1 runs/orchtest/kaiming-all-n40-m1.partial runs/orchtest/pretrained-all-n20-m1
touch runs/orchtest/kaiming-all-n20-m1/result.tsv runs/orchtest/kaiming-all-n40-m1.partial/result.tsv
[ "$(bin/nutl grid orchtest --unfinished | cut -f1 | tr '\n' ' ')" = \
  "kaiming-all-n40-m1 pretrained-all-n20-m1 pretrained-all-n40-m1 pretrained-classifier-n40-m1 " ] ||
  fail "--unfinished: $(bin/nutl grid orchtest --unfinished | cut -f1 | tr '\n' ' ')"
bin/nutl grid orchtest --data d/x --runs r/y | grep -q -- "train d/x --out r/y/kaiming-all-n20-m1 " || fail "--data/--runs"
echo "ok --unfinished, --data, --runs"

expect_error() { # WHAT PATTERN COMMAND...: exit 1 and one line on stderr matching PATTERN
  local what=$1 pattern=$2; shift 2
  "$@" >/dev/null 2>err && fail "$what: no error"
  [ "$(wc -l <err)" = 1 ] && grep -q -- "$pattern" err || fail "$what: $(cat err)"
  echo "ok $what: $(cat err)"
}
expect_error "unknown protocol" "cfg/protocols/nosuch.conf" bin/nutl grid nosuch
expect_error "path needing quotes" "only letters" bin/nutl grid orchtest --runs "my runs"
sed 's/^schemes_at_largest.*/schemes_at_largest = freeze9/' cfg/protocols/orchtest.conf >cfg/protocols/bad1.conf
expect_error "unknown scheme" "unknown scheme 'freeze9'" bin/nutl grid bad1
sed 's/^train_sizes.*/train_sizes = 40 20/' cfg/protocols/orchtest.conf >cfg/protocols/bad2.conf
expect_error "sizes not ascending" "bad2.conf: train_sizes must be positive and ascending" bin/nutl grid bad2
grep -v '^pretrained' cfg/protocols/orchtest.conf >cfg/protocols/bad3.conf
expect_error "no pretrained file" "bad3.conf: missing key 'pretrained'" bin/nutl grid bad3
{ cat cfg/protocols/orchtest.conf; echo "deterministic = yes"; } >cfg/protocols/bad4.conf
expect_error "deterministic not 0 or 1" "bad4.conf: deterministic = 'yes': 0 or 1" bin/nutl grid bad4

# nutl conf: the value without a trailing comment or spaces; a missing key or preset is a one-line error.
printf 'seed = 5\nthreads =  3   # per network\ncaveat = a b  c # note\n' >cfg/protocols/conftest.conf
[ "$(bin/nutl conf conftest threads)" = 3 ] || fail "nutl conf: threads '$(bin/nutl conf conftest threads)', expected 3"
[ "$(bin/nutl conf conftest caveat)" = "a b  c" ] || fail "nutl conf: caveat '$(bin/nutl conf conftest caveat)'"
expect_error "conf missing key" "conftest.conf: missing key 'members'" bin/nutl conf conftest members
expect_error "conf missing preset" "cfg/protocols/nosuch.conf" bin/nutl conf nosuch seed
