#!/usr/bin/env bash
# nutl import deposits reads the layout larnd-sim's cli/dumpTree.py writes (DUNE/larnd-sim at aab11b9:
# "segments" and "vertices" with all their fields, 32-bit floats, aligned compounds; and before July 2023,
# eventID for event_id), plus nutl_events; the same segments as TSV give the same split, byte for byte.
# An event without segments is an empty image.
set -u
source "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import h5py, numpy' 2>/dev/null || { echo "no h5py for $PY"; exit 77; }

$PY - "$T" <<'PYEOF'
import sys, h5py, numpy as np
out = sys.argv[1]
f4 = "f4"
def segments_dtype(event_id):  # larnd-sim's segments_dtype, field for field
    return np.dtype([(event_id, "u4"), ("vertex_id", "u8"), ("file_vertex_id", "u8"), ("segment_id", "u4"),
                     ("z_end", f4), ("traj_id", "u4"), ("file_traj_id", "u4"), ("tran_diff", f4),
                     ("z_start", f4), ("x_end", f4), ("y_end", f4), ("n_electrons", "u4"), ("pdg_id", "i4"),
                     ("x_start", f4), ("y_start", f4), ("t_start", f4), ("t0_start", "f8"), ("t0_end", "f8"),
                     ("t0", "f8"), ("dx", f4), ("long_diff", f4), ("pixel_plane", "i4"), ("t_end", f4),
                     ("dEdx", f4), ("dE", f4), ("t", f4), ("y", f4), ("x", f4), ("z", f4), ("n_photons", f4)],
                    align=True)
def vertices_dtype(event_id):
    return np.dtype([(event_id, "u4"), ("vertex_id", "u8"), ("file_vertex_id", "u8"), ("x_vert", f4),
                     ("y_vert", f4), ("z_vert", f4), ("t_vert", f4), ("t_event", f4)], align=True)
# Three events: a muon-like track 40 cm long, a short fan of segments, and one without segments.
events = [(11, 0, 2.25, (-10.5, 3.25, -150.75)), (12, 1, 1.5, (20.25, -7.5, 60.0)), (13, 2, 3.0, (0.0, 0.0, 0.0))]
segs = []
for k in range(40):
    segs.append((11, (-10.5 + 0.5 * k, 3.25 + 0.25 * k, -150.75 + k), (-10.0 + 0.5 * k, 3.5 + 0.25 * k, -149.75 + k), 2.125))
for k in range(8):
    segs.append((12, (20.25, -7.5, 60.0), (20.25 + 0.75 * k, -7.5 + 2.5, 60.0 + 1.25 * (k - 4)), 0.5 + k))
for name, event_id in (("deposits.h5", "event_id"), ("old-names.h5", "eventID")):
    s = np.zeros(len(segs), dtype=segments_dtype(event_id))
    for i, (e, a, b, de) in enumerate(segs):
        s[i][event_id] = e
        s[i]["x_start"], s[i]["y_start"], s[i]["z_start"] = a
        s[i]["x_end"], s[i]["y_end"], s[i]["z_end"] = b
        s[i]["dE"], s[i]["pdg_id"], s[i]["segment_id"] = de, 13, i
    v = np.zeros(len(events), dtype=vertices_dtype(event_id))
    for i, (e, c, en, vx) in enumerate(events):
        v[i][event_id] = e
        v[i]["x_vert"], v[i]["y_vert"], v[i]["z_vert"] = vx
    n = np.array([(e, c, en) for e, c, en, vx in events],
                 dtype=[("event_id", "u4"), ("class", "i4"), ("true_energy_gev", "f8")])
    with h5py.File(f"{out}/{name}", "w") as f:
        f["segments"], f["vertices"], f["nutl_events"] = s, v[::-1], n  # vertices in any order
classes = ["numu_cc", "nue_cc", "nc"]
with open(f"{out}/deposits.tsv", "w") as t:
    t.write("event_id\tx_start\ty_start\tz_start\tx_end\ty_end\tz_end\tde_mev\n")
    for e, c, en, vx in events:
        t.write("\t".join(["#event", str(e), classes[c], repr(en)] + [repr(x) for x in vx]) + "\n")
        for se, a, b, de in segs:
            if se == e: t.write("\t".join([str(e)] + [repr(x) for x in a + b] + [repr(de)]) + "\n")
PYEOF
[ $? -eq 0 ] || fail "writing the files"
for f in deposits.h5 old-names.h5 deposits.tsv; do
  bin/nutl import deposits "$T/$f" --out "$T/${f%.*}-${f##*.}" >/dev/null || fail "import $f"
done
for d in old-names-h5 deposits-tsv; do
  for f in events.bin truth.tsv; do cmp -s "$T/deposits-h5/$f" "$T/$d/$f" || fail "$d/$f differs from the HDF5 import's"; done
done
cat "$T/deposits-h5/truth.tsv"
awk -F'\t' 'NR == 2 && !($1 == 11 && $2 == "numu_cc" && $6 == 40 && $7 > 40 && $9 >= 40) { exit 1 }
            NR == 3 && !($1 == 12 && $2 == "nue_cc" && $6 == 8 && $7 > 0)   { exit 1 }
            NR == 4 && !($1 == 13 && $2 == "nc" && $6 == 0 && $7 + $8 + $9 == 0) { exit 1 }
            END { if (NR != 4) exit 1 }' "$T/deposits-h5/truth.tsv" || fail "truth.tsv is not as expected"
echo "larnd-sim layout read"
