/* neutron: neutrons below NEUTRON_T_CUT in liquid argon (ingredient slow-neutrons). From 20 MeV down
   they fly exponential distances with the mean free path of the tabulated 40Ar cross-sections
   (sim_constants.h) and scatter elastically with the optical-model angular distribution (forward-peaked
   at MeV energies; the argon recoil deposited where it happens), excite a level of 40Ar up to 4.86 MeV
   (the recoil deposited, the level's measured gamma cascade pushed), knock out a second neutron by
   (n, 2n) above 10.1 MeV (pushed; the binding energy booked invisible), make a proton by (n, p) (pushed,
   tracked by the charged transport) or are captured, emitting a measured 41Ar gamma cascade of
   Q = 6.0989 MeV. Two-body kinematics is non-relativistic. Below NEUTRON_RECOIL_CUT the recoils are no
   longer deposited (booked invisible) and the neutron goes on colliding to capture or the wall. */
#ifndef NUTL_NEUTRON_H
#define NUTL_NEUTRON_H

#include <gsl/gsl_rng.h>

#include "sim/tally.h"

enum neutron_channel {
    NEUTRON_ELASTIC,
    NEUTRON_INELASTIC,
    NEUTRON_N2N,
    NEUTRON_PROTON,
    NEUTRON_CAPTURE,
    N_NEUTRON_CHANNELS
};

/* Returns the cross-section (barn) of channel c on 40Ar at kinetic energy t (MeV), taken at no less
   than the thermal energy. */
double neutron_sigma(enum neutron_channel c, double t);

/* Returns the mean free path (cm) of a neutron of kinetic energy t in liquid argon: 1 / (n sigma_total). */
double neutron_path(double t);

/* Returns the kinetic energy of the light product (a neutron, or a proton taken as of the same mass) of
   a reaction of a neutron of kinetic energy t on 40Ar with Q value q (0 elastic, -E_x inelastic),
   emitted at cosine mu_cm in the centre of mass; writes the cosine of its lab angle to the neutron's
   direction into *cos_lab. t + q must be positive. */
double neutron_two_body(double t, double q, double mu_cm, double *cos_lab);

/* Returns the mean cosine, in the centre of mass, of elastic scattering at kinetic energy t (MeV): the
   first Legendre moment of the optical model's shape-elastic distribution diluted by the isotropic
   compound-elastic part (sim_constants.h). */
double neutron_elastic_mean_cos(double t);

/* Returns a centre-of-mass scattering cosine drawn from the elastic angular distribution at t. */
double neutron_elastic_mu(const gsl_rng *r, double t);

/* Returns the 40Ar level (1 .. AR40_N_LEVELS - 1) that an inelastic scatter at t excites, drawn among the
   open levels with the weight (2J + 1) times the outgoing neutron's centre-of-mass energy; 0 if none is
   open. */
int neutron_inelastic_level(const gsl_rng *r, double t);

/* Writes into e the gamma energies (MeV) of one cascade from 40Ar level `level` to the ground state, drawn
   by the measured branchings, and returns their number (at most AR40_MAX_CASCADE); they sum to the
   level's energy. */
int neutron_level_cascade(const gsl_rng *r, int level, double *e);

/* Returns the excitation energy (MeV) of 40Ar level k. */
double neutron_level_energy(int k);

/* Writes into e the gamma energies (MeV) of one 40Ar(n, gamma)41Ar cascade sampled from the measured
   transition intensities and returns their number (at most CAPTURE_N_LINES); they sum to
   NEUTRON_CAPTURE_Q. */
int neutron_capture_cascade(const gsl_rng *r, double *e);

/* Transports slow neutron p until it leaves the cube (FATE_LEFT: its kinetic energy escaped), is
   captured or makes a proton (FATE_INTERACTED); products (gammas, a proton, the second neutron of
   (n, 2n)) are pushed on t's stack, recoils deposited; the capture's Q is added to t->released, the
   binding energy that (n, p) and (n, 2n) cost to t->invisible. Updates p. */
enum fate neutron_transport(transport *t, const physics *ph, const gsl_rng *r, particle *p);

#endif
