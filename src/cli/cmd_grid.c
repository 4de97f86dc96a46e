/* nutl grid PROTOCOL [--unfinished] [--data DIR] [--runs DIR]: the cells of a protocol, one line each:
   run folder, init, scheme, training images, member, seed, and the `bin/nutl train` command that trains
   it (tab-separated; the command's words are separated by spaces and need no quoting). The command
   carries the preset's max_epochs, threads, batch, pretrained file and, with deterministic = 1,
   --deterministic (cuDNN's deterministic algorithms on a GPU). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/args.h"
#include "cli/commands.h"
#include "core/grid.h"
#include "nn/scheme.h"
#include "core/util.h"

static const char usage[] = "nutl grid PROTOCOL [--unfinished] [--data DIR] [--runs DIR]";

/* Returns text, or dies if it holds a character that would need quoting on a command line. */
static const char *plain_word(const char *what, const char *text)
{
    if (!*text || strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/+-") != strlen(text))
        nutl_die("grid: %s '%s': only letters, digits and . _ / + - can go on a command line unquoted", what, text);
    return text;
}

int cmd_grid(int argc, char **argv)
{
    const char *name = NULL, *data = NULL, *runs = NULL;
    int unfinished = 0;
    const arg_spec specs[] = {
        {"--unfinished", ARG_FLAG, &unfinished, NULL, " only the cells without a result record"},
        {"--data", ARG_STRING, &data, NULL, "DIR  the dataset in the commands (default datasets/PROTOCOL)"},
        {"--runs", ARG_STRING, &runs, NULL, "DIR  the run folders' parent (default runs/PROTOCOL)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &name, 1, usage);
    if (!name) nutl_die("usage: %s", usage);
    static grid g;
    grid_load(&g, name, NULL);
    for (int k = 0; k < g.n_schemes; k++) scheme_parse(g.schemes[k]);
    char default_data[NUTL_PATH_MAX], default_runs[NUTL_PATH_MAX];
    snprintf(default_data, sizeof default_data, "datasets/%s", g.name);
    snprintf(default_runs, sizeof default_runs, "runs/%s", g.name);
    data = plain_word("--data", data ? data : default_data);
    runs = plain_word("--runs", runs ? runs : default_runs);
    const char *pretrained = plain_word("pretrained", protocol_get(&g.conf, "pretrained"));
    long epochs = protocol_get_long(&g.conf, "max_epochs"), threads = protocol_get_long(&g.conf, "threads"),
         batch = protocol_get_long(&g.conf, "batch");
    const char *deterministic = protocol_find(&g.conf, "deterministic");
    if (deterministic && strcmp(deterministic, "0") && strcmp(deterministic, "1"))
        nutl_die("%s: deterministic = '%s': 0 or 1", g.conf.path, deterministic);
    for (int i = 0; i < g.n_cells; i++) {
        const grid_cell *c = &g.cells[i];
        char record[NUTL_PATH_MAX + GRID_NAME_MAX + 16];
        snprintf(record, sizeof record, "%s/%s/result.tsv", runs, c->name);
        if (unfinished && access(record, F_OK) == 0) continue;
        printf("%s\t%s\t%s\t%ld\t%ld\t%" PRIu64 "\tbin/nutl train %s --out %s/%s --train-images %ld --member %ld"
               " --protocol %s", c->name, c->init, c->scheme, c->train_images, c->member, c->seed, data, runs,
               c->name, c->train_images, c->member, g.name);
        if (!strcmp(c->init, "pretrained"))
            printf(" --init pretrained --pretrained %s --scheme %s", pretrained, c->scheme);
        printf(" --max-epochs %ld --threads %ld --batch %ld%s\n", epochs, threads, batch,
               deterministic && !strcmp(deterministic, "1") ? " --deterministic" : "");
    }
    grid_free(&g);
    if (fflush(stdout) || ferror(stdout)) nutl_die("grid: cannot write the cell list to stdout");
    return 0;
}
