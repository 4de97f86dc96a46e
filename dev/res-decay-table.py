#!/usr/bin/env python3
"""The baryon resonances' decay branches of src/sim/sim_constants.h (RES_DECAY_TABLE), read from GENIE
3.0.6's particle table (data/evgen/catalogues/pdg/genie_pdg_table.txt at tag R-3_00_06 of GENIE-MC/Generator).

Usage: dev/res-decay-table.py GENIE_PDG_TABLE [--summary]
Prints one row per resonance of nutl's RES_TABLE order and per charge 0, +1, +2: the branches whose
daughters nutl can make (nucleons, pions, gamma, eta, rho, Delta(1232)) with GENIE's branching ratios as
written; the others (strange: Lambda K, Sigma K; f0(1400), omega, eta') are listed with --summary and
left out. P33(1232) keeps its Clebsch-Gordan N pi in nutl; P33(1600) and F17(1970) have no PDG code and
no decay list in GENIE 3.0.6 (utils::res::PdgCode returns 0), so their rows are empty."""
import sys

# nutl's resonances (RES_TABLE order) and the GENIE PDG codes of their charge states 0, +1, +2.
CODES = [("P33(1232)", None), ("S11(1535)", (22112, 22212)), ("D13(1520)", (1214, 2124)),
         ("S11(1650)", (32112, 32212)), ("D13(1700)", (21214, 22124)), ("D15(1675)", (2116, 2216)),
         ("S31(1620)", (1212, 2122, 2222)), ("D33(1700)", (12114, 12214, 12224)),
         ("P11(1440)", (12112, 12212)), ("P33(1600)", None), ("P13(1720)", (31214, 32124)),
         ("F15(1680)", (12116, 12216)), ("P31(1910)", (21212, 22122, 22222)),
         ("P33(1920)", (22114, 22214, 22224)), ("F35(1905)", (1216, 2126, 2226)),
         ("F37(1950)", (2118, 2218, 2228)), ("P11(1710)", (42112, 42212)), ("F17(1970)", None)]
KEPT = {2212, 2112, 211, -211, 111, 22, 221, 113, 213, -213, 2224, 2214, 2114, 1114}
MAX = 8


def read(path):
    """Returns {pdg code: [(br, daughters)]} of the particles that have a decay list."""
    table, cur = {}, None
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        f = line.split()
        if len(f) >= 14 and not f[0].startswith("-") and f[3] in ("0", "1") and "." in f[7]:
            cur = int(f[2])
            table[cur] = []
        elif cur is not None and len(f) >= 5 and f[0].isdigit() and "." in f[2]:
            nd = int(f[3])
            table[cur].append((float(f[2]), tuple(int(x) for x in f[4:4 + nd])))
    return table


def main():
    table = read(sys.argv[1])
    summary = "--summary" in sys.argv
    rows = []
    for r, (name, codes) in enumerate(CODES):
        cells = []
        for q in range(3):
            if codes is None or name == "P33(1232)" or q >= len(codes):
                cells.append(["{0, 0, 0}"])
                continue
            dec = table[codes[q]]
            kept = [(br, d) for br, d in dec if len(d) == 2 and set(d) <= KEPT]
            out = [(br, d) for br, d in dec if (br, d) not in kept]
            assert len(kept) <= MAX, (name, q, kept)
            if summary:
                print(f"{name} q={q} ({codes[q]}): kept {sum(b for b, _ in kept):.4f}, left out "
                      + ", ".join(f"{b:.4g} {d}" for b, d in out))
            cells.append([f"{{{br:.5g}, {d[0]}, {d[1]}}}" for br, d in kept])
        lines = [f"    /* {name} */ {{ \\"]
        for q, c in enumerate(cells):
            chunks = [", ".join(c[i:i + 4]) for i in range(0, len(c), 4)]
            body = (", \\\n        ").join(chunks)
            end = "," if q < 2 else "}," if r < len(CODES) - 1 else "}}"
            lines.append(f"      {{{body}}}{end}" + (" \\" if r < len(CODES) - 1 or q < 2 else ""))
        rows.append("\n".join(lines))
    if not summary:
        print("\n".join(rows))

main()
