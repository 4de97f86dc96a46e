#include "nn/init.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#include "core/seed.h"
#include "nn/network_load.h"

static void fill_gaussian(gsl_rng *r, float *x, long n, double sigma)
{
    for (long i = 0; i < n; i++) x[i] = gsl_ran_gaussian(r, sigma);
}

static void fill_uniform(gsl_rng *r, float *x, long n, double bound)
{
    for (long i = 0; i < n; i++) x[i] = gsl_ran_flat(r, -bound, bound);
}

/* Batch norm as nn.BatchNorm2d constructs it: weight 1, bias 0, running statistics (0, 1). */
static void init_batch_norm(layer *l)
{
    for (int k = 0; k < l->out_c; k++) {
        l->biases[k] = 0;
        l->scales[k] = 1;
        l->rolling_mean[k] = 0;
        l->rolling_variance[k] = 1;
    }
}

/* The layer's batch norm, or else PyTorch's default bias: uniform in
   +-1/sqrt(fan_in). */
static void init_biases(gsl_rng *r, layer *l, long fan_in)
{
    if (l->batch_normalize) init_batch_norm(l);
    else fill_uniform(r, l->biases, l->out_c, 1 / sqrt((double)fan_in));
}

/* A convolution: kaiming_normal_(mode="fan_out", nonlinearity="relu"), std sqrt(2 / (filters k k)). */
static void init_convolution(gsl_rng *r, layer *l)
{
    long fan_out = (long)l->size * l->size * l->out_c;
    fill_gaussian(r, l->weights, layer_weights(l), sqrt(2.0 / fan_out));
    init_biases(r, l, (long)l->size * l->size * l->c / l->groups);
}

/* A connected layer: nn.Linear's kaiming_uniform_(a = sqrt(5)), i.e. uniform in +-1/sqrt(fan_in). */
static void init_connected(gsl_rng *r, layer *l)
{
    fill_uniform(r, l->weights, layer_weights(l), 1 / sqrt((double)l->inputs));
    init_biases(r, l, l->inputs);
}

void init_torchvision(network *net, int first, uint64_t seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed_derive(seed, "kaiming-init"));
    for (int i = first; i < net->n; i++) {
        layer *l = &net->layers[i];
        if (l->type == CONVOLUTIONAL) init_convolution(r, l);
        else if (l->type == CONNECTED) init_connected(r, l);
    }
    gsl_rng_free(r);
}
