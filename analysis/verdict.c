#include "verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

enum { TSV_MAX_COLS = 32, TSV_MAX_ROWS = 128, TSV_LINE = 4096 };

/* The data rows of a table's TSV (its '#' lines skipped), split into fields, and its header. */
typedef struct {
    char path[NUTL_PATH_MAX];
    int n_cols, n_rows;
    char head[TSV_LINE], *key[TSV_MAX_COLS];
    char line[TSV_MAX_ROWS][TSV_LINE], *field[TSV_MAX_ROWS][TSV_MAX_COLS];
} tsv;

/* Agreement of one table with the paper. */
typedef struct {
    int cells;            /* distinct cells in the table */
    int compared;         /* of those, with our value, an error and the paper's */
    int within;           /* of those, within VERDICT_SIGMA */
    double worst;         /* largest |deviation| in sigma */
    char worst_cell[128]; /* where it is */
} agreement;

/* Splits line at tabs into at most TSV_MAX_COLS fields; returns their number. */
static int split_tabs(char *line, char **field)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    for (char *p = line; n < TSV_MAX_COLS; p++) {
        field[n++] = p;
        if (!(p = strchr(p, '\t'))) break;
        *p = 0;
    }
    return n;
}

/* Reads dir/<name>.tsv into t; dies naming the file if it is missing, empty or has ragged rows. */
static void tsv_read(tsv *t, const char *dir, const char *name)
{
    char file[256];
    snprintf(file, sizeof file, "%s.tsv", name);
    path_join(t->path, dir, file);
    FILE *f = fopen(t->path, "r");
    if (!f) nutl_die("%s: cannot read (run make tables first)", t->path);
    t->n_cols = t->n_rows = 0;
    char buf[TSV_LINE];
    while (fgets(buf, sizeof buf, f)) {
        if (buf[0] == '#') continue;
        if (!t->n_cols) {
            memcpy(t->head, buf, sizeof buf);
            t->n_cols = split_tabs(t->head, t->key);
            continue;
        }
        if (t->n_rows == TSV_MAX_ROWS) nutl_die("%s: more than %d rows", t->path, TSV_MAX_ROWS);
        memcpy(t->line[t->n_rows], buf, sizeof buf);
        if (split_tabs(t->line[t->n_rows], t->field[t->n_rows]) != t->n_cols)
            nutl_die("%s: row %d has not the header's %d columns", t->path, t->n_rows + 1, t->n_cols);
        t->n_rows++;
    }
    fclose(f);
    if (!t->n_cols) nutl_die("%s: no header line", t->path);
}

/* Returns the index of column key, or dies naming the file and the key. */
static int tsv_column(const tsv *t, const char *key)
{
    for (int c = 0; c < t->n_cols; c++)
        if (!strcmp(t->key[c], key)) return c;
    nutl_die("%s: no column '%s'", t->path, key);
}

/* Returns the number in row r, column c, or NaN for "NA" (or anything that is not a number). */
static double tsv_number(const tsv *t, int r, int c)
{
    char *end;
    double v = strtod(t->field[r][c], &end);
    return end == t->field[r][c] || *end ? NAN : v;
}

/* Counts deviation z (NaN: no comparison) for the cell named name. */
static void agreement_add(agreement *a, double z, const char *name)
{
    a->cells++;
    if (isnan(z)) return;
    a->compared++;
    if (fabs(z) <= VERDICT_SIGMA) a->within++;
    if (fabs(z) > a->worst || a->compared == 1) {
        a->worst = fabs(z);
        snprintf(a->worst_cell, sizeof a->worst_cell, "%s", name);
    }
}

/* Returns 1 if row r repeats the key columns (those before "networks") of an earlier row: Table II
   lists all weights at the largest size twice, once per block. */
static int repeats_earlier_row(const tsv *t, int r, int n_key)
{
    for (int earlier = 0; earlier < r; earlier++) {
        int same = 1;
        for (int c = 0; c < n_key && same; c++) same = !strcmp(t->field[r][c], t->field[earlier][c]);
        if (same) return 1;
    }
    return 0;
}

