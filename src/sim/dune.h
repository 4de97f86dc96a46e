/* dune: `nutl simulate --response dune`, the images DUNE's CVN pixel maps would hold for nutl's events
   (the maps of the DUNE sample that make validate compares with): the charge that escapes recombination
   (as `lar`), collected on the far detector's wires in time cells (readout.h cell_grid: 4.669 / 4.790 mm
   wires, 0.512 cm time cells), hit finding per cell (noise, GausHitFinder's threshold), the map's 8-bit
   units and saturation, then each cell added to the 1 cm pixel holding its centre, as nutl import
   dune-cvn does with DUNE's own maps. Pixel values: MeV of collected charge (electrons x W_ion); a map
   unit's worth of it comes from the minimum-ionising peak (sim_constants.h).
   Constants and sources in sim_constants.h. */
#ifndef NUTL_DUNE_H
#define NUTL_DUNE_H

#include <gsl/gsl_rng.h>

#include "sim/readout.h"

/* Sets g's cell sizes to the far detector's: wire pitch per view and the CVN map's time cell. */
void dune_cells(cell_grid *g);

/* Returns the charge (MeV of collected charge) of one map unit in view v: DUNE_MAP_UNIT_MEV. */
double dune_map_unit(int view);

/* Returns the charge (MeV) a hit in view v needs: DUNE_HIT_MIN_PEAK_ADC x DUNE_PULSE_AREA_TICKS ADC
   ticks, in map units, in MeV. */
double dune_hit_threshold(int view);

/* Returns the noise (MeV, one standard deviation) on a hit's charge in view v: DUNE_NOISE_ELECTRONS
   through ElectronsToADC, in map units, in MeV. */
double dune_noise(int view);

/* Turns the charge in each cell of g (readout_cells' layout) into what the map holds: Gaussian noise of
   DUNE_NOISE_ELECTRONS on charged cells, noise hits on empty ones at the Gaussian tail rate, cells under
   the hit threshold emptied, the rest rounded up to whole map units and saturated at
   DUNE_MAP_MAX_UNITS; a noise hit widens g's box. */
void dune_hits(const gsl_rng *r, cell_grid *g, float *cells);

#endif
