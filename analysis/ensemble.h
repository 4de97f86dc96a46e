/* ensemble: summary statistics of one quantity over the networks of an ensemble (one cell). */
#ifndef NUTL_ENSEMBLE_H
#define NUTL_ENSEMBLE_H

#include <stddef.h>

typedef struct {
    size_t n;
    double mean, sd, err; /* err = sd / sqrt(n), the error on the mean quoted by the paper */
} ensemble_stat;

/* Returns the number of values, their mean, sample standard deviation (n - 1 denominator) and error on
   the mean. mean is NaN when n = 0; sd and err are NaN when n < 2, since one network says nothing
   about the spread. */
ensemble_stat ensemble_summarise(const double *x, size_t n);

#endif
