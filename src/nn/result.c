#include "nn/result.h"

#include <stdio.h>

#include "nn/device.h"
#include "nn/provenance.h"
#include "core/metrics.h"
#include "core/records.h"
#include "nn/scheme.h"
#include "core/util.h"

void result_write(const char *dir, const run_summary *s)
{
    const train_options *o = s->options;
    char path[NUTL_PATH_MAX];
    path_join(path, dir, RECORDS_RESULT_FILE);
    FILE *f = atomic_open(path);
    records_put(f, RESULT_PROTOCOL, "%s", o->protocol);
    records_put(f, RESULT_INIT, "%s", o->init);
    records_put(f, RESULT_SCHEME, "%s", scheme_name(o->scheme));
    records_put(f, RESULT_TRAIN_IMAGES, "%d", o->train_images);
    records_put(f, RESULT_MEMBER, "%d", o->member);
    records_put(f, RESULT_SEED, "%llu", (unsigned long long)o->seed);
    records_put(f, RESULT_EPOCHS, "%d", s->state.sched.epochs_done);
    records_put(f, RESULT_BEST_EPOCH, "%d", s->state.sched.best_epoch);
    records_put(f, RESULT_BEST_VAL_LOSS, "%.6f", s->state.sched.best_val_loss);
    records_put(f, RESULT_VAL_LOSS, "%.6f", s->val.loss);
    records_put(f, RESULT_VAL_F1, "%.6f", confusion_macro_f1(&s->val.matrix));
    records_put(f, RESULT_TEST_LOSS, "%.6f", s->test.loss);
    records_put(f, RESULT_TEST_F1, "%.6f", confusion_macro_f1(&s->test.matrix));
    for (int c = 0; c < N_CLASSES; c++)
        records_put_class(f, RESULT_TEST_ACC, c, "%.6f", confusion_class_accuracy(&s->test.matrix, c));
    records_put_confusion(f, RESULT_TEST_CONFUSION, &s->test.matrix);
    records_put(f, RESULT_TRAIN_SECONDS, "%.1f", s->state.train_seconds);
    records_put(f, RESULT_TRAIN_IMAGES_PER_SECOND, "%.2f",
                s->state.train_seconds > 0 ? s->state.images_trained / s->state.train_seconds : 0);
    records_put(f, RESULT_THREADS, "%d", o->threads);
    records_put(f, RESULT_DEVICE, "%s", device_name());
    records_put(f, RESULT_BUILD, "%s", provenance_build());
    records_put(f, RESULT_WEIGHTS_SHA256, "%s", s->weights_sha256);
    records_put(f, RESULT_PRETRAINED_SOURCE, "%s", o->pretrained_source ? o->pretrained_source : "none");
    records_put(f, RESULT_LEARNING_RATE, "%g", o->learning_rate);
    records_put(f, RESULT_MOMENTUM, "%g", o->momentum);
    records_put(f, RESULT_WEIGHT_DECAY, "%g", o->decay);
    records_put(f, RESULT_BATCH, "%d", o->batch);
    records_put(f, RESULT_INPUT_ENCODING, "%s", input_encoding_name(o->input.encoding));
    records_put(f, RESULT_INPUT_SATURATION_MEV, "%.17g", o->input.saturation_mev);
    records_put(f, RESULT_INPUT_NORMALIZATION, "%s", input_normalization_name(o->input.imagenet_normalize));
    records_put(f, RESULT_FREEZE_BN_STATS, "%d", o->freeze_bn_stats);
    records_put(f, RESULT_DETERMINISTIC, "%d", o->deterministic);
    provenance_write(f, o);
    atomic_commit(f, path);
}
