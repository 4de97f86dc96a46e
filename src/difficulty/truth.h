/* truth: named columns of a split's truth.tsv (nutl's own, or one nutl import wrote), by header name. */
#ifndef NUTL_TRUTH_H
#define NUTL_TRUTH_H

/* Returns 1 if the split in dir has a truth column called name, 0 if not; dies naming the file if it
   cannot be read. */
int truth_has_column(const char *dir, const char *name);

/* Writes column name of the split's n events into out (n doubles); dies naming the file if the column
   is missing, a line is missing, or a value is not a number. */
void truth_column(const char *dir, const char *name, int n, double *out);

/* Writes column name of the split's n events into out, or NaN for every event when the split has no
   such column (an imported split records only what its source does); dies as truth_column otherwise. */
void truth_column_or_nan(const char *dir, const char *name, int n, double *out);

#endif
