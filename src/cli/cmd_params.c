/* nutl params CFG [--scheme S]: trainable weights per group under a freeze scheme, and their total.
   With cfg/resnet18.cfg the figures are the paper's (analysis/paper/trainable-weights.tsv). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "sim/dataset.h"
#include "nn/network_load.h"
#include "nn/scheme.h"
#include "core/util.h"

int cmd_params(int argc, char **argv)
{
    const char *cfg_path = NULL, *scheme = "all";
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--scheme") && i + 1 < argc) scheme = argv[++i];
        else if (argv[i][0] != '-' && !cfg_path) cfg_path = argv[i];
        else nutl_die("usage: nutl params CFG [--scheme all|freeze1|freeze2|freeze3|freeze4|classifier]");
    }
    if (!cfg_path) nutl_die("usage: nutl params CFG [--scheme S]");
    int s = scheme_parse(scheme);
    static netcfg c;
    netcfg_read(&c, cfg_path);
    network *net = network_load(&c, (network_shape){.batch = 1, .outputs = N_CLASSES});
    scheme_apply(net, &c, s);

    long per_group[N_GROUPS] = {0}, total = 0;
    for (int i = 0; i < net->n; i++) {
        if (net->layers[i].freeze) continue;
        per_group[c.group[i]] += layer_parameters(&net->layers[i]);
    }
    for (int g = 0; g < N_GROUPS; g++) {
        printf("%s\t%ld\n", group_name(g), per_group[g]);
        total += per_group[g];
    }
    printf("total\t%ld\n", total);
    network_free(net);
    return 0;
}
