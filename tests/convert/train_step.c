/* train_step: one Darknet SGD step from converted weights, compared with the same step taken by PyTorch
   (tests/convert/test_train_step.sh). Not a test itself: the script runs it and judges its table.

   train_step --cfg CFG --before W0 --torch W1 --input RAW --labels TXT --batch B --size P --lr LR
              --out W2

   Loads W0 into CFG at batch B and P x P inputs, runs one train_network_datum on the batch RAW (B
   images, little-endian float32 CHW each) with the labels TXT (one class index a line) at learning rate
   LR, momentum 0 and decay 0, and saves the result as W2. W1 is W0 after the same step in PyTorch,
   converted. Prints the step's mean cross-entropy as "loss <value>", then one line per stored array of
   every layer with parameters:
       <layer> <group> <array> <|d_torch|> <|d_darknet - d_torch| / |d_torch|>
   where d is the array's change in the step (W2 - W0 for Darknet, W1 - W0 for PyTorch) and |.| the
   Euclidean norm over the array. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "netcfg.h"
#include "network_load.h"
#include "util.h"
#include "weights.h"

#define USAGE "train_step --cfg CFG --before W0 --torch W1 --input RAW --labels TXT --batch B --size P " \
              "--lr LR --out W2"

/* Fills x with exactly n floats from the raw file path; dies naming it otherwise. */
static void floats_read(const char *path, float *x, long n)
{
    FILE *f = fopen(path, "rb");
    if (!f) nutl_die("%s: cannot read", path);
    size_t got = fread(x, sizeof *x, (size_t)n, f);
    int extra = fgetc(f) != EOF;
    fclose(f);
    if (got != (size_t)n || extra) nutl_die("%s: expected exactly %ld float32 values", path, n);
}

/* Sets the one-hot truth (batch x classes) from the labels file path; dies naming it unless it holds
   exactly batch class indices in [0, classes). */
static void truth_read(const char *path, float *truth, int batch, int classes)
{
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read", path);
    memset(truth, 0, (size_t)batch * classes * sizeof *truth);
    int k = 0, label;
    while (fscanf(f, "%d", &label) == 1) {
        if (k == batch || label < 0 || label >= classes)
            nutl_die("%s: expected %d labels in [0, %d)", path, batch, classes);
        truth[k++ * classes + label] = 1;
    }
    int end = feof(f);
    fclose(f);
    if (k != batch || !end) nutl_die("%s: expected %d labels in [0, %d)", path, batch, classes);
}

/* Returns a batch-1 copy of cfg c holding the weights file path. */
static network *network_with(const netcfg *c, const char *path)
{
    network *net = network_load(c, (network_shape){.batch = 1});
    if (weights_load(net, path, net->n)) nutl_die("%s: more floats than %s needs", path, c->path);
    return net;
}

/* Prints the comparison line of one array of n floats of layer i: before, after Darknet's step, after
   PyTorch's step. */
static void compare(int i, const char *group, const char *array, const float *before, const float *darknet,
                    const float *torch, long n)
{
    double torch_norm = 0, diff_norm = 0;
    for (long k = 0; k < n; k++) {
        double dt = (double)torch[k] - before[k], dd = (double)darknet[k] - before[k];
        torch_norm += dt * dt;
        diff_norm += (dd - dt) * (dd - dt);
    }
    torch_norm = sqrt(torch_norm);
    printf("%d %s %s %.6g %.6g\n", i, group, array, torch_norm, sqrt(diff_norm) / torch_norm);
}

int main(int argc, char **argv)
{
    const char *cfg = NULL, *before = NULL, *torch = NULL, *input = NULL, *labels = NULL, *out = NULL;
    int batch = 0, size = 0;
    double lr = 0;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &cfg, NULL},
        {"--before", ARG_STRING, &before, NULL},
        {"--torch", ARG_STRING, &torch, NULL},
        {"--input", ARG_STRING, &input, NULL},
        {"--labels", ARG_STRING, &labels, NULL},
        {"--batch", ARG_INT, &batch, NULL},
        {"--size", ARG_INT, &size, NULL},
        {"--lr", ARG_DOUBLE, &lr, NULL},
        {"--out", ARG_STRING, &out, NULL},
        {NULL, ARG_STRING, NULL, NULL},
    };
    args_parse(argc - 1, argv + 1, specs, NULL, USAGE);
    if (!cfg || !before || !torch || !input || !labels || !out || batch < 1 || size < 1 || lr <= 0)
        nutl_die("usage: %s", USAGE);

    static netcfg c;
    netcfg_read(&c, cfg);
    srand(0); /* Darknet's random initial weights, all overwritten */
    network *net = network_load(&c, (network_shape){.batch = batch, .width = size, .height = size});
    if (weights_load(net, before, net->n)) nutl_die("%s: more floats than %s needs", before, cfg);
    net->learning_rate = lr;
    net->momentum = 0;
    net->decay = 0;
    floats_read(input, net->input, (long)net->inputs * batch);
    truth_read(labels, net->truth, batch, net->outputs);
    printf("loss %.8g\n", train_network_datum(net) / batch);
    weights_save(net, out);
    free_network(net);

    network *n0 = network_with(&c, before), *nd = network_with(&c, out), *nt = network_with(&c, torch);
    for (int i = 0; i < n0->n; i++) {
        const layer *l0 = &n0->layers[i], *ld = &nd->layers[i], *lt = &nt->layers[i];
        const char *g = group_name(c.group[i]);
        if (!layer_parameters(l0)) continue;
        compare(i, g, "weights", l0->weights, ld->weights, lt->weights, layer_weights(l0));
        compare(i, g, "biases", l0->biases, ld->biases, lt->biases, l0->out_c);
        if (!l0->batch_normalize) continue;
        compare(i, g, "scales", l0->scales, ld->scales, lt->scales, l0->out_c);
        compare(i, g, "rolling_mean", l0->rolling_mean, ld->rolling_mean, lt->rolling_mean, l0->out_c);
        compare(i, g, "rolling_variance", l0->rolling_variance, ld->rolling_variance, lt->rolling_variance,
                l0->out_c);
    }
    free_network(n0);
    free_network(nd);
    free_network(nt);
    return 0;
}
