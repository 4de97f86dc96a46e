/* The MIP calibration's pieces (src/import/mip.h): which pixels count as track-interior (a line's inner
   pixels; not a blob, a lone pixel, a line's ends or a pixel beside a branch), the most probable value
   of Landau-distributed track pixels against the Landau mode (location - 0.2228 scale), and a known
   calibration constant recovered from two independent samples, one in MeV and one in charge units. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <string.h>

#include "../check.h"
#include "import/mip.h"

#define SIDE 64
#define LANDAU_MODE (-0.22278) /* the mode of GSL's standard Landau density */

static float view[SIDE * SIDE];

/* Returns the number of track-interior pixels of view. */
static size_t interior_count(void)
{
    mip_sample s = mip_sample_new();
    mip_collect(view, SIDE, SIDE, &s);
    size_t n = s.n;
    mip_sample_free(&s);
    return n;
}

static void geometry(void)
{
    memset(view, 0, sizeof view);
    for (int c = 10; c < 30; c++) view[20 * SIDE + c] = 2;      /* a horizontal line of 20 pixels */
    CHECK(interior_count() == 18, "a 20-pixel line has 18 inner pixels");
    for (int i = 0; i < 10; i++) view[(40 + i) * SIDE + 5 + i] = 2; /* a diagonal of 10 */
    CHECK(interior_count() == 26, "and a 10-pixel diagonal 8 more");
    view[21 * SIDE + 20] = 0.1f;                                 /* a sliver under a tenth of its pixel */
    CHECK(interior_count() == 26, "a sliver beside a line does not break it");
    view[21 * SIDE + 20] = 1;                                    /* a branch */
    CHECK(interior_count() == 23, "a branch takes the three line pixels beside it and is not inner itself");
    memset(view, 0, sizeof view);
    for (int r = 30; r < 33; r++)
        for (int c = 30; c < 33; c++) view[r * SIDE + c] = 2;     /* a 3 x 3 blob */
    view[5 * SIDE + 5] = 2;                                      /* a lone pixel */
    CHECK(interior_count() == 0, "no blob or lone pixel is a track pixel");
}

/* Fills s with n track pixels along horizontal lines, each value Landau(location, scale) drawn from r. */
static void landau_tracks(gsl_rng *r, double location, double scale, int lines, mip_sample *s)
{
    for (int l = 0; l < lines; l++) {
        memset(view, 0, sizeof view);
        for (int row = 2; row < SIDE - 2; row += 4)
            for (int c = 1; c < SIDE - 1; c++)
                view[row * SIDE + c] = (float)(location + scale * gsl_ran_landau(r));
        for (int p = 0; p < SIDE * SIDE; p++) view[p] = view[p] > 0 ? view[p] : 0;
        mip_collect(view, SIDE, SIDE, s);
    }
}

static void peak(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 11);
    /* A MIP's 1 cm loss in argon: most probable ~1.9 MeV, Landau width ~0.1 MeV. */
    mip_sample mev = mip_sample_new(), units = mip_sample_new();
    landau_tracks(r, 2.0, 0.1, 40, &mev);
    double mode = 2.0 + 0.1 * LANDAU_MODE, mpv = mip_mpv(&mev, "test");
    printf("%zu Landau track pixels\n", mev.n);
    CHECK_NEAR("most probable value (MeV)", mpv, mode, 0.015);
    /* The same physics read in charge units 1 / 0.0375 MeV each, an independent sample. */
    const double mev_per_unit = 0.0375;
    landau_tracks(r, 2.0 / mev_per_unit, 0.1 / mev_per_unit, 40, &units);
    CHECK_NEAR("calibration constant recovered (MeV per unit)", mpv / mip_mpv(&units, "test"), mev_per_unit, 0.02);
    mip_sample_free(&mev);
    mip_sample_free(&units);
    gsl_rng_free(r);
}

int main(void)
{
    geometry();
    peak();
    return check_status();
}
