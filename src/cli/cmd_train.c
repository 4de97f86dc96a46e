/* nutl train DATA_DIR ...: one network of the study (see train.h and README.md for the options). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/args.h"
#include "cli/commands.h"
#include "core/grid.h"
#include "nn/scheme.h"
#include "nn/portable.h"
#include "nn/train.h"
#include "core/util.h"

static const char usage[] =
    "nutl train DATA_DIR --out RUNDIR [--cfg cfg/resnet18.cfg] [--init kaiming|kaiming-fan-in|pretrained|weights] [--pretrained FILE]"
    " [--weights FILE] [--order-out FILE]"
    " [--scheme S] [--train-images N] [--member K] [--protocol P] [--seed S]"
    " [--max-epochs E] [--threads T] [--batch B] [--lr X] [--momentum X] [--decay X] [--encoding E] [--saturation-mev X]"
    " [--normalize imagenet|none] [--freeze-bn-stats] [--deterministic] [--progress S] [--loader-threads T] [--portable]";

/* The seed of the cell the options train, by the grid's rule. */
static uint64_t cell_seed(const train_options *o)
{
    char name[GRID_NAME_MAX];
    grid_cell_name(name, sizeof name, o->init, scheme_name(o->scheme), o->train_images, o->member);
    return grid_cell_seed(grid_base_seed(o->protocol), name);
}

int cmd_train(int argc, char **argv)
{
    char default_cfg[NUTL_PATH_MAX];
    train_options o = {.cfg = util_install_path(default_cfg, "cfg/resnet18.cfg"), .init = "kaiming",
                       .protocol = "none", .max_epochs = 100, .member = 1, .threads = 1, .batch = 32,
                       .learning_rate = 0.001, .momentum = 0.9, .decay = 0, .progress_seconds = 10,
                       .input = {.saturation_mev = 0, .imagenet_normalize = 1}};
    const char *scheme = "all", *normalize = "imagenet", *encoding = "saturating";
    int seed_given = 0, loader_threads = 0, portable = 0;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &o.cfg, NULL, "FILE  the network (default: this installation's cfg/resnet18.cfg)"},
        {"--init", ARG_STRING, &o.init, NULL, "kaiming|kaiming-fan-in|pretrained|weights  initial weights (default kaiming)"},
        {"--pretrained", ARG_STRING, &o.pretrained, NULL, "FILE  the 1000-class network's weights (--init pretrained)"},
        {"--weights", ARG_STRING, &o.weights, NULL, "FILE  the whole network's starting weights (--init weights)"},
        {"--order-out", ARG_STRING, &o.order_out, NULL, "FILE  append each epoch's training order (parity checks)"},
        {"--scheme", ARG_STRING, &scheme, NULL, "S  all, freeze1..freeze4 or classifier (default all)"},
        {"--train-images", ARG_INT, &o.train_images, NULL, "N  the first N events of the balanced order (required)"},
        {"--member", ARG_INT, &o.member, NULL, "K  the ensemble member, from 1 (default 1)"},
        {"--protocol", ARG_STRING, &o.protocol, NULL, "P  the preset the seed derives from (default none)"},
        {"--seed", ARG_SEED, &o.seed, &seed_given, "S  the network's seed (default: the protocol's and the cell's)"},
        {"--max-epochs", ARG_INT, &o.max_epochs, NULL, "E  stop after E epochs at the latest (default 100)"},
        {"--threads", ARG_INT, &o.threads, NULL, "T  OpenBLAS and OpenMP threads (default 1)"},
        {"--batch", ARG_INT, &o.batch, NULL, "B  images per SGD step (default 32)"},
        {"--lr", ARG_DOUBLE, &o.learning_rate, NULL, "X  initial learning rate (default 0.001)"},
        {"--momentum", ARG_DOUBLE, &o.momentum, NULL, "X  SGD momentum (default 0.9)"},
        {"--decay", ARG_DOUBLE, &o.decay, NULL, "X  weight decay (default 0)"},
        {"--encoding", ARG_STRING, &encoding, NULL, "E  saturating, raw, per-image or log: MeV to input (default saturating)"},
        {"--saturation-mev", ARG_DOUBLE, &o.input.saturation_mev, NULL, "X  the scale S of saturating and log (default 10 x k)"},
        {"--normalize", ARG_STRING, &normalize, NULL, "imagenet|none  input normalisation (default imagenet)"},
        {"--freeze-bn-stats", ARG_FLAG, &o.freeze_bn_stats, NULL, " frozen layers' batch norm in inference mode"},
        {"--deterministic", ARG_FLAG, &o.deterministic, NULL, " GPU: deterministic cuDNN algorithms only"},
        {"--progress", ARG_DOUBLE, &o.progress_seconds, NULL, "S  a progress line every S seconds (default 10)"},
        {"--out", ARG_STRING, &o.out, NULL, "RUNDIR  the run folder (required)"},
        {"--loader-threads", ARG_INT, &loader_threads, NULL, "T  the loader's decoding threads (default: the build's)"},
        {"--portable", ARG_FLAG, &portable, NULL, " the same bytes on any AVX2 CPU: oneDNN capped at AVX2, OpenBLAS on its Haswell kernels"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &o.data_dir, 1, usage);
    if (!o.data_dir || !o.out) nutl_die("usage: %s", usage);
    o.scheme = scheme_parse(scheme);
    o.input.encoding = input_encoding_parse(encoding);
    o.input.imagenet_normalize = input_normalization_parse(normalize);
    if (o.progress_seconds < 0) nutl_die("--progress %g: seconds must not be negative", o.progress_seconds);
    if (o.threads < 1 || o.batch < 1 || o.max_epochs < 1 || o.member < 1)
        nutl_die("--threads, --batch, --max-epochs and --member (members count from 1) must be positive");
    if (o.train_images <= 0) nutl_die("--train-images N is required (usage: %s)", usage);
    if (!seed_given) o.seed = cell_seed(&o);
    portable_report(portable);
    loader_set_threads(loader_threads);
    return train_run(&o);
}
