/* darknet_weights: Darknet's weights file for a parsed network, written atomically and read back with
   a size check (Darknet's own loader reads short files without complaint).

   Layout (parser.c save_weights, format 0.2.0): int32 major=0, minor=2, revision=0, size_t images
   seen; then for each layer in order: convolutional: biases[n], and with batch_normalize scales[n],
   rolling_mean[n], rolling_variance[n]; then weights[n][c/groups][size][size] (OIHW). Connected:
   biases[out], weights[out][in], and with batch_normalize scales, rolling_mean, rolling_variance.
   Other layer types hold nothing; the remaining weight-holding types are refused. */
#ifndef NUTL_DARKNET_WEIGHTS_H
#define NUTL_DARKNET_WEIGHTS_H

#include <darknet.h>
#include <stddef.h>

/* Returns the size in bytes of net's weights file; dies naming cfg and the layer if net has a layer
   whose weights this module does not handle or a cfg key that changes the layout (dontload,
   dontloadscales, numload, flipped). */
size_t darknet_weights_size(const network *net, const char *cfg);

/* Writes net's weights (with "images seen" 0) to path through a temporary file renamed when complete.
   Returns nothing; dies naming path on failure, leaving nothing behind. */
void darknet_weights_write(const network *net, const char *cfg, const char *path);

/* Loads path into net after checking that its size is exactly what net needs; dies naming path and
   the two sizes otherwise. Returns nothing. */
void darknet_weights_load(network *net, const char *cfg, const char *path);

#endif
