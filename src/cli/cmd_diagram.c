/* nutl diagram CFG --out DIR: the data of the network's drawing (the paper's Fig. 2 for
   cfg/resnet18.cfg) from the network Darknet builds from the cfg, for plots/fig2.gp (make report). */
#include <stdio.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/util.h"
#include "nn/netdiagram.h"
#include "nn/network_load.h"

static const char usage[] = "nutl diagram CFG --out DIR";

int cmd_diagram(int argc, char **argv)
{
    const char *cfg_path = NULL, *out = NULL;
    const arg_spec specs[] = {
        {"--out", ARG_STRING, &out, NULL, "DIR  where the fig2-*.dat files go (required)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &cfg_path, 1, usage);
    if (!cfg_path || !out) nutl_die("usage: %s", usage);
    static netcfg c;
    netcfg_read(&c, cfg_path);
    network *net = network_load(&c, (network_shape){.batch = 1});
    int boxes = netdiagram_write(net, &c, out);
    printf("%s: %d layers drawn as %d boxes in %s/fig2-*.dat\n", cfg_path, c.n, boxes, out);
    network_free(net);
    return 0;
}
