/* evaluate: runs a network over every event of a split: loss, confusion matrix and per-event
   predictions (the prediction files of docs/design.md). */
#ifndef NUTL_EVALUATE_H
#define NUTL_EVALUATE_H

#include <stdio.h>

#include "darknet.h"
#include "sim/dataset.h"
#include "nn/loader.h"
#include "core/metrics.h"

typedef struct {
    double loss;        /* mean cross-entropy, -ln p(true class) */
    confusion matrix;
    long events;
} evaluation;

/* Returns the evaluation of net (in inference mode) on every event of d. When predictions is not NULL,
   writes the header and one line per event (the columns of core/records.h). */
evaluation evaluate_split(network *net, const dataset *d, input_transform t, FILE *predictions);

/* Writes the predictions of net on d to path atomically and returns the evaluation. */
evaluation evaluate_to_file(network *net, const dataset *d, input_transform t, const char *path);

#endif
