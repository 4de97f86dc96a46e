/* binomial: confidence intervals for a fraction of successes (a class accuracy in an energy bin). */
#ifndef NUTL_BINOMIAL_H
#define NUTL_BINOMIAL_H

/* The coverage of a +-1 sigma Gaussian interval, the convention of the error bars in every figure. */
#define BINOMIAL_ONE_SIGMA 0.6826894921370859

/* Returns 0 and sets [*lo, *hi] to the Wilson score interval of k successes in n trials at confidence
   level cl (two-sided), or returns -1 (leaving both NaN) when n = 0 or k is outside 0..n. Wilson rather
   than the normal approximation because it stays inside [0, 1] and is sane at k = 0 or k = n. */
int binomial_wilson(long k, long n, double cl, double *lo, double *hi);

#endif
