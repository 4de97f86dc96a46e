/* record: reads one trained network's result record and per-event predictions (their formats are
   core/records.h's): runs/<protocol>/<init>-<scheme>-n<train_images>-m<member>/{result.tsv,predictions-<split>.tsv}. */
#ifndef NUTL_RECORD_H
#define NUTL_RECORD_H

#include <stddef.h>

#include "core/records.h"

enum record_status { RECORD_OK, RECORD_ABSENT, RECORD_MALFORMED };

typedef struct {
    char dir[1024];
    char protocol[64], init[32], scheme[32];
    long train_images, member;
    double test_f1, val_f1, acc[N_CLASSES];
    confusion test_confusion;
    char build[512], pretrained_source[512];
    /* Provenance (src/nn/provenance.h): the fields that change numbers, which one table may not mix. */
    char libraries[512], dataset_id[64], machine_class[256];
} record;

/* Reads dir/result.tsv into r. Returns RECORD_OK; RECORD_ABSENT when the file does not exist (an
   unfinished network); RECORD_MALFORMED, with a one-line reason naming the file in why, when a required
   key is missing or repeated, a value is not a number in range, or test_confusion is not 9 counts. */
enum record_status record_read(const char *dir, record *r, char *why, size_t len);

/* Reads dir/predictions-<split>.tsv. Returns the number of events and sets *out (the caller frees it),
   or returns -1 with a one-line reason naming the file and line in why (then *out is NULL). */
long record_predictions(const char *dir, const char *split, prediction **out, char *why, size_t len);

#endif
