/* features: cheap per-event descriptors of a 3-view image, the inputs of the separability index.
   Every feature is the mean over the u, v and w views of a per-view quantity (README.md lists them
   with what each measures). Islands are groups of non-zero pixels joined through their 8 neighbours. */
#ifndef NUTL_FEATURES_H
#define NUTL_FEATURES_H

#define FEATURE_VIEWS 3
#define FEATURE_SOFT_MEV 0.1 /* a pixel below this holds less than a tenth of a MIP's 1 cm loss */

enum feature {
    FEAT_HITS,           /* non-zero pixels */
    FEAT_ENERGY,         /* summed pixel values, MeV */
    FEAT_CHARGE_PER_HIT, /* energy / hits, MeV */
    FEAT_WIRE_WIDTH,     /* energy-weighted RMS of the wire coordinate, pixels */
    FEAT_DRIFT_WIDTH,    /* energy-weighted RMS of the drift coordinate, pixels */
    FEAT_ISLANDS,        /* 8-connected islands of non-zero pixels */
    FEAT_LARGEST_SPAN,   /* longest side of the bounding box of the island with most pixels, pixels */
    FEAT_SOFT_FRACTION,  /* share of the hit pixels below FEATURE_SOFT_MEV */
    FEAT_PEAK,           /* the largest pixel value, MeV */
    N_FEATURES
};

typedef struct {
    double f[N_FEATURES];           /* the features (means over the views) */
    double hits[FEATURE_VIEWS];     /* per view: non-zero pixels */
    double islands[FEATURE_VIEWS];  /* per view: islands */
} event_features;

/* Returns the short name of feature f ("hits", "wire_width", ...). */
const char *feature_name(int f);

/* Fills *out from image (FEATURE_VIEWS planes of side x side floats, CHW, row = drift, column = wire);
   work is 2 * side * side ints of scratch space. */
void features_compute(const float *image, int side, int *work, event_features *out);

#endif
