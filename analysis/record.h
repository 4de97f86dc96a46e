/* record: one trained network's result record and per-event predictions, as DESIGN.md fixes them:
   runs/<protocol>/<init>-<scheme>-n<train_images>-m<member>/{result.tsv,predictions-<split>.tsv}. */
#ifndef NUTL_RECORD_H
#define NUTL_RECORD_H

#include <stddef.h>

#define RECORD_CLASSES 3

/* The class names used in the records, in the order of the confusion matrix rows and columns. */
extern const char *const record_class_name[RECORD_CLASSES];

enum record_status { RECORD_OK, RECORD_ABSENT, RECORD_MALFORMED };

typedef struct {
    char dir[1024];
    char protocol[64], init[32], scheme[32];
    long train_images, member;
    double test_f1, val_f1, acc[RECORD_CLASSES];
    long confusion[RECORD_CLASSES * RECORD_CLASSES]; /* row = true class, column = predicted */
    char build[512], pretrained_source[512]; /* build: nutl, Darknet and every patch, ~270 characters */
} record;

typedef struct {
    long long event_id;
    int true_class, predicted_class;
    double energy_gev;
} prediction;

/* Returns the index of a class name (numu_cc 0, nue_cc 1, nc 2), or -1 if it is none of them. */
int record_class_index(const char *name);

/* Reads dir/result.tsv into r. Returns RECORD_OK; RECORD_ABSENT when the file does not exist (an
   unfinished network); RECORD_MALFORMED, with a one-line reason naming the file in why, when a required
   key is missing or repeated, a value is not a number in range, or test_confusion is not 9 counts. */
enum record_status record_read(const char *dir, record *r, char *why, size_t len);

/* Reads dir/predictions-<split>.tsv. Returns the number of events and sets *out (the caller frees it),
   or returns -1 with a one-line reason naming the file and line in why (then *out is NULL). */
long record_predictions(const char *dir, const char *split, prediction **out, char *why, size_t len);

#endif
