/* deexcitation: the gammas of the residual nucleus left excited when a hadron knocks a nucleon out of
   argon (Geant4's precompound and photon-evaporation models emit them; GENIE 3.0.6 does not for argon,
   so primary interactions get none). Hole-state picture: the removed nucleon's shell, drawn by its
   occupancy, sets the state of 39Cl (proton removed) or 39Ar (neutron removed), which decays to the
   ground state by the measured gamma cascade (sim_constants.h, "Nuclear de-excitation"). */
#ifndef NUTL_DEEXCITATION_H
#define NUTL_DEEXCITATION_H

#include <gsl/gsl_rng.h>

#include "sim/particle.h"

#define DEEX_MAX_GAMMAS 8 /* longer than any cascade of the level tables */

/* Draws the state of the residual nucleus left by removing a nucleon of species removed (SP_PROTON or
   SP_NEUTRON) from 40Ar and its gamma cascade. A state above available (MeV, what the interaction can
   give) is not reached: the residual is left in its ground state. Writes the gamma energies to
   gamma[0 .. *n - 1] and returns their sum, the excitation energy (0 with no gammas). */
double deexcitation_sample(const gsl_rng *r, enum species removed, double available, double gamma[DEEX_MAX_GAMMAS],
                           int *n);

/* Returns the energy of level k of the residual left by removing a nucleon of species removed (level 0
   the ground state), or -1 if there is no such level in the table. */
double deexcitation_level(enum species removed, int k);

#endif
