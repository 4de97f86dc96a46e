/* The data loader with 1, 2 and 4 decoding threads, on a 70-event split of 32x32 images written here
   with random deposits, shuffled, in batches of 16 (the last one padded):
   - every batch is byte-identical to the one built directly from input_from_event (images, one-hot
     labels, zeros in the padding) and the real-image counts are 16, 16, 16, 16, 6, then 0;
   - a loader stopped after its first batch, its threads still decoding ahead, stops cleanly;
   - the thread count is what loader_set_threads asked, the default when 0;
   - each input encoding on a hand-made image (u: 2 and 10 MeV, v: 100 MeV, w empty; S = 10 MeV) gives the
     values computed by hand below, without and with ImageNet's normalisation; the names round-trip. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../check.h"
#include "nn/loader.h"
#include "core/util.h"

enum { EVENTS = 70, SIDE = 32, BATCH = 16, IMAGE = 3 * SIDE * SIDE };

/* Writes a split of EVENTS events with sparse random deposits and random classes in dir, and the
   truth table's columns that dataset_open checks. */
static void write_split(const char *dir, gsl_rng *r)
{
    char path[NUTL_PATH_MAX];
    path_join(path, dir, DATASET_TRUTH_FILE);
    FILE *truth = fopen(path, "w");
    CHECK(truth, "%s: cannot write", path);
    fprintf(truth, "event_id\tclass\ttrue_energy_gev\tchannel\n");
    dataset_writer *w = dataset_create(dir, EVENTS, SIDE, 7, 1);
    float *pixels = nutl_calloc(IMAGE * sizeof(float), "pixels");
    unsigned char *record = NULL;
    size_t cap = 0;
    for (int i = 0; i < EVENTS; i++) {
        memset(pixels, 0, IMAGE * sizeof(float));
        for (int k = 0; k < 200; k++) pixels[gsl_rng_uniform_int(r, IMAGE)] = (float)gsl_ran_exponential(r, 30.0);
        size_t len = dataset_encode(pixels, SIDE, i, &record, &cap);
        int cls = (int)gsl_rng_uniform_int(r, N_CLASSES);
        dataset_append(w, i, cls, 1.0 + i, i, record, len);
        fprintf(truth, "%d\t%s\t%f\tqe\n", i, class_name(cls), 1.0 + i);
    }
    dataset_commit(w);
    CHECK(!fclose(truth), "%s: cannot write", path);
    free(record);
    free(pixels);
}

/* Writes a one-event split in dir whose image is the hand-made one of check_encodings. */
static void write_hand_made(const char *dir)
{
    static float pixels[IMAGE];
    char path[NUTL_PATH_MAX];
    pixels[0] = 2, pixels[1] = 10, pixels[SIDE * SIDE] = 100;  /* u (0,0), u (0,1), v (0,0) */
    path_join(path, dir, DATASET_TRUTH_FILE);
    FILE *truth = fopen(path, "w");
    CHECK(truth, "%s: cannot write", path);
    fprintf(truth, "event_id\tclass\ttrue_energy_gev\tchannel\n0\tnc\t2.000000\tnc\n");
    CHECK(!fclose(truth), "%s: cannot write", path);
    dataset_writer *w = dataset_create(dir, 1, SIDE, 7, 1);
    unsigned char *record = NULL;
    size_t cap = 0, len = dataset_encode(pixels, SIDE, 0, &record, &cap);
    dataset_append(w, 0, 2, 2.0, 0, record, len);
    dataset_commit(w);
    free(record);
}

/* Checks each encoding on the hand-made split d: the inputs of u (0,0), u (0,1), v (0,0) and an empty w
   pixel, by hand: saturating min(E / 10, 1); raw E; per-image E / 100; log ln(1 + E / 2) / ln 6, i.e.
   ln 2 / ln 6 = 0.3868528, 1, ln 51 / ln 6 = 2.1943937. Normalised: (v - mean_c) / std_c. */
