/* logreg: multinomial logistic regression (softmax of linear scores) fitted by BFGS (GSL multimin) to
   the mean cross-entropy plus an L2 penalty on the weights (not the intercepts). Inputs are
   standardised with the training rows' means and deviations, stored in the model. */
#ifndef NUTL_LOGREG_H
#define NUTL_LOGREG_H

#define LOGREG_LAMBDA 1e-3 /* L2 penalty per weight: keeps separable data from driving weights to infinity */

typedef struct {
    int k, d;           /* classes, features */
    double *w;          /* k rows of d weights then the intercept (d + 1 per class) */
    double *mean, *sd;  /* standardisation of each feature */
} logreg;

/* Fits *m to the n rows x (d features each, row-major) with labels y in [0, k); returns the number of
   BFGS iterations used. */
int logreg_fit(logreg *m, const double *x, const int *y, int n, int d, int k);

/* Returns the most probable class of row x (d features) under m. */
int logreg_predict(const logreg *m, const double *x);

void logreg_free(logreg *m);

#endif
