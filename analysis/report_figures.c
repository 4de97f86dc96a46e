/* report_figures: the data files of Figures 3-7 and the variables the gnuplot scripts read. */
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binomial.h"
#include "core/metrics.h"
#include "report.h"
#include "core/util.h"

/* Returns an atomically written file data/<name> in the report's folder; its path goes into path. */
static FILE *open_data(const report *r, const char *name, char *path, size_t len)
{
    snprintf(path, len, "%s/data/%s", r->out, name);
    return atomic_open(path);
}

/* Writes name = "value" for gnuplot, escaped for its strings and its enhanced text mode. */
static void put_string(FILE *f, const char *name, const char *value)
{
    fprintf(f, "%s = \"", name);
    for (; *value; value++) {
        if (strchr("_^{}@&~", *value)) fputs("\\\\", f);
        else if (strchr("\"\\", *value)) fputc('\\', f);
        fputc(*value, f);
    }
    fputs("\"\n", f);
}

/* Writes the column names of a data file (the line after its comments, which the figure scripts address
   by name): first, then, if per_class, each class's accuracy, Wilson 1-sigma low and high and events. */
static void put_columns(FILE *f, const char *first, int per_class)
{
    fputs(first, f);
    for (int k = 0; per_class && k < N_CLASSES; k++)
        fprintf(f, "\t%s\t%s_low\t%s_high\t%s_events", class_name(k), class_name(k), class_name(k), class_name(k));
    fputc('\n', f);
}

/* Returns e, or 0 when it is unknown (one network): gnuplot then draws the point without an error bar. */
static double known(double e)
{
    return isnan(e) ? 0 : e;
}

/* Fig. 3: pretrained all-weights test and validation F1 vs training images; bands come from plotvars. */
static int fig3(const report *r)
{
    char path[1200];
    int points = 0;
    FILE *f = open_data(r, "fig3.dat", path, sizeof path);
    fputs("# Fig. 3: pretrained all weights; error on the mean (0: one network)\n", f);
    put_columns(f, "train_images\tnetworks\ttest_f1\ttest_f1_err\tval_f1\tval_f1_err", 0);
    for (int i = 0; i < r->s->n_sizes; i++) {
        const study_cell *c = study_find(r->s, "pretrained", "all", r->s->sizes[i]);
        if (!c->n) continue;
        fprintf(f, "%ld\t%d\t%.6f\t%.6f\t%.6f\t%.6f\n", c->train_images, c->n, c->test_f1.mean,
                known(c->test_f1.err), c->val_f1.mean, known(c->val_f1.err));
        points++;
    }
    atomic_commit(f, path);
    return points > 0;
}

/* Writes the variables of one grey band of Fig. 3 if cell c has networks. */
static void put_band(FILE *f, int band, const study_cell *c, const char *what)
{
    if (!c || !c->n) return;
    char name[32], label[128], size[32];
    fprintf(f, "band%d_mean = %.6f\nband%d_err = %.6f\n", band, c->test_f1.mean, band, known(c->test_f1.err));
    snprintf(name, sizeof name, "band%d_label", band);
    snprintf(label, sizeof label, "%s, %s images", what, report_size_label(c->train_images, size, sizeof size));
    put_string(f, name, label);
}

/* Returns the Freedman-Diaconis bin width 2 IQR / n^(1/3) of n values (sorted in place), 0 if n < 2. */
static double fd_width(double *x, size_t n)
{
    if (n < 2) return 0;
    gsl_sort(x, 1, n);
    double q1 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.25);
    return 2 * (gsl_stats_quantile_from_sorted_data(x, 1, n, 0.75) - q1) / cbrt((double)n);
}

/* Returns an empty histogram covering the F1 of both ensembles in equal bins, as wide as the narrower
   ensemble's Freedman-Diaconis width (pooling would size bins by the gap between the two). */
static gsl_histogram *f1_histogram(double *x[2], const size_t n[2])
{
    double low = INFINITY, high = -INFINITY, width = INFINITY;
    for (int w = 0; w < 2; w++) {
        double fd = fd_width(x[w], n[w]);
        if (fd > 0) width = fmin(width, fd);
        if (n[w]) low = fmin(low, x[w][0]), high = fmax(high, x[w][n[w] - 1]);
    }
    double range = high - low;
    if (!(width < INFINITY) || width < range / 100) width = range > 0 ? range / 10 : 0.005;
    size_t bins = (size_t)floor(range / width + 0.5) + 1; /* from low - width/2 past low + range */
    gsl_histogram *h = gsl_histogram_alloc(bins);
    if (!h) nutl_die("out of memory for the Fig. 4 histogram");
    gsl_histogram_set_ranges_uniform(h, low - width / 2, low - width / 2 + bins * width);
    return h;
}

