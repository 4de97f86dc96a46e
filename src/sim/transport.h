/* transport: carries the final-state particles of an interaction, and everything they make, through
   the 5 m liquid-argon cube, recording energy deposits and an energy ledger:
   deposited + escaped + invisible = the sum of species_budget() over the particles given + released,
   the nuclear binding energy that neutron captures release (neutron.h).
   Charged particles step (<= STEP_MAX) with Landau-fluctuated CSDA loss, explicit delta rays above a
   Geant4-like production cut (mu, pi, p, e-) and Highland scattering; neutrons above NEUTRON_T_CUT knock
   nucleons out of argon, slower ones scatter, excite argon and are captured (neutron.h);
   pions and protons interact with nuclei; a nucleon knocked out leaves the residual nucleus's
   de-excitation gammas (deexcitation.h); muons and pions decay or are captured at rest; pi0 decay to
   two photons; photons convert or Compton-scatter; electrons radiate bremsstrahlung photons, so that
   an electromagnetic cascade develops particle by particle. */
#ifndef NUTL_TRANSPORT_H
#define NUTL_TRANSPORT_H

#include <gsl/gsl_rng.h>

#include "sim/tally.h"

/* Transports the n particles in p and all their descendants, adding to t's deposits and ledger. */
void transport_run(transport *t, const physics *ph, const gsl_rng *r, const particle *p, int n);

/* Tracks one charged particle p (mu, pi, p, e+-) until it leaves the cube, stops (kinetic energy below
   the cut, deposited) or, for pi and p, interacts with a nucleus; updates p (position, direction, kinetic
   energy, path length) and returns its fate. Secondaries it makes are pushed on t's stack, not
   tracked: bremsstrahlung photons of an electron, delta-ray electrons of mu, pi, p and e-. */
enum fate transport_track(transport *t, const physics *ph, const gsl_rng *r, particle *p);

/* Flies neutron p: below NEUTRON_T_CUT, neutron_transport carries it (slow-neutrons on) or its energy
   is booked invisible (FATE_STOPPED); otherwise it
   travels an exponential distance with the nucleon-argon interaction length and leaves the cube
   (FATE_LEFT) or knocks out a nucleon, both pushed on t's stack with the residual's de-excitation
   gammas (FATE_INTERACTED). Updates p. */
enum fate transport_neutron(transport *t, const physics *ph, const gsl_rng *r, particle *p);

/* Pushes on t's stack, isotropic from pos, the de-excitation gammas of the residual nucleus left by
   knocking a nucleon of species struck (SP_PROTON or SP_NEUTRON) out of argon (deexcitation.h), when
   ING_DEEXCITATION is on. Returns their total energy (0 when off; at most available), which the caller
   takes out of the interaction's kinetic energy so that the ledger stays exact. */
double transport_deexcite(transport *t, const physics *ph, const gsl_rng *r, const double pos[3],
                          enum species struck, double available);

/* Pushes on t's stack the two photons of pi0 p's decay (on the spot: c tau = 25 nm), isotropic in its
   rest frame. */
void transport_decay_pi0(transport *t, const gsl_rng *r, const particle *p);

#endif
