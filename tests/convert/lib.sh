# Shared by the conversion tests: skips without Debian's python3-torch, picks the cfg, makes a work
# folder. Sourced from the repository root.
source "$(dirname "$0")/../lib.sh"
set -euo pipefail
PY=${NUTL_TEST_PYTHON:-/usr/bin/python3}  # another python with torch: NUTL_TEST_PYTHON (make gpu-check)
TORCH_RESNET18=weights/torch_resnet18.py
if ! $PY -c 'import torch, torchvision' 2>/dev/null; then
  echo "no torch/torchvision for $PY"
  exit 77
fi
# The 1000-class cfg the real weights are converted for.
CFG=cfg/resnet18-imagenet.cfg
