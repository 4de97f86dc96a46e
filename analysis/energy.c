#include "energy.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_histogram.h>
#include <math.h>
#include <string.h>

#include "binomial.h"
#include "core/util.h"

long energy_fill(energy_accuracy *e, const prediction *p, long n, const double *edges, int n_bins)
{
    if (n_bins < 1 || n_bins > ENERGY_MAX_BINS) nutl_die("energy bins: need 1 to %d bins", ENERGY_MAX_BINS);
    memset(e, 0, sizeof *e);
    e->n_bins = n_bins;
    memcpy(e->edges, edges, (n_bins + 1) * sizeof *edges);
    gsl_histogram *all[N_CLASSES], *right[N_CLASSES];
    for (int c = 0; c < N_CLASSES; c++) {
        all[c] = gsl_histogram_alloc(n_bins);
        right[c] = gsl_histogram_alloc(n_bins);
        if (!all[c] || !right[c] || gsl_histogram_set_ranges(all[c], edges, n_bins + 1) ||
            gsl_histogram_set_ranges(right[c], edges, n_bins + 1))
            nutl_die("energy bins: edges must be ascending");
    }
    for (long i = 0; i < n; i++) {
        int c = p[i].true_class;
        if (gsl_histogram_increment(all[c], p[i].energy_gev) == GSL_EDOM) e->outside++;
        else if (p[i].predicted_class == c) gsl_histogram_increment(right[c], p[i].energy_gev);
    }
    for (int c = 0; c < N_CLASSES; c++) {
        for (int b = 0; b < n_bins; b++) {
            e->events[c][b] = (long)gsl_histogram_get(all[c], b);
            e->correct[c][b] = (long)gsl_histogram_get(right[c], b);
            e->acc[c][b] = e->events[c][b] ? (double)e->correct[c][b] / e->events[c][b] : NAN;
            binomial_wilson(e->correct[c][b], e->events[c][b], BINOMIAL_ONE_SIGMA, &e->lo[c][b], &e->hi[c][b]);
        }
        gsl_histogram_free(all[c]);
        gsl_histogram_free(right[c]);
    }
    return e->outside;
}

energy_spread energy_bias(const energy_accuracy *e, int c)
{
    energy_spread s = {NAN, NAN, -1, -1};
    int filled = 0;
    for (int b = 0; b < e->n_bins; b++) {
        if (!e->events[c][b]) continue;
        filled++;
        if (s.lowest < 0 || e->acc[c][b] < e->acc[c][s.lowest]) s.lowest = b;
        if (s.highest < 0 || e->acc[c][b] > e->acc[c][s.highest]) s.highest = b;
    }
    if (filled < 2) return s;
    double el = (e->hi[c][s.lowest] - e->lo[c][s.lowest]) / 2;
    double eh = (e->hi[c][s.highest] - e->lo[c][s.highest]) / 2;
    s.spread = e->acc[c][s.highest] - e->acc[c][s.lowest];
    s.err = hypot(el, eh);
    return s;
}
