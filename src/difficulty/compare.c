#include "difficulty/compare.h"

#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "difficulty/features.h"
#include "difficulty/truth.h"
#include "sim/dataset.h"

#define HIST_BINS 30
#define FRACTION_BINS 20
#define MULTIPLICITY_MAX 10 /* the last bin holds this many or more */
#define PIXEL_LOG10_MIN (-3.0)
#define PIXEL_LOG10_MAX 2.5
#define PIXEL_BINS 44
#define RANGE_QUANTILE 0.99 /* continuous quantities are histogrammed up to 1.05 x this quantile */

static const char *quantity_name[N_QUANTITIES] = {
    "true_energy_gev", "hits", "islands", "largest_span", "image_energy_gev", "soft_fraction", "empty", "y",
    "lepton_energy_gev", "w_gev", "q2_gev2", "any_pi0", "n_p", "n_n", "n_pipm", "n_pi0", "any_pi0_dune",
    "n_p_dune", "n_n_dune", "n_pipm_dune", "n_pi0_dune"};
static const char *quantity_label[N_QUANTITIES] = {
    "true neutrino energy (GeV)", "hit pixels per view", "islands per view", "span of the largest island (pixels)",
    "energy in the image (GeV)", "share of pixels under 0.1 MeV", "share of events under 0.05 GeV in the image",
    "inelasticity y", "lepton energy (GeV)", "hadronic invariant mass W (GeV)", "Q^2 (GeV^2)",
    "share with at least one pi0", "protons", "neutrons", "charged pions", "neutral pions",
    /* No apostrophes: make validate passes the labels to gnuplot in single quotes. */
    "share with at least one pi0 (DUNE rule)", "protons (DUNE rule: >= 100 IDEs)",
    "neutrons (DUNE rule: >= 100 IDEs)", "charged pions (DUNE rule: >= 100 IDEs)",
    "neutral pions (DUNE rule: >= 100 IDEs)"};

const char *compare_quantity_name(int q) { return quantity_name[q]; }
const char *compare_quantity_label(int q) { return quantity_label[q]; }

static int is_multiplicity(int q) { return (q >= Q_PROTONS && q <= Q_PI0) || q >= Q_PROTONS_DUNE; }
static int is_binary(int q) { return q == Q_EMPTY || q == Q_ANY_PI0 || q == Q_ANY_PI0_DUNE; }

/* Appends pixel value v of event i to its class's list in s. */
static void add_pixel(compare_split *s, int i, double v, long *cap)
{
    int c = s->cls[i];
    if (s->n_pixels[c] == cap[c]) {
        cap[c] = cap[c] ? 2 * cap[c] : 4096;
        s->pixels[c] = realloc(s->pixels[c], sizeof **s->pixels * (size_t)cap[c]);
        s->pixel_event[c] = realloc(s->pixel_event[c], sizeof **s->pixel_event * (size_t)cap[c]);
        if (!s->pixels[c] || !s->pixel_event[c]) nutl_die("out of memory collecting pixel values");
    }
    s->pixel_event[c][s->n_pixels[c]] = i;
    s->pixels[c][s->n_pixels[c]++] = v;
}

/* Reads the truth quantities of s (the split in dir); a quantity its truth does not record is NaN. */
static void load_truth(const char *dir, compare_split *s)
{
    truth_column_or_nan(dir, "y", s->n, s->q[Q_Y]);
    truth_column_or_nan(dir, "lepton_energy_gev", s->n, s->q[Q_LEPTON_E]);
    truth_column_or_nan(dir, "w_gev", s->n, s->q[Q_W]);
    truth_column_or_nan(dir, "q2_gev2", s->n, s->q[Q_Q2]);
    truth_column_or_nan(dir, "n_p", s->n, s->q[Q_PROTONS]);
    truth_column_or_nan(dir, "n_n", s->n, s->q[Q_NEUTRONS]);
    truth_column_or_nan(dir, "n_pi0", s->n, s->q[Q_PI0]);
    truth_column_or_nan(dir, "n_p_dune", s->n, s->q[Q_PROTONS_DUNE]);
    truth_column_or_nan(dir, "n_n_dune", s->n, s->q[Q_NEUTRONS_DUNE]);
    truth_column_or_nan(dir, "n_pipm_dune", s->n, s->q[Q_CHARGED_PIONS_DUNE]);
    truth_column_or_nan(dir, "n_pi0_dune", s->n, s->q[Q_PI0_DUNE]);
    if (truth_has_column(dir, "n_pipm") || !truth_has_column(dir, "n_pip")) {
        truth_column_or_nan(dir, "n_pipm", s->n, s->q[Q_CHARGED_PIONS]);
        return;
    }
    double *minus = nutl_calloc(sizeof *minus * (size_t)s->n, "pion counts");
    truth_column(dir, "n_pip", s->n, s->q[Q_CHARGED_PIONS]);
    truth_column(dir, "n_pim", s->n, minus);
    for (int i = 0; i < s->n; i++) s->q[Q_CHARGED_PIONS][i] += minus[i];
    free(minus);
}

