#include "darknet_net.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

network *darknet_net_parse(const char *cfg, int batch)
{
    FILE *f = fopen(cfg, "r");
    if (!f) nutl_die("%s: cannot read: %s", cfg, strerror(errno));
    fclose(f);
    srand(0);
    network *net = parse_network_cfg((char *)cfg);
    set_batch_network(net, batch);
    return net;
}
