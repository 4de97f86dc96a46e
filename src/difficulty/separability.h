/* separability: how easily a dataset's classes are told apart by the per-event features of
   features.h. A multinomial logistic regression on ln(1 + feature) is cross-validated over k folds
   (event i is in fold i mod k; every event is predicted by a model that never saw it); the pooled
   predictions give the macro-F1 (the paper's Eq. 1), which is the separability index. */
#ifndef NUTL_SEPARABILITY_H
#define NUTL_SEPARABILITY_H

#include <stdio.h>

#include "core/metrics.h"
#include "difficulty/features.h"

typedef struct {
    int n;
    double *x;          /* n rows of N_FEATURES model inputs: ln(1 + feature) */
    int *cls;           /* true class of each event */
    event_features *ev; /* the raw features */
    double *y, *pi0;    /* truth: inelasticity, 1 if a pi0 left the nucleus */
} separability_data;

/* Loads every event of the split in dir (events.bin and truth.tsv): features and truth; dies naming
   the file if a truth column is missing or a line is malformed. */
void separability_load(const char *dir, separability_data *s);

void separability_free(separability_data *s);

/* Returns the cross-validated macro-F1 over the classes in class_mask (bit c = class c) of a
   regression on the ncols feature columns cols, using only events of those classes; adds the pooled
   predictions to *cm when cm is not NULL. */
double separability_cv(const separability_data *s, const int *cols, int ncols, unsigned class_mask, int folds,
                       confusion *cm);

/* Writes the report on s to out: per-class table, confusion matrix, macro-F1 (the index), per-pair F1
   and the features ranked by their single-feature macro-F1. Returns the index. */
double separability_report(const separability_data *s, const char *name, int folds, FILE *out);

#endif
