/* report: what nutl-analyse writes into paper-figures/<protocol>/ from a loaded study and the paper's
   values: the tables (report_tables.c) and the data files the gnuplot scripts draw (report_figures.c). */
#ifndef NUTL_REPORT_H
#define NUTL_REPORT_H

#include "energy.h"
#include "paper.h"
#include "study.h"

enum { REPORT_KAIMING, REPORT_PRETRAINED };

typedef struct {
    const study *s;
    const paper_ref *paper;
    char out[1024];           /* paper-figures/<protocol> */
    char dataset[512];        /* the dataset, as every table states it */
    char weights[1200];       /* the pretrained source, as every table and figure states it */
    char mixed[4096];         /* why the records may not share a table, when --allow-mixed combined them */
    double edges[ENERGY_MAX_BINS + 1]; /* true-energy bins of Fig. 6 and the energy bias, GeV */
    int n_bins;
    /* Accuracy vs energy of the best network by test F1 at the largest size: Kaiming, pretrained all. */
    const study_cell *largest[2];
    int have_energy[2];
    char energy_why[2][1024]; /* why a best network's predictions could not be read, or "" */
    energy_accuracy energy[2];
} report;

/* Fills r for study s: provenance text and the energy accuracy of the two best networks, read from
   their predictions-test.tsv (a malformed or absent file is reported on one line and left out). */
void report_prepare(report *r, const study *s, const paper_ref *paper, const char *out,
                    const double *edges, int n_bins);

/* Returns the paper's label of a scheme ("All Weights", "Freeze(1)", ...), or the scheme itself. */
const char *report_scheme_label(const char *scheme);

/* Returns the label of a training size as the paper writes it: "1k", "100k", or "150". */
const char *report_size_label(long train_images, char *buf, size_t len);

/* Writes Tables I-III, the ensemble statistics and the energy-bias summary (Markdown, LaTeX, TSV). */
void report_tables(const report *r);

/* Writes, into the existing folder <out>/data, the data files of Figures 3-7, data/plotvars.gp (titles, bands) and data/figures.list (the
   figures that have data); says on stderr which figures have none and why. */
void report_figures(const report *r);

#endif
