# Picks the events of Figure 1 from a split's truth.tsv and prints their indices: the first event with
# 2 <= E_nu < 4 GeV of each kind, in order CC nu_mu with a lepton above 1 GeV (a long muon track), CC
# nu_e with a lepton above 1 GeV (an electron shower from the vertex), NC with a pi0 and no charged pion
# (photon showers detached from the vertex).
BEGIN { FS = "\t" }
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
    e = $col["true_energy_gev"]; c = $col["class"]; i = NR - 2
    if (e < 2 || e >= 4) next
    if (c == "numu_cc" && numu == "" && $col["lepton_energy_gev"] > 1) numu = i
    if (c == "nue_cc" && nue == "" && $col["lepton_energy_gev"] > 1) nue = i
    if (c == "nc" && nc == "" && $col["n_pi0"] > 0 && $col["n_pip"] + $col["n_pim"] == 0) nc = i
}
END { if (numu != "" && nue != "" && nc != "") print numu, nue, nc }
