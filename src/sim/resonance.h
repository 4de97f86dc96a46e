/* resonance: neutrino resonance production by the Rein-Sehgal model as GENIE implements it (18 baryon
   resonances, FKR quark-model helicity amplitudes, L-dependent Breit-Wigner widths; sim_constants.h has
   the parameters and their sources). Kinematics on a nucleon at rest: W and Q^2 in MeV and MeV^2, the
   lepton's mass neglected in the amplitudes (as in Rein-Sehgal). Decays by GENIE 3.0.6's channels and
   branching ratios (sim_constants.h RES_DECAY_TABLE). */
#ifndef NUTL_RESONANCE_H
#define NUTL_RESONANCE_H

#include <gsl/gsl_rng.h>

#include "sim/particle.h"

/* The most particles one resonance decay leaves: N eta, eta -> 3 pi. */
#define RESONANCE_MAX_PRODUCTS 4

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

/* Writes the shares of resonance k's decay channels for charge q (0, 1, 2) at invariant mass w (MeV) into
   share (RES_DECAY_MAX values): GENIE's branching ratios of the channels whose daughters' masses sum below
   w, renormalised, 0 for the closed ones (every channel with a Delta- closed, as GENIE closes them); and,
   when pdg is not NULL, each channel's daughters' PDG codes (baryon, then meson or photon). Returns the
   number of channels, 0 for a resonance that decays by isospin to N pi (P33(1232), P33(1600), F17(1970)). */
int resonance_decay_channels(int k, int charge, double w, double *share, int (*pdg)[2]);

/* Decays resonance k of charge q (0, 1, 2) and four-momentum had at the vertex: a channel drawn by the
   shares of resonance_decay_channels at had's mass, two-body phase space, a Delta(1232) daughter at once
   to N pi by isospin, an eta by its PDG branching ratios, a rho to pi pi; P33(1232), P33(1600) and F17(1970)
   to N pi by isospin Clebsch-Gordan weights (the Delta as nutl always decayed it, draw for draw). Writes
   the products' species into sp and four-momenta into p4 (RESONANCE_MAX_PRODUCTS at most; they sum to
   had), those that go through the intranuclear cascade first, then the *after_fsi products of an eta or
   rho, which GENIE decays after its hadron transport; writes the channel's index in k's list into
   *channel (-1 for the isospin N pi) when channel is not NULL. Returns the number of products, 0 if had is
   too light for every channel. */
int resonance_decay(const gsl_rng *r, int k, int charge, const double had[4], enum species *sp, double (*p4)[4],
                    int *after_fsi, int *channel);

#endif
