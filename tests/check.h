/* check: the assertions of nutl's C tests, one header for all of them.
   CHECK(cond[, fmt, ...]) prints the failed condition, where, and why, and counts it; the test goes on
   and main returns check_status() (1 if any check failed), so one run reports every failure.
   REQUIRE(cond[, fmt, ...]) is a CHECK whose failure also ends the test at once (exit 1): for what the
   rest of the test depends on (a file opened, a network loaded, a size that indexes memory).
   CHECK_NEAR prints a measured value beside its reference, then checks it within a relative tolerance. */
#ifndef NUTL_TEST_CHECK_H
#define NUTL_TEST_CHECK_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int check_failures;

/* Returns ok; when it is 0, prints "FAIL file:line: cond: why" and counts the failure. fmt is " why"
   (" " when there is no why). */
static inline int check_at(int ok, const char *cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static inline int check_at(int ok, const char *cond, const char *file, int line, const char *fmt, ...)
{
    if (ok) return 1;
    check_failures++;
    printf("FAIL %s:%d: %s", file, line, cond);
    if (fmt[1]) {
        va_list ap;
        va_start(ap, fmt);
        putchar(':');
        vprintf(fmt, ap);
        va_end(ap);
    }
    putchar('\n');
    fflush(stdout);
    return 0;
}

/* The message, when given, is a string literal: " " joins it, or stands alone when there is none. */
#define CHECK(cond, ...) ((void)check_at(!!(cond), #cond, __FILE__, __LINE__, " " __VA_ARGS__))
#define REQUIRE(cond, ...) \
    do { \
        if (!check_at(!!(cond), #cond, __FILE__, __LINE__, " " __VA_ARGS__)) exit(1); \
    } while (0)

/* Prints a measured value beside its reference and checks |value - ref| <= tol * |ref|. */
#define CHECK_NEAR(what, value, ref, tol) \
    do { \
        double v_ = (value), r_ = (ref); \
        printf("%-48s %10.4g  reference %10.4g  (tolerance %.0f %%)\n", what, v_, r_, 100 * (tol)); \
        CHECK(fabs(v_ - r_) <= (tol) * fabs(r_), "%s = %g, reference %g", what, v_, r_); \
    } while (0)

/* Returns the exit status of a test: 0 when every check passed, else 1. */
static inline int check_status(void)
{
    if (check_failures) printf("%d checks failed\n", check_failures);
    return check_failures ? 1 : 0;
}

/* Returns the largest |a[i] - b[i]| over n elements (infinity if one is NaN). */
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
