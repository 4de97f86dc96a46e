/* nutl train DATA_DIR ...: one network of the study (see train.h and README.md for the options). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/args.h"
#include "cli/commands.h"
#include "core/grid.h"
#include "nn/scheme.h"
#include "nn/train.h"
#include "core/util.h"

static const char usage[] =
    "nutl train DATA_DIR --out RUNDIR [--cfg cfg/resnet18.cfg] [--init kaiming|pretrained|weights] [--pretrained FILE]"
    " [--weights FILE] [--order-out FILE]"
    " [--scheme S] [--train-images N] [--member K] [--protocol P] [--seed S]"
    " [--max-epochs E] [--threads T] [--batch B] [--lr X] [--momentum X] [--decay X] [--saturation-mev X]"
    " [--normalize imagenet|none] [--freeze-bn-stats] [--deterministic] [--loader-threads T]";

/* The seed of the cell the options train, by the grid's rule. */
static uint64_t cell_seed(const train_options *o)
{
    char name[GRID_NAME_MAX];
    grid_cell_name(name, sizeof name, o->init, scheme_name(o->scheme), o->train_images, o->member);
    return grid_cell_seed(grid_base_seed(o->protocol), name);
}

int cmd_train(int argc, char **argv)
{
    train_options o = {.cfg = "cfg/resnet18.cfg", .init = "kaiming", .protocol = "none", .max_epochs = 100, .member = 1,
                       .threads = 1, .batch = 32, .learning_rate = 0.001, .momentum = 0.9, .decay = 0,
                       .input = {.saturation_mev = 0, .imagenet_normalize = 1}};
    const char *scheme = "all", *normalize = "imagenet";
    int seed_given = 0, loader_threads = 0;
    const arg_spec specs[] = {
        {"--cfg", ARG_STRING, &o.cfg, NULL},
        {"--init", ARG_STRING, &o.init, NULL},
        {"--pretrained", ARG_STRING, &o.pretrained, NULL},
        {"--weights", ARG_STRING, &o.weights, NULL},
        {"--order-out", ARG_STRING, &o.order_out, NULL},
        {"--scheme", ARG_STRING, &scheme, NULL},
        {"--train-images", ARG_INT, &o.train_images, NULL},
        {"--member", ARG_INT, &o.member, NULL},
        {"--protocol", ARG_STRING, &o.protocol, NULL},
        {"--seed", ARG_SEED, &o.seed, &seed_given},
        {"--max-epochs", ARG_INT, &o.max_epochs, NULL},
        {"--threads", ARG_INT, &o.threads, NULL},
        {"--batch", ARG_INT, &o.batch, NULL},
        {"--lr", ARG_DOUBLE, &o.learning_rate, NULL},
        {"--momentum", ARG_DOUBLE, &o.momentum, NULL},
        {"--decay", ARG_DOUBLE, &o.decay, NULL},
        {"--saturation-mev", ARG_DOUBLE, &o.input.saturation_mev, NULL},
        {"--normalize", ARG_STRING, &normalize, NULL},
        {"--freeze-bn-stats", ARG_FLAG, &o.freeze_bn_stats, NULL},
        {"--deterministic", ARG_FLAG, &o.deterministic, NULL},
        {"--out", ARG_STRING, &o.out, NULL},
        {"--loader-threads", ARG_INT, &loader_threads, NULL},
        {NULL, 0, NULL, NULL},
    };
    args_parse(argc, argv, specs, &o.data_dir, usage);
    if (!o.data_dir || !o.out) nutl_die("usage: %s", usage);
    o.scheme = scheme_parse(scheme);
    if (strcmp(normalize, "imagenet") && strcmp(normalize, "none"))
        nutl_die("--normalize '%s': imagenet or none", normalize);
    o.input.imagenet_normalize = !strcmp(normalize, "imagenet");
    if (o.threads < 1 || o.batch < 1 || o.max_epochs < 1 || o.member < 1)
        nutl_die("--threads, --batch, --max-epochs and --member (members count from 1) must be positive");
    if (o.train_images <= 0) nutl_die("--train-images N is required (usage: %s)", usage);
    if (!seed_given) o.seed = cell_seed(&o);
    loader_set_threads(loader_threads);
    return train_run(&o);
}
