/* study: the grid of cells a protocol expects (cfg/protocols/<name>.conf) filled with the finished
   networks found in runs/<name>/, and each cell's ensemble statistics and best networks. */
#ifndef NUTL_STUDY_H
#define NUTL_STUDY_H

#include <stddef.h>

#include "ensemble.h"
#include "core/grid.h"
#include "core/protocol.h"
#include "record.h"

/* Members are numbered 1..members in run folder names (m1 is the first network of a cell). */
#define STUDY_FIRST_MEMBER 1

typedef struct {
    char init[32], scheme[32];
    long train_images;
    int n;                /* finished, well-formed networks */
    const record **net;   /* those n networks, in member order */
    ensemble_stat test_f1, val_f1, acc[N_CLASSES];
    const record *best_test, *best_val; /* highest test F1 (the paper's choice), highest validation F1
                                           (the unbiased one); NULL when n = 0 */
} study_cell;

typedef struct {
    char name[64], runs[1024];
    protocol conf;
    long sizes[GRID_MAX_SIZES];
    int n_sizes;
    long members;
    char schemes[GRID_MAX_SCHEMES][32];
    int n_schemes;
    study_cell *cells;
    int n_cells;
    record *records;
    int n_records, n_skipped; /* well-formed networks; malformed records reported and skipped */
    char builds[2048];        /* distinct build strings of the networks, "; "-separated */
    char datasets[512];       /* distinct dataset_id of the networks */
    char machines[1024];      /* distinct machine classes of the networks */
    char pretrained[1024];    /* distinct pretrained sources of the pretrained networks */
    int standin;              /* 1 if any pretrained source is a stand-in, not ImageNet */
} study;

/* Loads the preset conf_path of protocol name, its grid (src/grid.h) and every expected run folder under
   runs; a malformed record is reported on one line on stderr and skipped. Dies on an unreadable or
   invalid preset. */
void study_load(study *s, const char *name, const char *conf_path, const char *runs);

/* Frees what study_load allocated. */
void study_free(study *s);

/* Returns the largest training size, or the second largest (rank 1); 0 if there is no such size. */
long study_size(const study *s, int rank_from_largest);

/* Returns the cell (init, scheme, train_images), or NULL if the protocol does not train it. */
const study_cell *study_find(const study *s, const char *init, const char *scheme, long train_images);

/* Writes the space-separated names of the cell's run folders with no well-formed record into buf
   (truncated with "..." if it does not fit); returns how many there are. */
int study_missing(const study *s, const study_cell *c, char *buf, size_t len);

#endif
