"""Reads a split written by `nutl simulate` (datasets/FORMAT.md) for the PyTorch reference tools.

The C reader (src/sim/dataset.c) is the source of truth; this one follows FORMAT.md, checks the same
CRCs and sizes, and turns events into network inputs as src/nn/loader.c does (float32 throughout), so
that PyTorch sees the very numbers nutl's trainer sees. Errors are one line naming the file.
"""
import hashlib
import struct
import sys
import zlib

import numpy as np

CLASSES = ("numu_cc", "nue_cc", "nc")
HEADER = struct.Struct("<8sIIIHHHHIQQ12sI")
INDEX_ENTRY = struct.Struct("<QIIdq")
IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


class DatasetError(Exception):
    """A split that is not what FORMAT.md describes; the message names the file and the problem."""


def _crc(data):
    return zlib.crc32(data) & 0xFFFFFFFF


class Split:
    """One split folder: events (count), width, height, channels, downsample, seed, and per event its
    class index, true energy (GeV) and event id; image(i) gives its MeV per pixel (C, H, W)."""

    def __init__(self, folder):
        self.path = f"{folder}/events.bin"
        try:
            with open(self.path, "rb") as f:
                self.data = f.read()
        except OSError as e:
            raise DatasetError(f"{self.path}: cannot read: {e.strerror}") from None
        self._read_header()
        self._read_index()

    def _fail(self, problem):
        raise DatasetError(f"{self.path}: {problem}")

    def _read_header(self):
        if len(self.data) < HEADER.size:
            self._fail("shorter than its 64-byte header")
        (magic, version, header_size, self.events, self.width, self.height, self.channels, self.downsample,
         entry_size, self.seed, self.index_offset, _, crc) = HEADER.unpack_from(self.data, 0)
        if magic != b"NUTLEVTS":
            self._fail("not a nutl event file (bad magic)")
        if _crc(self.data[:60]) != crc:
            self._fail("header fails its CRC")
        if version != 1 or header_size != 64 or entry_size != INDEX_ENTRY.size:
            self._fail(f"format version {version} (header {header_size}, index entry {entry_size}); expected 1")
        if len(self.data) != self.index_offset + INDEX_ENTRY.size * self.events + 4:
            self._fail(f"size {len(self.data)} is not what the header implies")

    def _read_index(self):
        start, end = self.index_offset, self.index_offset + INDEX_ENTRY.size * self.events
        if _crc(self.data[start:end]) != struct.unpack_from("<I", self.data, end)[0]:
            self._fail("index fails its CRC")
        entries = [INDEX_ENTRY.unpack_from(self.data, start + INDEX_ENTRY.size * i) for i in range(self.events)]
        self.offsets = [e[0] for e in entries]
        self.lengths = [e[1] for e in entries]
        self.classes = np.array([e[2] for e in entries], dtype=np.int64)
        self.energies = np.array([e[3] for e in entries])
        self.event_ids = np.array([e[4] for e in entries], dtype=np.int64)
        if self.classes.size and self.classes.max() >= len(CLASSES):
            self._fail("index holds a class outside 0-2")

    def image(self, i):
        """Returns event i as float32 MeV per pixel, shape (channels, height, width)."""
        offset, length = self.offsets[i], self.lengths[i]
        record = self.data[offset:offset + length]
        if length < 16 or len(record) != length or _crc(record[:-4]) != struct.unpack_from("<I", record, length - 4)[0]:
            self._fail(f"event {i}: record fails its CRC")
        index, c0, c1, c2 = struct.unpack_from("<IHHH", record, 0)
        counts = (c0, c1, c2)
        if index != i or 12 + 6 * sum(counts) + 4 != length:
            self._fail(f"event {i}: record counts do not match its length")
        plane = self.width * self.height
        image = np.zeros((self.channels, plane), dtype=np.float32)
        at = 12
        for view, c in enumerate(counts):
            pixels = np.frombuffer(record, dtype="<u2", count=c, offset=at)
            values = np.frombuffer(record, dtype="<f4", count=c, offset=at + 2 * c)
            if c and (pixels[-1] >= plane or np.any(np.diff(pixels.astype(np.int64)) <= 0)):
                self._fail(f"event {i}: pixel numbers out of range or not increasing")
            image[view, pixels] = values
            at += 6 * c
        return image.reshape(self.channels, self.height, self.width)

    def default_saturation(self):
        """Returns nutl train's default --saturation-mev: 10 MeV times the downsampling (224 / width)."""
        return 10.0 * 224 / self.width

    def input(self, i, saturation_mev, imagenet=True):
        """Returns event i as nutl's network input: min(E / saturation, 1), then (v - mean) * (1 / std)
        per channel with ImageNet's values, in float32 as src/nn/loader.c computes it."""
        v = np.minimum(self.image(i) / np.float32(saturation_mev), np.float32(1))
        if not imagenet:
            return v
        return (v - IMAGENET_MEAN[:, None, None]) * (np.float32(1) / IMAGENET_STD)[:, None, None]


def dataset_id(data_dir):
    """Returns nutl train's dataset_id of DATA_DIR (src/nn/provenance.c): the first 16 hex digits of the
    SHA-256 of the hex SHA-256 digests of events.bin and truth.tsv of train, val and test, in that order."""
    ids = hashlib.sha256()
    for split in ("train", "val", "test"):
        for name in ("events.bin", "truth.tsv"):
            with open(f"{data_dir}/{split}/{name}", "rb") as f:
                ids.update(hashlib.sha256(f.read()).hexdigest().encode())
    return ids.hexdigest()[:16]


def balanced_order(classes):
    """Returns nutl's nested-subset order (train_balanced_order in src/nn/train.c): classes interleaved
    numu_cc, nue_cc, nc in file order, so the first N events are balanced."""
    queues = [[i for i, c in enumerate(classes) if c == k] for k in range(len(CLASSES))]
    order, depth = [], max(len(q) for q in queues)
    for d in range(depth):
        order += [q[d] for q in queues if d < len(q)]
    return order


def main(argv):
    """`nutl_dataset.py DIR [EVENT]`: prints the split's geometry, or one event's image as text (rows of
    each view, as nutl display writes them)."""
    try:
        s = Split(argv[1])
    except DatasetError as e:
        sys.exit(f"nutl_dataset: {e}")
    if len(argv) == 2:
        print(f"events {s.events} width {s.width} height {s.height} channels {s.channels} seed {s.seed}")
        return
    try:
        image = s.image(int(argv[2]))
    except DatasetError as e:
        sys.exit(f"nutl_dataset: {e}")
    for view in image:
        for row in view:
            print(" ".join(f"{x:.6g}" for x in row))


if __name__ == "__main__":
    main(sys.argv)
