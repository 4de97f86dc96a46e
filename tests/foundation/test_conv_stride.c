/* A 1x1 convolution with stride 2 (ResNet's projection shortcut), forward and backward, against a direct
   computation; and the stride-1 pointwise path, whose input gradient must add to what other layers
   already put in the buffer (darknet/patches/0001). */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"

enum { B = 2, C = 2, F = 3, H = 7, W = 7 };
static const float TOL = 1e-5f;
static const float PRIOR_DELTA = 0.5f;  /* what "another layer" left in the input gradient */

static network *one_conv(int stride)
{
    char path[] = "/tmp/nutl-test-conv-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "[net]\nbatch=%d\nwidth=%d\nheight=%d\nchannels=%d\n[convolutional]\ngroup=layer0\n"
               "filters=%d\nsize=1\nstride=%d\npadding=0\nactivation=linear\n", B, W, H, C, F, stride);
    fclose(f);
    static netcfg c;
    netcfg_read(&c, path);
    network *net = network_load(&c, (network_shape){0});
    unlink(path);
    return net;
}

static void fill(gsl_rng *r, float *x, int n)
{
    for (int i = 0; i < n; i++) x[i] = gsl_ran_gaussian(r, 1.0);
}

static void check_stride(int stride)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    network *net = one_conv(stride);
    layer *l = &net->layers[0];
    int oh = (H - 1) / stride + 1, ow = (W - 1) / stride + 1;
    REQUIRE(l->out_h == oh && l->out_w == ow, "output %dx%d, expected %dx%d", l->out_h, l->out_w, oh, ow);
    fill(r, l->weights, F * C);
    fill(r, l->biases, F);
    fill(r, net->input, B * C * H * W);

    net->train = 1;
    forward_network(net);
    float *want = calloc(B * F * oh * ow, sizeof *want);
    for (int b = 0; b < B; b++)
        for (int o = 0; o < F; o++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++) {
                    float s = l->biases[o];
                    for (int ch = 0; ch < C; ch++)
                        s += l->weights[o * C + ch] * net->input[((b * C + ch) * H + y * stride) * W + x * stride];
                    want[((b * F + o) * oh + y) * ow + x] = s;
                }
    double fwd = max_abs_diff(want, l->output, B * F * oh * ow);
    REQUIRE(fwd < TOL, "stride %d forward differs by %g", stride, fwd);

    fill(r, l->delta, B * F * oh * ow);
    float *in_delta = malloc(B * C * H * W * sizeof *in_delta);
    for (int i = 0; i < B * C * H * W; i++) in_delta[i] = PRIOR_DELTA;
    net->delta = in_delta;
    memset(l->weight_updates, 0, F * C * sizeof(float));
    backward_network(net);

    float want_dw[F * C] = {0};
    float *want_dx = malloc(B * C * H * W * sizeof *want_dx);
    for (int i = 0; i < B * C * H * W; i++) want_dx[i] = PRIOR_DELTA;
    for (int b = 0; b < B; b++)
        for (int o = 0; o < F; o++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++) {
                    float d = l->delta[((b * F + o) * oh + y) * ow + x];
                    for (int ch = 0; ch < C; ch++) {
                        int at = ((b * C + ch) * H + y * stride) * W + x * stride;
                        want_dw[o * C + ch] += d * net->input[at];
                        want_dx[at] += d * l->weights[o * C + ch];
                    }
                }
    double dw = max_abs_diff(want_dw, l->weight_updates, F * C);
    double dx = max_abs_diff(want_dx, in_delta, B * C * H * W);
    REQUIRE(dw < TOL, "stride %d weight gradient differs by %g", stride, dw);
    REQUIRE(dx < TOL, "stride %d input gradient differs by %g", stride, dx);
    printf("1x1 stride %d: forward %.2g, weight gradient %.2g, input gradient %.2g (max abs differences)\n",
           stride, fwd, dw, dx);
    net->delta = NULL;
    free(in_delta);
    free(want);
    free(want_dx);
    network_free(net);
    gsl_rng_free(r);
}

int main(void)
{
    check_stride(2);
    check_stride(1);
    return 0;
}
