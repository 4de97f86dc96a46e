/* Freeze schemes on cfg/resnet18.cfg (32x32 inputs, batch 4, three SGD steps with momentum and weight
   decay, so an update that should not happen would move the weights):
   - every parameter of a frozen layer (weights, biases = BN shift, BN scales) is byte-identical after
     training, and every trainable layer's weights changed;
   - backward stops at the lowest trainable layer: frozen layers' weight gradients and deltas stay zero;
   - frozen BN running statistics keep updating by default (PyTorch train mode) and stay put with
     freeze_bn_stats=1. */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <string.h>

#include "../check.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "nn/scheme.h"

enum { BATCH = 4, SIZE = 32, N_STEPS = 3 };

static float *copy_of(const float *x, long n)
{
    float *c = malloc(n * sizeof *c);
    memcpy(c, x, n * sizeof *c);
    return c;
}

static int all_zero(const float *x, long n)
{
    for (long i = 0; i < n; i++)
        if (x[i] != 0) return 0;
    return 1;
}

static network *small_network(const netcfg *c, int s, int freeze_bn_stats)
{
    srand(7);
    network *net = network_load(c, (network_shape){.batch = BATCH, .width = SIZE, .height = SIZE, .outputs = 3});
    net->learning_rate = 0.05f;
    net->momentum = 0.9f;
    net->decay = 0.01f;
    net->freeze_bn_stats = freeze_bn_stats;
    scheme_apply(net, c, s);
    return net;
}

static void train_steps(network *net)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    for (int step = 0; step < N_STEPS; step++) {
        for (int i = 0; i < net->inputs * net->batch; i++) net->input[i] = gsl_ran_gaussian(r, 1.0);
        memset(net->truth, 0, net->truths * net->batch * sizeof(float));
        for (int b = 0; b < net->batch; b++) net->truth[b * 3 + gsl_rng_uniform_int(r, 3)] = 1;
        train_network_datum(net);
    }
    gsl_rng_free(r);
}

static void check_scheme(const netcfg *c, int s, int freeze_bn_stats)
{
    network *net = small_network(c, s, freeze_bn_stats);
    int n = net->n, trainable_seen = 0, frozen_seen = 0;
    float *before_w[NETCFG_MAX_LAYERS], *before_b[NETCFG_MAX_LAYERS], *before_s[NETCFG_MAX_LAYERS];
    float *before_mean[NETCFG_MAX_LAYERS];
    for (int i = 0; i < n; i++) {
        layer *l = &net->layers[i];
        if (!layer_parameters(l)) continue;
        before_w[i] = copy_of(l->weights, layer_weights(l));
        before_b[i] = copy_of(l->biases, l->out_c);
        before_s[i] = l->scales ? copy_of(l->scales, l->n) : NULL;
        before_mean[i] = l->rolling_mean ? copy_of(l->rolling_mean, l->n) : NULL;
    }
    train_steps(net);
    for (int i = 0; i < n; i++) {
        layer *l = &net->layers[i];
        int frozen = scheme_freezes(s, c->group[i]);
        if (frozen && l->delta)
            REQUIRE(all_zero(l->delta, (long)l->outputs * l->batch), "%s: frozen layer %d got a delta",
                  scheme_name(s), i);
        if (!layer_parameters(l)) continue;
        int same_w = !memcmp(before_w[i], l->weights, layer_weights(l) * sizeof(float));
        if (frozen) {
            frozen_seen++;
            REQUIRE(same_w, "%s: frozen layer %d weights changed", scheme_name(s), i);
            REQUIRE(!memcmp(before_b[i], l->biases, l->out_c * sizeof(float)), "%s: layer %d biases", scheme_name(s), i);
            REQUIRE(!l->scales || !memcmp(before_s[i], l->scales, l->n * sizeof(float)), "%s: layer %d scales",
                  scheme_name(s), i);
            REQUIRE(all_zero(l->weight_updates, layer_weights(l)), "%s: frozen layer %d has a weight gradient",
                  scheme_name(s), i);
            if (l->rolling_mean) {
                int same_mean = !memcmp(before_mean[i], l->rolling_mean, l->n * sizeof(float));
                REQUIRE(same_mean == freeze_bn_stats, "%s: layer %d rolling mean %s with freeze_bn_stats=%d",
                      scheme_name(s), i, same_mean ? "unchanged" : "changed", freeze_bn_stats);
            }
        } else {
            trainable_seen++;
            REQUIRE(!same_w, "%s: trainable layer %d did not change", scheme_name(s), i);
        }
        free(before_w[i]);
        free(before_b[i]);
        free(before_s[i]);
        free(before_mean[i]);
    }
    REQUIRE(trainable_seen > 0, "%s: no trainable layer", scheme_name(s));
    REQUIRE((s == SCHEME_ALL) == (frozen_seen == 0), "%s: %d frozen layers", scheme_name(s), frozen_seen);
    printf("%-10s freeze_bn_stats=%d: %2d frozen and %2d trained layers with parameters, backward floor %d\n",
           scheme_name(s), freeze_bn_stats, frozen_seen, trainable_seen, net->backward_floor);
    network_free(net);
}

int main(void)
{
    static netcfg c;
    netcfg_read(&c, "cfg/resnet18.cfg");
    for (int s = 0; s < N_SCHEMES; s++) check_scheme(&c, s, 0);
    check_scheme(&c, SCHEME_FREEZE2, 1);
    return 0;
}
