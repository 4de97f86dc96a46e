/* simide: the particle counts of DUNE's CVN labelling (dunereco AssignLabels::GetTopology), which counts
   a final-state proton, neutron, charged pion or pi0 only if its Geant4 track (for a pi0 or a neutron,
   with its direct daughters) left at least DUNE_TOPOLOGY_HITS_CUT sim::IDEs: one per wire channel and
   TDC tick its ionisation electrons reach, on each of the three planes. nutl's stand-in for an IDE is a
   distinct (plane, wire, tick) cell on the far detector's wires (dune.h) touched by a deposit the
   transport attributed to that particle (deposit.owner; particle.h says which deposits). Not modelled:
   diffusion, which spreads a deposit's electrons over neighbouring ticks and wires and so gives more
   IDEs (docs/validate.md); the wires' wrapping and the APAs' gaps. Constants in sim_constants.h. */
#ifndef NUTL_SIMIDE_H
#define NUTL_SIMIDE_H

#include "sim/interaction.h"
#include "sim/tally.h"

/* The species DUNE's labelling counts. */
enum { SIMIDE_PROTONS, SIMIDE_NEUTRONS, SIMIDE_CHARGED_PIONS, SIMIDE_PI0, N_SIMIDE_COUNTS };

/* Writes into cells[k], for each of the n_owners final-state particles k, the number of distinct
   (plane, wire, tick) cells that the deposits dep (n of them) owned by k touch, counted up to cut (a
   particle that reaches cut stops being counted). */
void simide_cells(const deposit *dep, int n, int n_owners, int cut, int *cells);

/* Writes into counts (N_SIMIDE_COUNTS) the final-state particles of in that DUNE's labelling counts:
   those whose cells (simide_cells, indexed as in->fs) reach cut. */
void simide_counts(const interaction *in, const int *cells, int cut, int counts[N_SIMIDE_COUNTS]);

#endif
