/* peer: nutl's ensembles beside the PyTorch peer's (make peer: the same cells trained by
   dev/torch_train.py into runs/<protocol>-peer/), to check that nutl trains as PyTorch does. */
#ifndef NUTL_PEER_H
#define NUTL_PEER_H

#include <stdio.h>

#include "paper.h"
#include "study.h"

/* Writes to out one line per cell that has networks in both studies: the test F1 mean +- error on the
   mean (and count) of nutl's and of the peer's ensemble, (nutl - peer) / sigma with sigma the two
   errors added in quadrature ("n/a" with fewer than 2 networks on a side), and the paper's value where
   it has one. Returns the number of cells compared. */
int peer_compare(const study *nutl, const study *peer, const paper_ref *paper, FILE *out);

#endif