/* Returns the agreement of an F1 table (Table I or II) from its pull column. */
static agreement f1_agreement(const tsv *t)
{
    agreement a = {0};
    int pull = tsv_column(t, "pull"), n_key = tsv_column(t, "networks");
    for (int r = 0; r < t->n_rows; r++) {
        if (repeats_earlier_row(t, r, n_key)) continue;
        char name[128] = "";
        for (int c = 0; c < n_key; c++)
            snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s", c ? " " : "", t->field[r][c]);
        agreement_add(&a, tsv_number(t, r, pull), name);
    }
    return a;
}

/* Returns the z of k1 of n1 against k2 of n2 under one pooled share (0 if both are 0 or all). */
static double two_proportion_z(double k1, double n1, double k2, double n2)
{
    double pool = (k1 + k2) / (n1 + n2), se = sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2));
    return se > 0 ? (k1 / n1 - k2 / n2) / se : 0;
}

/* Returns the agreement of Table III: each cell's share of its row, ours against the paper's. */
static agreement confusion_agreement(const tsv *t)
{
    static const char *const classes[] = {"numu_cc", "nue_cc", "nc"};
    agreement a = {0};
    int ours[3], theirs[3], network = tsv_column(t, "network"), true_class = tsv_column(t, "true_class");
    for (int j = 0; j < 3; j++) {
        char key[64];
        snprintf(key, sizeof key, "pred_%s", classes[j]);
        ours[j] = tsv_column(t, key);
        snprintf(key, sizeof key, "paper_pred_%s", classes[j]);
        theirs[j] = tsv_column(t, key);
    }
    for (int r = 0; r < t->n_rows; r++) {
        double n1 = 0, n2 = 0;
        for (int j = 0; j < 3; j++) n1 += tsv_number(t, r, ours[j]), n2 += tsv_number(t, r, theirs[j]);
        for (int j = 0; j < 3; j++) {
            char name[128];
            snprintf(name, sizeof name, "%s true %s predicted %s", t->field[r][network], t->field[r][true_class],
                     classes[j]);
            double z = n1 > 0 && n2 > 0 ? two_proportion_z(tsv_number(t, r, ours[j]), n1, tsv_number(t, r, theirs[j]), n2)
                                        : NAN;
            agreement_add(&a, z, name);
        }
    }
    return a;
}

/* Writes the verdict line of one table. */
static void put_verdict(FILE *f, const char *table, const agreement *a, const char *how, const char *why_not)
{
    fprintf(f, "- %s: ", table);
    if (!a->compared) {
        fprintf(f, "no cell compared with the paper (%d cells: %s).\n", a->cells, why_not);
        return;
    }
    fprintf(f, "%d of %d cells within %gσ of the paper (%s); largest deviation %.1fσ (%s)", a->within, a->compared,
            VERDICT_SIGMA, how, a->worst, a->worst_cell);
    if (a->cells > a->compared)
        fprintf(f, "; %d more without a comparison (%s)", a->cells - a->compared, why_not);
    fputs(".\n", f);
}

void verdict_write(const char *dir)
{
    static const char f1_how[] = "testing F1, ensemble mean against the paper's",
                      f1_why_not[] = "no paper value at that size, or one network";
    static tsv t;
    char path[NUTL_PATH_MAX];
    path_join(path, dir, "verdicts.md");
    FILE *f = atomic_open(path);
    tsv_read(&t, dir, "table1");
    agreement a = f1_agreement(&t);
    put_verdict(f, "Table I", &a, f1_how, f1_why_not);
    tsv_read(&t, dir, "table2");
    a = f1_agreement(&t);
    put_verdict(f, "Table II", &a, f1_how, f1_why_not);
    tsv_read(&t, dir, "table3");
    a = confusion_agreement(&t);
    put_verdict(f, "Table III", &a, "each cell's share of its true class, two-proportion z test",
                "no finished network");
    atomic_commit(f, path);
}
