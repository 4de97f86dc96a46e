/* check: the tiny assertion helper of the simulator's C tests. CHECK prints the failed condition with a
   message and counts it; a test returns check_status() (0 = all passed). */
#ifndef NUTL_TEST_CHECK_H
#define NUTL_TEST_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            check_failures++;                                                         \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                    \
            printf(__VA_ARGS__);                                                      \
            printf("\n");                                                             \
        }                                                                             \
    } while (0)

/* Prints a measured value beside its reference and checks |value - ref| <= tol * |ref|. */
#define CHECK_NEAR(what, value, ref, tol)                                                          \
    do {                                                                                           \
        double v_ = (value), r_ = (ref);                                                           \
        printf("%-48s %10.4g  reference %10.4g  (tolerance %.0f %%)\n", what, v_, r_, 100 * (tol)); \
        CHECK(v_ - r_ <= (tol) * (r_ < 0 ? -r_ : r_) && r_ - v_ <= (tol) * (r_ < 0 ? -r_ : r_),     \
              "%s = %g, reference %g", what, v_, r_);                                              \
    } while (0)

static int check_status(void) { return check_failures ? 1 : 0; }

#endif
