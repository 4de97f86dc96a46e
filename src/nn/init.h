/* init: the initial weights of a network trained from scratch, as torchvision initialises its ResNets
   (torchvision/models/resnet.py, ResNet.__init__) and PyTorch its layers (torch.nn.Linear,
   torch.nn.Conv2d reset_parameters), or as the paper's formula reads. */
#ifndef NUTL_INIT_H
#define NUTL_INIT_H

#include <stdint.h>

#include "darknet.h"

/* The initialisation rules of a network trained from scratch (docs/sensitivity.md sets them side by side):
   - INIT_KAIMING (--init kaiming), torchvision's resnet18(): convolution weights
     kaiming_normal_(mode="fan_out", nonlinearity="relu"), N(0, 2 / (filters k k)); a convolution without
     batch norm nn.Conv2d's default bias, uniform in +-1/sqrt(fan_in); connected layers nn.Linear's
     default, weights and biases uniform in +-1/sqrt(fan_in);
   - INIT_KAIMING_FAN_IN (--init kaiming-fan-in), the paper's formula read literally (sigma =
     sqrt(2 / n_w), n_w "the size of the output from the previous layer"): every convolution and the
     head N(0, 2 / fan_in), fan_in = channels k k / groups for a convolution, inputs for the head; biases
     without batch norm 0.
   Both: batch-norm weight (scale) 1, bias (shift) 0, running statistics (0, 1). */
enum init_rule { INIT_KAIMING, INIT_KAIMING_FAN_IN };

/* Returns the rule an --init name stands for (kaiming, kaiming-fan-in), or -1 for any other name. */
int init_rule_parse(const char *name);

/* Initialises layers [first, net->n) by rule from seed (one MT19937 stream, layer by layer, so a seed gives
   the same bytes on every build, and both rules draw the same normal deviates). first > 0 initialises only
   the new head of a pretrained network. Returns nothing. */
void init_network(network *net, int first, uint64_t seed, enum init_rule rule);

#endif
