#include "difficulty/logreg.h"

#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define LOGREG_MAX_ITER 500
#define LOGREG_GRAD_TOL 1e-6

typedef struct {
    const double *z; /* standardised rows */
    const int *y;
    int n, d, k;
} problem;

/* Writes the k class scores of row z under weights w into s and returns log sum exp of them. */
static double scores(const double *w, const double *z, int d, int k, double *s)
{
    double top = -INFINITY, sum = 0;
    for (int c = 0; c < k; c++) {
        const double *wc = w + c * (d + 1);
        s[c] = wc[d];
        for (int j = 0; j < d; j++) s[c] += wc[j] * z[j];
        top = fmax(top, s[c]);
    }
    for (int c = 0; c < k; c++) sum += exp(s[c] - top);
    return top + log(sum);
}

/* Returns the penalised mean cross-entropy at w; writes its gradient into g when g is not NULL. */
static double loss(const problem *p, const double *w, double *g)
{
    int d = p->d, k = p->k, np = k * (d + 1);
    double s[16], total = 0;
    if (g) memset(g, 0, sizeof *g * (size_t)np);
    for (int i = 0; i < p->n; i++) {
        const double *z = p->z + (size_t)i * d;
        double lse = scores(w, z, d, k, s);
        total += lse - s[p->y[i]];
        if (!g) continue;
        for (int c = 0; c < k; c++) {
            double r = exp(s[c] - lse) - (c == p->y[i]);
            double *gc = g + c * (d + 1);
            for (int j = 0; j < d; j++) gc[j] += r * z[j];
            gc[d] += r;
        }
    }
    total /= p->n;
    for (int c = 0; c < k; c++)
        for (int j = 0; j < d; j++) {
            double wj = w[c * (d + 1) + j];
            total += 0.5 * LOGREG_LAMBDA * wj * wj;
            if (g) g[c * (d + 1) + j] = g[c * (d + 1) + j] / p->n + LOGREG_LAMBDA * wj;
        }
    if (g) for (int c = 0; c < k; c++) g[c * (d + 1) + d] /= p->n;
    return total;
}

static double f_only(const gsl_vector *v, void *params) { return loss(params, v->data, NULL); }
static void df_only(const gsl_vector *v, void *params, gsl_vector *g) { loss(params, v->data, g->data); }
static void f_and_df(const gsl_vector *v, void *params, double *f, gsl_vector *g)
{
    *f = loss(params, v->data, g->data);
}

/* Sets m's standardisation from the rows and writes the standardised rows into z. */
static void standardise(logreg *m, const double *x, int n, double *z)
{
    int d = m->d;
    for (int j = 0; j < d; j++) {
        double s = 0, ss = 0;
        for (int i = 0; i < n; i++) s += x[(size_t)i * d + j];
        m->mean[j] = s / n;
        for (int i = 0; i < n; i++) ss += pow(x[(size_t)i * d + j] - m->mean[j], 2);
        m->sd[j] = n > 1 && ss > 0 ? sqrt(ss / (n - 1)) : 1;
        for (int i = 0; i < n; i++) z[(size_t)i * d + j] = (x[(size_t)i * d + j] - m->mean[j]) / m->sd[j];
    }
}

int logreg_fit(logreg *m, const double *x, const int *y, int n, int d, int k)
{
    if (k > 16) nutl_die("logreg: %d classes, at most 16", k);
    int np = k * (d + 1);
    *m = (logreg){.k = k, .d = d};
    m->w = nutl_calloc(sizeof *m->w * (size_t)np, "logistic regression weights");
    m->mean = nutl_calloc(sizeof *m->mean * (size_t)d, "logistic regression means");
    m->sd = nutl_calloc(sizeof *m->sd * (size_t)d, "logistic regression deviations");
    double *z = nutl_calloc(sizeof *z * (size_t)n * d, "standardised features");
    standardise(m, x, n, z);
    problem p = {z, y, n, d, k};
    gsl_multimin_function_fdf fn = {f_only, df_only, f_and_df, (size_t)np, &p};
    gsl_vector *w0 = gsl_vector_calloc((size_t)np);
    gsl_multimin_fdfminimizer *s = gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, (size_t)np);
    if (!w0 || !s) nutl_die("out of memory allocating the logistic regression minimiser");
    gsl_multimin_fdfminimizer_set(s, &fn, w0, 0.1, 0.1);
    int iter = 0;
    while (iter < LOGREG_MAX_ITER) {
        iter++;
        if (gsl_multimin_fdfminimizer_iterate(s)) break; /* no further progress along the line */
        if (gsl_multimin_test_gradient(s->gradient, LOGREG_GRAD_TOL) == GSL_SUCCESS) break;
    }
    memcpy(m->w, s->x->data, sizeof *m->w * (size_t)np);
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(w0);
    free(z);
    return iter;
}

int logreg_predict(const logreg *m, const double *x)
{
    double z[64], s[16];
    if (m->d > 64) nutl_die("logreg: %d features, at most 64", m->d);
    for (int j = 0; j < m->d; j++) z[j] = (x[j] - m->mean[j]) / m->sd[j];
    scores(m->w, z, m->d, m->k, s);
    int best = 0;
    for (int c = 1; c < m->k; c++) if (s[c] > s[best]) best = c;
    return best;
}

void logreg_free(logreg *m)
{
    free(m->w);
    free(m->mean);
    free(m->sd);
    *m = (logreg){0};
}
