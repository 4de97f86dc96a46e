/* train: one network of the study, trained with the paper's protocol (Sec. III B) and written as the
   result record of docs/design.md; resumable from its per-epoch checkpoint. */
#ifndef NUTL_TRAIN_H
#define NUTL_TRAIN_H

#include <stdint.h>

#include "darknet.h"
#include "sim/dataset.h"
#include "nn/loader.h"
#include "nn/netcfg.h"

typedef struct {
    const char *data_dir;      /* holds train/, val/, test/ */
    const char *cfg;
    const char *init;          /* "kaiming", "kaiming-fan-in", "pretrained" or "weights" */
    const char *pretrained;    /* Darknet weights of the 1000-class network (init pretrained) */
    const char *weights;       /* init weights: the whole network's starting weights (parity checks) */
    const char *order_out;     /* if set, each epoch's training order is appended here (parity checks) */
    const char *pretrained_source;  /* set by train_run: what the pretrained file is, for the record */
    const char *out;           /* the run folder; written as <out>.partial until complete */
    const char *protocol;
    int scheme, train_images, member, max_epochs, threads, batch, freeze_bn_stats;
    int deterministic;         /* GPU: deterministic cuDNN algorithms only */
    uint64_t seed;
    double learning_rate, momentum, decay;
    double progress_seconds;   /* a progress line every this many seconds of an epoch (0: every batch) */
    input_transform input;
} train_options;

/* Returns the order in which a training set's events enter its nested subsets: classes interleaved
   (numu_cc, nue_cc, nc, numu_cc, ...) in file order, so the first N events are balanced and the
   first 1000 are inside the first 2000. order must hold dataset_events(d) ints; returns how many
   events it filled (all of them). */
int train_balanced_order(const dataset *d, int *order);

/* Loads every layer of the pretrained Darknet weights file at path into net up to the classifier head
   (the first classifier layer with parameters, whose index it returns); dies naming the file unless what
   follows in the file is a whole head of some number of classes on the same inputs. */
int train_load_pretrained(network *net, const netcfg *c, const char *path);

/* Trains, evaluates and writes the run folder o->out. Returns 0 on success (or if the run was
   already complete); dies with a one-line message on bad input or a non-finite loss. */
int train_run(const train_options *o);

#endif
