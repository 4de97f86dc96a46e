#!/usr/bin/env bash
# scripts/image-base.sh NAME (make image, when podman has no image NAME): the Containerfile's base, a
# minimal Debian 12 (bookworm) root made by debootstrap from Debian's own archive and imported into
# podman as NAME. The archive is this machine's: the URI of its first enabled apt entry for bookworm
# (deb822 .sources or one-line .list files), so no mirror or registry is named here.
set -euo pipefail
name=${1:?usage: scripts/image-base.sh NAME}
suite=bookworm
die() { echo "image-base: $*" >&2; exit 1; }

# Prints the URI of the first enabled `deb` entry for $suite in this machine's apt sources.
apt_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk -v suite="$suite" 'BEGIN { RS = ""; FS = "\n" }
      /(^|\n)Enabled: *no/ { next }
      { types = uris = suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = " " substr($i, 7) " "
          else if ($i ~ /^URIs:/) uris = substr($i, 6)
          else if ($i ~ /^Suites:/) suites = " " substr($i, 8) " " }
        if (types ~ /[ \t]deb[ \t]/ && suites ~ ("[ \t]" suite "[ \t]")) { split(uris, u, " "); print u[1]; exit } }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] || continue
    # deb [options] URI SUITE COMPONENTS...
    sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\)[[:space:]]\+'"$suite"'[[:space:]].*/\2/p' "$f"
  done
}

mirror=$(apt_mirror | head -n 1)
[ -n "$mirror" ] || die "no enabled apt entry for $suite in /etc/apt/sources.list{,.d/}: cannot choose an archive"
command -v debootstrap >/dev/null || die "debootstrap is not installed (make image installs it)"
root=$(mktemp -d "${TMPDIR:-/tmp}/nutl-base.XXXXXX")
trap 'rm -rf "$root"' EXIT
echo "image-base: debootstrap --variant=minbase $suite from $mirror"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.log" 2>&1 ||
  die "debootstrap failed (log: $root.log): $(tail -n 1 "$root.log")"
rm -f "$root.log"
# The package lists are fetched again by the image's first apt-get update; the cache is not needed.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | podman import --quiet - "$name" >/dev/null
echo "image-base: $name imported ($(podman image inspect --format '{{.Size}}' "$name") bytes)"
