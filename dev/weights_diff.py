#!/usr/bin/python3
"""weights_diff.py START A B: how far two trainings from the same start ended apart.

START, A and B are Darknet weights files of one cfg (nutl train's best.weights, or a PyTorch state_dict
converted with nutl convert), so their floats line up. Prints
    update_difference <|dA - dB| / |dB|>  update_norm <|dB|>  max_abs_difference <max |A - B|>
with dX = X - START over every stored float (weights, biases, batch-norm scales and running
statistics) and |.| the Euclidean norm: the relative difference between the two trainings' changes.
"""
import sys

import numpy as np

HEADER_BYTES = 20  # major, minor, revision (int32), images seen (size_t): Darknet's format 0.2


def floats(path):
    """Returns the stored floats of a Darknet weights file; exits naming it if it has no header."""
    data = np.fromfile(path, dtype=np.uint8)
    if data.size < HEADER_BYTES or (data.size - HEADER_BYTES) % 4:
        sys.exit(f"weights_diff: {path}: not a Darknet 0.2 weights file")
    return data[HEADER_BYTES:].view("<f4").astype(np.float64)


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: weights_diff.py START A B")
    start, a, b = (floats(p) for p in argv[1:])
    if not start.size == a.size == b.size:
        sys.exit(f"weights_diff: {argv[1]}, {argv[2]}, {argv[3]} hold {start.size}, {a.size}, {b.size} floats")
    da, db = a - start, b - start
    norm = np.linalg.norm(db)
    print(f"update_difference {np.linalg.norm(da - db) / norm:.4g}  update_norm {norm:.6g}  "
          f"max_abs_difference {np.max(np.abs(a - b)):.4g}")


if __name__ == "__main__":
    main(sys.argv)
