#include "ensemble.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>

ensemble_stat ensemble_summarise(const double *x, size_t n)
{
    ensemble_stat s = {n, NAN, NAN, NAN};
    if (n >= 1) s.mean = gsl_stats_mean(x, 1, n);
    if (n >= 2) {
        s.sd = gsl_stats_sd_m(x, 1, n, s.mean);
        s.err = s.sd / sqrt((double)n);
    }
    return s;
}