/* Fig. 4: F1 distributions of the Kaiming and pretrained all-weights networks at the largest size. */
static int fig4(const report *r, FILE *vars)
{
    const study_cell *c[2] = {r->largest[REPORT_KAIMING], r->largest[REPORT_PRETRAINED]};
    size_t n[2] = {c[0] ? c[0]->n : 0, c[1] ? c[1]->n : 0};
    if (!n[0] && !n[1]) return 0;
    double *x[2];
    for (int w = 0; w < 2; w++) {
        x[w] = nutl_calloc(n[w] * sizeof *x[w], "Fig. 4 values");
        for (size_t j = 0; j < n[w]; j++) x[w][j] = c[w]->net[j]->test_f1;
    }
    gsl_histogram *h = f1_histogram(x, n), *count[2];
    for (int w = 0; w < 2; w++) {
        count[w] = gsl_histogram_clone(h);
        for (size_t j = 0; j < n[w]; j++) gsl_histogram_increment(count[w], x[w][j]);
        free(x[w]);
    }
    char path[1200];
    FILE *f = open_data(r, "fig4.dat", path, sizeof path);
    fputs("# Fig. 4: networks per testing-F1 bin at the largest size\n", f);
    put_columns(f, "f1_low\tf1_high\tf1_centre\tkaiming\tpretrained_all", 0);
    for (size_t b = 0; b < h->n; b++)
        fprintf(f, "%.6f\t%.6f\t%.6f\t%g\t%g\n", h->range[b], h->range[b + 1], (h->range[b] + h->range[b + 1]) / 2,
                gsl_histogram_get(count[0], b), gsl_histogram_get(count[1], b));
    atomic_commit(f, path);
    fprintf(vars, "fig4_kaiming = %zu\nfig4_pretrained = %zu\nfig4_bin_width = %.6f\n", n[0], n[1],
            h->range[1] - h->range[0]);
    gsl_histogram_free(h);
    gsl_histogram_free(count[0]);
    gsl_histogram_free(count[1]);
    return 1;
}

/* Fig. 5: mean accuracy per class, Kaiming vs pretrained all weights at the largest size. */
static int fig5(const report *r, FILE *vars)
{
    const study_cell *c[2] = {r->largest[REPORT_KAIMING], r->largest[REPORT_PRETRAINED]};
    int have[2] = {c[0] && c[0]->n, c[1] && c[1]->n};
    fprintf(vars, "fig5_kaiming = %d\nfig5_pretrained = %d\n", have[0], have[1]);
    if (!have[0] && !have[1]) return 0;
    char path[1200];
    FILE *f = open_data(r, "fig5.dat", path, sizeof path);
    fputs("# Fig. 5: class accuracy, mean and error on the mean (0: one network) at the largest size\n", f);
    put_columns(f, "class\tkaiming\tkaiming_err\tpretrained_all\tpretrained_all_err", 0);
    for (int k = 0; k < N_CLASSES; k++) {
        fprintf(f, "%d", k);
        for (int w = 0; w < 2; w++)
            fprintf(f, "\t%.6f\t%.6f", have[w] ? c[w]->acc[k].mean : NAN, have[w] ? known(c[w]->acc[k].err) : NAN);
        fputc('\n', f);
    }
    atomic_commit(f, path);
    return 1;
}

/* Fig. 6: accuracy per class vs true energy of one best network, with Wilson 1-sigma intervals. */
static int fig6_panel(const report *r, FILE *vars, int which, const char *name, const char *what)
{
    fprintf(vars, "fig6_%s = %d\n", name, r->have_energy[which]);
    if (!r->have_energy[which]) return 0;
    const energy_accuracy *e = &r->energy[which];
    const record *best = r->largest[which]->best_test;
    char path[1200], file[64], title[1200], var[64];
    snprintf(file, sizeof file, "fig6-%s.dat", name);
    FILE *f = open_data(r, file, path, sizeof path);
    fprintf(f, "# Fig. 6: %s (testing F1 %.4f); per class: accuracy, Wilson 1-sigma low and high, events\n",
            best->dir, best->test_f1);
    put_columns(f, "energy_low\tenergy_high\tenergy_centre", 1);
    for (int b = 0; b < e->n_bins; b++) {
        fprintf(f, "%.4f\t%.4f\t%.4f", e->edges[b], e->edges[b + 1], (e->edges[b] + e->edges[b + 1]) / 2);
        for (int k = 0; k < N_CLASSES; k++)
            fprintf(f, "\t%.6f\t%.6f\t%.6f\t%ld", e->acc[k][b], e->lo[k][b], e->hi[k][b], e->events[k][b]);
        fputc('\n', f);
    }
    atomic_commit(f, path);
    snprintf(title, sizeof title, "%s (m%ld, test F1 %.3f)", what, best->member, best->test_f1);
    snprintf(var, sizeof var, "fig6_%s_title", name);
    put_string(vars, var, title);
    return 1;
}

