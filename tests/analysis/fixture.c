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
    fprintf(f, "%s\n", records_prediction_header());
    for (int c = 0; c < N_CLASSES; c++) {
        int w = n - (int)lround(acc[c] * n), j = 0;
        for (int i = 0; i < n; i++) {
            prediction p = {.event_id = c * n + i, .true_class = c, .predicted_class = c,
                            .energy_gev = 1 + 3 * (i + 0.5) / n};
            if (wrong(kaiming, c, i, n, w)) p.predicted_class = (c + (j++ < (w + 1) / 2 ? 1 : 2)) % 3;
            for (int k = 0; k < N_CLASSES; k++) p.p[k] = k == p.predicted_class ? 0.6 : 0.2;
            records_put_prediction(f, &p);
        }
    }
    fclose(f);
}

/* Writes the result record and predictions of member m of cell c. */
static void write_network(const study *s, const study_cell *c, long m, long n, const char *source)
{
    char name[256], dir[1100], path[1200];
    double b = base_f1(s, c), d = 0.01 * (m - (s->members + 1) / 2.0), acc[N_CLASSES];
    snprintf(dir, sizeof dir, "%s/%s", s->runs, grid_cell_name(name, sizeof name, c->init, c->scheme, c->train_images, m));
    if (mkdir(dir, 0777) && errno != EEXIST) nutl_die("%s: cannot create: %s", dir, strerror(errno));
    snprintf(path, sizeof path, "%s/%s", dir, RECORDS_RESULT_FILE);
    FILE *f = fopen(path, "w");
    if (!f) nutl_die("%s: cannot write: %s", path, strerror(errno));
    records_put(f, RESULT_PROTOCOL, "%s", s->name);
    records_put(f, RESULT_INIT, "%s", c->init);
    records_put(f, RESULT_SCHEME, "%s", c->scheme);
    records_put(f, RESULT_TRAIN_IMAGES, "%ld", c->train_images);
    records_put(f, RESULT_MEMBER, "%ld", m);
    records_put(f, RESULT_SEED, "%ld", 1000 + m);
    records_put(f, RESULT_EPOCHS, "4");
    records_put(f, RESULT_BEST_EPOCH, "3");
    records_put(f, RESULT_BEST_VAL_LOSS, "0.9");
    records_put(f, RESULT_VAL_F1, "%.6f", b - d - 0.005);
    records_put(f, RESULT_TEST_F1, "%.6f", b + d);
    confusion matrix = {{{0}}};
    for (int k = 0; k < N_CLASSES; k++) {
        acc[k] = b + 0.03 * (k - 1) + d;
        records_put_class(f, RESULT_TEST_ACC, k, "%.6f", acc[k]);
        long right = lround(acc[k] * n), next = (n - right + 1) / 2;
        matrix.counts[k][k] = right, matrix.counts[k][(k + 1) % 3] = next;
        matrix.counts[k][(k + 2) % 3] = n - right - next;
    }
    records_put_confusion(f, RESULT_TEST_CONFUSION, &matrix);
    records_put(f, RESULT_TRAIN_SECONDS, "1.5");
    records_put(f, RESULT_TRAIN_IMAGES_PER_SECOND, "100");
    records_put(f, RESULT_THREADS, "2");
    records_put(f, RESULT_DEVICE, "cpu");
    records_put(f, RESULT_BUILD, "nutl fixture; darknet 61c9d02e");
    records_put(f, RESULT_WEIGHTS_SHA256, "%064d", 0);
    records_put(f, RESULT_PRETRAINED_SOURCE, "%s", strcmp(c->init, "pretrained") ? "none" : source);
    records_put(f, RESULT_LIBRARIES, "oneDNN fixture");
    records_put(f, RESULT_MACHINE_CLASS, "cpu; fixture; threads 2");
    records_put(f, RESULT_DATASET_ID, "fixture0dataset0");
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
    long n = protocol_get_long(&s.conf, "test_events") / N_CLASSES;
    for (int i = 0; i < s.n_cells; i++)
        for (long m = STUDY_FIRST_MEMBER; m < STUDY_FIRST_MEMBER + s.members; m++)
            write_network(&s, &s.cells[i], m, n, source);
    study_free(&s);
    return 0;
}
