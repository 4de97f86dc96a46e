#include "difficulty/separability.h"

#include <errno.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "difficulty/logreg.h"
#include "difficulty/truth.h"
#include "sim/dataset.h"

#define ALL_CLASSES ((1u << N_CLASSES) - 1)

/* Reads the y and n_pi0 columns of truth.tsv (NaN where the split's truth has none: an imported DUNE split
   records only the pi0s DUNE's labelling counts, n_pi0_dune). */
static void load_truth(const char *dir, separability_data *s)
{
    truth_column_or_nan(dir, "y", s->n, s->y);
    truth_column_or_nan(dir, "n_pi0", s->n, s->pi0);
    for (int i = 0; i < s->n; i++)
        if (!isnan(s->pi0[i])) s->pi0[i] = s->pi0[i] > 0;
}

void separability_load(const char *dir, separability_data *s)
{
    dataset *d = dataset_open(dir);
    int n = dataset_events(d), side = dataset_width(d);
    *s = (separability_data){.n = n};
    s->x = nutl_calloc(sizeof *s->x * (size_t)n * N_FEATURES, "features");
    s->cls = nutl_calloc(sizeof *s->cls * (size_t)n, "classes");
    s->ev = nutl_calloc(sizeof *s->ev * (size_t)n, "event features");
    s->y = nutl_calloc(sizeof *s->y * (size_t)n, "inelasticities");
    s->pi0 = nutl_calloc(sizeof *s->pi0 * (size_t)n, "pi0 flags");
    float *img = nutl_calloc(sizeof *img * (size_t)dataset_channels(d) * side * side, "image");
    int *work = nutl_calloc(sizeof *work * 2 * (size_t)side * side, "island labels");
    for (int i = 0; i < n; i++) {
        dataset_read_image(d, i, img);
        features_compute(img, side, work, &s->ev[i]);
        s->cls[i] = dataset_class(d, i);
        for (int j = 0; j < N_FEATURES; j++) s->x[(size_t)i * N_FEATURES + j] = log1p(s->ev[i].f[j]);
    }
    free(work);
    free(img);
    dataset_close(d);
    load_truth(dir, s);
}

void separability_free(separability_data *s)
{
    free(s->x);
    free(s->cls);
    free(s->ev);
    free(s->y);
    free(s->pi0);
    *s = (separability_data){0};
}

/* Returns the number of events of s in class_mask whose fold is (test ? == fold : != fold); fills their
   columns cols into x, their classes renumbered 0.. (in class order) into y and their indices into idx. */
static int gather(const separability_data *s, const int *cols, int ncols, unsigned class_mask, int folds,
                  int fold, int test, double *x, int *y, int *idx)
{
    int label[N_CLASSES], k = 0, m = 0;
    for (int c = 0; c < N_CLASSES; c++) label[c] = class_mask >> c & 1 ? k++ : -1;
    for (int i = 0; i < s->n; i++) {
        if (label[s->cls[i]] < 0 || (i % folds == fold) != test) continue;
        for (int j = 0; j < ncols; j++) x[(size_t)m * ncols + j] = s->x[(size_t)i * N_FEATURES + cols[j]];
        y[m] = label[s->cls[i]];
        idx[m++] = i;
    }
    return m;
}

double separability_cv(const separability_data *s, const int *cols, int ncols, unsigned class_mask, int folds,
                       confusion *cm)
{
    int classes[N_CLASSES], k = 0;
    for (int c = 0; c < N_CLASSES; c++) if (class_mask >> c & 1) classes[k++] = c;
    double *x = nutl_calloc(sizeof *x * (size_t)s->n * ncols, "regression inputs");
    int *y = nutl_calloc(sizeof *y * (size_t)s->n, "regression labels");
    int *idx = nutl_calloc(sizeof *idx * (size_t)s->n, "regression rows");
    confusion pooled = {0};
    for (int fold = 0; fold < folds; fold++) {
        logreg m;
        int n = gather(s, cols, ncols, class_mask, folds, fold, 0, x, y, idx);
        if (n == 0) continue;
        logreg_fit(&m, x, y, n, ncols, k);
        n = gather(s, cols, ncols, class_mask, folds, fold, 1, x, y, idx);
        for (int i = 0; i < n; i++)
            confusion_add(&pooled, s->cls[idx[i]], classes[logreg_predict(&m, x + (size_t)i * ncols)]);
        logreg_free(&m);
    }
    free(x);
    free(y);
    free(idx);
    double f1 = 0;
    for (int j = 0; j < k; j++) f1 += confusion_class_f1(&pooled, classes[j]) / k;
    if (cm) *cm = pooled;
    return f1;
}

