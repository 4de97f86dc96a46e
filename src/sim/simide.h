/* simide: the particle counts of DUNE's CVN labelling (dunereco AssignLabels::GetTopology), which counts
   a final-state proton, neutron, charged pion or pi0 only if its Geant4 track (for a pi0 or a neutron,
   with its direct daughters) left at least DUNE_TOPOLOGY_HITS_CUT sim::IDEs: one per wire channel and
   TDC tick its ionisation electrons reach, on each of the three planes. nutl's stand-in for an IDE is a
   distinct (plane, wire, tick) cell on the far detector's wires (dune.h) reached by a cluster of the
   electrons of a deposit the transport attributed to that particle (deposit.owner; particle.h says which
   deposits), drifted with diffusion as LArG4 drifts them. Not modelled: the electron lifetime (fewer
   clusters on long drifts), the wires' wrapping and the APAs' gaps (docs/validate.md). Constants in
   sim_constants.h. */
#ifndef NUTL_SIMIDE_H
#define NUTL_SIMIDE_H

#include <gsl/gsl_rng.h>

#include "sim/interaction.h"
#include "sim/physics.h"
#include "sim/tally.h"

/* The species DUNE's labelling counts. */
enum { SIMIDE_PROTONS, SIMIDE_NEUTRONS, SIMIDE_CHARGED_PIONS, SIMIDE_PI0, N_SIMIDE_COUNTS };

/* Writes into offset (cm: x along the drift, y, z) a cluster's diffusion over drift_cm of drift: Gaussians
   of sigma sqrt(2 D t), D = DUNE_DIFFUSION_L along the drift and DUNE_DIFFUSION_T across it, t the drift
   time at DUNE_DRIFT_CM_PER_US. */
void simide_diffuse(const gsl_rng *r, double drift_cm, double offset[3]);

/* Writes into cells[k], for each of the n_owners final-state particles k, the number of distinct
   (plane, wire, tick) cells that the electron clusters of the deposits dep (n of them) owned by k reach,
   counted up to cut (a particle that reaches cut stops being counted). A deposit's electrons are its
   charge after recombination (response_charge) over LAR_W_ION; they drift from its x to the anode at
   anode_x (at most DUNE_MAX_DRIFT_CM) and diffuse (simide_diffuse), drawn from r. */
void simide_cells(const physics *ph, const gsl_rng *r, const deposit *dep, int n, int n_owners, double anode_x,
                  int cut, int *cells);

/* Writes into counts (N_SIMIDE_COUNTS) the final-state particles of in that DUNE's labelling counts:
   those whose cells (simide_cells, indexed as in->fs) reach cut. */
void simide_counts(const interaction *in, const int *cells, int cut, int counts[N_SIMIDE_COUNTS]);

#endif
