# The build identity is the running binary's: a copy of the repository is committed, built (its objects
# copied from ours, so only the identity is made), and a network trained; then a commit that changes no
# source file (result.c and provenance.c untouched) rebuilds only the identity object, and the records
# name the new commit; an uncommitted change is named -dirty; a make with nothing changed relinks nothing.
# Each step is judged by the files make leaves (times, the identity object's text), not by what make
# prints: a make running the suite with -s once silenced that log and failed the test.
source tests/orch/lib.sh
repo_copy "$T/repo"
cd "$T/repo"
first=$(git rev-parse --short=12 HEAD)
bin/nutl --version | grep -q "^build	nutl $first; darknet .* + nutl patches 0001-" || fail "--version: $(bin/nutl --version | head -n 1)"
tiny_dataset "$T/data"
train() { bin/nutl train "$T/data" --out "$T/$1" --train-images 20 --batch 10 --max-epochs 1 >/dev/null; }
train run1
value build "$T/run1/result.tsv" | grep -q "^nutl $first; " || fail "record names $(value build "$T/run1/result.tsv")"
echo "ok commit $first: binary and record name it"

stamp() { stat -c '%n %Y.%y' "$BUILD/obj/nn/result.o" "$BUILD/obj/nn/provenance.o" "$BUILD/obj/nn/train.o"; }
before=$(stamp)
linked=$(stat -c %y "$BUILD/nutl")
make_variant -s bin/nutl >"$T/make2.log" 2>&1
[ "$(stat -c %y "$BUILD/nutl")" = "$linked" ] || fail "a make with nothing changed relinked: $(cat "$T/make2.log")"
echo "ok nothing changed: nothing rebuilt"

echo "A line that changes no source file." >>README.md
make_variant -s bin/nutl >/dev/null 2>&1
dirty=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
[[ "$dirty" == "nutl $first-dirty."* ]] || fail "uncommitted change: build is '$dirty'"
echo "ok uncommitted change: ${dirty%%;*}"

git_t commit -qam "second: README only"
second=$(git rev-parse --short=12 HEAD)
make_variant bin/nutl >"$T/make3.log" 2>&1
[ "$(stamp)" = "$before" ] || fail "result.o, provenance.o or train.o was rebuilt: $(cat "$T/make3.log")"
grep -q -a "$second" "$BUILD/obj/gen/build_id.o" || fail "the identity object was not rebuilt for $second: $(cat "$T/make3.log")"
train run2
value build "$T/run2/result.tsv" | grep -q "^nutl $second; " || fail "record names $(value build "$T/run2/result.tsv"), not $second"
echo "ok commit $second (result.c unchanged, not rebuilt): binary and record name it"
