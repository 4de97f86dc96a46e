/* weights_convert: a torchvision ResNet state_dict into the layers of a Darknet ResNet cfg.

   Tensors are matched by torchvision's names, which follow from the cfg's layer sequence: the first
   convolutional layer is the stem (conv1, bn1); every later one belongs to the residual block that
   ends at the next [shortcut]. In a block, convolutions before any [route] are the main branch
   (layer<S>.<B>.conv<k>, bn<k>, k = 1, 2, ...); one after a [route] is the projection
   (layer<S>.<B>.downsample.0, downsample.1). A new stage S starts with the first block and with every
   block that has a projection; B counts blocks within the stage. The [connected] layer is fc.
   Convolution weights are OIHW in both frameworks; BN weight, bias, running_mean, running_var become
   Darknet's scales, biases, rolling_mean, rolling_variance, copied as they are (Darknet's CPU BN
   matches torch's epsilon with darknet/patches/0006); fc.weight [out][in] and fc.bias become the
   connected layer's. */
#ifndef NUTL_WEIGHTS_CONVERT_H
#define NUTL_WEIGHTS_CONVERT_H

#include <darknet.h>

#include "convert/torch_checkpoint.h"

/* Fills every convolutional (with batch_normalize) and the connected layer of net (parsed from cfg)
   from cp. Returns nothing; dies with one line naming the tensor and the layer on a missing tensor,
   a wrong shape or a non-float32 tensor, and naming the tensor if one is left unused
   (num_batches_tracked counters excepted), or naming the layer if the cfg is not a ResNet of the
   shape described above (including any other layer with parameters). */
void weights_convert_torchvision(network *net, const char *cfg, const struct torch_checkpoint *cp);

#endif
