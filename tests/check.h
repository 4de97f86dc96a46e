/* check: the assertions of nutl's C tests. A failed CHECK prints where and why and the test exits 1. */
#ifndef NUTL_TEST_CHECK_H
#define NUTL_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond, ...) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
            exit(1); \
        } \
    } while (0)

/* Returns the largest |a[i] - b[i]| over n elements. */
static inline double max_abs_diff(const float *a, const float *b, long n)
{
    double worst = 0;
    for (long i = 0; i < n; i++) {
        double d = fabs((double)a[i] - b[i]);
        if (d > worst || d != d) worst = d != d ? INFINITY : d;
    }
    return worst;
}

#endif