/* Fig. 7: accuracy per class vs training images of the best pretrained all-weights network of each size. */
static int fig7(const report *r)
{
    char path[1200];
    int points = 0;
    FILE *f = open_data(r, "fig7.dat", path, sizeof path);
    fputs("# Fig. 7: best pretrained all-weights network (by testing F1) of each size; per class: accuracy,\n"
          "# Wilson 1-sigma low and high, events (from its confusion matrix)\n", f);
    put_columns(f, "train_images\tmember\ttest_f1", 1);
    for (int i = 0; i < r->s->n_sizes; i++) {
        const record *best = study_find(r->s, "pretrained", "all", r->s->sizes[i])->best_test;
        if (!best) continue;
        fprintf(f, "%ld\t%ld\t%.6f", best->train_images, best->member, best->test_f1);
        const confusion *m = &best->test_confusion;
        for (int k = 0; k < N_CLASSES; k++) {
            long n = confusion_true_events(m, k);
            double lo, hi;
            binomial_wilson(m->counts[k][k], n, BINOMIAL_ONE_SIGMA, &lo, &hi);
            fprintf(f, "\t%.6f\t%.6f\t%.6f\t%ld", n ? confusion_class_accuracy(m, k) : NAN, lo, hi, n);
        }
        fputc('\n', f);
        points++;
    }
    atomic_commit(f, path);
    return points > 0;
}

/* Writes the provenance every figure shows under its title. */
static void put_provenance(FILE *vars, const report *r)
{
    char text[1024], size[32];
    const char *weights = !*r->s->pretrained ? "no pretrained networks"
                          : r->s->standin    ? "stand-in weights, not ImageNet"
                                             : "ImageNet weights";
    snprintf(text, sizeof text, "protocol %s, %s", r->s->name, weights);
    put_string(vars, "subtitle", text);
    put_string(vars, "largest_label", report_size_label(study_size(r->s, 0), size, sizeof size));
    size_t used = 0;
    for (int i = 0; i < r->s->n_sizes; i++)
        used += snprintf(text + used, sizeof text - used, "%s'%s' %ld", i ? ", " : "",
                         report_size_label(r->s->sizes[i], size, sizeof size), r->s->sizes[i]);
    fprintf(vars, "size_tics = \"%s\"\n", text);
    fprintf(vars, "energy_low = %g\nenergy_high = %g\n", r->edges[0], r->edges[r->n_bins]);
}

/* Writes each class's name (its columns in the data files) and label (enhanced text: ν_μ subscripts). */
static void put_classes(FILE *vars)
{
    for (int k = 0; k < N_CLASSES; k++)
        fprintf(vars, "class_name_%d = \"%s\"\nclass_label_%d = \"%s\"\n", k, class_name(k), k, class_label(k));
}

void report_figures(const report *r)
{
    char path[1200];
    FILE *vars = open_data(r, "plotvars.gp", path, sizeof path);
    fputs("# Written by nutl-analyse: what the figure scripts in plots/ draw.\n", vars);
    put_provenance(vars, r);
    put_classes(vars);
    long largest = study_size(r->s, 0), middle = 0;
    /* The middle band: the paper's 50k beside its 100k, i.e. the largest size at most half the largest
       (the second-largest size in the smoke and small presets). */
    for (int i = 0; i < r->s->n_sizes; i++)
        if (2 * r->s->sizes[i] <= largest) middle = r->s->sizes[i];
    put_band(vars, 1, r->largest[REPORT_KAIMING], "Kaiming");
    put_band(vars, 2, middle ? study_find(r->s, "kaiming", "all", middle) : NULL, "Kaiming");
    put_band(vars, 3, study_find(r->s, "pretrained", "classifier", largest), "Classifier only");
    int have[5];
    have[0] = fig3(r);
    have[1] = fig4(r, vars);
    have[2] = fig5(r, vars);
    have[3] = fig6_panel(r, vars, REPORT_KAIMING, "kaiming", "Kaiming-initialised");
    have[3] |= fig6_panel(r, vars, REPORT_PRETRAINED, "pretrained", "Transfer learning all weights");
    have[4] = fig7(r);
    atomic_commit(vars, path);
    FILE *list = open_data(r, "figures.list", path, sizeof path);
    for (int i = 0; i < 5; i++) {
        if (have[i]) fprintf(list, "fig%d\n", i + 3);
        else fprintf(stderr, "nutl-analyse: fig%d: no finished networks to draw it from (see the tables)\n", i + 3);
    }
    atomic_commit(list, path);
}
