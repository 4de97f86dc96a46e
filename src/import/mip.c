#include "import/mip.h"

#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define MPV_BINS 300
#define MPV_RANGE_MEDIANS 3.0
#define MPV_WINDOW 7

mip_sample mip_sample_new(void) { return (mip_sample){NULL, 0, 0}; }

void mip_sample_free(mip_sample *s)
{
    free(s->value);
    *s = mip_sample_new();
}

static void sample_add(mip_sample *s, double v)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->value = realloc(s->value, sizeof *s->value * s->cap);
        if (!s->value) nutl_die("out of memory collecting track pixels");
    }
    s->value[s->n++] = v;
}

/* Returns 1 if the pixel at (r, c), not on the border, is inside a line one pixel wide. */
static int track_interior(const float *view, int cols, int r, int c)
{
    double p = view[r * cols + c], floor_value = MIP_NEIGHBOUR_SHARE * p;
    int n = 0, dr[3], dc[3];
    for (int i = -1; i <= 1; i++)
        for (int j = -1; j <= 1; j++) {
            if ((i || j) && view[(r + i) * cols + c + j] > floor_value) {
                if (n == 2) return 0;
                dr[n] = i, dc[n] = j, n++;
            }
        }
    return n == 2 && (abs(dr[0] - dr[1]) > 1 || abs(dc[0] - dc[1]) > 1);
}

void mip_collect(const float *view, int rows, int cols, mip_sample *s)
{
    for (int r = 1; r + 1 < rows; r++)
        for (int c = 1; c + 1 < cols; c++)
            if (view[r * cols + c] > 0 && track_interior(view, cols, r, c)) sample_add(s, view[r * cols + c]);
}

double mip_mpv(const mip_sample *s, const char *what)
{
    if (s->n < MIP_MIN_PIXELS)
        nutl_die("%s: %zu track pixels, too few (under %d) to find the minimum-ionising peak", what, s->n,
                 MIP_MIN_PIXELS);
    double *sorted = nutl_calloc(sizeof *sorted * s->n, "track pixels");
    memcpy(sorted, s->value, sizeof *sorted * s->n);
    gsl_sort(sorted, 1, s->n);
    double median = gsl_stats_median_from_sorted_data(sorted, 1, s->n);
    free(sorted);
    gsl_histogram *h = gsl_histogram_alloc(MPV_BINS);
    gsl_histogram_set_ranges_uniform(h, 0, MPV_RANGE_MEDIANS * median);
    for (size_t i = 0; i < s->n; i++) gsl_histogram_increment(h, s->value[i]); /* outside the range: ignored */
    double best = -1;
    size_t centre = 0;
    for (size_t b = MPV_WINDOW / 2; b + MPV_WINDOW / 2 < MPV_BINS; b++) {
        double sum = 0;
        for (size_t k = b - MPV_WINDOW / 2; k <= b + MPV_WINDOW / 2; k++) sum += gsl_histogram_get(h, k);
        if (sum > best) best = sum, centre = b;
    }
    double lo, hi, unused, sum = 0;
    gsl_histogram_get_range(h, centre - MPV_WINDOW / 2, &lo, &unused);
    gsl_histogram_get_range(h, centre + MPV_WINDOW / 2, &unused, &hi);
    gsl_histogram_free(h);
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->value[i] >= lo && s->value[i] < hi) sum += s->value[i], n++;
    return sum / (double)n;
}
