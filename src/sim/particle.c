#include "sim/particle.h"

#include <math.h>

#include "sim/sim_constants.h"

double species_mass(enum species sp)
{
    static const double mass[N_SPECIES] = {
        [SP_GAMMA] = 0, [SP_ELECTRON] = M_ELECTRON, [SP_POSITRON] = M_ELECTRON,
        [SP_MUON_MINUS] = M_MUON, [SP_MUON_PLUS] = M_MUON, [SP_PION_PLUS] = M_PION_CHARGED,
        [SP_PION_MINUS] = M_PION_CHARGED, [SP_PION_ZERO] = M_PION_ZERO, [SP_PROTON] = M_PROTON,
        [SP_NEUTRON] = M_NEUTRON, [SP_NEUTRINO] = 0};
    return mass[sp];
}

const char *species_name(enum species sp)
{
    static const char *name[N_SPECIES] = {"gamma", "e-", "e+", "mu-", "mu+", "pi+", "pi-", "pi0", "p", "n",
                                          "nu"};
    return name[sp];
}

double species_budget(enum species sp, double t)
{
    switch (sp) {
    case SP_POSITRON: return t + 2 * M_ELECTRON;
    case SP_MUON_MINUS: case SP_MUON_PLUS: case SP_PION_PLUS: case SP_PION_MINUS: case SP_PION_ZERO:
        return t + species_mass(sp);
    default: return t;
    }
}

double particle_momentum(enum species sp, double t)
{
    double m = species_mass(sp);
    return sqrt(t * (t + 2 * m));
}