/* Returns the median of the n values v (sorted in place). */
static double median(double *v, int n)
{
    if (n == 0) return NAN;
    gsl_sort(v, 1, (size_t)n);
    return gsl_stats_median_from_sorted_data(v, 1, (size_t)n);
}

/* Writes one class's row of the per-class table (per view: hits pooled over the three views). */
static void class_row(const separability_data *s, int c, double *buf, FILE *out)
{
    int n = 0, nv = 0;
    double hits = 0, soft = 0, y = 0, pi0 = 0;
    for (int i = 0; i < s->n; i++) {
        if (s->cls[i] != c) continue;
        n++;
        y += s->y[i];
        pi0 += s->pi0[i];
        soft += s->ev[i].f[FEAT_SOFT_FRACTION];
        for (int v = 0; v < FEATURE_VIEWS; v++) { hits += s->ev[i].hits[v]; buf[nv++] = s->ev[i].hits[v]; }
    }
    double hits_median = median(buf, nv);
    nv = 0;
    for (int i = 0; i < s->n; i++)
        if (s->cls[i] == c)
            for (int v = 0; v < FEATURE_VIEWS; v++) buf[nv++] = s->ev[i].islands[v];
    fprintf(out, "%-8s %7d %10.0f %12.0f %15.0f %12.3f %7.3f %7.3f\n", class_name(c), n, n ? hits / nv : NAN,
            hits_median, median(buf, nv), n ? soft / n : NAN, n ? y / n : NAN, n ? pi0 / n : NAN);
}

static void print_confusion(const confusion *cm, FILE *out)
{
    fprintf(out, "confusion (rows true, columns predicted):\n%-8s", "");
    for (int p = 0; p < N_CLASSES; p++) fprintf(out, " %8s", class_name(p));
    fputc('\n', out);
    for (int t = 0; t < N_CLASSES; t++) {
        fprintf(out, "%-8s", class_name(t));
        for (int p = 0; p < N_CLASSES; p++) fprintf(out, " %8ld", cm->counts[t][p]);
        fputc('\n', out);
    }
}

/* Writes the features ranked by the macro-F1 of a regression on each alone. */
static void print_ranking(const separability_data *s, int folds, FILE *out)
{
    double f1[N_FEATURES];
    size_t order[N_FEATURES];
    for (int j = 0; j < N_FEATURES; j++) f1[j] = -separability_cv(s, &j, 1, ALL_CLASSES, folds, NULL);
    gsl_sort_index(order, f1, 1, N_FEATURES);
    fprintf(out, "features ranked by single-feature macro-F1 (chance 0.333):\n");
    for (int r = 0; r < N_FEATURES; r++)
        fprintf(out, "  %d. %-16s %.3f\n", r + 1, feature_name((int)order[r]), -f1[order[r]]);
}

double separability_report(const separability_data *s, const char *name, int folds, FILE *out)
{
    int all[N_FEATURES];
    for (int j = 0; j < N_FEATURES; j++) all[j] = j;
    double *buf = nutl_calloc(sizeof *buf * (size_t)s->n * FEATURE_VIEWS, "medians");
    fprintf(out, "separability of %s: %d events, %d-fold cross-validated multinomial logistic regression on %d "
            "features\n", name, s->n, folds, N_FEATURES);
    fprintf(out, "%-8s %7s %10s %12s %15s %12s %7s %7s\n", "class", "events", "hits/view", "median hits",
            "median islands", "soft pixels", "mean y", "P(pi0)");
    for (int c = 0; c < N_CLASSES; c++) class_row(s, c, buf, out);
    free(buf);
    confusion cm;
    double index = separability_cv(s, all, N_FEATURES, ALL_CLASSES, folds, &cm);
    print_confusion(&cm, out);
    fprintf(out, "separability index (macro-F1, all features): %.3f\n", index);
    fprintf(out, "per-pair F1 (two-class regressions):");
    for (int a = 0; a < N_CLASSES; a++)
        for (int b = a + 1; b < N_CLASSES; b++)
            fprintf(out, " %s/%s %.3f", class_name(a), class_name(b),
                    separability_cv(s, all, N_FEATURES, 1u << a | 1u << b, folds, NULL));
    fputc('\n', out);
    print_ranking(s, folds, out);
    return index;
}
