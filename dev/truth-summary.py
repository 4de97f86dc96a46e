#!/usr/bin/env python3
"""Per-class means of a split's truth.tsv, beside the DUNE truth table of docs/physics.md where it has a number.
The multiplicities are given twice: every particle leaving the nucleus (n_p, ...), and as DUNE's labelling
counts them (n_p_dune, ...: the rule of DUNE's own numbers; docs/validate.md), when the truth has them.
usage: dev/truth-summary.py DIR/truth.tsv"""
import csv
import sys

REF = {  # docs/physics.md, DUNE full-simulation truth (DUNE's labelling): <N_p>, P(N_p=0), P(pi+- > 0), P(pi0 > 0), <N_n>, <y>
    "numu_cc": (1.42, 0.27, 0.38, 0.20, 1.87, 0.43),
    "nue_cc": (1.12, 0.31, 0.43, 0.18, 1.39, 0.41),
    "nc": (1.21, 0.42, 0.39, 0.43, 1.81, 0.50),
}


def main(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    print("class    events  E_vis/GeV  hits(u+v+w)  <N_p>  P(Np=0)  P(pi+-)  P(pi0)  <N_n>   <y>  dropped")
    for cls in ("numu_cc", "nue_cc", "nc"):
        r = [x for x in rows if x["class"] == cls]
        n = len(r)
        if not n:
            continue
        mean = lambda f: sum(f(x) for x in r) / n
        all_particles = lambda x: (int(x["n_p"]), int(x["n_n"]), int(x["n_pip"]) + int(x["n_pim"]), int(x["n_pi0"]))
        dune_rule = lambda x: tuple(int(x[k]) for k in ("n_p_dune", "n_n_dune", "n_pipm_dune", "n_pi0_dune"))
        for label, counts in (("", all_particles), ("(DUNE's rule)", dune_rule)):
            if label and "n_p_dune" not in r[0]:
                continue
            vals = (
                mean(lambda x: float(x["visible_energy_gev"])),
                mean(lambda x: int(x["hits_u"]) + int(x["hits_v"]) + int(x["hits_w"])),
                mean(lambda x: counts(x)[0]),
                mean(lambda x: counts(x)[0] == 0),
                mean(lambda x: counts(x)[2] > 0),
                mean(lambda x: counts(x)[3] > 0),
                mean(lambda x: counts(x)[1]),
                mean(lambda x: float(x["y"])),
                sum(int(x["dropped"]) for x in r),
            )
            print("%-8s %6d  %9.3f  %11.0f  %5.2f  %7.2f  %7.2f  %6.2f  %5.2f  %4.2f  %7d  %s" % ((cls, n) + vals + (label,)))
        print("%-8s %6s  %9s  %11s  %5.2f  %7.2f  %7.2f  %6.2f  %5.2f  %4.2f   (DUNE truth)" % (("", "", "", "") + REF[cls]))
    for cls in ("numu_cc", "nc"):
        bins = []
        for lo in (1, 2, 3):
            r = [x for x in rows if x["class"] == cls and lo <= float(x["true_energy_gev"]) < lo + 1]
            bins.append(sum(int(x["n_pi0"]) > 0 for x in r) / max(1, len(r)))
        print("P(pi0) %s in 1-2, 2-3, 3-4 GeV: %.2f %.2f %.2f" % ((cls,) + tuple(bins)))


if __name__ == "__main__":
    main(sys.argv[1])
