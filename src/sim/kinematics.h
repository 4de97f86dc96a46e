/* kinematics: directions, Lorentz boosts and decays in flight. Four-vectors are (E, px, py, pz) in MeV. */
#ifndef NUTL_KINEMATICS_H
#define NUTL_KINEMATICS_H

#include <gsl/gsl_rng.h>

/* Rotates unit vector d by polar angle acos(cos_theta) about itself, at azimuth phi. */
void dir_deflect(double d[3], double cos_theta, double phi);

/* Returns the invariant mass of four-vector p (0 if space-like). */
double p4_mass(const double p[4]);

/* Boosts four-vector p from the rest frame of a system with four-vector frame into the lab. */
void p4_boost(const double frame[4], double p[4]);

/* Splits four-vector parent into two particles of masses m1 and m2, isotropic in the parent's rest
   frame; writes their four-vectors. The parent's mass must be at least m1 + m2. */
void p4_decay_two(const gsl_rng *r, const double parent[4], double m1, double m2, double out1[4],
                  double out2[4]);

/* Splits parent into n particles of the given masses by successive two-body decays, each intermediate
   mass uniform over its allowed range (an approximation of n-body phase space); returns 0 if the
   parent is too light, 1 on success. */
int p4_decay_n(const gsl_rng *r, const double parent[4], const double *mass, int n, double (*out)[4]);

/* Splits parent into n <= PHASE_SPACE_MAX particles of the given masses by n-body phase space, as ROOT's
   TGenPhaseSpace (GENBOD) makes it: the intermediate masses from sorted uniforms, each draw weighted by
   the product of its two-body momenta and kept against wmax, the largest of `trials` weights times
   margin (GENIE's PhaseSpaceDecay), at most max_tries draws (the last one kept after that). Returns 0 if
   the parent is too light or n is out of range, 1 on success. */
#define PHASE_SPACE_MAX 24
int p4_decay_phase_space(const gsl_rng *r, const double parent[4], const double *mass, int n, int trials,
                         double margin, int max_tries, double (*out)[4]);

/* Splits kinetic energy q between two nucleons knocked on by a projectile moving along dir: fractions
   f and 1 - f (f uniform in [0.05, 0.95]) at angles acos(sqrt(f)) and acos(sqrt(1 - f)) on opposite
   sides, the kinematics of an elastic collision of equal masses. Writes energies e and directions d. */
void split_knock_out(const gsl_rng *r, const double dir[3], double q, double e[2], double d[2][3]);

#endif
