/* confusion: metrics of a 3x3 confusion matrix (row = true class, column = predicted class, counts). */
#ifndef NUTL_CONFUSION_H
#define NUTL_CONFUSION_H

/* Returns the macro F1 of the paper's Eq. 1: the mean over classes of 2PR/(P+R) = 2 TP/(2 TP + FP + FN);
   a class with no true and no predicted events contributes 0. */
double confusion_macro_f1(const long m[9]);

/* Returns the events of true class c (the sum of row c). */
long confusion_true_events(const long m[9], int c);

/* Returns the accuracy of class c: correctly classified events of true class c over all of them (NaN if
   there are none). */
double confusion_accuracy(const long m[9], int c);

#endif
