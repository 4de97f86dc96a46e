# The build identity is the running binary's: a copy of the repository is committed, built (its objects
# copied from ours, so only the identity is made), and a network trained; then a commit that changes no
# source file (result.c and provenance.c untouched) rebuilds only the identity object, and the records
# name the new commit; an uncommitted change is named -dirty; a make with nothing changed relinks nothing.
set -euo pipefail
git rev-parse --verify -q HEAD >/dev/null 2>&1 || { echo "skipped: not a git checkout (an image's source is an archive)"; exit 77; }
REPO=$(pwd)
BUILD=${BUILD:-build/cpu}
T=$(mktemp -d "${NUTL_TEST_TMP:-/tmp}/buildid.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$2"; }
gpu=0; [ "${BUILD##*/}" = gpu ] && gpu=1
make() { command make GPU=$gpu "$@"; }
git_t() { git -c user.name=test -c user.email=test@nutl -c commit.gpgsign=false "$@"; }

# The repository's files as they are now (tracked and untracked, not ignored), and the build folder,
# with their times, so that make finds every object up to date.
mkdir "$T/repo"
git ls-files -co --exclude-standard -z | xargs -0 cp -a --parents -t "$T/repo"
mkdir -p "$T/repo/build" && cp -a "$BUILD" "$T/repo/build/"
cd "$T/repo"
git_t init -q && git_t add -A && git_t commit -qm "first"
first=$(git rev-parse --short=12 HEAD)
make -s bin/nutl >"$T/make1.log" 2>&1 || fail "make: $(cat "$T/make1.log")"
bin/nutl --version | grep -q "^build	nutl $first; darknet .* + nutl patches 0001-" || fail "--version: $(bin/nutl --version | head -n 1)"
for split in train:30 val:15 test:15; do
  IFS=: read -r s n <<<"$split"
  bin/nutl simulate --events "$n" --seed "$(bin/nutl seed 5 "$s")" --downsample 7 --out "$T/data/$s" >/dev/null
done
train() { bin/nutl train "$T/data" --out "$T/$1" --train-images 20 --batch 10 --max-epochs 1 >/dev/null; }
train run1
value build "$T/run1/result.tsv" | grep -q "^nutl $first; " || fail "record names $(value build "$T/run1/result.tsv")"
echo "ok commit $first: binary and record name it"

stamp() { stat -c '%n %Y.%y' "$BUILD/obj/nn/result.o" "$BUILD/obj/nn/provenance.o" "$BUILD/obj/nn/train.o"; }
before=$(stamp)
linked=$(stat -c %y "$BUILD/nutl")
make -s bin/nutl >"$T/make2.log" 2>&1
[ "$(stat -c %y "$BUILD/nutl")" = "$linked" ] || fail "a make with nothing changed relinked: $(cat "$T/make2.log")"
echo "ok nothing changed: nothing rebuilt"

echo "A line that changes no source file." >>README.md
make -s bin/nutl >/dev/null 2>&1
dirty=$(bin/nutl --version | awk -F'\t' '$1 == "build" {print $2}')
[[ "$dirty" == "nutl $first-dirty."* ]] || fail "uncommitted change: build is '$dirty'"
echo "ok uncommitted change: ${dirty%%;*}"

git_t commit -qam "second: README only"
second=$(git rev-parse --short=12 HEAD)
make bin/nutl >"$T/make3.log" 2>&1
[ "$(stamp)" = "$before" ] || fail "result.o, provenance.o or train.o was rebuilt: $(cat "$T/make3.log")"
grep -q "build_id.c -o $BUILD/obj/gen/build_id.o" "$T/make3.log" || fail "the identity object was not rebuilt: $(cat "$T/make3.log")"
train run2
value build "$T/run2/result.tsv" | grep -q "^nutl $second; " || fail "record names $(value build "$T/run2/result.tsv"), not $second"
echo "ok commit $second (result.c unchanged, not rebuilt): binary and record name it"
