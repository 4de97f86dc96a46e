#!/usr/bin/env bash
# scripts/container-nutl.sh IMAGE OUT (make ... CONTAINER=IMAGE): writes OUT (bin/nutl), a wrapper that
# runs the nutl of IMAGE, an Apptainer image of `make image` (docs/container.md), with the repository
# folder bound at its own path and the caller's working directory kept. Every step of make that runs
# bin/nutl, and every task of a Slurm array (scripts/slurm-submit.sh), then computes in the image: a
# cluster without Debian's packages needs only this checkout, the image and apptainer.
# CONTAINER_FLAGS: more options of apptainer exec (--nv for the GPU image).
set -euo pipefail
image=${1:?usage: scripts/container-nutl.sh IMAGE OUT} out=${2:?usage: scripts/container-nutl.sh IMAGE OUT}
[ -f "$image" ] || { echo "container: $image: no such image file (apptainer build nutl.sif docker-archive://...: docs/container.md)" >&2; exit 1; }
image=$(realpath "$image")
root=$(pwd)
mkdir -p "$(dirname "$out")"
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cat >"$tmp" <<WRAPPER
#!/bin/sh
# Written by make CONTAINER=$image (scripts/container-nutl.sh): nutl in the image; make without
# CONTAINER builds bin/nutl here again.
exec apptainer exec ${CONTAINER_FLAGS:+$CONTAINER_FLAGS }--bind '$root' --pwd "\$PWD" '$image' /opt/nutl/bin/nutl "\$@"
WRAPPER
chmod 755 "$tmp"
mv -f "$tmp" "$out"