void compare_load(const char *dir, compare_split *s)
{
    dataset *d = dataset_open(dir);
    *s = (compare_split){.n = dataset_events(d), .side = dataset_width(d)};
    int n = s->n, side = s->side;
    s->cls = nutl_calloc(sizeof *s->cls * (size_t)n, "classes");
    s->energy = nutl_calloc(sizeof *s->energy * (size_t)n, "energies");
    s->weight = nutl_calloc(sizeof *s->weight * (size_t)n, "weights");
    s->selected = nutl_calloc(sizeof *s->selected * (size_t)n, "selection");
    for (int q = 0; q < N_QUANTITIES; q++) s->q[q] = nutl_calloc(sizeof *s->q[q] * (size_t)n, "quantities");
    float *img = nutl_calloc(sizeof *img * FEATURE_VIEWS * (size_t)side * side, "image");
    int *work = nutl_calloc(sizeof *work * 2 * (size_t)side * side, "island labels");
    long cap[N_CLASSES] = {0};
    for (int i = 0; i < n; i++) {
        event_features f;
        dataset_read_image(d, i, img);
        features_compute(img, side, work, &f);
        s->cls[i] = dataset_class(d, i);
        s->energy[i] = dataset_energy(d, i);
        s->weight[i] = 1;
        s->selected[i] = 1;
        s->q[Q_NU_ENERGY][i] = s->energy[i];
        s->q[Q_HITS][i] = f.f[FEAT_HITS];
        s->q[Q_ISLANDS][i] = f.f[FEAT_ISLANDS];
        s->q[Q_SPAN][i] = f.f[FEAT_LARGEST_SPAN];
        s->q[Q_IMAGE_ENERGY][i] = f.f[FEAT_ENERGY] * 1e-3;
        s->q[Q_SOFT][i] = f.f[FEAT_SOFT_FRACTION];
        s->q[Q_EMPTY][i] = s->q[Q_IMAGE_ENERGY][i] < COMPARE_EMPTY_GEV;
        for (int p = 0; p < FEATURE_VIEWS * side * side; p++)
            if (img[p] != 0) add_pixel(s, i, img[p], cap);
    }
    free(work);
    free(img);
    dataset_close(d);
    load_truth(dir, s);
    for (int i = 0; i < n; i++) {
        s->q[Q_ANY_PI0][i] = isnan(s->q[Q_PI0][i]) ? NAN : s->q[Q_PI0][i] > 0;
        s->q[Q_ANY_PI0_DUNE][i] = isnan(s->q[Q_PI0_DUNE][i]) ? NAN : s->q[Q_PI0_DUNE][i] > 0;
    }
}

void compare_select(compare_split *s, int min_pixels, double pixel_mev, double kept[N_CLASSES])
{
    int *bright = nutl_calloc(sizeof *bright * (size_t)(s->n + 1), "bright pixels");
    for (int c = 0; c < N_CLASSES; c++)
        for (long p = 0; p < s->n_pixels[c]; p++) bright[s->pixel_event[c][p]] += s->pixels[c][p] >= pixel_mev;
    double all[N_CLASSES] = {0}, in[N_CLASSES] = {0};
    for (int i = 0; i < s->n; i++) {
        s->selected[i] = bright[i] > min_pixels;
        if (!s->selected[i]) s->weight[i] = 0;
        all[s->cls[i]]++, in[s->cls[i]] += s->selected[i];
    }
    for (int c = 0; c < N_CLASSES; c++) kept[c] = all[c] > 0 ? in[c] / all[c] : NAN;
    free(bright);
}

