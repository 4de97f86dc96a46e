#include "binomial.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

int binomial_wilson(long k, long n, double cl, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (n <= 0 || k < 0 || k > n) return -1;
    double z = gsl_cdf_ugaussian_Pinv(0.5 + cl / 2), z2 = z * z;
    double p = (double)k / n, denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = z / denom * sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    *lo = fmax(0, centre - half);
    *hi = fmin(1, centre + half);
    return 0;
}
