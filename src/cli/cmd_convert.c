/* nutl convert --from torchvision IN.pth --out OUT.weights [--cfg CFG]: a torchvision ResNet
   checkpoint into Darknet weights for CFG (default cfg/resnet18-imagenet.cfg). Everything is read and
   checked before OUT is written, so a failure leaves no OUT behind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/args.h"
#include "cli/commands.h"
#include "nn/network_load.h"
#include "convert/torch_checkpoint.h"
#include "core/util.h"
#include "nn/weights.h"
#include "convert/weights_convert.h"

#define USAGE "nutl convert --from torchvision IN.pth --out OUT.weights [--cfg CFG]"

int cmd_convert(int argc, char **argv)
{
    char default_cfg[NUTL_PATH_MAX];
    const char *from = NULL, *in = NULL, *out = NULL;
    const char *cfg = util_install_path(default_cfg, "cfg/resnet18-imagenet.cfg");
    const arg_spec specs[] = {
        {"--from", ARG_STRING, &from, NULL, "torchvision  the checkpoint's source (required)"},
        {"--out", ARG_STRING, &out, NULL, "FILE  the Darknet weights written (required)"},
        {"--cfg", ARG_STRING, &cfg, NULL, "FILE  the network (default: cfg/resnet18-imagenet.cfg, installed)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc, argv, specs, &in, 1, USAGE);
    if (!from || !in || !out) nutl_die("usage: %s", USAGE);
    if (strcmp(from, "torchvision")) nutl_die("convert: unknown source '%s' (only torchvision)", from);

    struct torch_checkpoint *cp = torch_checkpoint_open(in);
    static netcfg c;
    netcfg_read(&c, cfg);
    srand(0); /* Darknet's random initial weights, all overwritten, drawn the same on every run */
    network *net = network_load(&c, (network_shape){.batch = 1});
    weights_convert_torchvision(net, cfg, cp);
    weights_save(net, out);
    printf("%s: %zu tensors from %s for %s\n", out, cp->n, in, cfg);
    torch_checkpoint_close(cp);
    network_free(net);
    return 0;
}
