#include "nn/init.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

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

/* The layer's batch norm; else PyTorch's default bias, uniform in +-1/sqrt(fan_in), under torchvision's
   rule, and 0 under the paper's (He et al. 2015 start biases at 0; the paper names no bias rule). */
static void init_biases(gsl_rng *r, layer *l, long fan_in, enum init_rule rule)
{
    if (l->batch_normalize) init_batch_norm(l);
    else if (rule == INIT_KAIMING) fill_uniform(r, l->biases, l->out_c, 1 / sqrt((double)fan_in));
    else for (int k = 0; k < l->out_c; k++) l->biases[k] = 0;
}

/* A convolution: N(0, 2 / fan) with fan its fan-out, filters k k (kaiming_normal_(mode="fan_out",
   nonlinearity="relu"), torchvision's), or its fan-in, channels k k / groups (the paper's formula). */
static void init_convolution(gsl_rng *r, layer *l, enum init_rule rule)
{
    long fan_in = (long)l->size * l->size * l->c / l->groups, fan_out = (long)l->size * l->size * l->out_c;
    fill_gaussian(r, l->weights, layer_weights(l), sqrt(2.0 / (rule == INIT_KAIMING ? fan_out : fan_in)));
    init_biases(r, l, fan_in, rule);
}

/* A connected layer: nn.Linear's kaiming_uniform_(a = sqrt(5)), uniform in +-1/sqrt(fan_in)
   (torchvision's), or N(0, 2 / fan_in) like every other layer (the paper's formula). */
static void init_connected(gsl_rng *r, layer *l, enum init_rule rule)
{
    if (rule == INIT_KAIMING) fill_uniform(r, l->weights, layer_weights(l), 1 / sqrt((double)l->inputs));
    else fill_gaussian(r, l->weights, layer_weights(l), sqrt(2.0 / l->inputs));
    init_biases(r, l, l->inputs, rule);
}

int init_rule_parse(const char *name)
{
    return !strcmp(name, "kaiming") ? INIT_KAIMING : !strcmp(name, "kaiming-fan-in") ? INIT_KAIMING_FAN_IN : -1;
}

void init_network(network *net, int first, uint64_t seed, enum init_rule rule)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed_derive(seed, "kaiming-init"));
    for (int i = first; i < net->n; i++) {
        layer *l = &net->layers[i];
        if (l->type == CONVOLUTIONAL) init_convolution(r, l, rule);
        else if (l->type == CONNECTED) init_connected(r, l, rule);
    }
    gsl_rng_free(r);
}
