#!/usr/bin/env bash
# Installs every system package nutl needs (build, tests, figures) and fetches the pinned Darknet source.
# Idempotent: packages already present and a source already unpacked are left alone.
# scripts/deps.sh PACKAGE...: installs just those packages, the same way (make image's podman, buildah
# and debootstrap).
set -euo pipefail

DARKNET_VERSION=0.0.0+git20180914.61c9d02e-2
SRC_DIR=build/src
PACKAGES=(
  build-essential dpkg-dev pkg-config ca-certificates
  libgsl-dev libopenblas-dev libzip-dev libdnnl-dev nettle-dev zlib1g-dev libhdf5-dev
  gnuplot-nox poppler-utils
  texlive-latex-base texlive-latex-recommended
  python3 python3-torch python3-torchvision python3-numpy python3-h5py
  slurm-wlm munge
  clang
)

die() { echo "make deps: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root or sudo to run: $*"; fi
}

# Writes a deb-src twin of every enabled deb entry (deb822 .sources files and one-line .list files) into
# one file of ours, so the machine's own mirrors serve the source package; no host is named here.
enable_deb_src() {
  local out=/etc/apt/sources.list.d/nutl-deb-src
  [ -e "$out.sources" ] || [ -e "$out.list" ] && return 0
  local tmp; tmp=$(mktemp)
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk 'BEGIN{RS=""; ORS="\n\n"} /(^|\n)Types:([^\n]*[ \t])?deb([ \t\n]|$)/ && !/(^|\n)Enabled: *no/ {
           sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then as_root install -m 644 "$tmp" "$out.sources"; fi
  : >"$tmp"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] || continue
    sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then as_root install -m 644 "$tmp" "$out.list"; fi
  rm -f "$tmp"
  as_root apt-get update -qq
}

install_packages() {
  local missing=()
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Unpacks the pinned Darknet source (Debian's patches applied by dpkg-source) into build/src.
fetch_darknet() {
  local dir="$SRC_DIR/darknet-$DARKNET_VERSION"
  [ -f "$dir/.nutl-complete" ] && return 0
  enable_deb_src
  apt-cache showsrc darknet 2>/dev/null | grep -qx "Version: $DARKNET_VERSION" ||
    die "Debian source package darknet=$DARKNET_VERSION is not available from this machine's apt sources"
  rm -rf "$dir" "$SRC_DIR/dl"
  mkdir -p "$SRC_DIR/dl"
  (cd "$SRC_DIR/dl" && apt-get source --download-only -qq "darknet=$DARKNET_VERSION") ||
    die "apt-get source darknet=$DARKNET_VERSION failed"
  dpkg-source -x "$SRC_DIR"/dl/darknet_*.dsc "$dir.tmp" >/dev/null ||
    die "could not unpack $SRC_DIR/dl/darknet_*.dsc"
  touch "$dir.tmp/.nutl-complete"
  mv "$dir.tmp" "$dir"
}

# libFuzzer and the sanitizer runtimes of the installed clang (make fuzz, the corpus replay in make test):
# libclang-rt-<major>-dev on Debian 12 and newer; older releases ship them with clang itself.
install_clang_runtime() {
  local major; major=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
  ls /usr/lib/llvm-"$major"/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 && return 0
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "libclang-rt-$major-dev" >/dev/null || die "no libFuzzer for clang $major (package libclang-rt-$major-dev)"
}

if [ $# -gt 0 ]; then
  PACKAGES=("$@")
  install_packages
  exit 0
fi
install_packages
install_clang_runtime
fetch_darknet
echo "make deps: everything installed; Darknet source in $SRC_DIR/darknet-$DARKNET_VERSION"
