/* result: the result record of one trained network (docs/design.md, "Result records"): result.tsv. */
#ifndef NUTL_RESULT_H
#define NUTL_RESULT_H

#include "nn/evaluate.h"
#include "nn/train.h"
#include "nn/weights.h"

typedef struct {
    const train_options *options;
    checkpoint_state state;     /* the schedule at the end, time and images of training */
    evaluation val, test;       /* of the best-validation weights */
    char weights_sha256[65];
} run_summary;

/* Writes dir/result.tsv (key<TAB>value lines, provenance's among them) atomically. */
void result_write(const char *dir, const run_summary *s);

#endif
