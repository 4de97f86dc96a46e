/* metrics: the paper's figures of merit from true and predicted classes (Sec. III C, Eq. 1). */
#ifndef NUTL_METRICS_H
#define NUTL_METRICS_H

#include "core/classes.h"

/* counts[t][p]: events of true class t predicted as class p. */
typedef struct {
    long counts[N_CLASSES][N_CLASSES];
} confusion;

/* Returns the number of events of true class i (the sum of row i). */
long confusion_true_events(const confusion *m, int i);

/* Adds one event of true class t predicted as p to m. */
void confusion_add(confusion *m, int t, int p);

/* Returns the F1 score of class i: 2 Tp / (2 Tp + Fp + Fn), or 0 when the class never occurs and is
   never predicted. */
double confusion_class_f1(const confusion *m, int i);

/* Returns the macro F1 (the paper's Eq. 1): the unweighted mean of the per-class F1 scores. */
double confusion_macro_f1(const confusion *m);

/* Returns the accuracy for true class i (its row's diagonal over its row's sum; the recall), or 0 for
   an empty row. */
double confusion_class_accuracy(const confusion *m, int i);

/* Returns the fraction of all events on the diagonal, or 0 for an empty matrix. */
double confusion_accuracy(const confusion *m);


#endif