static void check_encodings(const dataset *d)
{
    static const double want[N_INPUT_ENCODINGS][4] = {
        [INPUT_SATURATING] = {0.2, 1, 1, 0},
        [INPUT_RAW] = {2, 10, 100, 0},
        [INPUT_PER_IMAGE] = {0.02, 0.1, 1, 0},
        [INPUT_LOG] = {0.3868528, 1, 2.1943937, 0}};
    static const double mean[3] = {0.485, 0.456, 0.406}, sd[3] = {0.229, 0.224, 0.225};
    static float x[IMAGE];
    const long at[4] = {0, 1, SIDE * SIDE, 2 * SIDE * SIDE + 5};
    for (int e = 0; e < N_INPUT_ENCODINGS; e++) {
        CHECK(input_encoding_parse(input_encoding_name(e)) == (enum input_encoding)e, "encoding %d: name", e);
        for (int norm = 0; norm <= 1; norm++) {
            input_from_event(d, 0, (input_transform){.encoding = e, .saturation_mev = 10, .imagenet_normalize = norm}, x);
            for (int k = 0; k < 4; k++) {
                int ch = (int)(at[k] / (SIDE * SIDE));
                double v = norm ? (want[e][k] - mean[ch]) / sd[ch] : want[e][k];
                CHECK(fabs(x[at[k]] - v) <= 1e-6 * (1 + fabs(v)), "%s, %s: pixel %ld is %.7g, by hand %.7g",
                      input_encoding_name(e), input_normalization_name(norm), at[k], x[at[k]], v);
            }
        }
    }
    printf("encodings saturating, raw, per-image, log: the hand-computed values, with and without ImageNet's normalisation\n");
}

/* Fills x and y with batch b of order as it must come out of the loader. */
static void expected_batch(const dataset *d, const int *order, input_transform t, int b, float *x, float *y)
{
    memset(x, 0, (size_t)BATCH * IMAGE * sizeof(float));
    memset(y, 0, (size_t)BATCH * N_CLASSES * sizeof(float));
    for (int k = 0; k < BATCH && b * BATCH + k < EVENTS; k++) {
        int event = order[b * BATCH + k];
        input_from_event(d, event, t, x + (size_t)k * IMAGE);
        y[k * N_CLASSES + dataset_class(d, event)] = 1;
    }
}

static void check_threads(const dataset *d, const int *order, input_transform t, int threads)
{
    static float x[BATCH * IMAGE], y[BATCH * N_CLASSES], ex[BATCH * IMAGE], ey[BATCH * N_CLASSES];
    loader_set_threads(threads);
    CHECK(loader_threads() == threads, "asked %d threads, got %d", threads, loader_threads());
    loader *l = loader_start(d, order, EVENTS, BATCH, t);
    for (int b = 0; b <= EVENTS / BATCH; b++) {
        int count = loader_next(l, x, y), want = EVENTS - b * BATCH < BATCH ? EVENTS - b * BATCH : BATCH;
        CHECK(count == want, "%d threads, batch %d: %d images, expected %d", threads, b, count, want);
        expected_batch(d, order, t, b, ex, ey);
        CHECK(!memcmp(x, ex, sizeof x), "%d threads, batch %d: images differ", threads, b);
        CHECK(!memcmp(y, ey, sizeof y), "%d threads, batch %d: labels differ", threads, b);
    }
    CHECK(loader_next(l, x, y) == 0, "%d threads: a batch after the last", threads);
    CHECK(loader_images_per_second(l) > 0, "%d threads: no decoding speed", threads);
    loader_stop(l);

    l = loader_start(d, order, EVENTS, BATCH, t);
    CHECK(loader_next(l, x, y) == BATCH, "%d threads: first batch of the stopped loader", threads);
    loader_stop(l);
    printf("%d decoding threads: %d batches byte-identical to input_from_event's; stopped early cleanly\n", threads,
           EVENTS / BATCH + 1);
}

int main(void)
{
    char dir[NUTL_PATH_MAX];
    const char *tmp = getenv("NUTL_TEST_TMP");
    snprintf(dir, sizeof dir, "%s/loader-split-XXXXXX", tmp ? tmp : "/tmp");
    CHECK(mkdtemp(dir), "%s: cannot create", dir);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    write_split(dir, r);
    dataset *d = dataset_open(dir);
    int order[EVENTS];
    for (int i = 0; i < EVENTS; i++) order[i] = i;
    gsl_ran_shuffle(r, order, EVENTS, sizeof *order);
    input_transform t = {.saturation_mev = input_default_saturation(d), .imagenet_normalize = 1};
    for (int threads = 1; threads <= 4; threads *= 2) check_threads(d, order, t, threads);
    loader_set_threads(0);
    CHECK(loader_threads() == loader_default_threads(), "0 threads is not the default");
    dataset_close(d);
    strcat(dir, "/hand");
    CHECK(!mkdir(dir, 0755), "%s: cannot create", dir);
    write_hand_made(dir);
    d = dataset_open(dir);
    check_encodings(d);
    dataset_close(d);
    gsl_rng_free(r);
    return check_status();
}
