/* tally: what a transport collects, shared by the processes that add to it (transport.c and the slow
   neutrons of neutron.c, which uses this and not transport.h, so that the use goes one way: transport
   -> neutron -> tally): the energy deposits, the stack of particles still to transport, and the energy
   ledger (transport.h). */
#ifndef NUTL_TALLY_H
#define NUTL_TALLY_H

#include "sim/particle.h"
#include "sim/physics.h"

/* Energy deposited along a straight segment (a charged particle's step) or at a point (hx = hy = hz = 0):
   the readout spreads it uniformly along the segment. */
typedef struct {
    float x, y, z, e;  /* midpoint (cm) and energy (MeV) */
    float hx, hy, hz;  /* half the segment, midpoint to end (cm) */
    unsigned char recoil; /* 1: an argon recoil's ionisation (it recombines more: response.h) */
    short owner;          /* the final-state particle whose SimIDEs it adds to (particle.owner), or -1 */
} deposit;

typedef struct {
    deposit *dep;
    int n_dep, cap_dep;
    particle *stack;
    int n_stack, cap_stack;
    double deposited, escaped, invisible; /* the ledger, MeV */
    double released;                      /* binding energy released by neutron captures, MeV */
    short owner, heir; /* of what is being transported now: deposits and pushes take owner (particle.h) */
} transport;

enum fate { FATE_LEFT, FATE_STOPPED, FATE_INTERACTED };

/* Prepares an empty transport t (buffers grow as needed and are kept between events). */
void transport_init(transport *t);

/* Empties the deposits, stack and ledger of t, keeping its buffers. */
void transport_reset(transport *t);

void transport_free(transport *t);

/* Pushes particle sp of kinetic energy kin at pos, going along dir, on t's stack, owned by t's current
   owner (an electromagnetic secondary: Geant4 folds it into its ancestor's track for the SimIDEs). */
void transport_push(transport *t, enum species sp, const double pos[3], const double dir[3], double kin);

/* Attributes what t records and pushes next to the nuclear or decay products of the particle being
   transported (new Geant4 tracks): the owner becomes the heir. */
void transport_attribute_products(transport *t);

/* Attributes what t records and pushes next to no final-state particle (a neutron that Geant4 made a new
   track by a non-elastic collision: its later products are not its parent's direct daughters). */
void transport_attribute_none(transport *t);

/* Records energy e spread along the segment from a to b (a point when they coincide; at the midpoint
   when the spreading ingredient is off). */
void transport_deposit_segment(transport *t, const physics *ph, const double a[3], const double b[3], double e);

/* Records energy e deposited at point x. */
void transport_deposit_point(transport *t, const physics *ph, const double x[3], double e);

/* Records the recoil of an argon nucleus of kinetic energy e at point x: its electronic share
   (physics_lindhard) deposited, marked as a recoil, the rest booked invisible (heat). */
void transport_deposit_recoil(transport *t, const physics *ph, const double x[3], double e);

/* Returns 1 if point x lies inside the cube, 0 otherwise. */
int transport_inside(const double x[3]);

#endif
