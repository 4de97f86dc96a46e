/* nutl params CFG [--scheme S]: trainable weights per group under a freeze scheme, and their total.
   With cfg/resnet18.cfg the figures are the paper's (analysis/paper/trainable-weights.tsv). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "sim/dataset.h"
#include "nn/network_load.h"
#include "nn/scheme.h"
#include "core/util.h"

int cmd_params(int argc, char **argv)
{
    static const char usage[] = "nutl params CFG [--scheme all|freeze1|freeze2|freeze3|freeze4|classifier]";
    const char *cfg_path = NULL, *scheme = "all";
    const arg_spec specs[] = {
        {"--scheme", ARG_STRING, &scheme, NULL, "S  count the weights this scheme trains (default all)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &cfg_path, 1, usage);
    if (!cfg_path) nutl_die("usage: %s", usage);
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
