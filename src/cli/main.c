/* bin/nutl: one program, one subcommand per step of the workbench (see README.md). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/util.h"
#include "nn/portable.h"
#include "nn/provenance.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"convert", cmd_convert, "--from torchvision IN.pth --out OUT.weights [--cfg CFG]: pretrained weights"},
    {"forward", cmd_forward, "--cfg CFG --weights W --input RAW [--logits]: one input's output vector"},
    {"params", cmd_params, "CFG [--scheme S]: trainable weights per group and in total"},
    {"seed", cmd_seed, "BASE LABEL: the seed derived from a base seed and a label"},
    {"simulate", cmd_simulate, "--events N --seed S --out DIR [--downsample K] [--threads T] [--response ideal|lar|paper|dune]: a dataset split"},
    {"ingredients", cmd_ingredients, ": the physics ingredients simulate --without can switch off"},
    {"import", cmd_import, "dune-cvn|deposits SOURCE --out SPLIT: events simulated elsewhere, as a split"},
    {"display", cmd_display, "--data DIR --event I --out PREFIX: an event's three views (PNG and data)"},
    {"separability", cmd_separability, "SPLIT_DIR [--folds K]: how well cheap per-event features separate the classes"},
    {"compare", cmd_compare, "SIM_SPLIT REF_SPLIT --out DIR: two splits' image statistics and truth, class by class"},
    {"verify", cmd_verify, "DIR: reads every event of a split, checking its integrity"},
    {"train", cmd_train, "DATA_DIR --out RUNDIR ...: train one network (paper protocol), write its record"},
    {"evaluate", cmd_evaluate, "--weights W --data SPLIT_DIR: metrics and predictions of a trained network"},
    {"conf", cmd_conf, "PRESET KEY: the value of KEY in the protocol preset cfg/protocols/PRESET.conf"},
    {"grid", cmd_grid, "PROTOCOL [--unfinished]: the protocol's cells, seeds and train commands"},
    {"records", cmd_records, "result|predictions: the keys of result.tsv or the columns of a predictions file"},
    {"diagram", cmd_diagram, "CFG --out DIR: the network as Darknet builds it, drawn (Fig. 2's data)"},
    {"bench", cmd_bench, "--size S --iters N [--batch B] [--threads T] [--gemm]: training and inference img/s, peak RSS"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: nutl COMMAND [ARGS] | nutl --version\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
}

int main(int argc, char **argv)
{
    provenance_start(argc, argv);
    if (argc == 2 && !strcmp(argv[1], "--version")) {
        provenance_print_version(stdout);
        return 0;
    }
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    portable_enter(argc, argv);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 2, argv + 2);
    nutl_die("unknown command '%s' (nutl --help lists them)", argv[1]);
}
