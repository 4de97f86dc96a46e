/* verdict: one line per paper table saying how many of its cells agree with the paper's within
   VERDICT_SIGMA standard deviations, read back from the TSVs nutl-analyse wrote, so that the report
   (make report) states what the tables show and can be rebuilt from paper-figures/<protocol> alone. */
#ifndef NUTL_VERDICT_H
#define NUTL_VERDICT_H

#define VERDICT_SIGMA 2.0

/* Writes dir/verdicts.md (atomically): the verdicts of Tables I and II (the pull column: our ensemble
   mean minus the paper's over both errors in quadrature) and of Table III (each matrix cell's share of
   its true class, ours against the paper's, by a two-proportion z test). Dies naming the TSV if one is
   missing or lacks a column the verdict needs. */
void verdict_write(const char *dir);

#endif
