#include "nn/result.h"

#include <stdio.h>

#include "nn/device.h"
#include "nn/provenance.h"
#include "core/metrics.h"
#include "nn/scheme.h"
#include "core/util.h"

void result_write(const char *dir, const run_summary *s)
{
    const train_options *o = s->options;
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "result.tsv");
    FILE *f = atomic_open(path);
    fprintf(f, "protocol\t%s\n", o->protocol);
    fprintf(f, "init\t%s\n", o->init);
    fprintf(f, "scheme\t%s\n", scheme_name(o->scheme));
    fprintf(f, "train_images\t%d\n", o->train_images);
    fprintf(f, "member\t%d\n", o->member);
    fprintf(f, "seed\t%llu\n", (unsigned long long)o->seed);
    fprintf(f, "epochs\t%d\n", s->state.sched.epochs_done);
    fprintf(f, "best_epoch\t%d\n", s->state.sched.best_epoch);
    fprintf(f, "best_val_loss\t%.6f\n", s->state.sched.best_val_loss);
    fprintf(f, "val_loss\t%.6f\n", s->val.loss);
    fprintf(f, "val_f1\t%.6f\n", confusion_macro_f1(&s->val.matrix));
    fprintf(f, "test_loss\t%.6f\n", s->test.loss);
    fprintf(f, "test_f1\t%.6f\n", confusion_macro_f1(&s->test.matrix));
    for (int c = 0; c < N_CLASSES; c++)
        fprintf(f, "test_acc_%s\t%.6f\n", class_name(c), confusion_class_accuracy(&s->test.matrix, c));
    fprintf(f, "test_confusion\t");
    for (int t = 0; t < N_CLASSES; t++)
        for (int p = 0; p < N_CLASSES; p++) fprintf(f, "%ld%s", s->test.matrix.counts[t][p], t + p == 4 ? "\n" : " ");
    fprintf(f, "train_seconds\t%.1f\n", s->state.train_seconds);
    fprintf(f, "train_images_per_second\t%.2f\n",
            s->state.train_seconds > 0 ? s->state.images_trained / s->state.train_seconds : 0);
    fprintf(f, "threads\t%d\n", o->threads);
    fprintf(f, "device\t%s\n", device_name());
    fprintf(f, "weights_sha256\t%s\n", s->weights_sha256);
    fprintf(f, "pretrained_source\t%s\n", o->pretrained_source ? o->pretrained_source : "none");
    fprintf(f, "learning_rate\t%g\n", o->learning_rate);
    fprintf(f, "momentum\t%g\n", o->momentum);
    fprintf(f, "weight_decay\t%g\n", o->decay);
    fprintf(f, "batch\t%d\n", o->batch);
    fprintf(f, "input_saturation_mev\t%g\n", o->input.saturation_mev);
    fprintf(f, "input_normalization\t%s\n", o->input.imagenet_normalize ? "imagenet" : "none");
    fprintf(f, "freeze_bn_stats\t%d\n", o->freeze_bn_stats);
    fprintf(f, "deterministic\t%d\n", o->deterministic);
    provenance_write(f, o);
    atomic_commit(f, path);
}
