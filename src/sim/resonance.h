/* resonance: neutrino resonance production by the Rein-Sehgal model as GENIE implements it (18 baryon
   resonances, FKR quark-model helicity amplitudes, L-dependent Breit-Wigner widths; sim_constants.h has
   the parameters and their sources). Kinematics on a nucleon at rest: W and Q^2 in MeV and MeV^2, the
   lepton's mass neglected in the amplitudes (as in Rein-Sehgal). */
#ifndef NUTL_RESONANCE_H
#define NUTL_RESONANCE_H

/* Writes d^2 sigma / dW dQ^2 of each resonance k (x[0 .. RES_COUNT - 1]) for a neutrino of energy enu
   on a proton (target_proton 1) or a neutron, CC (current_cc 1) or NC, at w, q2, in arbitrary units common
   to every k, target and current (0 outside the kinematic range, above a resonance's W limit or above
   W_cut); returns their sum. */
double resonance_xsec_all(int current_cc, int target_proton, double enu, double w, double q2, double *x);

/* Returns the W (MeV) above which resonance k contributes nothing: its mass plus 6, 2 or 4 widths for
   FKR oscillator index n = 0, 2, other (GENIE's limits). */
double resonance_w_limit(int k);

/* Returns 1 if resonance k has isospin 3/2 (a Delta), 0 for isospin 1/2. */
int resonance_is_delta(int k);

/* Returns resonance k's name, e.g. "P33(1232)". */
const char *resonance_name(int k);

#endif
