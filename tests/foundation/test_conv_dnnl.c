/* oneDNN convolutions (conv_dnnl) against Darknet's im2col + GEMM path on cfg/resnet18.cfg (7x7/2 stem,
   3x3/1 and 3x3/2, 1x1/2 projections) at 64x64, batch 4: every layer's output and gradient and every
   parameter gradient after a forward and backward pass in training mode, then every layer's output in
   inference mode. (Smaller inputs leave layer4's batch norm a handful of values per channel, whose
   variance amplifies rounding differences past any useful tolerance.) */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "nn/conv_dnnl.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "nn/init.h"

enum { BATCH = 4, SIZE = 64 };
static const double TOL = 1e-3;  /* relative to the largest magnitude of the reference array */

static network *load(const netcfg *c, int dnnl)
{
    network *net = network_load(c, (network_shape){.batch = BATCH, .width = SIZE, .height = SIZE});
    if (!dnnl) conv_dnnl_release(net);
    init_torchvision(net, 0, 7);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    for (int i = 0; i < net->inputs * BATCH; i++) net->input[i] = gsl_ran_gaussian(r, 1.0);
    for (int b = 0; b < BATCH; b++)
        for (int k = 0; k < net->truths; k++) net->truth[b * net->truths + k] = k == b % net->truths;
    gsl_rng_free(r);
    return net;
}

static void run(network *net, int train)
{
    net->train = train;
    forward_network(net);
    if (train) backward_network(net);
}

/* Checks that got matches want to TOL relative to want's largest magnitude. */
static void compare(const char *what, int layer_index, const float *want, const float *got, long n)
{
    double scale = 1e-12;
    for (long i = 0; i < n; i++) scale = fmax(scale, fabs(want[i]));
    double err = max_abs_diff(want, got, n) / scale;
    REQUIRE(err <= TOL, "layer %d %s: relative difference %.3g", layer_index, what, err);
}

static void compare_nets(const network *a, const network *b, int train)
{
    int convs = 0;
    for (int i = 0; i < a->n; i++) {
        const layer *x = &a->layers[i], *y = &b->layers[i];
        long n = (long)x->outputs * x->batch;
        compare("output", i, x->output, y->output, n);
        convs += x->type == CONVOLUTIONAL;
        if (!train) continue;
        if (x->delta) compare("gradient", i, x->delta, y->delta, n);
        if (x->type != CONVOLUTIONAL) continue;
        compare("weight gradient", i, x->weight_updates, y->weight_updates, x->nweights);
        compare("bias gradient", i, x->bias_updates, y->bias_updates, x->n);
        if (x->batch_normalize) compare("scale gradient", i, x->scale_updates, y->scale_updates, x->n);
    }
    printf("%s: %d layers (%d convolutions) match within %g\n", train ? "training" : "inference", a->n, convs, TOL);
}

int main(void)
{
    omp_set_num_threads(2);
    static netcfg c;
    netcfg_read(&c, "cfg/resnet18.cfg");
    network *gemm = load(&c, 0), *dnnl = load(&c, 1);
    REQUIRE(dnnl->layers[0].forward != gemm->layers[0].forward, "the stem convolution is not on oneDNN");
    for (int train = 1; train >= 0; train--) {
        run(gemm, train);
        run(dnnl, train);
        compare_nets(gemm, dnnl, train);
    }
    network_free(gemm);
    network_free(dnnl);
    return 0;
}
