/* --response dune against hand computations: the hit threshold, 6 ADC x 5.118 ticks = 30.71 ADC ticks,
   is 7.831 map units of 1000/255 ADC ticks; a cell at a quarter of it is emptied (5.9 noise sigmas
   under it), one far above saturates at exactly 255 units, one of 20.3 units keeps a whole number of
   units within 5 sigma of it; a segment along the drift from x = 0.1 to 1.1 cm leaves 0.412, 0.512 and
   0.076 of its charge in time cells of 0.512 cm; a cell is rebinned into the 1 cm pixel holding its
   centre (collection wire 3 of 4.79 mm: centre 1.677 cm, pixel 1); and in whole events every pixel of the
   1 cm image holds whole map units of its view, at least the 8 of one hit. */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/dune.h"
#include "sim/event.h"
#include "sim/sim_constants.h"

/* Returns a cell grid of DUNE's cell sizes whose window starts at the detector's first cell, its box
   the first row's first 8 cells of view w (the other views empty). */
static cell_grid grid_at_origin(void)
{
    cell_grid g;
    dune_cells(&g);
    crop c = {{0, 0, 0}, 0};
    readout_cell_grid(&c, &g);
    for (int v = 0; v < N_VIEWS; v++) g.box[v][0] = g.box[v][2] = 1, g.box[v][1] = g.box[v][3] = 0;
    g.box[VIEW_W][0] = g.box[VIEW_W][1] = g.box[VIEW_W][2] = 0, g.box[VIEW_W][3] = 7;
    return g;
}

static void threshold_and_units(void)
{
    for (int v = 0; v < N_VIEWS; v++)
        CHECK_NEAR("hit threshold in map units", dune_hit_threshold(v) / dune_map_unit(v), 7.831, 1e-3);
    CHECK_NEAR("noise in map units", dune_noise(VIEW_W) / dune_map_unit(VIEW_W), 1.0543, 1e-3);
    cell_grid g = grid_at_origin();
    int side = g.side;
    float *cells = calloc((size_t)N_VIEWS * side * side, sizeof *cells);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    double unit = dune_map_unit(VIEW_W);
    float *w = cells + (size_t)VIEW_W * side * side;
    for (int trial = 0; trial < 200; trial++) {
        gsl_rng_set(r, (unsigned long)trial + 1);
        for (size_t p = 0; p < (size_t)N_VIEWS * side * side; p++) cells[p] = 0;
        w[0] = (float)(0.25 * dune_hit_threshold(VIEW_W));
        w[1] = (float)(1000 * unit);
        w[2] = (float)(20.3 * unit);
        dune_hits(r, &g, cells);
        CHECK(w[0] == 0, "trial %d: a cell at a quarter of the threshold kept %g", trial, w[0]);
        CHECK(fabs(w[1] / unit - 255) < 1e-3, "trial %d: saturated cell %g units", trial, w[1] / unit);
        double units = w[2] / unit;
        CHECK(fabs(units - round(units)) < 1e-3 && fabs(units - 20.3) < 5 * 1.0543 + 1,
              "trial %d: a 20.3-unit cell became %g units", trial, units);
    }
    gsl_rng_free(r);
    free(cells);
}

static void cells_and_rebin(const physics *ph)
{
    cell_grid g = grid_at_origin();
    int side = g.side;
    float *cells = calloc((size_t)N_VIEWS * side * side, sizeof *cells);
    transport t;
    transport_init(&t);
    double a[3] = {0.1, 0, 0.2}, b[3] = {1.1, 0, 0.2}; /* w = z = 0.2 cm: collection wire 0 */
    transport_deposit_segment(&t, ph, a, b, 1.0);
    readout_cells(t.dep, t.n_dep, &g, cells);
    const float *w = cells + (size_t)VIEW_W * side * side;
    CHECK(g.box[VIEW_W][0] == 0 && g.box[VIEW_W][1] == 2 && g.box[VIEW_W][2] == 0 && g.box[VIEW_W][3] == 0,
          "box of the painted cells: rows %d-%d, columns %d-%d", g.box[VIEW_W][0], g.box[VIEW_W][1],
          g.box[VIEW_W][2], g.box[VIEW_W][3]);
    double expect[3] = {0.412, 0.512, 0.076};
    for (int i = 0; i < 3; i++)
        CHECK(fabs(w[(size_t)i * side] - expect[i]) < 1e-5, "time cell %d holds %g, expected %g", i, w[(size_t)i * side],
              expect[i]);
    for (size_t p = 0; p < (size_t)N_VIEWS * side * side; p++) cells[p] = 0;
    cells[(size_t)VIEW_W * side * side + 3] = 5; /* row 0, wire 3 */
    g = grid_at_origin();
    float *fine = calloc((size_t)N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS, sizeof *fine);
    crop c = {{0, 0, 0}, 0};
    readout_cells_rebin(cells, &g, &c, fine);
    CHECK(fine[(size_t)VIEW_W * IMAGE_PIXELS * IMAGE_PIXELS + 1] == 5, "wire 3 not in pixel 1: %g",
          fine[(size_t)VIEW_W * IMAGE_PIXELS * IMAGE_PIXELS + 1]);
    transport_free(&t);
    free(cells);
    free(fine);
}

static void dune_events(const physics *ph)
{
    event_config cfg = {1000, 4000, 1, RESPONSE_DUNE};
    event_workspace w;
    event_workspace_init(&w);
    float *img = calloc((size_t)N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS, sizeof *img);
    long hits = 0, bad = 0;
    for (int i = 0; i < 9; i++) {
        event_truth t;
        event_simulate(ph, &cfg, (enum event_class)(i % 3), 300 + (uint64_t)i, &w, &t, img);
        for (int v = 0; v < N_VIEWS; v++)
            for (int p = 0; p < IMAGE_PIXELS * IMAGE_PIXELS; p++) {
                double units = img[(size_t)v * IMAGE_PIXELS * IMAGE_PIXELS + p] / dune_map_unit(v);
                if (units == 0) continue;
                hits++;
                bad += fabs(units - round(units)) > 1e-3 * units || units < 8 - 1e-3;
            }
    }
    printf("%ld hit pixels in 9 events, %ld not whole units of at least one hit\n", hits, bad);
    CHECK(hits > 0 && bad == 0, "%ld of %ld pixels are not whole map units >= 8", bad, hits);
    free(img);
    event_workspace_free(&w);
}

int main(void)
{
    physics *ph = physics_new();
    threshold_and_units();
    cells_and_rebin(ph);
    dune_events(ph);
    physics_free(ph);
    return check_status();
}
