/* neutron: neutrons below NEUTRON_T_CUT in liquid argon (ingredient slow-neutrons). From 20 MeV down
   they fly exponential distances with the mean free path of the tabulated 40Ar cross-sections
   (sim_constants.h) and scatter elastically (the argon recoil deposited where it happens), excite the
   1.461 MeV level of 40Ar (the recoil deposited, the gamma pushed), make a proton by (n, p) (pushed,
   tracked by the charged transport) or are captured, emitting a measured 41Ar gamma cascade of
   Q = 6.0989 MeV. Two-body kinematics is non-relativistic and isotropic in the centre of mass: exact for
   the s-wave scattering below ~100 keV where most collisions happen; at MeV energies the measured
   elastic angular distributions are forward-peaked, so the recoils there are overstated on average.
   Below NEUTRON_RECOIL_CUT the recoils are no longer deposited (booked invisible) and the neutron goes
   on colliding to capture or the wall. */
#ifndef NUTL_NEUTRON_H
#define NUTL_NEUTRON_H

#include <gsl/gsl_rng.h>

#include "sim/tally.h"

enum neutron_channel { NEUTRON_ELASTIC, NEUTRON_INELASTIC, NEUTRON_PROTON, NEUTRON_CAPTURE, N_NEUTRON_CHANNELS };

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

/* Writes into e the gamma energies (MeV) of one 40Ar(n, gamma)41Ar cascade sampled from the measured
   transition intensities and returns their number (at most CAPTURE_N_LINES); they sum to
   NEUTRON_CAPTURE_Q. */
int neutron_capture_cascade(const gsl_rng *r, double *e);

/* Transports slow neutron p until it leaves the cube (FATE_LEFT: its kinetic energy escaped), is
   captured or makes a proton (FATE_INTERACTED); products are pushed on t's stack, recoils deposited;
   the capture's Q is added to t->released. Updates p. */
enum fate neutron_transport(transport *t, const physics *ph, const gsl_rng *r, particle *p);

#endif
