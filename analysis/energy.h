/* energy: classification accuracy of each true class in bins of true neutrino energy (Fig. 6) and the
   spread of that accuracy across bins, the energy bias as one number per class. */
#ifndef NUTL_ENERGY_H
#define NUTL_ENERGY_H

#include "record.h"

#define ENERGY_MAX_BINS 32

typedef struct {
    int n_bins;
    double edges[ENERGY_MAX_BINS + 1];
    long events[N_CLASSES][ENERGY_MAX_BINS], correct[N_CLASSES][ENERGY_MAX_BINS];
    double acc[N_CLASSES][ENERGY_MAX_BINS];               /* NaN in a bin without events */
    double lo[N_CLASSES][ENERGY_MAX_BINS], hi[N_CLASSES][ENERGY_MAX_BINS]; /* Wilson, 1 sigma */
    long outside;                                              /* events outside the edges */
} energy_accuracy;

typedef struct {
    double spread, err; /* highest minus lowest bin accuracy, and its error; NaN with < 2 filled bins */
    int lowest, highest; /* the bins */
} energy_spread;

/* Fills e from n predictions binned at the n_bins + 1 ascending edges (GeV); dies if the edges are not
   ascending or too many. Returns the number of events outside the edges (also kept in e->outside). */
long energy_fill(energy_accuracy *e, const prediction *p, long n, const double *edges, int n_bins);

/* Returns class c's spread of accuracy across the filled bins; its error adds in quadrature the
   1-sigma errors (half the Wilson interval) of the two bins. */
energy_spread energy_bias(const energy_accuracy *e, int c);

#endif