double compare_pixel_quantile(const compare_split *s, double p)
{
    long n = 0;
    for (int c = 0; c < N_CLASSES; c++) n += s->n_pixels[c];
    if (n == 0) return NAN;
    double *all = nutl_calloc(sizeof *all * (size_t)n, "pixel values");
    long k = 0;
    for (int c = 0; c < N_CLASSES; c++)
        for (long i = 0; i < s->n_pixels[c]; i++) all[k++] = s->pixels[c][i];
    gsl_sort(all, 1, (size_t)n);
    double q = all[(long)fmin(n - 1, floor(p * (double)n))];
    free(all);
    return q;
}

/* Returns the energy bin (0 .. COMPARE_ENERGY_BINS - 1) of e in [lo, hi], or -1 outside. */
static int energy_bin(double e, double lo, double hi)
{
    if (e < lo || e > hi) return -1;
    int b = (int)((e - lo) / (hi - lo) * COMPARE_ENERGY_BINS);
    return b < COMPARE_ENERGY_BINS ? b : COMPARE_ENERGY_BINS - 1;
}

double compare_match_energy(compare_split *s, const compare_split *ref)
{
    double lo = INFINITY, hi = -INFINITY, smallest = INFINITY;
    for (int i = 0; i < ref->n; i++) lo = fmin(lo, ref->energy[i]), hi = fmax(hi, ref->energy[i]);
    for (int c = 0; c < N_CLASSES; c++) {
        double want[COMPARE_ENERGY_BINS] = {0}, have[COMPARE_ENERGY_BINS] = {0}, nw = 0, nh = 0;
        for (int i = 0; i < ref->n; i++)
            if (ref->cls[i] == c && ref->selected[i]) want[energy_bin(ref->energy[i], lo, hi)]++, nw++;
        for (int i = 0; i < s->n; i++) {
            int b = s->cls[i] == c && s->selected[i] ? energy_bin(s->energy[i], lo, hi) : -1;
            if (b >= 0) have[b]++, nh++;
        }
        double sw = 0, sww = 0;
        for (int i = 0; i < s->n; i++) {
            if (s->cls[i] != c) continue;
            int b = energy_bin(s->energy[i], lo, hi);
            s->weight[i] = b < 0 || nw == 0 || !s->selected[i] ? 0 : (want[b] / nw) / (have[b] / nh);
            sw += s->weight[i], sww += s->weight[i] * s->weight[i];
        }
        if (sww > 0) smallest = fmin(smallest, sw * sw / sww);
    }
    return smallest;
}

/* A weighted sample: values and weights. */
typedef struct {
    double *x, *w;
    size_t n;
} sample;

/* Returns the weighted mean of s, its standard error in *err. */
static double weighted_mean(const sample *s, double *err)
{
    double sw = 0, swx = 0, var = 0;
    for (size_t i = 0; i < s->n; i++) sw += s->w[i], swx += s->w[i] * s->x[i];
    double m = sw > 0 ? swx / sw : NAN;
    for (size_t i = 0; i < s->n; i++) var += s->w[i] * s->w[i] * (s->x[i] - m) * (s->x[i] - m);
    *err = sw > 0 ? sqrt(var) / sw : NAN;
    return m;
}

/* Returns the weighted quantile p of s (the smallest value whose cumulative weight reaches p). */
static double weighted_quantile(const sample *s, double p)
{
    if (s->n == 0) return NAN;
    size_t *order = nutl_calloc(sizeof *order * s->n, "quantile order");
    gsl_sort_index(order, s->x, 1, s->n);
    double total = 0, cum = 0, q = s->x[order[s->n - 1]];
    for (size_t i = 0; i < s->n; i++) total += s->w[i];
    for (size_t i = 0; i < s->n; i++) {
        cum += s->w[order[i]];
        if (cum >= p * total) { q = s->x[order[i]]; break; }
    }
    free(order);
    return q;
}

/* Returns quantity q of split s's class c (c < 0: every class) as a weighted sample (to be freed). */
static sample class_sample(const compare_split *s, int q, int c)
{
    sample out = {nutl_calloc(sizeof *out.x * (size_t)(s->n + 1), "sample"),
                  nutl_calloc(sizeof *out.w * (size_t)(s->n + 1), "sample weights"), 0};
    for (int i = 0; i < s->n; i++)
        if ((c < 0 || s->cls[i] == c) && s->weight[i] > 0 && !isnan(s->q[q][i]))
            out.x[out.n] = s->q[q][i], out.w[out.n++] = s->weight[i];
    return out;
}

