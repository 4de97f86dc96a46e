/* conv_dnnl: Darknet's CPU convolutions (forward, input gradient, weight gradient) computed by oneDNN
   (libdnnl) instead of im2col + GEMM. oneDNN's kernels want channel-blocked layouts, so each call
   reorders Darknet's NCHW tensors into shared scratch buffers and back; batch norm, bias and activation
   stay Darknet's. Results differ from the GEMM path by floating-point reassociation only, and are
   identical run to run at a fixed thread count. */
#ifndef NUTL_CONV_DNNL_H
#define NUTL_CONV_DNNL_H

#include "darknet.h"

/* Points the CPU forward and backward of every ungrouped, non-binary convolution of net at oneDNN.
   Returns the number of layers switched. Dies if oneDNN refuses a layer's shapes. */
int conv_dnnl_attach(network *net);

/* Frees what conv_dnnl_attach made for net (a no-op for a network it never saw). Returns nothing;
   call it before free_network. */
void conv_dnnl_release(network *net);

#endif
