/* mip: the most probable value of minimum-ionising track pixels, the physical reference that turns a
   detector's charge units into MeV. A track-interior pixel is a non-zero pixel, away from the border,
   with exactly two occupied 8-neighbours that are not neighbours of each other: a pixel inside a line one
   pixel wide (a neighbour holding under MIP_NEIGHBOUR_SHARE of the pixel is not counted, so slivers that
   rebinning or soft blips leave beside a track do not break it). Most such pixels in CC numu events lie
   on the muon and on charged pions, both minimum-ionising; their most probable value is set by dE/dx. */
#ifndef NUTL_MIP_H
#define NUTL_MIP_H

#include <stddef.h>

#define MIP_NEIGHBOUR_SHARE 0.1
#define MIP_MIN_PIXELS 200 /* fewer track pixels than this give no calibration */

typedef struct {
    double *value;
    size_t n, cap;
} mip_sample;

/* Returns an empty sample. */
mip_sample mip_sample_new(void);

/* Frees the sample's values. */
void mip_sample_free(mip_sample *s);

/* Adds to s the values of the track-interior pixels of one view (rows x cols floats, row-major). */
void mip_collect(const float *view, int rows, int cols, mip_sample *s);

/* Returns the most probable value of the sample: the mean of the values in the fullest window of 7
   adjacent bins of a 300-bin histogram over [0, 3 x median] (bins of a hundredth of the median, so the
   estimate scales with the units; the window, 7 % of the median, is narrower than a MIP peak); dies
   naming what (the sample's source) if it has fewer than MIP_MIN_PIXELS values. */
double mip_mpv(const mip_sample *s, const char *what);

#endif
