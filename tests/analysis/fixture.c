/* fixture: writes a complete set of synthetic result records for a protocol's grid, with known values,
   so that the analysis and the figures can be tested before any network is trained.
   usage: fixture CONF PROTOCOL RUNS [PRETRAINED_SOURCE]

   Known values. Cell base F1 b: Kaiming all at the j-th of n sizes (from 0) 0.40 + s j; pretrained all
   0.60 + s j, with s = min(0.05, 0.20 / (n - 1)) so that every value stays below 1; pretrained scheme k (its index in schemes_at_largest, k > 0) at the largest 0.70 - 0.02 k.
   Member m of M: d = 0.01 (m - (M + 1) / 2); test F1 b + d; validation F1 b - d - 0.005 (so the best by
   test is the last member and the best by validation the first); accuracy of class c b + 0.03 (c - 1) + d.
   For M = 3 the test F1 of a cell has mean b, sd 0.01 and error 0.01/sqrt(3) = 0.00577.
   Confusion: n = test_events / 3 per class, round(acc n) correct, the wrong ones split between the next
   class (the larger half) and the one after. Predictions: class c's events have energies 1 + 3 (i + 0.5)/n
   GeV; the wrong ones are evenly spread for pretrained networks, and for Kaiming networks more frequent
   at low energy (CC) or high energy (NC), so the Kaiming networks show the larger energy bias. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "record.h"
#include "study.h"
#include "core/util.h"

/* Returns the base F1 of cell c (see above). */
static double base_f1(const study *s, const study_cell *c)
{
    int j = 0, k = 0;
    while (s->sizes[j] != c->train_images) j++;
    while (k < s->n_schemes && strcmp(s->schemes[k], c->scheme)) k++;
    double step = s->n_sizes > 1 ? fmin(0.05, 0.20 / (s->n_sizes - 1)) : 0;
    if (!strcmp(c->init, "kaiming")) return 0.40 + step * j;
    if (!strcmp(c->scheme, "all")) return 0.60 + step * j;
    return 0.70 - 0.02 * k;
}

/* Returns 1 if event i of n (in energy order) of class c is misclassified, given w wrong ones: the
   cumulative count of wrong events up to i is w i/n (even) or, for Kaiming, w (1 - (1 - x)^2) with x the
   fraction from the low (CC) or high (NC) energy end (a density falling linearly to 0 across the range). */
static int wrong(int kaiming, int c, int i, int n, int w)
{
    if (!kaiming) return (i + 1) * w / n > i * w / n;
    double x0 = (double)(c == 2 ? n - 1 - i : i) / n, x1 = x0 + 1.0 / n;
    return floor(w * (1 - (1 - x1) * (1 - x1))) > floor(w * (1 - (1 - x0) * (1 - x0)));
}

/* Writes predictions-<split>.tsv with n events per class and the given accuracies. */
static void write_predictions(const char *dir, const char *split, int kaiming, int n, const double *acc)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/predictions-%s.tsv", dir, split);
    FILE *f = fopen(path, "w");
    if (!f) nutl_die("%s: cannot write: %s", path, strerror(errno));
    fputs("event_id\ttrue_class\ttrue_energy_gev\tp_numu_cc\tp_nue_cc\tp_nc\tpredicted_class\n", f);
    for (int c = 0; c < RECORD_CLASSES; c++) {
        int w = n - (int)lround(acc[c] * n), j = 0;
        for (int i = 0; i < n; i++) {
            int pred = c;
            if (wrong(kaiming, c, i, n, w)) pred = (c + (j++ < (w + 1) / 2 ? 1 : 2)) % 3;
            fprintf(f, "%d\t%s\t%.4f", c * n + i, record_class_name[c], 1 + 3 * (i + 0.5) / n);
            for (int k = 0; k < RECORD_CLASSES; k++) fprintf(f, "\t%.2f", k == pred ? 0.6 : 0.2);
            fprintf(f, "\t%s\n", record_class_name[pred]);
        }
    }
    fclose(f);
}

/* Writes the result record and predictions of member m of cell c. */
static void write_network(const study *s, const study_cell *c, long m, long n, const char *source)
{
    char name[256], dir[1100], path[1200];
    double b = base_f1(s, c), d = 0.01 * (m - (s->members + 1) / 2.0), acc[RECORD_CLASSES];
    snprintf(dir, sizeof dir, "%s/%s", s->runs, grid_cell_name(name, sizeof name, c->init, c->scheme, c->train_images, m));
    if (mkdir(dir, 0777) && errno != EEXIST) nutl_die("%s: cannot create: %s", dir, strerror(errno));
    snprintf(path, sizeof path, "%s/result.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) nutl_die("%s: cannot write: %s", path, strerror(errno));
    fprintf(f, "protocol\t%s\ninit\t%s\nscheme\t%s\ntrain_images\t%ld\nmember\t%ld\nseed\t%ld\nepochs\t4\n"
               "best_epoch\t3\nbest_val_loss\t0.9\nval_f1\t%.6f\ntest_f1\t%.6f\n",
            s->name, c->init, c->scheme, c->train_images, m, 1000 + m, b - d - 0.005, b + d);
    for (int k = 0; k < RECORD_CLASSES; k++) {
        acc[k] = b + 0.03 * (k - 1) + d;
        fprintf(f, "test_acc_%s\t%.6f\n", record_class_name[k], acc[k]);
    }
    fputs("test_confusion\t", f);
    for (int t = 0; t < RECORD_CLASSES; t++) {
        long right = lround(acc[t] * n), next = (n - right + 1) / 2, after = n - right - next;
        long row[3];
        row[t] = right, row[(t + 1) % 3] = next, row[(t + 2) % 3] = after;
        fprintf(f, "%ld %ld %ld%s", row[0], row[1], row[2], t < 2 ? " " : "\n");
    }
    fprintf(f, "train_seconds\t1.5\ntrain_images_per_second\t100\nthreads\t2\ndevice\tcpu\n"
               "build\tnutl fixture; darknet 61c9d02e\nweights_sha256\t%064d\npretrained_source\t%s\n"
               "libraries\toneDNN fixture\ndataset_id\tfixture0dataset0\nmachine_class\tcpu; fixture; threads 2\n",
            0, strcmp(c->init, "pretrained") ? "none" : source);
    fclose(f);
    write_predictions(dir, "test", !strcmp(c->init, "kaiming"), (int)n, acc);
    write_predictions(dir, "val", !strcmp(c->init, "kaiming"), (int)n, acc);
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) nutl_die("usage: fixture CONF PROTOCOL RUNS [PRETRAINED_SOURCE]");
    const char *source = argc == 5 ? argv[4] : "resnet18-standin.weights sha256:0123abcd (stand-in)";
    if (mkdir(argv[3], 0777) && errno != EEXIST) nutl_die("%s: cannot create: %s", argv[3], strerror(errno));
    static study s;
    study_load(&s, argv[2], argv[1], argv[3]);
    long n = protocol_get_long(&s.conf, "test_events") / RECORD_CLASSES;
    for (int i = 0; i < s.n_cells; i++)
        for (long m = STUDY_FIRST_MEMBER; m < STUDY_FIRST_MEMBER + s.members; m++)
            write_network(&s, &s.cells[i], m, n, source);
    study_free(&s);
    return 0;
}
