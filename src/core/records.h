/* records: the files a trained network leaves in its run folder, defined once for their writers
   (nn/result.c, nn/evaluate.c) and their readers (analysis/record.c, the tests):
   result.tsv, "key<TAB>value" lines in the order of enum result_key, and predictions-<split>.tsv, a
   header and one line per event with the columns of records_prediction_header. */
#ifndef NUTL_RECORDS_H
#define NUTL_RECORDS_H

#include <stddef.h>
#include <stdio.h>

#include "core/metrics.h"

#define RECORDS_RESULT_FILE "result.tsv"
#define RECORDS_KEY_MAX 64

/* The keys of result.tsv, in the order it writes them. A per-class key (RESULT_TEST_ACC) stands for one
   key per class, "<name>_<class>" (test_acc_numu_cc, ...). To add a key: a name here and a line in
   records.c's table; nn/result.c writes it, analysis/record.c reads it if it needs it. */
enum result_key {
    RESULT_PROTOCOL, RESULT_INIT, RESULT_SCHEME, RESULT_TRAIN_IMAGES, RESULT_MEMBER, RESULT_SEED,
    RESULT_EPOCHS, RESULT_BEST_EPOCH, RESULT_BEST_VAL_LOSS, RESULT_VAL_LOSS, RESULT_VAL_F1, RESULT_TEST_LOSS,
    RESULT_TEST_F1, RESULT_TEST_ACC, RESULT_TEST_CONFUSION, RESULT_TRAIN_SECONDS, RESULT_TRAIN_IMAGES_PER_SECOND,
    RESULT_THREADS, RESULT_DEVICE, RESULT_BUILD, RESULT_WEIGHTS_SHA256, RESULT_PRETRAINED_SOURCE,
    RESULT_LEARNING_RATE, RESULT_MOMENTUM, RESULT_WEIGHT_DECAY, RESULT_BATCH, RESULT_INPUT_ENCODING,
    RESULT_INPUT_SATURATION_MEV, RESULT_INPUT_NORMALIZATION, RESULT_FREEZE_BN_STATS, RESULT_DETERMINISTIC,
    /* Provenance (nn/provenance.c, docs/provenance.md); RESULT_BUILD above is provenance's too. */
    RESULT_LIBRARIES, RESULT_MACHINE_CLASS, RESULT_CPU_MODEL, RESULT_CPU_ISA, RESULT_DATA_DIR,
    RESULT_DATASET_TRAIN_SEED, RESULT_DATASET_TRAIN_EVENTS_SHA256, RESULT_DATASET_TRAIN_TRUTH_SHA256,
    RESULT_DATASET_VAL_SEED, RESULT_DATASET_VAL_EVENTS_SHA256, RESULT_DATASET_VAL_TRUTH_SHA256,
    RESULT_DATASET_TEST_SEED, RESULT_DATASET_TEST_EVENTS_SHA256, RESULT_DATASET_TEST_TRUTH_SHA256,
    RESULT_DATASET_ID, RESULT_CFG, RESULT_CFG_SHA256, RESULT_MAX_EPOCHS, RESULT_PRETRAINED,
    RESULT_PRETRAINED_SHA256, RESULT_COMMAND, RESULT_CWD, RESULT_STARTED, RESULT_FINISHED,
    N_RESULT_KEYS
};

/* One event of a predictions file. */
typedef struct {
    long long event_id;
    int true_class, predicted_class;
    double energy_gev;             /* the true neutrino energy */
    double p[N_CLASSES];           /* the network's class probabilities */
} prediction;

/* Returns 1 if key k stands for one key per class. */
int records_per_class(enum result_key k);

/* Returns the name of key k as result.tsv writes it; for a per-class key, that of class c, written into
   buf (len >= RECORDS_KEY_MAX). */
const char *records_key_name(enum result_key k, int c, char *buf, size_t len);

/* Returns 1 if name is a key of result.tsv, with the key in *k and its class in *c (-1 when the key is
   not per class); 0 otherwise. */
int records_find_key(const char *name, enum result_key *k, int *c);

/* Writes the line "<key>\t<value>" of key k (not per class) to f, the value formatted by fmt. */
void records_put(FILE *f, enum result_key k, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Writes the line of per-class key k for class c to f. */
void records_put_class(FILE *f, enum result_key k, int c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Writes the line of key k whose value is the matrix m: its 9 counts, row (true class) by row, spaced. */
void records_put_confusion(FILE *f, enum result_key k, const confusion *m);

/* Returns 1 if text is exactly 9 non-negative integers separated by spaces or commas, stored into m
   row by row; 0 otherwise. */
int records_parse_confusion(const char *text, confusion *m);

/* Returns 1 if the result.tsv at path has non-per-class key k, with its value in value (len bytes); 0 if
   the file cannot be read or lacks the key (a record written before the key existed). */
int records_get(const char *path, enum result_key k, char *value, size_t len);

/* Returns the header line of a predictions file, without its newline. */
const char *records_prediction_header(void);

/* Writes one event's line of a predictions file to f. */
void records_put_prediction(FILE *f, const prediction *p);

/* Parses one line of a predictions file (without its newline; the line is modified) into p. Returns 1 if
   it has the header's columns, a whole event id, known class names, a finite energy and probabilities
   in [0, 1]; 0 otherwise. */
int records_parse_prediction(char *line, prediction *p);

#endif
