#!/usr/bin/env bash
# scripts/image.sh IMAGE ARCHIVE (make image): builds the OCI image IMAGE from the Containerfile with
# podman, from the committed tree (git archive HEAD: what the image holds is a commit), its base made
# first when missing (scripts/image-base.sh); then saves it as the docker-archive ARCHIVE, which
# `apptainer build nutl.sif docker-archive://ARCHIVE` turns into a SIF. Prints the build time and the
# image's size. IMAGE_ISOLATION (default chroot: where podman cannot make namespaces, as here) is podman
# build's --isolation; IMAGE_BASE and IMAGE_GPU=1 give the GPU variant (the Containerfile's BASE and GPU).
set -euo pipefail
image=${1:?usage: scripts/image.sh IMAGE ARCHIVE} archive=${2:?usage: scripts/image.sh IMAGE ARCHIVE}
die() { echo "image: $*" >&2; exit 1; }
git rev-parse --verify -q HEAD >/dev/null || die "not a git checkout with a commit: the image is built from HEAD"
debian_base=$(sed -n 's/^ARG BASE=//p' Containerfile)
[ -n "$debian_base" ] || die "Containerfile: no ARG BASE= line"
base=${IMAGE_BASE:-$debian_base}
# Our Debian base is made here when missing; another (the GPU variant's) comes from its registry.
[ "$base" != "$debian_base" ] || podman image exists "$base" || scripts/image-base.sh "$base"

work=$(mktemp -d "${TMPDIR:-/tmp}/nutl-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/context"
git archive HEAD | tar -x -C "$work/context"
# setrlimit is refused in some build hosts (containers in containers): no default ulimits to set.
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
commit=$(git describe --always --abbrev=12)
[ -z "$(git status --porcelain)" ] || echo "image: the tree has uncommitted changes; the image holds $commit without them"
start=$(date +%s)
CONTAINERS_CONF=$work/containers.conf podman build --isolation="${IMAGE_ISOLATION:-chroot}" \
  --build-arg BASE="$base" --build-arg GPU="${IMAGE_GPU:-0}" --build-arg NUTL_COMMIT="$commit" -f Containerfile -t "$image" "$work/context"
secs=$(($(date +%s) - start))
mkdir -p "$(dirname "$archive")"
rm -f "$archive.tmp"
podman save --quiet --format docker-archive -o "$archive.tmp" "$image"
mv "$archive.tmp" "$archive"
size=$(podman image inspect --format '{{.Size}}' "$image")
echo "image: $image (commit $commit) built in $((secs / 60)) min $((secs % 60)) s; $((size / 1000000)) MB;" \
     "docker-archive $archive ($(($(stat -c %s "$archive") / 1000000)) MB): apptainer build nutl.sif docker-archive://$archive"
