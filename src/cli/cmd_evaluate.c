/* nutl evaluate --weights W --data SPLIT_DIR: a trained network's metrics on one split, and optionally
   its per-event predictions. The input encoding, saturation and normalisation default to those of the
   network's record (result.tsv beside the weights), and an option that disagrees with it is refused:
   a network sees its inputs as it was trained to. */
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/device.h"
#include "nn/evaluate.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"
#include "core/records.h"
#include "core/util.h"
#include "nn/weights.h"


static const char usage[] =
    "nutl evaluate --weights W --data SPLIT_DIR [--cfg cfg/resnet18.cfg] [--out PREDICTIONS.tsv] [--threads T]"
    " [--encoding E] [--saturation-mev X] [--normalize imagenet|none] [--loader-threads T]";

/* Returns 1 if the record file exists. */
static int have_record(const char *record)
{
    FILE *f = fopen(record, "r");
    if (f) fclose(f);
    return f != NULL;
}

/* Returns the value of text key k for the evaluation: given (NULL: not given), else the record's, else
   fallback; dies if given and the record disagree. A record without the key predates it and was made
   with the fallback. */
static const char *input_setting(const char *record, enum result_key k, const char *given, const char *fallback,
                                 char *buf, size_t len)
{
    char name[RECORDS_KEY_MAX];
    if (!have_record(record)) return given ? given : fallback;
    const char *trained = records_get(record, k, buf, len) ? buf : fallback;
    if (given && strcmp(given, trained))
        nutl_die("%s: %s is '%s' but evaluate was given '%s': a network is evaluated with the inputs it was trained on",
                 record, records_key_name(k, -1, name, sizeof name), trained, given);
    return trained;
}

/* Returns the saturation for the evaluation: given (0: not given), else the record's, else fallback;
   dies if given and the record disagree by more than the 6 significant digits older records kept. */
static double input_saturation(const char *record, double given, double fallback)
{
    char buf[64];
    double trained;
    if (!have_record(record) || !records_get(record, RESULT_INPUT_SATURATION_MEV, buf, sizeof buf))
        return given > 0 ? given : fallback;
    if (!util_parse_double(buf, &trained) || trained <= 0)
        nutl_die("%s: input_saturation_mev '%s' is not a positive number", record, buf);
    if (given > 0 && fabs(given - trained) > 1e-5 * trained)
        nutl_die("%s: input_saturation_mev is %s but evaluate was given %g: a network is evaluated with the inputs"
                 " it was trained on", record, buf, given);
    return given > 0 ? given : trained;
}

/* Returns the input transform for the network whose weights are at weights, evaluated on d: the options
   given (NULL, or saturation 0: not given) checked against its record (RUNDIR/result.tsv beside
   RUNDIR/best.weights), else the record's, else the defaults. */
static input_transform input_for(const char *weights, const dataset *d, const char *encoding, double saturation,
                                 const char *normalize)
{
    char copy[NUTL_PATH_MAX], record[NUTL_PATH_MAX], buf[2][64];
    snprintf(copy, sizeof copy, "%s", weights);
    path_join(record, dirname(copy), RECORDS_RESULT_FILE);
    return (input_transform){
        .encoding = input_encoding_parse(
            input_setting(record, RESULT_INPUT_ENCODING, encoding, "saturating", buf[0], sizeof buf[0])),
        .imagenet_normalize = input_normalization_parse(
            input_setting(record, RESULT_INPUT_NORMALIZATION, normalize, "imagenet", buf[1], sizeof buf[1])),
        .saturation_mev = input_saturation(record, saturation, input_default_saturation(d))};
}

int cmd_evaluate(int argc, char **argv)
{
    char default_cfg[NUTL_PATH_MAX];
    const char *weights = NULL, *data = NULL, *cfg = util_install_path(default_cfg, "cfg/resnet18.cfg"), *out = NULL,
               *normalize = NULL, *encoding = NULL;
    int threads = 1, loader_threads = 0;
    double saturation = 0;
    const arg_spec specs[] = {
        {"--weights", ARG_STRING, &weights, NULL, "FILE  the trained network's weights (required)"},
        {"--data", ARG_STRING, &data, NULL, "DIR  the split evaluated, as nutl simulate writes it (required)"},
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network (default: this installation's cfg/resnet18.cfg)"},
        {"--out", ARG_STRING, &out, NULL, "FILE  also write the per-event predictions there"},
        {"--threads", ARG_INT, &threads, NULL, "T  OpenBLAS and OpenMP threads (default 1)"},
        {"--encoding", ARG_STRING, &encoding, NULL, "E  saturating, raw, per-image or log (default: the record's)"},
        {"--saturation-mev", ARG_DOUBLE, &saturation, NULL, "X  the scale S of saturating and log (default: the record's)"},
        {"--normalize", ARG_STRING, &normalize, NULL, "imagenet|none  input normalisation (default: the record's)"},
        {"--loader-threads", ARG_INT, &loader_threads, NULL, "T  the loader's decoding threads (default: the build's)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, NULL, 0, usage);
    if (!weights || !data) nutl_die("usage: %s", usage);
    if (encoding) input_encoding_parse(encoding);
    if (normalize) input_normalization_parse(normalize);
    device_set_threads(threads > 0 ? threads : 1);
    loader_set_threads(loader_threads);

    dataset *d = dataset_open(data);
    input_transform t = input_for(weights, d, encoding, saturation, normalize);
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
