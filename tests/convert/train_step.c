/* train_step: one Darknet SGD step from converted weights, compared with the same step taken by PyTorch
   (tests/convert/test_train_step.sh). Not a test itself: the script runs it and judges its table.

   train_step --cfg CFG --before W0 --torch W1 --torch-unbiased W1U --input RAW --labels TXT --batch B
              --size P --lr LR --out W2

   Loads W0 into CFG at batch B and P x P inputs, runs one train_network_datum on the batch RAW (B
   images, little-endian float32 CHW each) with the labels TXT (one class index a line) at learning rate
   LR, momentum 0 and decay 0, and saves the result as W2. W1 is W0 after the same step in PyTorch,
   converted; W1U after the same step in PyTorch with stock Darknet's CPU batch-norm formula (the N-1
   batch variance, before patch 0010). Prints the step's mean cross-entropy as "loss <value>", then one line per
   stored array of every layer with parameters:
       <layer> <group> <array> <|d_torch|> <|d_darknet - d_torch| / |d_torch|> <same for d_unbiased>
   where d is the array's change in the step (W2 - W0 for Darknet, W1 - W0 for PyTorch, W1U - W0 for
   PyTorch with Darknet's BN) and |.| the Euclidean norm over the array. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/args.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "core/util.h"
#include "nn/weights.h"

#define USAGE "train_step --cfg CFG --before W0 --torch W1 --torch-unbiased W1U --input RAW --labels TXT " \
              "--batch B --size P --lr LR --out W2"

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

/* Returns |d_darknet - d_ref| / |d_ref| over n floats, d being the change from before; sets *ref_norm to
   |d_ref|. */
static double relative_difference(const float *before, const float *darknet, const float *ref, long n,
                                  double *ref_norm)
{
    double ref2 = 0, diff2 = 0;
    for (long k = 0; k < n; k++) {
        double dr = (double)ref[k] - before[k], dd = (double)darknet[k] - before[k];
        ref2 += dr * dr;
        diff2 += (dd - dr) * (dd - dr);
    }
    *ref_norm = sqrt(ref2);
    return sqrt(diff2) / *ref_norm;
}

/* The networks compared: before the step, after Darknet's, PyTorch's, and PyTorch's with Darknet's BN. */
typedef struct {
    const layer *before, *darknet, *torch, *unbiased;
} layers;

/* Prints the comparison line of the array at byte offset field (a float * member of layer) of layer i,
   n floats long. */
static void compare(int i, const char *group, const char *array, layers l, size_t field, long n)
{
#define ARRAY(x) (*(const float *const *)((const char *)(x) + field))
    double torch_norm, unbiased_norm;
    double rel = relative_difference(ARRAY(l.before), ARRAY(l.darknet), ARRAY(l.torch), n, &torch_norm);
    double rel_unbiased = relative_difference(ARRAY(l.before), ARRAY(l.darknet), ARRAY(l.unbiased), n,
                                              &unbiased_norm);
#undef ARRAY
    printf("%d %s %s %.6g %.6g %.6g\n", i, group, array, torch_norm, rel, rel_unbiased);
}

int main(int argc, char **argv)
{
    const char *cfg = NULL, *before = NULL, *torch = NULL, *unbiased = NULL, *input = NULL, *labels = NULL,
               *out = NULL;
    int batch = 0, size = 0;
    double lr = 0;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network"},
        {"--before", ARG_STRING, &before, NULL, "FILE  weights before the step"},
        {"--torch", ARG_STRING, &torch, NULL, "FILE  PyTorch's weights after it"},
        {"--torch-unbiased", ARG_STRING, &unbiased, NULL, "FILE  the same with the unbiased batch variance"},
        {"--input", ARG_STRING, &input, NULL, "RAW  the batch"},
        {"--labels", ARG_STRING, &labels, NULL, "FILE  its labels"},
        {"--batch", ARG_INT, &batch, NULL, "B  images in the batch"},
        {"--size", ARG_INT, &size, NULL, "S  image side"},
        {"--lr", ARG_DOUBLE, &lr, NULL, "X  learning rate"},
        {"--out", ARG_STRING, &out, NULL, "FILE  the report"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc - 1, argv + 1, specs, NULL, 0, USAGE);
    if (!cfg || !before || !torch || !unbiased || !input || !labels || !out || batch < 1 || size < 1 || lr <= 0)
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

    network *nets[4] = {network_with(&c, before), network_with(&c, out), network_with(&c, torch),
                        network_with(&c, unbiased)};
    for (int i = 0; i < nets[0]->n; i++) {
        layers l = {&nets[0]->layers[i], &nets[1]->layers[i], &nets[2]->layers[i], &nets[3]->layers[i]};
        const char *g = group_name(c.group[i]);
        if (!layer_parameters(l.before)) continue;
        compare(i, g, "weights", l, offsetof(layer, weights), layer_weights(l.before));
        compare(i, g, "biases", l, offsetof(layer, biases), l.before->out_c);
        if (!l.before->batch_normalize) continue;
        compare(i, g, "scales", l, offsetof(layer, scales), l.before->out_c);
        compare(i, g, "rolling_mean", l, offsetof(layer, rolling_mean), l.before->out_c);
        compare(i, g, "rolling_variance", l, offsetof(layer, rolling_variance), l.before->out_c);
    }
    for (int k = 0; k < 4; k++) free_network(nets[k]);
    return 0;
}
