/* nutl forward --cfg CFG --weights W --input RAW [--logits]: the network's output for one input (raw
   little-endian float32, CHW), one value per line; with --logits, the input of a final [softmax]. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/network_load.h"
#include "core/util.h"
#include "nn/weights.h"

#define USAGE "nutl forward --cfg CFG --weights W --input RAW [--logits]"

/* Returns the n floats (malloc'd) of the raw file path; dies naming it unless it holds exactly n. */
static float *input_read(const char *path, int n)
{
    FILE *f = fopen(path, "rb");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    float *x = nutl_calloc((size_t)n * sizeof *x, "the input");
    size_t got = fread(x, sizeof *x, (size_t)n, f);
    int extra = fgetc(f) != EOF;
    fclose(f);
    if (got != (size_t)n || extra)
        nutl_die("%s: the network takes exactly %d float32 values (%zu bytes)", path, n, n * sizeof *x);
    return x;
}

/* Returns the layer whose output is printed: the last, or with logits the one before a final
   [softmax] (its output copied back from the GPU if there is one); dies if there is no such softmax. */
static layer *output_layer(network *net, const char *cfg, int logits)
{
    layer *l = &net->layers[net->n - 1];
    if (!logits) return l;
    if (l->type != SOFTMAX || net->n < 2) nutl_die("%s: --logits needs a final [softmax] layer", cfg);
    l--;
#ifdef GPU
    if (gpu_index >= 0) cuda_pull_array(l->output_gpu, l->output, (size_t)l->outputs);
#endif
    return l;
}

int cmd_forward(int argc, char **argv)
{
    const char *cfg = NULL, *weights = NULL, *input = NULL;
    int logits = 0;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network (required)"},
        {"--weights", ARG_STRING, &weights, NULL, "FILE  its Darknet weights (required)"},
        {"--input", ARG_STRING, &input, NULL, "RAW  one input: little-endian float32, CHW (required)"},
        {"--logits", ARG_FLAG, &logits, NULL, " print the logits, not the softmax"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, USAGE);
    if (!cfg || !weights || !input) nutl_die("usage: %s", USAGE);

    static netcfg c;
    netcfg_read(&c, cfg);
    srand(0); /* Darknet's random initial weights, all overwritten, drawn the same on every run */
    network *net = network_load(&c, (network_shape){.batch = 1});
    long extra = weights_load(net, weights, net->n);
    if (extra) nutl_die("%s: %ld floats more than %s needs: weights of another network", weights, extra, cfg);
    float *x = input_read(input, net->inputs);
    network_predict(net, x);
    const layer *out = output_layer(net, cfg, logits);
    for (int k = 0; k < out->outputs; k++) printf("%.8g\n", out->output[k]);
    free(x);
    network_free(net);
    return 0;
}
