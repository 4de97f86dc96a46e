/* network_load: builds a Darknet network from a cfg checked by netcfg_read, at the batch size and image
   size the caller needs, without Darknet's per-layer table on stderr. */
#ifndef NUTL_NETWORK_LOAD_H
#define NUTL_NETWORK_LOAD_H

#include "darknet.h"
#include "nn/netcfg.h"

typedef struct {
    int batch;     /* images per batch; 0 keeps the cfg's */
    int width;     /* input size in pixels; 0 keeps the cfg's */
    int height;
    int outputs;   /* required size of the network's output (3 for nutl's classifier); 0 accepts any */
} network_shape;

/* Returns the network of cfg c with the [net] batch, width and height replaced as shape asks. Dies
   naming the cfg if Darknet builds a different number of layers than c lists, or if the output size is
   not shape.outputs. In the CPU build its convolutions run on oneDNN (conv_dnnl). */
network *network_load(const netcfg *c, network_shape shape);

/* Frees a network from network_load. Returns nothing. */
void network_free(network *net);

/* Returns the length of layer l's weights array (Darknet sets nweights for convolutions only). */
long layer_weights(const layer *l);

/* Returns the number of trainable parameters of layer l: weights, biases (a batch-normalised layer's
   biases are its BN shift) and BN scales, as the paper counts them. */
long layer_parameters(const layer *l);

#endif