static void sample_free(sample *s) { free(s->x), free(s->w); }

/* Returns the pixel values of class c of s as log10(MeV), with their weights (to be freed). */
static sample pixel_sample(const compare_split *s, int c)
{
    sample out = {nutl_calloc(sizeof *out.x * (size_t)(s->n_pixels[c] + 1), "pixels"),
                  nutl_calloc(sizeof *out.w * (size_t)(s->n_pixels[c] + 1), "pixel weights"), (size_t)s->n_pixels[c]};
    for (long p = 0; p < s->n_pixels[c]; p++) out.x[p] = log10(s->pixels[c][p]), out.w[p] = s->weight[s->pixel_event[c][p]];
    return out;
}

/* Returns a histogram for quantity q (q = N_QUANTITIES: the pixel spectrum) over the range both splits
   need. */
static gsl_histogram *histogram_for(int q, const compare_split *a, const compare_split *b)
{
    gsl_histogram *h;
    if (q == N_QUANTITIES) {
        h = gsl_histogram_alloc(PIXEL_BINS);
        gsl_histogram_set_ranges_uniform(h, PIXEL_LOG10_MIN, PIXEL_LOG10_MAX);
    } else if (is_multiplicity(q)) {
        h = gsl_histogram_alloc(MULTIPLICITY_MAX + 1);
        gsl_histogram_set_ranges_uniform(h, -0.5, MULTIPLICITY_MAX + 0.5);
    } else if (is_binary(q)) {
        h = gsl_histogram_alloc(2);
        gsl_histogram_set_ranges_uniform(h, -0.5, 1.5);
    } else if (q == Q_Y || q == Q_SOFT) {
        h = gsl_histogram_alloc(FRACTION_BINS);
        gsl_histogram_set_ranges_uniform(h, 0, 1 + 1e-9);
    } else {
        sample sa = class_sample(a, q, -1), sb = class_sample(b, q, -1);
        double hi = 1.05 * fmax(weighted_quantile(&sa, RANGE_QUANTILE), weighted_quantile(&sb, RANGE_QUANTILE));
        sample_free(&sa), sample_free(&sb);
        h = gsl_histogram_alloc(HIST_BINS);
        gsl_histogram_set_ranges_uniform(h, 0, hi > 0 ? hi : 1);
    }
    return h;
}

/* Fills h with s (values beyond the range in the last bin, below it in the first) and normalises it
   to unit sum. */
static void fill_normalised(gsl_histogram *h, const sample *s)
{
    gsl_histogram_reset(h);
    double lo = gsl_histogram_min(h), top = gsl_histogram_max(h), last = nextafter(top, lo);
    for (size_t i = 0; i < s->n; i++)
        gsl_histogram_accumulate(h, fmin(fmax(s->x[i], lo), last), s->w[i]);
    double sum = gsl_histogram_sum(h);
    if (sum > 0) gsl_histogram_scale(h, 1 / sum);
}

/* Writes data/<name>.dat: bin centre, then per class the two splits' normalised histograms. */
static void write_histograms(const compare_split *a, const compare_split *b, int q, const char *dir)
{
    char path[NUTL_PATH_MAX], name[128];
    snprintf(name, sizeof name, "data/%s.dat", q == N_QUANTITIES ? "pixel_log10_mev" : quantity_name[q]);
    path_join(path, dir, name);
    gsl_histogram *h = histogram_for(q, a, b);
    size_t bins = gsl_histogram_bins(h);
    double *col = nutl_calloc(sizeof *col * bins * 2 * N_CLASSES, "histogram columns");
    for (int c = 0; c < N_CLASSES; c++)
        for (int k = 0; k < 2; k++) {
            const compare_split *s = k ? b : a;
            sample x = q == N_QUANTITIES ? pixel_sample(s, c) : class_sample(s, q, c);
            fill_normalised(h, &x);
            for (size_t i = 0; i < bins; i++) col[i * 2 * N_CLASSES + 2 * c + k] = gsl_histogram_get(h, i);
            sample_free(&x);
        }
    FILE *f = atomic_open(path);
    fprintf(f, "x");
    for (int c = 0; c < N_CLASSES; c++) fprintf(f, "\tsim_%s\tref_%s", class_name(c), class_name(c));
    fprintf(f, "\n");
    for (size_t i = 0; i < bins; i++) {
        double lo, hi;
        gsl_histogram_get_range(h, i, &lo, &hi);
        fprintf(f, "%.6g", 0.5 * (lo + hi));
        for (int j = 0; j < 2 * N_CLASSES; j++) fprintf(f, "\t%.6g", col[i * 2 * N_CLASSES + j]);
        fprintf(f, "\n");
    }
    atomic_commit(f, path);
    free(col);
    gsl_histogram_free(h);
}

