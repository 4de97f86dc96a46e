/* Readout geometry: a step's energy is spread over the pixels its projection crosses in proportion to
   the length inside each (exact chords, 1e-5 MeV): a straight segment along the wire axis, a diagonal
   through a pixel corner, a long oblique segment (energy kept), and a point deposit. */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/readout.h"

#define SIDE 224

static float *image;

static float pixel_w(int row, int col) { return image[(VIEW_W * SIDE + row) * SIDE + col]; }

static double paint(deposit d)
{
    crop c = {{0, 0, 0}, 0};
    return readout_image(&d, 1, &c, 1, image);
}

static deposit segment(double x0, double z0, double x1, double z1, double e)
{
    return (deposit){(float)(0.5 * (x0 + x1)), 0, (float)(0.5 * (z0 + z1)), (float)e,
                     (float)(0.5 * (x1 - x0)), 0, (float)(0.5 * (z1 - z0)), 0};
}

int main(void)
{
    image = calloc(3 * SIDE * SIDE, sizeof *image);
    /* Along the wire axis from z = 0.25 to 2.25 cm at x = 0.5: chords 0.75, 1, 0.25 cm. */
    paint(segment(0.5, 0.25, 0.5, 2.25, 2.0));
    CHECK(fabs(pixel_w(0, 0) - 0.75) < 1e-5 && fabs(pixel_w(0, 1) - 1.0) < 1e-5 && fabs(pixel_w(0, 2) - 0.25) < 1e-5,
          "chords %g %g %g, expected 0.75 1 0.25", pixel_w(0, 0), pixel_w(0, 1), pixel_w(0, 2));
    /* Diagonal through the corner (1, 1): half in each of two pixels, nothing in the others. */
    paint(segment(0.5, 0.5, 1.5, 1.5, 1.0));
    CHECK(fabs(pixel_w(0, 0) - 0.5) < 1e-5 && fabs(pixel_w(1, 1) - 0.5) < 1e-5 && pixel_w(0, 1) == 0 &&
          pixel_w(1, 0) == 0, "diagonal: %g %g %g %g", pixel_w(0, 0), pixel_w(1, 1), pixel_w(0, 1), pixel_w(1, 0));
    /* A long oblique segment: every pixel's share is its chord; the total is kept and no pixel holds
       more than its longest possible chord (sqrt 2 cm of 50 cm). */
    double inside = paint(segment(10.3, 20.7, 40.9, 60.1, 50.0)), sum = 0, top = 0;
    for (int p = 0; p < SIDE * SIDE; p++) { sum += image[VIEW_W * SIDE * SIDE + p]; top = fmax(top, image[VIEW_W * SIDE * SIDE + p]); }
    double length = hypot(40.9 - 10.3, 60.1 - 20.7);
    CHECK(fabs(sum - 50) < 1e-3, "oblique segment: %g MeV in the w view, 50 deposited", sum);
    CHECK(top <= 50 * sqrt(2) / length + 1e-5, "a pixel holds %g MeV, more than its chord allows", top);
    CHECK(fabs(inside - 50) < 1e-3, "readout_image returned %g", inside);
    /* A point deposit lands in one pixel. */
    paint((deposit){3.5, 0, 7.5, 1.5, 0, 0, 0, 0});
    CHECK(fabs(pixel_w(3, 7) - 1.5) < 1e-6, "point deposit %g", pixel_w(3, 7));
    printf("readout geometry checks done\n");
    free(image);
    return check_status();
}
