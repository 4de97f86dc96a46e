#include "darknet_weights.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "network_load.h"
#include "util.h"

#define HEADER_BYTES (3 * sizeof(int) + sizeof(size_t))

/* Returns the number of floats layer i of net holds in a weights file; dies as darknet_weights_size. */
static size_t layer_floats(const network *net, const char *cfg, int i)
{
    const layer *l = &net->layers[i];
    if (l->dontload || l->dontloadscales || l->numload || l->flipped)
        nutl_die("%s: layer %d: dontload, dontloadscales, numload and flipped are not supported", cfg, i);
    size_t bn = l->batch_normalize ? 3 : 0;
    switch (l->type) {
    case CONVOLUTIONAL:
    case CONNECTED: return (1 + bn) * (size_t)l->out_c + (size_t)layer_weights(l);
    case DECONVOLUTIONAL: case BATCHNORM: case LOCAL: case RNN: case GRU: case LSTM: case CRNN:
        nutl_die("%s: layer %d: this layer type's weights are not supported", cfg, i);
    default: return 0;
    }
}

size_t darknet_weights_size(const network *net, const char *cfg)
{
    size_t floats = 0;
    for (int i = 0; i < net->n; i++) floats += layer_floats(net, cfg, i);
    return HEADER_BYTES + floats * sizeof(float);
}

/* Writes n floats from x to f. Returns nothing (write errors surface in atomic_commit). */
static void floats_write(FILE *f, const float *x, size_t n)
{
    fwrite(x, sizeof *x, n, f);
}

/* Writes layer l's arrays in Darknet's order. Returns nothing. */
static void layer_write(FILE *f, const layer *l)
{
    size_t n = (size_t)l->out_c;
    floats_write(f, l->biases, n);
    if (l->type == CONNECTED) floats_write(f, l->weights, (size_t)layer_weights(l));
    if (l->batch_normalize) {
        floats_write(f, l->scales, n);
        floats_write(f, l->rolling_mean, n);
        floats_write(f, l->rolling_variance, n);
    }
    if (l->type == CONVOLUTIONAL) floats_write(f, l->weights, (size_t)layer_weights(l));
}

void darknet_weights_write(const network *net, const char *cfg, const char *path)
{
    darknet_weights_size(net, cfg); /* refuses unsupported layers before anything is written */
    FILE *f = atomic_open(path);
    const int version[3] = {0, 2, 0};
    const size_t seen = 0;
    fwrite(version, sizeof version[0], 3, f);
    fwrite(&seen, sizeof seen, 1, f);
    for (int i = 0; i < net->n; i++)
        if (net->layers[i].type == CONVOLUTIONAL || net->layers[i].type == CONNECTED)
            layer_write(f, &net->layers[i]);
    atomic_commit(f, path);
}

void darknet_weights_load(network *net, const char *cfg, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) nutl_die("%s: cannot read: %s", path, strerror(errno));
    size_t need = darknet_weights_size(net, cfg);
    if ((size_t)st.st_size != need)
        nutl_die("%s: %lld bytes, but %s needs %zu (weights for another cfg, or truncated)", path,
                 (long long)st.st_size, cfg, need);
    load_weights(net, (char *)path);
}
