/* oneDNN convolutions (conv_dnnl) against Darknet's im2col + GEMM path on cfg/resnet18.cfg (7x7/2 stem,
   3x3/1 and 3x3/2, 1x1/2 projections) at 64x64, batch 4, layer by layer: a forward and backward pass in
   training mode, then a forward pass in inference mode, with every layer's output, input gradient and
   parameter gradients compared.

   The two networks run in lockstep: each layer of the oneDNN network takes the GEMM network's input
   (forward) and its complete output gradient and output, so its ReLU mask (backward), so that each
   comparison measures that one layer's rounding. Compared end to end instead, the result rests on
   chance: a ReLU input within rounding of zero passes the gradient in one network only, a difference of
   a whole gradient element rather than of its rounding. Measured under ONEDNN_MAX_CPU_ISA=AVX2: in
   layer 16 (3x3/2) one of the pass's ~1e6 ReLU inputs was -1.2e-6 on GEMM and +4.7e-7 on oneDNN (in
   double precision from each network's own input: -6.9e-7 and +1.7e-7; the channel's sigma is 1.0), so
   layer 16's gradient differed by 11 % of its largest element and, spread by batch norm and the
   convolutions below it, layer 0's by 1.1 %, while every layer above stayed within 7e-6.
   docs/portability.md has the table and the double-precision check. (Smaller inputs leave layer4's
   batch norm a handful of values per channel, whose variance amplifies rounding differences past any
   useful tolerance.) */
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
/* Relative to the largest magnitude of the reference array. One layer's rounding, measured on the
   AVX2, AVX512_CORE, AVX, SSE4.1 and default kernels, is at most 2.5e-6; a wrong padding, stride or
   accumulation gives differences of order 1 (an accumulate left out: 0.62). */
static const double TOL = 1e-4;
static double worst;

static network *load(const netcfg *c, int dnnl)
{
    network *net = network_load(c, (network_shape){.batch = BATCH, .width = SIZE, .height = SIZE});
    if (!dnnl) conv_dnnl_release(net);
    init_network(net, 0, 7, INIT_KAIMING);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    for (int i = 0; i < net->inputs * BATCH; i++) net->input[i] = gsl_ran_gaussian(r, 1.0);
    for (int b = 0; b < BATCH; b++)
        for (int k = 0; k < net->truths; k++) net->truth[b * net->truths + k] = k == b % net->truths;
    gsl_rng_free(r);
    return net;
}

/* Checks that got matches want to TOL relative to want's largest magnitude. */
static void compare(const char *what, int layer_index, const float *want, const float *got, long n)
{
    double scale = 1e-12;
    for (long i = 0; i < n; i++) scale = fmax(scale, fabs(want[i]));
    double err = max_abs_diff(want, got, n) / scale;
    worst = fmax(worst, err);
    CHECK(err <= TOL, "layer %d %s: relative difference %.3g", layer_index, what, err);
}

static void copy_floats(float *to, const float *from, long n)
{
    memcpy(to, from, n * sizeof *to);
}

/* Runs both networks forward, layer by layer as Darknet's forward_network, comparing each layer's
   output and then giving the GEMM network's output to the next oneDNN layer. */
static void forward_lockstep(network *gemm, network *dnnl)
{
    network a = *gemm, b = *dnnl;
    for (int i = 0; i < gemm->n; i++) {
        layer *x = &gemm->layers[i], *y = &dnnl->layers[i];
        long n = (long)x->outputs * x->batch;
        if (x->delta && gemm->train) {
            memset(x->delta, 0, n * sizeof *x->delta);
            memset(y->delta, 0, n * sizeof *y->delta);
        }
        a.index = b.index = i;
        x->forward(*x, a);
        y->forward(*y, b);
        compare("output", i, x->output, y->output, n);
        copy_floats(y->output, x->output, n);
        a.input = x->output;
        b.input = y->output;
    }
}

/* Runs both networks backward, layer by layer as Darknet's backward_network: compares each layer's
   complete output gradient (the sum of what the layers above it gave), gives the GEMM network's to the
   oneDNN layer, runs both, and compares a convolution's gradients at its output (batch norm and
   activation undone) and of its parameters. */
static void backward_lockstep(network *gemm, network *dnnl)
{
    for (int i = gemm->n - 1; i >= 0; i--) {
        layer *x = &gemm->layers[i], *y = &dnnl->layers[i];
        long n = (long)x->outputs * x->batch;
        compare("gradient", i, x->delta, y->delta, n);
        copy_floats(y->delta, x->delta, n);
        network a = *gemm, b = *dnnl;
        if (i > 0) {
            a.input = x[-1].output, a.delta = x[-1].delta;
            b.input = y[-1].output, b.delta = y[-1].delta;
        }
        a.index = b.index = i;
        x->backward(*x, a);
        y->backward(*y, b);
        if (x->type != CONVOLUTIONAL) continue;
        compare("gradient at the convolution's output", i, x->delta, y->delta, n);
        compare("weight gradient", i, x->weight_updates, y->weight_updates, x->nweights);
        compare("bias gradient", i, x->bias_updates, y->bias_updates, x->n);
        if (x->batch_normalize) compare("scale gradient", i, x->scale_updates, y->scale_updates, x->n);
    }
}

int main(void)
{
    omp_set_num_threads(2);
    static netcfg c;
    netcfg_read(&c, "cfg/resnet18.cfg");
    network *gemm = load(&c, 0), *dnnl = load(&c, 1);
    REQUIRE(dnnl->layers[0].forward != gemm->layers[0].forward, "the stem convolution is not on oneDNN");
    REQUIRE(gemm->backward_floor == 0, "every layer has a backward pass");
    for (int train = 1; train >= 0; train--) {
        gemm->train = dnnl->train = train;
        worst = 0;
        forward_lockstep(gemm, dnnl);
        if (train) backward_lockstep(gemm, dnnl);
        printf("%s: %d layers, largest relative difference %.3g (tolerance %g)\n", train ? "training" : "inference",
               gemm->n, worst, TOL);
    }
    network_free(gemm);
    network_free(dnnl);
    return check_status();
}
