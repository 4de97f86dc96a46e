#include "nn/loader.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"

static const float imagenet_mean[3] = {0.485f, 0.456f, 0.406f};
static const float imagenet_std[3] = {0.229f, 0.224f, 0.225f};

/* Batches in the ring: the consumer copies a batch out and frees its slot at once, so three let the
   threads fill the next two while it trains on one. */
enum { SLOTS = 3 };

/* A slot holds batch `batch`, of which `written` images (padding included) are in place; the threads
   write batch b into slot b % SLOTS once the consumer has taken batch b - SLOTS out of it. */
typedef struct {
    float *x, *y;
    int batch, written;
} slot;

struct loader {
    const dataset *d;
    const int *order;
    int n, batch, image_floats, batches, threads;
    input_transform t;
    slot slots[SLOTS];
    long next_image, images;  /* next place (batch * batch size + k) to claim; places in all */
    int next_take, stop;
    long decoded;          /* images decoded so far, and the threads' time spent on them */
    double decode_seconds;
    pthread_t thread[LOADER_MAX_THREADS];
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

static int threads_set;  /* loader_set_threads; 0: the default */

double input_default_saturation(const dataset *d)
{
    return 10.0 * 224 / dataset_width(d);
}

static const char *const encoding_names[N_INPUT_ENCODINGS] = {
    [INPUT_SATURATING] = "saturating", [INPUT_RAW] = "raw", [INPUT_PER_IMAGE] = "per-image", [INPUT_LOG] = "log"};

const char *input_encoding_name(enum input_encoding e)
{
    return encoding_names[e];
}

enum input_encoding input_encoding_parse(const char *name)
{
    for (int e = 0; e < N_INPUT_ENCODINGS; e++)
        if (!strcmp(name, encoding_names[e])) return e;
    nutl_die("--encoding '%s': unknown input encoding (saturating, raw, per-image or log)", name);
}

const char *input_normalization_name(int imagenet_normalize)
{
    return imagenet_normalize ? "imagenet" : "none";
}

int input_normalization_parse(const char *name)
{
    if (strcmp(name, "imagenet") && strcmp(name, "none")) nutl_die("--normalize '%s': imagenet or none", name);
    return !strcmp(name, "imagenet");
}

float input_encode(input_transform t, float e, float max_mev)
{
    float s = (float)t.saturation_mev, q = s / 5;  /* q: a MIP crossing when s is five of them */
    switch (t.encoding) {
    case INPUT_RAW: return e;
    case INPUT_PER_IMAGE: return max_mev > 0 ? e / max_mev : 0;
    case INPUT_LOG: return log1pf(e / q) / log1pf(s / q);
    case INPUT_SATURATING:
    default: return fminf(e / s, 1.0f);
    }
}

/* Returns the largest of x[0..n). */
static float largest(const float *x, long n)
{
    float m = 0;
    for (long k = 0; k < n; k++) m = fmaxf(m, x[k]);
    return m;
}

void input_from_event(const dataset *d, int i, input_transform t, float *x)
{
    int c = dataset_channels(d), plane = dataset_width(d) * dataset_height(d);
    dataset_read_image(d, i, x);
    float max_mev = t.encoding == INPUT_PER_IMAGE ? largest(x, (long)c * plane) : 0;
    for (int ch = 0; ch < c; ch++) {
        float *p = x + (long)ch * plane;
        float mean = t.imagenet_normalize ? imagenet_mean[ch % 3] : 0;
        float scale = t.imagenet_normalize ? 1 / imagenet_std[ch % 3] : 1;
        for (int k = 0; k < plane; k++) p[k] = (input_encode(t, p[k], max_mev) - mean) * scale;
    }
}

int loader_default_threads(void)
{
#ifdef GPU
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > LOADER_GPU_THREADS ? LOADER_GPU_THREADS : cores > 1 ? (int)cores - 1 : 1;
#else
    return 1;
#endif
}

void loader_set_threads(int threads)
{
    if (threads < 0 || threads > LOADER_MAX_THREADS)
        nutl_die("--loader-threads %d: must be 1 to %d (or 0 for the default)", threads, LOADER_MAX_THREADS);
    threads_set = threads;
}

int loader_threads(void)
{
    return threads_set ? threads_set : loader_default_threads();
}

/* Writes place k of batch b into slot s: its event's image and one-hot label, or zeros past the end. */
static void write_place(loader *l, slot *s, int b, int k)
{
    long place = (long)b * l->batch + k;
    float *x = s->x + (size_t)k * l->image_floats, *y = s->y + (size_t)k * N_CLASSES;
    memset(y, 0, N_CLASSES * sizeof *y);
    if (place >= l->n) {
        memset(x, 0, (size_t)l->image_floats * sizeof *x);
        return;
    }
    int event = l->order[place];
    input_from_event(l->d, event, l->t, x);
    y[dataset_class(l->d, event)] = 1;
}

/* A decoding thread: claims the next place, waits for its batch's slot to be free, writes it. */
static void *loader_main(void *arg)
{
    loader *l = arg;
    pthread_mutex_lock(&l->lock);
    while (!l->stop && l->next_image < l->images) {
        long place = l->next_image++;
        int b = (int)(place / l->batch), k = (int)(place % l->batch);
        slot *s = &l->slots[b % SLOTS];
        while (!l->stop && s->batch != b) pthread_cond_wait(&l->changed, &l->lock);
        if (l->stop) break;
        pthread_mutex_unlock(&l->lock);
        double start = seconds_now();
        write_place(l, s, b, k);
        double seconds = seconds_now() - start;
        pthread_mutex_lock(&l->lock);
        l->decode_seconds += seconds;
        if (place < l->n) l->decoded++;  /* padding is not an image */
        if (++s->written == l->batch) pthread_cond_broadcast(&l->changed);
    }
    pthread_mutex_unlock(&l->lock);
    return NULL;
}

loader *loader_start(const dataset *d, const int *order, int n, int batch, input_transform t)
{
    loader *l = nutl_calloc(sizeof *l, "loader");
    *l = (loader){.d = d, .order = order, .n = n, .batch = batch, .t = t, .threads = loader_threads(),
                  .image_floats = dataset_channels(d) * dataset_width(d) * dataset_height(d),
                  .batches = (n + batch - 1) / batch};
    l->images = (long)l->batches * batch;
    for (int s = 0; s < SLOTS; s++) {
        l->slots[s].x = nutl_calloc((size_t)batch * l->image_floats * sizeof(float), "input batch");
        l->slots[s].y = nutl_calloc((size_t)batch * N_CLASSES * sizeof(float), "label batch");
        l->slots[s].batch = s;
    }
    pthread_mutex_init(&l->lock, NULL);
    pthread_cond_init(&l->changed, NULL);
    for (int i = 0; i < l->threads; i++)
        if (pthread_create(&l->thread[i], NULL, loader_main, l)) nutl_die("cannot start the data loader's threads");
    return l;
}

int loader_next(loader *l, float *x, float *y)
{
    if (l->next_take == l->batches) return 0;
    int b = l->next_take;
    slot *s = &l->slots[b % SLOTS];
    pthread_mutex_lock(&l->lock);
    while (s->written < l->batch) pthread_cond_wait(&l->changed, &l->lock);
    pthread_mutex_unlock(&l->lock);
    memcpy(x, s->x, (size_t)l->batch * l->image_floats * sizeof(float));
    memcpy(y, s->y, (size_t)l->batch * N_CLASSES * sizeof(float));
    pthread_mutex_lock(&l->lock);
    s->written = 0;
    s->batch = b + SLOTS;
    l->next_take++;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
    return l->n - b * l->batch < l->batch ? l->n - b * l->batch : l->batch;
}

double loader_images_per_second(const loader *l)
{
    return l->decode_seconds > 0 ? l->decoded * l->threads / l->decode_seconds : 0;
}

void loader_stop(loader *l)
{
    pthread_mutex_lock(&l->lock);
    l->stop = 1;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
    for (int i = 0; i < l->threads; i++) pthread_join(l->thread[i], NULL);
    for (int s = 0; s < SLOTS; s++) {
        free(l->slots[s].x);
        free(l->slots[s].y);
    }
    pthread_mutex_destroy(&l->lock);
    pthread_cond_destroy(&l->changed);
    free(l);
}
