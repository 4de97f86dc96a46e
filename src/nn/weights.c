#include "nn/weights.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"

#ifdef GPU
void push_convolutional_layer(layer l);
void pull_convolutional_layer(layer l);
void push_connected_layer(layer l);
void pull_connected_layer(layer l);
#endif

/* Darknet's header: major, minor, revision, then images seen as size_t (format 0.2). */
enum { WEIGHTS_MAJOR = 0, WEIGHTS_MINOR = 2, WEIGHTS_REVISION = 0 };
static const char CHECKPOINT_MAGIC[8] = {'N', 'U', 'T', 'L', 'C', 'K', 'P', '1'};

/* A file being written or read, with a running SHA-256 of its bytes. */
typedef struct {
    FILE *f;
    const char *path;
    struct sha256_ctx sha;
} stream;

static void put(stream *s, const void *x, size_t bytes)
{
    if (bytes && fwrite(x, 1, bytes, s->f) != bytes) nutl_die("%s: write failed: %s", s->path, strerror(errno));
    sha256_update(&s->sha, bytes, x);
}

static void get(stream *s, void *x, size_t bytes)
{
    if (bytes && fread(x, 1, bytes, s->f) != bytes) nutl_die("%s: truncated file", s->path);
    sha256_update(&s->sha, bytes, x);
}

/* The arrays Darknet stores for a layer, in its order. */
typedef struct {
    float *array[5];
    long length[5];
    int n;
} layer_arrays;

static void arrays_add(layer_arrays *a, float *x, long n)
{
    a->array[a->n] = x;
    a->length[a->n++] = n;
}

static layer_arrays stored_arrays(const layer *l)
{
    layer_arrays a = {0};
    int bn = l->batch_normalize;
    if (l->type == CONVOLUTIONAL) {
        arrays_add(&a, l->biases, l->n);
        if (bn) {
            arrays_add(&a, l->scales, l->n);
            arrays_add(&a, l->rolling_mean, l->n);
            arrays_add(&a, l->rolling_variance, l->n);
        }
        arrays_add(&a, l->weights, l->nweights);
    } else if (l->type == CONNECTED) {
        arrays_add(&a, l->biases, l->outputs);
        arrays_add(&a, l->weights, (long)l->outputs * l->inputs);
        if (bn) {
            arrays_add(&a, l->scales, l->outputs);
            arrays_add(&a, l->rolling_mean, l->outputs);
            arrays_add(&a, l->rolling_variance, l->outputs);
        }
    } else if (l->type == BATCHNORM) {
        arrays_add(&a, l->scales, l->c);
        arrays_add(&a, l->rolling_mean, l->c);
        arrays_add(&a, l->rolling_variance, l->c);
    }
    return a;
}

/* The momentum buffers SGD keeps for a layer (Darknet's *_updates arrays). */
static layer_arrays momentum_arrays(const layer *l)
{
    layer_arrays a = {0};
    if (l->type != CONVOLUTIONAL && l->type != CONNECTED) return a;
    arrays_add(&a, l->bias_updates, l->out_c);
    arrays_add(&a, l->weight_updates, l->type == CONVOLUTIONAL ? l->nweights : (long)l->outputs * l->inputs);
    if (l->batch_normalize) arrays_add(&a, l->scale_updates, l->out_c);
    return a;
}

long layer_stored_floats(const layer *l)
{
    layer_arrays a = stored_arrays(l);
    long n = 0;
    for (int i = 0; i < a.n; i++) n += a.length[i];
    return n;
}

static void sync_from_gpu(network *net)
{
#ifdef GPU
    if (net->gpu_index < 0) return;
    for (int i = 0; i < net->n; i++) {
        if (net->layers[i].type == CONVOLUTIONAL) pull_convolutional_layer(net->layers[i]);
        if (net->layers[i].type == CONNECTED) pull_connected_layer(net->layers[i]);
    }
#else
    (void)net;
#endif
}

static void sync_to_gpu(network *net)
{
#ifdef GPU
    if (net->gpu_index < 0) return;
    for (int i = 0; i < net->n; i++) {
        if (net->layers[i].type == CONVOLUTIONAL) push_convolutional_layer(net->layers[i]);
        if (net->layers[i].type == CONNECTED) push_connected_layer(net->layers[i]);
    }
#else
    (void)net;
#endif
}

static void put_arrays(stream *s, layer_arrays a)
{
    for (int i = 0; i < a.n; i++) put(s, a.array[i], a.length[i] * sizeof(float));
}

static void get_arrays(stream *s, layer_arrays a)
{
    for (int i = 0; i < a.n; i++) get(s, a.array[i], a.length[i] * sizeof(float));
}

static void put_header(stream *s, uint64_t seen)
{
    int version[3] = {WEIGHTS_MAJOR, WEIGHTS_MINOR, WEIGHTS_REVISION};
    size_t seen_size = seen;
    put(s, version, sizeof version);
    put(s, &seen_size, sizeof seen_size);
}

void weights_save(network *net, const char *path)
{
    sync_from_gpu(net);
    stream s = {.f = atomic_open(path), .path = path};
    sha256_init(&s.sha);
    put_header(&s, *net->seen);
    for (int i = 0; i < net->n; i++) put_arrays(&s, stored_arrays(&net->layers[i]));
    atomic_commit(s.f, path);
}

static long file_size(FILE *f)
{
    long here = ftell(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, here, SEEK_SET);
    return size;
}

