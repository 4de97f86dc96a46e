/* nutl evaluate --weights W --data SPLIT_DIR: a trained network's metrics on one split, and optionally
   its per-event predictions. */
#include <stdio.h>
#include <string.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/device.h"
#include "nn/evaluate.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "core/util.h"
#include "nn/weights.h"


static const char usage[] =
    "nutl evaluate --weights W --data SPLIT_DIR [--cfg cfg/resnet18.cfg] [--out PREDICTIONS.tsv] [--threads T]"
    " [--saturation-mev X] [--normalize imagenet|none] [--loader-threads T]";

int cmd_evaluate(int argc, char **argv)
{
    char default_cfg[NUTL_PATH_MAX];
    const char *weights = NULL, *data = NULL, *cfg = util_install_path(default_cfg, "cfg/resnet18.cfg"), *out = NULL,
               *normalize = "imagenet";
    int threads = 1, loader_threads = 0;
    input_transform t = {0};
    const arg_spec specs[] = {
        {"--weights", ARG_STRING, &weights, NULL, "FILE  the trained network's weights (required)"},
        {"--data", ARG_STRING, &data, NULL, "DIR  the split evaluated, as nutl simulate writes it (required)"},
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network (default: this installation's cfg/resnet18.cfg)"},
        {"--out", ARG_STRING, &out, NULL, "FILE  also write the per-event predictions there"},
        {"--threads", ARG_INT, &threads, NULL, "T  OpenBLAS and OpenMP threads (default 1)"},
        {"--saturation-mev", ARG_DOUBLE, &t.saturation_mev, NULL, "X  input = min(E / X, 1) (default 10 x k)"},
        {"--normalize", ARG_STRING, &normalize, NULL, "imagenet|none  input normalisation (default imagenet)"},
        {"--loader-threads", ARG_INT, &loader_threads, NULL, "T  the loader's decoding threads (default: the build's)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, usage);
    if (!weights || !data) nutl_die("usage: %s", usage);
    if (strcmp(normalize, "imagenet") && strcmp(normalize, "none"))
        nutl_die("--normalize '%s': imagenet or none", normalize);
    t.imagenet_normalize = !strcmp(normalize, "imagenet");
    device_set_threads(threads > 0 ? threads : 1);
    loader_set_threads(loader_threads);

    dataset *d = dataset_open(data);
    if (t.saturation_mev <= 0) t.saturation_mev = input_default_saturation(d);
    static netcfg c;
    netcfg_read(&c, cfg);
    network *net = network_load(&c, (network_shape){.batch = 32, .width = dataset_width(d),
                                                     .height = dataset_height(d), .outputs = N_CLASSES});
    if (weights_load(net, weights, net->n) != 0) nutl_die("%s: holds more than the weights of %s", weights, cfg);
    evaluation e = out ? evaluate_to_file(net, d, t, out) : evaluate_split(net, d, t, NULL);
    printf("events\t%ld\nloss\t%.6f\nf1\t%.6f\n", e.events, e.loss, confusion_macro_f1(&e.matrix));
    for (int i = 0; i < N_CLASSES; i++) printf("acc_%s\t%.6f\n", class_name(i), confusion_class_accuracy(&e.matrix, i));
    printf("confusion");
    for (int i = 0; i < N_CLASSES; i++)
        for (int j = 0; j < N_CLASSES; j++) printf("%c%ld", i + j ? ' ' : '\t', e.matrix.counts[i][j]);
    printf("\n");
    network_free(net);
    dataset_close(d);
    return 0;
}
