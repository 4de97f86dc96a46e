/* paper: the reference values of Chappell & Whitehead (arXiv:2207.03139) kept in analysis/paper/:
   the ensemble F1 of Tables I and II and the confusion matrices of Table III. */
#ifndef NUTL_PAPER_H
#define NUTL_PAPER_H

#include "core/metrics.h"

#define PAPER_MAX_F1 64

typedef struct {
    char init[32], scheme[32];
    long train_images;
    double mean, err;
} paper_f1;

typedef struct {
    paper_f1 f1[PAPER_MAX_F1];
    int n_f1;
    confusion table3[2]; /* [0] Kaiming, [1] pretrained all weights */
} paper_ref;

/* Reads dir/paper-values.tsv and dir/confusion-table3.tsv; dies naming the file and line if either is
   unreadable or malformed. */
void paper_load(paper_ref *p, const char *dir);

/* Returns the paper's test F1 of the cell (init, scheme, train_images), or NULL if the paper has none. */
const paper_f1 *paper_find(const paper_ref *p, const char *init, const char *scheme, long train_images);

/* Returns the paper's Table III matrix for init "kaiming" or "pretrained", or NULL for another init. */
const confusion *paper_confusion(const paper_ref *p, const char *init);

#endif
