/* physics: the material model of liquid argon that the transport samples from: energy-loss tables,
   Landau straggling, Highland scattering, photon cross-sections (Klein-Nishina, pair production),
   hadronic interaction lengths and the Michel spectrum. Built once, then read-only and shared by
   every thread. */
#ifndef NUTL_PHYSICS_H
#define NUTL_PHYSICS_H

#include <gsl/gsl_rng.h>

#include "sim/eloss.h"
#include "sim/particle.h"

typedef struct physics physics;

/* Returns the model with every table built and every ingredient of ingredients.h on. */
physics *physics_new(void);

/* Switches off the ingredients in the set off (enum ingredient bits). */
void physics_switch_off(physics *ph, unsigned off);

/* Returns 1 if ingredient i (an enum ingredient bit) is on. */
int physics_has(const physics *ph, unsigned i);

void physics_free(physics *ph);

/* Returns the energy-loss table for charged species sp (mu, pi, p, e+-), or NULL for a neutral one. */
const eloss *physics_eloss(const physics *ph, enum species sp);

/* Returns the energy lost by a charged particle of species sp and kinetic energy t over a step of ds cm:
   the CSDA mean loss less what delta rays above the cut carry (mu, pi, p, e-) plus a Landau fluctuation of
   width xi = 0.0966 MeV/cm ds / beta^2, truncated at LANDAU_LAMBDA_MAX or, where delta rays are
   explicit, where the tail removed carries their mean energy (lower where that would exceed t),
   centred so that the mean loss is kept;
   clamped to [0, t]. */
double physics_step_loss(const physics *ph, const gsl_rng *r, enum species sp, double t, double ds);

/* Returns the delta-ray production cut: the kinetic energy of an electron whose CSDA range is
   DELTA_RAY_RANGE_CUT. */
double physics_delta_cut(const physics *ph);

/* Returns the largest energy T_max a particle of species sp and kinetic energy t can give a free
   electron (PDG Eq. 34.4; t/2 for an electron, the slower of the two being the knock-on). */
double physics_delta_tmax(enum species sp, double t);

/* Returns the number of delta rays above the cut per cm for species sp (mu, pi, p: spin-0 Bhabha-like
   spectrum; e-: Moller) at kinetic energy t,
   0 when T_max is below the cut. */
double physics_delta_rate(const physics *ph, enum species sp, double t);

/* Returns the mean energy per cm carried by delta rays above the cut (removed from the continuous loss). */
double physics_delta_mean(const physics *ph, enum species sp, double t);

/* Returns a delta-ray kinetic energy above the cut, sampled from F(T) / T^2 (Moller's spectrum for an
   electron) up to T_max; writes the
   cosine of its angle to the parent's direction into *cos_theta. */
double physics_delta_energy(const physics *ph, const gsl_rng *r, enum species sp, double t, double *cos_theta);

/* Returns the Highland multiple-scattering angle theta0 (rad) for momentum p, speed beta, path ds. */
double physics_highland(double p, double beta, double ds);

/* Returns the mean free path (cm) of a photon of energy e against Compton scattering, pair production
   and (with soft-photons, below XCOM_E_MAX) photoabsorption; writes the probabilities that its
   interaction is a pair production and a photoabsorption into *pair_fraction and *photo_fraction. */
double physics_photon_path(const physics *ph, double e, double *pair_fraction, double *photo_fraction);

/* Returns the energy below which a photon is absorbed where it interacts: PHOTON_E_CUT_SOFT with
   soft-photons, PHOTON_E_CUT without. */
double physics_photon_cut(const physics *ph);

/* Returns the ratio E'/E of the photon energy after a Compton scattering of a photon of energy e,
   sampled from Klein-Nishina; the cosine of the scattering angle is 1 - (1/ratio - 1) m_e / e. */
double physics_compton_ratio(const gsl_rng *r, double e);

/* Returns the fraction of a converting photon's energy e taken by the electron (Bethe-Heitler, complete
   screening: density 1 - 4/3 eps (1 - eps) on [m_e/e, 1 - m_e/e]). */
double physics_pair_share(const gsl_rng *r, double e);

/* Returns the mean free path (cm) for a hadronic interaction of a pi+- (pion != 0) or a proton of kinetic
   energy t. */
double physics_hadron_path(const physics *ph, int pion, double t);

/* Returns Lindhard's electronic share L(e) in (0, 1) of the kinetic energy e (MeV) of a recoiling argon
   nucleus: the part that ionises and excites (Geant4's total less non-ionising deposit); the rest heats
   the argon. */
double physics_lindhard(double e);

/* Returns the total energy of a Michel electron, sampled from x^2 (3 - 2x), x = E / 52.83 MeV. */
double physics_michel_energy(const gsl_rng *r);

#endif
