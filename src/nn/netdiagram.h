/* netdiagram: the drawing of a network as Darknet builds it from its cfg (the paper's Fig. 2 for
   cfg/resnet18.cfg): one column per group (stem, Layer 1-4, classifier), each layer a box with its
   operation and output shape, the shortcuts beside the main path (identity, or through the 1x1/2
   projection convolution). Written as gnuplot data files; plots/fig2.gp draws them. */
#ifndef NUTL_NETDIAGRAM_H
#define NUTL_NETDIAGRAM_H

#include "darknet.h"
#include "nn/netcfg.h"

/* Writes dir/fig2-nodes.dat (one box per layer: centre, half width and height, kind, operation,
   output shape), fig2-edges.dat (arrow segments: x1, y1, x2, y2, head) and fig2-groups.dat (the
   columns' frames and titles), each atomically, for net built from cfg c. Dies naming the cfg for a layer kind it cannot draw or a layer
   that takes its input from a later one. Returns the number of boxes drawn. */
int netdiagram_write(const network *net, const netcfg *c, const char *dir);

#endif