long weights_load(network *net, const char *path, int cutoff)
{
    FILE *f = fopen(path, "rb");
    if (!f) nutl_die("%s: cannot read weights: %s", path, strerror(errno));
    stream s = {.f = f, .path = path};
    sha256_init(&s.sha);
    int version[3];
    size_t seen;
    get(&s, version, sizeof version);
    if (version[0] != WEIGHTS_MAJOR || version[1] != WEIGHTS_MINOR)
        nutl_die("%s: not a Darknet 0.2 weights file (header %d.%d)", path, version[0], version[1]);
    get(&s, &seen, sizeof seen);
    long need = 0;
    for (int i = 0; i < cutoff; i++) need += layer_stored_floats(&net->layers[i]);
    long have = (file_size(f) - ftell(f)) / (long)sizeof(float);
    if (have < need)
        nutl_die("%s: holds %ld floats, the cfg's first %d layers need %ld: weights of another network",
                 path, have, cutoff, need);
    for (int i = 0; i < cutoff; i++) get_arrays(&s, stored_arrays(&net->layers[i]));
    fclose(f);
    *net->seen = seen;
    sync_to_gpu(net);
    return have - need;
}

/* Schedule fields one by one, so the file does not depend on the struct's padding. */
static void put_schedule(stream *s, const schedule *sc)
{
    put(s, &sc->learning_rate, sizeof sc->learning_rate);
    put(s, &sc->best_val_loss, sizeof sc->best_val_loss);
    int32_t ints[4] = {sc->best_epoch, sc->epochs_done, sc->bad_epochs, sc->bad_since_drop};
    put(s, ints, sizeof ints);
}

static void get_schedule(stream *s, schedule *sc)
{
    get(s, &sc->learning_rate, sizeof sc->learning_rate);
    get(s, &sc->best_val_loss, sizeof sc->best_val_loss);
    int32_t ints[4];
    get(s, ints, sizeof ints);
    sc->best_epoch = ints[0];
    sc->epochs_done = ints[1];
    sc->bad_epochs = ints[2];
    sc->bad_since_drop = ints[3];
}

static void put_network_state(stream *s, network *net)
{
    for (int i = 0; i < net->n; i++) {
        put_arrays(s, stored_arrays(&net->layers[i]));
        put_arrays(s, momentum_arrays(&net->layers[i]));
    }
}

void checkpoint_save(network *net, const checkpoint_state *state, const char *path)
{
    sync_from_gpu(net);
    stream s = {.f = atomic_open(path), .path = path};
    sha256_init(&s.sha);
    put(&s, CHECKPOINT_MAGIC, sizeof CHECKPOINT_MAGIC);
    put(&s, state->run_key, sizeof state->run_key);
    put_schedule(&s, &state->sched);
    put(&s, &state->seen, sizeof state->seen);
    put(&s, &state->train_seconds, sizeof state->train_seconds);
    put(&s, &state->images_trained, sizeof state->images_trained);
    int64_t floats = 0;
    for (int i = 0; i < net->n; i++) floats += layer_stored_floats(&net->layers[i]);
    put(&s, &floats, sizeof floats);
    put_network_state(&s, net);
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_digest(&s.sha, sizeof digest, digest);
    if (fwrite(digest, 1, sizeof digest, s.f) != sizeof digest) nutl_die("%s: write failed", path);
    atomic_commit(s.f, path);
}

int checkpoint_load(network *net, checkpoint_state *state, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return 0;
        nutl_die("%s: cannot read checkpoint: %s", path, strerror(errno));
    }
    stream s = {.f = f, .path = path};
    sha256_init(&s.sha);
    char magic[sizeof CHECKPOINT_MAGIC], key[sizeof state->run_key];
    get(&s, magic, sizeof magic);
    if (memcmp(magic, CHECKPOINT_MAGIC, sizeof magic)) nutl_die("%s: not a nutl checkpoint", path);
    get(&s, key, sizeof key);
    key[sizeof key - 1] = 0;
    if (strcmp(key, state->run_key))
        nutl_die("%s: checkpoint of another run (%s), not of %s; remove it to start again", path, key, state->run_key);
    get_schedule(&s, &state->sched);
    get(&s, &state->seen, sizeof state->seen);
    get(&s, &state->train_seconds, sizeof state->train_seconds);
    get(&s, &state->images_trained, sizeof state->images_trained);
    int64_t floats, want = 0;
    get(&s, &floats, sizeof floats);
    for (int i = 0; i < net->n; i++) want += layer_stored_floats(&net->layers[i]);
    if (floats != want) nutl_die("%s: checkpoint of a network with %lld parameters, this one has %lld", path,
                                 (long long)floats, (long long)want);
    for (int i = 0; i < net->n; i++) {
        get_arrays(&s, stored_arrays(&net->layers[i]));
        get_arrays(&s, momentum_arrays(&net->layers[i]));
    }
    unsigned char digest[SHA256_DIGEST_SIZE], stored[SHA256_DIGEST_SIZE];
    sha256_digest(&s.sha, sizeof digest, digest);
    if (fread(stored, 1, sizeof stored, f) != sizeof stored) nutl_die("%s: truncated file", path);
    if (memcmp(digest, stored, sizeof digest)) nutl_die("%s: corrupted checkpoint (SHA-256 mismatch)", path);
    fclose(f);
    *net->seen = state->seen;
    sync_to_gpu(net);
    return 1;
}
