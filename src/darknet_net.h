/* darknet_net: Darknet networks parsed from a cfg the way every nutl command needs them. */
#ifndef NUTL_DARKNET_NET_H
#define NUTL_DARKNET_NET_H

#include <darknet.h>

/* Returns the network described by cfg with its batch size set to batch, its random initial weights
   drawn after srand(0) so that they are the same on every run; dies naming cfg if it cannot be read
   (Darknet itself aborts on a malformed one). */
network *darknet_net_parse(const char *cfg, int batch);

#endif
