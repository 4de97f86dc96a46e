/* The separability index's parts: features of a hand-drawn image (hits, islands joined through corners,
   widths, span, soft share), and the cross-validated regression on synthetic classes: three separated
   clusters must give macro-F1 > 0.95, labels independent of the features must stay near chance (1/3),
   and a pair test must see only its two classes. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "difficulty/separability.h"

#define SIDE 8

static void hand_drawn_image(void)
{
    float img[FEATURE_VIEWS * SIDE * SIDE] = {0};
    int work[2 * SIDE * SIDE];
    /* Each view: a diagonal of 3 pixels of 1 MeV (one island through corners) at rows 0-2, columns 0-2,
       and one lone 0.05 MeV pixel at (6, 6). */
    for (int v = 0; v < FEATURE_VIEWS; v++) {
        float *p = img + v * SIDE * SIDE;
        for (int k = 0; k < 3; k++) p[k * SIDE + k] = 1;
        p[6 * SIDE + 6] = 0.05f;
    }
    event_features f;
    features_compute(img, SIDE, work, &f);
    CHECK(f.f[FEAT_HITS] == 4, "hits %g, drawn 4", f.f[FEAT_HITS]);
    CHECK(f.f[FEAT_ISLANDS] == 2, "islands %g, drawn 2 (a diagonal is one island)", f.f[FEAT_ISLANDS]);
    CHECK(f.islands[2] == 2 && f.hits[1] == 4, "per view: islands %g hits %g", f.islands[2], f.hits[1]);
    CHECK(f.f[FEAT_LARGEST_SPAN] == 3, "largest island span %g, drawn 3", f.f[FEAT_LARGEST_SPAN]);
    CHECK(fabs(f.f[FEAT_SOFT_FRACTION] - 0.25) < 1e-12, "soft share %g, drawn 1/4", f.f[FEAT_SOFT_FRACTION]);
    CHECK(fabs(f.f[FEAT_ENERGY] - 3.05) < 1e-6, "energy %g, drawn 3.05", f.f[FEAT_ENERGY]);
    CHECK(fabs(f.f[FEAT_PEAK] - 1) < 1e-12, "peak %g", f.f[FEAT_PEAK]);
    /* Wire RMS: weights 1, 1, 1, 0.05 at columns 0, 1, 2, 6. */
    double w[4] = {1, 1, 1, 0.05f}, c[4] = {0, 1, 2, 6}, s = 0, sc = 0, scc = 0;
    for (int k = 0; k < 4; k++) { s += w[k]; sc += w[k] * c[k]; scc += w[k] * c[k] * c[k]; }
    double rms = sqrt(scc / s - sc * sc / s / s);
    CHECK(fabs(f.f[FEAT_WIRE_WIDTH] - rms) < 1e-9, "wire width %g, expected %g", f.f[FEAT_WIRE_WIDTH], rms);
    CHECK(fabs(f.f[FEAT_DRIFT_WIDTH] - rms) < 1e-9, "drift width %g, expected %g", f.f[FEAT_DRIFT_WIDTH], rms);
}

/* Fills s with n synthetic events: class i % 3, each feature Gaussian around shift * class (0 shift:
   the features say nothing about the class). */
static void synthetic(separability_data *s, int n, double shift, const gsl_rng *r)
{
    *s = (separability_data){.n = n};
    s->x = calloc((size_t)n * N_FEATURES, sizeof *s->x);
    s->cls = calloc((size_t)n, sizeof *s->cls);
    for (int i = 0; i < n; i++) {
        s->cls[i] = i % N_CLASSES;
        for (int j = 0; j < N_FEATURES; j++)
            s->x[(size_t)i * N_FEATURES + j] = shift * s->cls[i] * (j % 2 ? 1 : -1) + gsl_ran_gaussian(r, 1);
    }
}

static void regression(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 4242);
    int all[N_FEATURES];
    for (int j = 0; j < N_FEATURES; j++) all[j] = j;
    separability_data s;
    confusion cm;

    synthetic(&s, 900, 2.0, r);
    double f1 = separability_cv(&s, all, N_FEATURES, 7, 5, &cm);
    printf("separated clusters: macro-F1 %.3f\n", f1);
    CHECK(f1 > 0.95, "separated clusters give macro-F1 %g", f1);
    long total = 0;
    for (int t = 0; t < N_CLASSES; t++) total += confusion_true_events(&cm, t);
    CHECK(total == 900, "every event predicted once across the folds: %ld", total);
    double pair = separability_cv(&s, all, N_FEATURES, 1u | 4u, 5, &cm);
    CHECK(confusion_true_events(&cm, 1) == 0 && cm.counts[0][1] == 0 && cm.counts[2][1] == 0,
          "a pair regression saw or predicted the third class");
    CHECK(pair > 0.95, "pair F1 %g", pair);
    free(s.x); free(s.cls);

    synthetic(&s, 900, 0.0, r);
    f1 = separability_cv(&s, all, N_FEATURES, 7, 5, NULL);
    printf("uninformative features: macro-F1 %.3f (chance 0.333)\n", f1);
    CHECK(f1 > 0.25 && f1 < 0.42, "features independent of the class give macro-F1 %g", f1);
    free(s.x); free(s.cls);
    gsl_rng_free(r);
}

int main(void)
{
    hand_drawn_image();
    regression();
    return check_status();
}
