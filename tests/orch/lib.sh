# Shared by the orchestration tests, sourced from the repository root: a scratch workbench $T (bin,
# scripts and cfg/resnet18.cfg linked from the repository) with a tiny preset "orchtest" (32x32 images,
# 1 epoch) and its dataset, so the driver and Slurm run real trainings in seconds without touching the
# repository's runs/ or datasets/.
source "$(dirname "$0")/../lib.sh"
set -euo pipefail
chmod 755 "$T"
value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$2"; }

# A copy of the repository, for the tests that rebuild: BUILD is the build folder under test.
BUILD=${BUILD:-build/cpu}
git_t() { git -c user.name=test -c user.email=test@nutl -c commit.gpgsign=false "$@"; }
# make for the build variant under test. The flags of a make running the suite are not inherited
# (MAKEFLAGS): make -s test would silence the log a test reads, make -n test would build nothing.
make_variant() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make GPU=$([ "${BUILD##*/}" = gpu ] && echo 1 || echo 0) "$@"; }

# repo_copy DIR: the repository's files as they are now (tracked and untracked, not ignored) and the
# build folder, with their times so that make finds every object up to date, committed in a new git
# repository DIR; then bin/nutl built there (only the build identity is compiled).
repo_copy() {
  git rev-parse --verify -q HEAD >/dev/null 2>&1 || { echo "skipped: not a git checkout (an image's source is an archive)"; exit 77; }
  mkdir "$1"
  git ls-files -co --exclude-standard -z | xargs -0 cp -a --parents -t "$1"
  mkdir -p "$1/build" && cp -a "$BUILD" "$1/build/"
  (cd "$1" && git_t init -q && git_t add -A && git_t commit -qm "first" &&
     make_variant -s bin/nutl >"$1.make.log" 2>&1) || fail "copy of the repository: $(cat "$1.make.log")"
}

# tiny_dataset DIR: 30, 15 and 15 events at downsample 7 in DIR/{train,val,test}, by ./bin/nutl.
tiny_dataset() {
  local split s n
  for split in train:30 val:15 test:15; do
    IFS=: read -r s n <<<"$split"
    bin/nutl simulate --events "$n" --seed "$(bin/nutl seed 5 "$s")" --downsample 7 --out "$1/$s" >/dev/null
  done
}

# Stand-in pretrained weights (weights/torch_resnet18.py, converted): the repository's if made, else
# made once per test run in $NUTL_TEST_TMP. Skips without Debian's python3-torch.
standin_weights() {
  local made=$REPO/weights/resnet18-standin.weights cache=${NUTL_TEST_TMP:-$T}/orch-standin.weights
  if [ -f "$made" ]; then echo "$made"; return; fi
  if [ ! -f "$cache" ]; then
    /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null || { echo "no python3-torch for stand-in weights" >&2; exit 77; }
    /usr/bin/python3 weights/torch_resnet18.py checkpoint "$cache.pth" --seed 7 --train-forwards 1 >/dev/null
    bin/nutl convert --from torchvision "$cache.pth" --out "$cache" --cfg cfg/resnet18-imagenet.cfg >/dev/null
    echo "stand-in weights, not ImageNet (tests/orch)" >"$cache.source"
  fi
  echo "$cache"
}

# orchtest_preset DIR SIZES SCHEMES: DIR/cfg/protocols/orchtest.conf, the preset with train_sizes SIZES,
# schemes_at_largest SCHEMES, one member each, and the stand-in weights it names in DIR/weights.
orchtest_preset() {
  mkdir -p "$1/cfg/protocols" "$1/weights"
  local weights; weights=$(standin_weights)
  ln -sf "$weights" "$1/weights/standin.weights"
  ln -sf "$weights.source" "$1/weights/standin.weights.source"
  cat >"$1/cfg/protocols/orchtest.conf" <<EOF
seed = 77
train_events = 60
val_events = 30
test_events = 30
downsample = 7
train_sizes = $2
members = 1
schemes_at_largest = $3
max_epochs = 1
batch = 10
threads = 1
pretrained = weights/standin.weights
response = ideal
EOF
}

# orch_workbench SIZES SCHEMES: the preset orchtest with train_sizes SIZES, schemes_at_largest SCHEMES,
# one member each; its dataset (60/30/30 events); the stand-in weights.
orch_workbench() {
  mkdir -p "$T/cfg"
  ln -s "$REPO/bin" "$T/bin"
  ln -s "$REPO/scripts" "$T/scripts"
  ln -s "$REPO/cfg/resnet18.cfg" "$T/cfg/resnet18.cfg"
  orchtest_preset "$T" "$1" "$2"
  local split n s
  for split in train:60 val:30 test:30; do
    IFS=: read -r s n <<<"$split"
    bin/nutl simulate --events "$n" --seed "$(bin/nutl seed 77 "$s")" --downsample 7 --threads 1 \
      --out "$T/datasets/orchtest/$s" >/dev/null
  done
}

# Returns 0 if every run folder of orchtest is either unfinished (.partial) or a complete record whose
# weights_sha256 is the SHA-256 of its best.weights: nothing half-written.
records_whole() {
  local d
  for d in "$T"/runs/orchtest/*-m*; do
    case "$d" in *.partial) continue ;; esac
    [ -f "$d/result.tsv" ] && [ "$(value weights_sha256 "$d/result.tsv")" = "$(sha256sum <"$d/best.weights" | cut -c1-64)" ] ||
      { echo "half-written record: $d"; return 1; }
  done
}
