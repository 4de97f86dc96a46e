/* compare: two splits side by side, class by class (nutl's simulated events against a reference such as
   the DUNE CVN sample): per-event image statistics (hit pixels, islands, largest island's span, energy
   in the image, share of soft pixels), truth (inelasticity, particle multiplicities), and the per-pixel
   energy spectrum. An optional selection (compare_select) keeps only events with enough bright pixels,
   in both splits, as a reference's own processing does (DUNE's CVNMapper: more than 100 hits). The
   first split's events are weighted to the reference's neutrino-energy
   distribution, class by class (COMPARE_ENERGY_BINS bins over the reference's energy range), so both
   are compared at matched energy. */
#ifndef NUTL_COMPARE_H
#define NUTL_COMPARE_H

#include "core/classes.h"

#define COMPARE_ENERGY_BINS 6
#define COMPARE_EMPTY_GEV 0.05 /* an image with less energy than this counts as empty */

enum quantity {
    Q_NU_ENERGY,     /* true neutrino energy, GeV (matched by the weights: a check of them) */
    Q_HITS,          /* non-zero pixels per view */
    Q_ISLANDS,       /* 8-connected islands per view */
    Q_SPAN,          /* longest bounding-box side of the largest island, pixels (mean over views) */
    Q_IMAGE_ENERGY,  /* energy in the image, GeV (mean over views) */
    Q_SOFT,          /* share of the hit pixels below FEATURE_SOFT_MEV */
    Q_EMPTY,         /* 1 if the image holds under COMPARE_EMPTY_GEV, else 0: its mean is the empty share */
    Q_Y,             /* inelasticity */
    Q_LEPTON_E,      /* outgoing lepton's energy, GeV (NC: the outgoing neutrino's) */
    Q_W,             /* hadronic invariant mass, GeV (nutl's truth only) */
    Q_Q2,            /* four-momentum transfer squared, GeV^2 (nutl's truth only) */
    Q_ANY_PI0,       /* 1 if the final state holds a pi0, else 0: its mean is P(at least one pi0) */
    Q_PROTONS,       /* final-state protons, all that leave the nucleus (nutl's truth only) */
    Q_NEUTRONS,
    Q_CHARGED_PIONS,
    Q_PI0,
    Q_ANY_PI0_DUNE,  /* as Q_ANY_PI0 and the counts below, for the particles DUNE's labelling counts: those */
    Q_PROTONS_DUNE,  /* with at least 100 sim::IDEs (DUNE's .info files; nutl's simide.h) */
    Q_NEUTRONS_DUNE,
    Q_CHARGED_PIONS_DUNE,
    Q_PI0_DUNE,
    N_QUANTITIES
};

typedef struct {
    int n, side;
    int *cls;
    double *energy;             /* true neutrino energy, GeV */
    double *weight;             /* matched-energy weight (1 for the reference; 0 for an event not selected) */
    unsigned char *selected;    /* 1 if the event passes compare_select (every event without one) */
    double *q[N_QUANTITIES];    /* per event */
    double *pixels[N_CLASSES];  /* every non-zero pixel value, MeV, per class */
    int *pixel_event[N_CLASSES]; /* and the event it belongs to */
    long n_pixels[N_CLASSES];
} compare_split;

/* Returns the short name of quantity q ("hits", "y", ...), and its label for tables and plots. */
const char *compare_quantity_name(int q);
const char *compare_quantity_label(int q);

/* Loads the split in dir: images, truth (the charged pions as n_pipm, or n_pip + n_pim; the counts DUNE's
   labelling makes as n_p_dune, n_n_dune, n_pipm_dune, n_pi0_dune; NaN for what
   the split's truth does not record, left out of every statistic) and unit weights. */
void compare_load(const char *dir, compare_split *s);

/* Keeps in s only the events with more than min_pixels pixels of at least pixel_mev (the three views
   together); the others get weight 0 and stay out of every statistic. Returns the share kept of class c
   in kept[c]. */
void compare_select(compare_split *s, int min_pixels, double pixel_mev, double kept[N_CLASSES]);

/* Returns the p-quantile of the values of every pixel of s (all classes, unweighted), in MeV. */
double compare_pixel_quantile(const compare_split *s, double p);

/* Sets the weights of s so that each class's energy distribution is the reference's (a bin without
   events of s gets none; only selected events of both count); returns the classes' smallest effective number of events of s,
   (sum w)^2 / sum w^2. */
double compare_match_energy(compare_split *s, const compare_split *ref);

/* Writes into dir: distributions.tsv and distributions.md (per class and quantity: weighted mean with
   its error, median, for both, and the ratio of the means) and data/<quantity>.dat, data/pixel_mev.dat
   (normalised histograms, a column per class and split, header line naming them), data/quantities.tsv
   (each histogram's name and axis label). names label the two splits in the Markdown; note, if not
   NULL, is a line written above the Markdown table (the selection). */
void compare_write(const compare_split *s, const compare_split *ref, const char *names[2], const char *note,
                   const char *dir);

void compare_free(compare_split *s);

#endif
