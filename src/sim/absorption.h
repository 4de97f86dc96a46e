/* absorption: the nucleons a pion or a nucleon absorbed in the nucleus gives out, as GENIE 3.0.6's
   INTRANUKE hA2018 makes them (HAIntranuke2018::Inelastic, fate kIHAFtAbs; sim_constants.h ABS_*):
   a pion goes to two nucleons (pi d -> N N) with a probability falling with its energy, else, as a
   nucleon does, to a number of protons and neutrons drawn from hA's fitted distributions, which share
   the probe's momentum and kinetic energy by phase space. Energies in MeV. */
#ifndef NUTL_ABSORPTION_H
#define NUTL_ABSORPTION_H

#include <gsl/gsl_rng.h>

#include "sim/particle.h"

#define ABSORPTION_MAX_NUCLEONS 64

typedef struct {
    int n;          /* nucleons out */
    int two_body;   /* 1 for a pion's pi d -> N N */
    enum species sp[ABSORPTION_MAX_NUCLEONS];
    double p4[ABSORPTION_MAX_NUCLEONS][4];
    double nucleus_e; /* energy the probe brought (T, plus a pion's rest mass) less the nucleons' kinetic
                         energies: what the nucleus keeps (binding, a pion's mass); negative if it gave */
} absorption;

/* Returns hA2018's probability that a pion of kinetic energy t absorbed in a nucleus of a nucleons goes
   to two nucleons, 1.14 (0.903 - 0.00189 a) (1.35 - 0.00467 t), clamped to [0, 1]. */
double absorption_two_body_share(double t, int a);

/* Writes the nucleons out when a pion or nucleon probe of kinetic energy t moving along dir is absorbed
   in a nucleus of a nucleons, z protons, at most max_out of them (hA's counts scaled down when more:
   GENIE's own cap is 85). Returns 0 if the probe is neither or the nucleus cannot absorb it (a pi- with
   no proton, a pi+ with no neutron, fewer than two nucleons), 1 otherwise. */
int absorption_emit(const gsl_rng *r, enum species probe, double t, const double dir[3], int a, int z,
                    int max_out, absorption *out);

#endif
