/* interaction: a neutrino-argon interaction generator for 1-4 GeV (CC nu_mu, CC nu_e, NC).
   Channels QE, MEC (2p2h), RES, DIS and coherent pion production (COH) drawn by their cross-sections on
   argon (CC: GENIE 3.0.6's default models, sim/xsec.h and sim/coherent.h; NC: each CC cross-section times
   that channel's measured or model NC/CC ratio, COH its own NC cross-section), once per event; COH makes
   the lepton and one pion (pi+ CC, pi0 NC) off the whole nucleus, which stays unseen in its ground state
   (no Fermi motion, no cascade, no evaporation); QE and MEC Q^2 from axial
   dipoles; resonance production by Rein-Sehgal's 18 resonances (sim/resonance.h) decaying to N pi by
   isospin (the Delta) or by GENIE's channels and branching ratios (N pi, N eta, Delta pi, N rho, N gamma);
   DIS from valence-like x and y densities, below GENIE's W_cut as its non-resonant background,
   hadronised by GENIE's AGKY (KNO multiplicities, NeuGEN's particle choice); a struck nucleon with Fermi
   motion and removal energy; a one-step intranuclear cascade (absorption of pions and nucleons as GENIE's
   hA2018 gives it out, sim/absorption.h; charge exchange, scattering, nucleon knock-out) and evaporation
   neutrons. Energies in MeV. */
#ifndef NUTL_INTERACTION_H
#define NUTL_INTERACTION_H

#include <gsl/gsl_rng.h>

#include "sim/dataset.h"
#include "sim/particle.h"

enum channel { CH_QE, CH_MEC, CH_RES, CH_DIS, CH_COH, N_CHANNELS };

#define INTERACTION_MAX_PARTICLES 64

typedef struct {
    enum event_class cls;
    enum channel channel;
    int nc_model;        /* 0: NC drawn with CC's channel fractions and DIS y (an ablation) */
    double enu;          /* neutrino energy */
    double y, q2, w;     /* inelasticity nu/E, Q^2 (MeV^2), hadronic invariant mass (MeV) */
    double lepton_e;     /* total energy of the outgoing lepton (the invisible neutrino for NC) */
    int target_proton;   /* 1 if the struck nucleon was a proton */
    int n_hadrons;       /* DIS: the AGKY hadron multiplicity drawn with the kinematics */
    int resonance;       /* RES: which of the Rein-Sehgal resonances (sim/resonance.h) */
    double t;            /* COH: |t| (MeV^2), the four-momentum transfer squared to the nucleus */
    double vertex[3];
    int n;               /* final-state particles entering the detector, lepton first (CC) */
    int n_after_fsi;     /* RES: the last of the vertex's products, an eta's or rho's decay products, which
                            leave the nucleus without the cascade (GENIE decays eta and rho after it) */
    particle fs[INTERACTION_MAX_PARTICLES];
} interaction;

/* Returns the name of channel c ("qe", "mec", "res", "dis", "coh"). */
const char *channel_name(enum channel c);

/* Fills *in with one interaction of class cls at neutrino energy enu (MeV) at vertex; without the NC
   model (nc_model 0), NC takes CC's channel fractions and DIS y density. */
void interaction_generate(const gsl_rng *r, enum event_class cls, double enu, const double vertex[3], int nc_model,
                          interaction *in);

/* Returns b in the DIS inelasticity density dsigma/dy ~ 1 + b (1-y)^2 of class cls (CC: qbar/q; NC:
   from the Z's left- and right-handed quark couplings). */
double interaction_dis_y_slope(enum event_class cls);

/* Writes the Q^2 range (MeV^2) at hadronic mass w (MeV) for a neutrino of energy enu (MeV) on a nucleon
   at rest and an outgoing lepton of mass ml into lo and hi; returns 0 if w is out of reach. */
int interaction_q2_range(double enu, double ml, double w, double *lo, double *hi);

/* Returns the largest hadronic mass (MeV) of resonance production at enu (MeV) with an outgoing lepton of
   mass ml: the kinematic limit on a nucleon at rest, or GENIE's W_cut (DIS_RES_WCUT) below it. */
double interaction_res_w_max(double enu, double ml);

/* Returns the probability that an interaction of class cls at enu (MeV) is in channel c (the <3-deposit
   rule of whole events aside). */
double interaction_channel_share(enum event_class cls, enum channel c, double enu);

/* Writes the AGKY multiplicity probabilities P(n) of a DIS hadronic system of mass w (MeV) on a proton
   (target_proton 1) or a neutron into p[0 .. AGKY_MAX_HADRONS]: KNO scaling around 1.5 <n_ch>, zero below
   n = 2 and above what w can make, normalised; below DIS_RES_WCUT scaled by GENIE's R_n and not
   renormalised. Returns their sum: the share of the DIS cross-section kept at w (1 above W_cut). */
double interaction_agky_probabilities(double w, int target_proton, double *p);

/* Writes the n species of an AGKY hadronic system of charge q into sp: the baryon (a proton with
   NeuGEN's charge- and n-dependent probability), the pions that balance the charge, a pi0 if an odd
   number is left, then pi0 pi0 or pi+ pi- pairs. */
void interaction_agky_species(const gsl_rng *r, int q, int n, enum species *sp);

/* Fates of a hadron in the nucleus (GENIE's hA, sim_constants.h): it escapes, or interacts once. */
enum fsi_fate { FSI_ESCAPE, FSI_ELASTIC, FSI_INELASTIC, FSI_CHARGE_EXCHANGE, FSI_ABSORPTION, N_FSI_FATES };

/* Returns the total cross-section (mb) of a pion or nucleon of species sp and kinetic energy t (MeV) on
   one of argon's nucleons, averaged over its 18 protons and 22 neutrons; 0 for other species. */
double interaction_fsi_sigma(enum species sp, double t);

/* Returns the probability that such a hadron, born uniformly in argon's uniform sphere and going out
   isotropically in a straight line, interacts: 1 - 3/(8x^3) (2x^2 - 1 + (1 + 2x) e^(-2x)), x = R / lambda. */
double interaction_fsi_probability(enum species sp, double t);

/* Returns hA's share of fate f among the fates of such a hadron that interacts (0 for FSI_ESCAPE). */
double interaction_fsi_share(enum species sp, double t, enum fsi_fate f);

/* Draws the fate of a hadron of species sp and kinetic energy t (FSI_ESCAPE for non-hadrons). */
enum fsi_fate interaction_fsi_fate(const gsl_rng *r, enum species sp, double t);

/* Returns how many final-state particles of species sp in has. */
int interaction_count(const interaction *in, enum species sp);

#endif
