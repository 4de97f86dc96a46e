#!/usr/bin/env bash
# Prints the path of torchvision's ImageNet ResNet18 checkpoint (IMAGENET1K_V1, resnet18-f37072fd.pth)
# after checking that its SHA-256 starts with f37072fd. Looks at, in order: the path given as $1
# (make weights PRETRAINED_PTH=...), weights/resnet18-f37072fd.pth, and a download of the official file
# into weights/ when the machine is online. Otherwise stops saying which file to obtain and where.
set -euo pipefail
NAME=resnet18-f37072fd.pth
URL=https://download.pytorch.org/models/$NAME
PREFIX=f37072fd
LOCAL=weights/$NAME

die() { echo "make weights: $*" >&2; exit 1; }

# Downloads URL into LOCAL (through a temporary name); returns non-zero when offline or it fails.
download() {
  command -v curl >/dev/null || return 1
  echo "make weights: downloading $URL" >&2
  curl -fsSL --connect-timeout 10 -o "$LOCAL.part" "$URL" && mv "$LOCAL.part" "$LOCAL" ||
    { rm -f "$LOCAL.part"; return 1; }
}

if [ -n "${1:-}" ]; then
  pth=$1
  [ -f "$pth" ] || die "PRETRAINED_PTH=$pth: no such file"
else
  pth=$LOCAL
  [ -f "$pth" ] || download || die "no pretrained checkpoint and no download (offline, or no curl).
  Obtain $URL
  (torchvision's ImageNet ResNet18, IMAGENET1K_V1) and put it at $LOCAL,
  or run: make weights PRETRAINED_PTH=/path/to/$NAME"
fi
sum=$(sha256sum "$pth" | cut -c1-64)
[[ "$sum" == "$PREFIX"* ]] || die "$pth: SHA-256 $sum does not start with $PREFIX (not torchvision's $NAME)"
echo "$pth"
