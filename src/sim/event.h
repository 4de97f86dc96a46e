/* event: one simulated event, from the neutrino energy to the image. Everything random in an event is
   drawn from one MT19937 stream seeded with the event's seed, so any event can be regenerated alone.
   Draws that leave fewer than MIN_DEPOSITS deposits (with --response paper: steps above its threshold)
   are dropped and replaced by the next draw of the same stream, with the same class (the paper's rule,
   counted in event_truth.dropped). */
#ifndef NUTL_EVENT_H
#define NUTL_EVENT_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "sim/interaction.h"
#include "sim/paper.h"
#include "sim/physics.h"
#include "sim/readout.h"
#include "sim/response.h"
#include "sim/simide.h"
#include "sim/transport.h"

typedef struct {
    double e_min, e_max; /* neutrino energy range, MeV (uniform) */
    int downsample;      /* k: pixels are sums of k x k blocks; 224 / k per side */
    enum response_kind response; /* RESPONSE_IDEAL (0, the paper's) or a detector response */
} event_config;

typedef struct {
    interaction in;
    uint64_t seed;
    int dropped;                                   /* draws dropped before this one */
    int n_deposits;
    double available, deposited, escaped, invisible; /* the transport's ledger, MeV */
    double image_energy;   /* MeV inside the crop (mean over the views; collected charge x W_ion with a response) */
    int hits[N_VIEWS];                             /* non-zero pixels per view */
    int n_dune[N_SIMIDE_COUNTS]; /* final-state p, n, pi+-, pi0 as DUNE's labelling counts them (simide.h) */
    crop crop;
} event_truth;

typedef struct {
    transport tr;
    gsl_rng *rng;
    gsl_rng *drift_rng; /* DUNE's counts' diffusion (simide.h): a stream apart, leaving rng's draws as they were */
    transport steps;   /* --response paper: its step list while it is built (paper.h) */
    float *fine;       /* --response lar, dune: the image in 1 cm pixels, before the block sums */
    float *cells;      /* --response dune: the charge on DUNE's wires and time cells (allocated when used) */
} event_workspace;

void event_workspace_init(event_workspace *w);
void event_workspace_free(event_workspace *w);

/* Returns the seed of event i of a split simulated with seed split_seed: seed_derive(split_seed,
   "events") + i (mod 2^63). MT19937 takes its low 32 bits, distinct for the events of a split. */
uint64_t event_seed(uint64_t split_seed, int64_t i);

/* Simulates one event of class cls from seed: fills truth and writes its image (N_VIEWS x side x side
   floats, side = 224 / cfg->downsample). */
void event_simulate(const physics *ph, const event_config *cfg, enum event_class cls, uint64_t seed,
                    event_workspace *w, event_truth *truth, float *image);

#endif
