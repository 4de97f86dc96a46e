#include "nn/loader.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static const float imagenet_mean[3] = {0.485f, 0.456f, 0.406f};
static const float imagenet_std[3] = {0.229f, 0.224f, 0.225f};

enum { SLOTS = 2 };  /* batches decoded ahead: one being used, one being filled */

struct loader {
    const dataset *d;
    const int *order;
    int n, batch, image_floats;
    input_transform t;
    float *x[SLOTS], *y[SLOTS];
    int count[SLOTS];   /* real images in a filled slot; -1 while free */
    int next_fill, next_take, batches, stop;
    long decoded;          /* images decoded so far, and the thread's time spent on them */
    double decode_seconds;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

double input_default_saturation(const dataset *d)
{
    return 10.0 * 224 / dataset_width(d);
}

void input_from_event(const dataset *d, int i, input_transform t, float *x)
{
    int c = dataset_channels(d), plane = dataset_width(d) * dataset_height(d);
    dataset_read_image(d, i, x);
    for (int ch = 0; ch < c; ch++) {
        float *p = x + (long)ch * plane;
        float mean = t.imagenet_normalize ? imagenet_mean[ch % 3] : 0;
        float scale = t.imagenet_normalize ? 1 / imagenet_std[ch % 3] : 1;
        for (int k = 0; k < plane; k++) p[k] = (fminf(p[k] / (float)t.saturation_mev, 1.0f) - mean) * scale;
    }
}

static void fill_slot(loader *l, int slot, int b)
{
    double start = seconds_now();
    int first = b * l->batch, count = l->n - first < l->batch ? l->n - first : l->batch;
    memset(l->x[slot], 0, (size_t)l->batch * l->image_floats * sizeof(float));
    memset(l->y[slot], 0, (size_t)l->batch * N_CLASSES * sizeof(float));
    for (int k = 0; k < count; k++) {
        int event = l->order[first + k];
        input_from_event(l->d, event, l->t, l->x[slot] + (size_t)k * l->image_floats);
        l->y[slot][k * N_CLASSES + dataset_class(l->d, event)] = 1;
    }
    l->decode_seconds += seconds_now() - start;
    l->decoded += count;
    l->count[slot] = count;
}

static void *loader_main(void *arg)
{
    loader *l = arg;
    for (int b = 0; b < l->batches; b++) {
        int slot = b % SLOTS;
        pthread_mutex_lock(&l->lock);
        while (l->count[slot] >= 0 && !l->stop) pthread_cond_wait(&l->changed, &l->lock);
        int stop = l->stop;
        pthread_mutex_unlock(&l->lock);
        if (stop) break;
        fill_slot(l, slot, b);
        pthread_mutex_lock(&l->lock);
        pthread_cond_broadcast(&l->changed);
        pthread_mutex_unlock(&l->lock);
    }
    return NULL;
}

loader *loader_start(const dataset *d, const int *order, int n, int batch, input_transform t)
{
    loader *l = nutl_calloc(sizeof *l, "loader");
    *l = (loader){.d = d, .order = order, .n = n, .batch = batch, .t = t,
                  .image_floats = dataset_channels(d) * dataset_width(d) * dataset_height(d),
                  .batches = (n + batch - 1) / batch};
    for (int s = 0; s < SLOTS; s++) {
        l->x[s] = nutl_calloc((size_t)batch * l->image_floats * sizeof(float), "input batch");
        l->y[s] = nutl_calloc((size_t)batch * N_CLASSES * sizeof(float), "label batch");
        l->count[s] = -1;
    }
    pthread_mutex_init(&l->lock, NULL);
    pthread_cond_init(&l->changed, NULL);
    if (pthread_create(&l->thread, NULL, loader_main, l)) nutl_die("cannot start the data loader thread");
    return l;
}

int loader_next(loader *l, float *x, float *y)
{
    if (l->next_take == l->batches) return 0;
    int slot = l->next_take % SLOTS;
    pthread_mutex_lock(&l->lock);
    while (l->count[slot] < 0) pthread_cond_wait(&l->changed, &l->lock);
    pthread_mutex_unlock(&l->lock);
    memcpy(x, l->x[slot], (size_t)l->batch * l->image_floats * sizeof(float));
    memcpy(y, l->y[slot], (size_t)l->batch * N_CLASSES * sizeof(float));
    int count = l->count[slot];
    pthread_mutex_lock(&l->lock);
    l->count[slot] = -1;
    l->next_take++;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
    return count;
}

double loader_images_per_second(const loader *l)
{
    return l->decode_seconds > 0 ? l->decoded / l->decode_seconds : 0;
}

void loader_stop(loader *l)
{
    pthread_mutex_lock(&l->lock);
    l->stop = 1;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
    pthread_join(l->thread, NULL);
    for (int s = 0; s < SLOTS; s++) {
        free(l->x[s]);
        free(l->y[s]);
    }
    pthread_mutex_destroy(&l->lock);
    pthread_cond_destroy(&l->changed);
    free(l);
}
