/* compare: two splits side by side, class by class (nutl's simulated events against a reference such as
   the DUNE CVN sample): per-event image statistics (hit pixels, islands, largest island's span, energy
   in the image, share of soft pixels), truth (inelasticity, particle multiplicities), and the per-pixel
   energy spectrum. The first split's events are weighted to the reference's neutrino-energy
   distribution, class by class (COMPARE_ENERGY_BINS bins over the reference's energy range), so both
   are compared at matched energy. */
#ifndef NUTL_COMPARE_H
#define NUTL_COMPARE_H

#include "core/classes.h"

#define COMPARE_ENERGY_BINS 6

enum quantity {
    Q_NU_ENERGY,     /* true neutrino energy, GeV (matched by the weights: a check of them) */
    Q_HITS,          /* non-zero pixels per view */
    Q_ISLANDS,       /* 8-connected islands per view */
    Q_SPAN,          /* longest bounding-box side of the largest island, pixels (mean over views) */
    Q_IMAGE_ENERGY,  /* energy in the image, GeV (mean over views) */
    Q_SOFT,          /* share of the hit pixels below FEATURE_SOFT_MEV */
    Q_Y,             /* inelasticity */
    Q_PROTONS,       /* final-state protons (as the split's truth counts them) */
    Q_NEUTRONS,
    Q_CHARGED_PIONS,
    Q_PI0,
    N_QUANTITIES
};

typedef struct {
    int n, side;
    int *cls;
    double *energy;             /* true neutrino energy, GeV */
    double *weight;             /* matched-energy weight (1 for the reference) */
    double *q[N_QUANTITIES];    /* per event */
    double *pixels[N_CLASSES];  /* every non-zero pixel value, MeV, per class */
    int *pixel_event[N_CLASSES]; /* and the event it belongs to */
    long n_pixels[N_CLASSES];
} compare_split;

/* Returns the short name of quantity q ("hits", "y", ...), and its label for tables and plots. */
const char *compare_quantity_name(int q);
const char *compare_quantity_label(int q);

/* Loads the split in dir: images, truth (the charged pions as n_pipm, or n_pip + n_pim; NaN for what
   the split's truth does not record, left out of every statistic) and unit weights. */
void compare_load(const char *dir, compare_split *s);

/* Sets the weights of s so that each class's energy distribution is the reference's (a bin without
   events of s gets none); returns the classes' smallest effective number of events of s,
   (sum w)^2 / sum w^2. */
double compare_match_energy(compare_split *s, const compare_split *ref);

/* Writes into dir: distributions.tsv and distributions.md (per class and quantity: weighted mean with
   its error, median, for both, and the ratio of the means) and data/<quantity>.dat, data/pixel_mev.dat
   (normalised histograms, a column per class and split, header line naming them), data/quantities.tsv
   (each histogram's name and axis label). names label the two splits in the Markdown. */
void compare_write(const compare_split *s, const compare_split *ref, const char *names[2], const char *dir);

void compare_free(compare_split *s);

#endif