/* The statistics of one class and quantity for one split. */
typedef struct {
    double mean, err, median;
    size_t n;
} summary;

static summary summarise(const compare_split *s, int q, int c)
{
    sample x = class_sample(s, q, c);
    summary out = {0, 0, weighted_quantile(&x, 0.5), x.n};
    out.mean = weighted_mean(&x, &out.err);
    sample_free(&x);
    return out;
}

/* Writes data/quantities.tsv: each histogram file's name and its axis label, for the figures. */
static void write_labels(const char *dir)
{
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "data/quantities.tsv");
    FILE *f = atomic_open(path);
    fprintf(f, "name\tlabel\n");
    for (int q = 0; q < N_QUANTITIES; q++) fprintf(f, "%s\t%s\n", quantity_name[q], quantity_label[q]);
    fprintf(f, "pixel_log10_mev\tlog10(pixel energy / MeV)\n");
    atomic_commit(f, path);
}

/* Writes "mean +- error | median" of summary a into md, or "- | -" when its split records no value. */
static void md_summary(FILE *md, const summary *a)
{
    if (a->n == 0) fprintf(md, " - | - |");
    else fprintf(md, " %.3g +- %.2g | %.3g |", a->mean, a->err, a->median);
}

void compare_write(const compare_split *s, const compare_split *ref, const char *names[2], const char *note,
                   const char *dir)
{
    char path[NUTL_PATH_MAX], md_path[NUTL_PATH_MAX], data[NUTL_PATH_MAX];
    path_join(data, dir, "data");
    path_mkdir(data);
    path_join(path, dir, "distributions.tsv");
    path_join(md_path, dir, "distributions.md");
    FILE *tsv = atomic_open(path), *md = atomic_open(md_path);
    fprintf(tsv, "class\tquantity\tsim_mean\tsim_err\tsim_median\tref_mean\tref_err\tref_median\tratio\n");
    if (note) fprintf(md, "%s\n\n", note);
    fprintf(md, "| class | quantity | %s: mean +- error | median | %s: mean +- error | median | ratio of means |\n"
                "|---|---|---|---|---|---|---|\n", names[0], names[1]);
    for (int c = 0; c < N_CLASSES; c++)
        for (int q = 0; q < N_QUANTITIES; q++) {
            summary a = summarise(s, q, c), b = summarise(ref, q, c);
            double ratio = b.mean != 0 ? a.mean / b.mean : NAN; /* NAN, not -nan, for 0 / 0 */
            fprintf(tsv, "%s\t%s\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\n", class_name(c), quantity_name[q], a.mean,
                    a.err, a.median, b.mean, b.err, b.median, ratio);
            fprintf(md, "| %s | %s |", class_name(c), quantity_label[q]);
            md_summary(md, &a);
            md_summary(md, &b);
            if (isfinite(ratio)) fprintf(md, " %.2f |\n", ratio);
            else fprintf(md, " - |\n");
        }
    atomic_commit(tsv, path);
    atomic_commit(md, md_path);
    for (int q = 0; q <= N_QUANTITIES; q++) write_histograms(s, ref, q, dir);
    write_labels(dir);
}

void compare_free(compare_split *s)
{
    free(s->cls), free(s->energy), free(s->weight), free(s->selected);
    for (int q = 0; q < N_QUANTITIES; q++) free(s->q[q]);
    for (int c = 0; c < N_CLASSES; c++) free(s->pixels[c]), free(s->pixel_event[c]);
    *s = (compare_split){0};
}
