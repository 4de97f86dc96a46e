/* particle: the species the simulator knows and the particle record shared by the interaction generator
   and the transport. Energies in MeV, positions in cm, directions are unit vectors. */
#ifndef NUTL_PARTICLE_H
#define NUTL_PARTICLE_H

enum species {
    SP_GAMMA, SP_ELECTRON, SP_POSITRON, SP_MUON_MINUS, SP_MUON_PLUS, SP_PION_PLUS, SP_PION_MINUS,
    SP_PION_ZERO, SP_PROTON, SP_NEUTRON, SP_NEUTRINO, N_SPECIES
};

typedef struct {
    enum species sp;
    double pos[3];
    double dir[3];
    double t;      /* kinetic energy */
    double length; /* path travelled so far */
    /* DUNE's labelling (simide.h): the index of the interaction's final-state particle whose SimIDEs
       this particle's deposits add to (-1: none), and the one its nuclear and decay products' add to
       (the owner for a final-state pi0 or neutron, whose direct daughters DUNE counts; -1 otherwise). */
    short owner, heir;
} particle;

/* Returns the rest mass of species sp. */
double species_mass(enum species sp);

/* Returns a short name ("mu-", "gamma", ...) of species sp. */
const char *species_name(enum species sp);

/* Returns the energy that a particle of species sp with kinetic energy t can still release in the
   detector: t, plus the rest mass of a particle that decays or is absorbed (mu, pi, pi0, gamma), plus
   2 m_e for a positron (annihilation). The transport accounts for exactly this amount. */
double species_budget(enum species sp, double t);

/* Returns the momentum of a particle of species sp with kinetic energy t. */
double particle_momentum(enum species sp, double t);

#endif
