/* init: the initial weights of a network trained from scratch, as torchvision initialises its ResNets
   (torchvision/models/resnet.py, ResNet.__init__) and PyTorch its layers (torch.nn.Linear,
   torch.nn.Conv2d reset_parameters). */
#ifndef NUTL_INIT_H
#define NUTL_INIT_H

#include <stdint.h>

#include "darknet.h"

/* Initialises layers [first, net->n) from seed (one MT19937 stream, layer by layer, so a seed gives the
   same bytes on every build):
   - convolution weights kaiming_normal_(mode="fan_out", nonlinearity="relu"): N(0, 2 / (filters k k));
     the batch-norm weight (scale) 1 and bias (shift) 0, running statistics (0, 1); a convolution
     without batch norm gets nn.Conv2d's default bias, uniform in +-1/sqrt(fan_in);
   - connected layers nn.Linear's default: weights and biases uniform in +-1/sqrt(fan_in).
   first > 0 initialises only the new head of a pretrained network. Returns nothing. */
void init_torchvision(network *net, int first, uint64_t seed);

#endif
