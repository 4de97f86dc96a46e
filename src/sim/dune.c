#include "sim/dune.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

#include "sim/sim_constants.h"

void dune_cells(cell_grid *g)
{
    g->drift_cm = DUNE_TICKS_PER_CELL * DUNE_TICK_US * DUNE_DRIFT_CM_PER_US;
    g->wire_cm[VIEW_U] = g->wire_cm[VIEW_V] = DUNE_PITCH_INDUCTION_CM;
    g->wire_cm[VIEW_W] = DUNE_PITCH_COLLECTION_CM;
}

double dune_map_unit(int view)
{
    static const double unit[N_VIEWS] = DUNE_MAP_UNIT_MEV;
    return unit[view];
}

/* Returns ADC ticks of hit integral in MeV of charge in view v. */
static double adc_ticks(double adc, int view)
{
    return adc / DUNE_MAP_UNIT_ADC_TICKS * dune_map_unit(view);
}

double dune_hit_threshold(int view)
{
    return adc_ticks(DUNE_HIT_MIN_PEAK_ADC * DUNE_PULSE_AREA_TICKS, view);
}

double dune_noise(int view)
{
    return adc_ticks(DUNE_NOISE_ELECTRONS * DUNE_ELECTRONS_TO_ADC, view);
}

/* Returns charge q as the map holds it: whole units, rounded up, at most DUNE_MAP_MAX_UNITS. */
static float to_map(double q, double unit)
{
    return (float)(fmin(ceil(q / unit), DUNE_MAP_MAX_UNITS) * unit);
}

void dune_hits(const gsl_rng *r, cell_grid *g, float *cells)
{
    int side = g->side;
    for (int v = 0; v < N_VIEWS; v++) {
        double sigma = dune_noise(v), threshold = dune_hit_threshold(v), unit = dune_map_unit(v);
        float *plane = cells + (size_t)v * side * side;
        const int *b = g->box[v];
        unsigned charged = 0;
        for (int i = b[0]; i <= b[1]; i++)
            for (int j = b[2]; j <= b[3]; j++) {
                float *c = &plane[(size_t)i * side + j];
                if (*c == 0) continue;
                charged++;
                double q = *c + gsl_ran_gaussian_ziggurat(r, sigma);
                *c = q < threshold ? 0 : to_map(q, unit);
            }
        /* Noise alone makes a hit in an empty cell as often as the Gaussian tail above the threshold
           (7.8 units against 1.05: about one cell in 10^13, kept for completeness). */
        unsigned empty = (unsigned)g->rows * (unsigned)g->cols - charged;
        unsigned hits = gsl_ran_binomial(r, gsl_cdf_gaussian_Q(threshold, sigma), empty);
        for (unsigned h = 0; h < hits; h++) {
            int i, j;
            do i = (int)gsl_rng_uniform_int(r, (unsigned long)g->rows), j = (int)gsl_rng_uniform_int(r, (unsigned long)g->cols);
            while (plane[(size_t)i * side + j] != 0);
            plane[(size_t)i * side + j] = to_map(gsl_ran_gaussian_tail(r, threshold, sigma), unit);
            readout_box_add(g, v, i, j);
        }
    }
}
