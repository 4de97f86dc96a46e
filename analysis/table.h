/* table: a table built once and written three ways: Markdown (to read), LaTeX (for a paper) and TSV
   (for programs). Text is UTF-8 as Markdown shows it; the LaTeX writer translates the few symbols the
   tables use (±, ν_μ, ν_e, σ, —) and escapes the rest. */
#ifndef NUTL_TABLE_H
#define NUTL_TABLE_H

#define TABLE_MAX_COLS 12
#define TABLE_MAX_ROWS 128

/* TABLE_MEAN_SD_ERR shows as TABLE_MEAN_ERR and adds the standard deviation to the TSV. */
typedef enum { TABLE_TEXT, TABLE_INT, TABLE_NUM, TABLE_MEAN_ERR, TABLE_MEAN_SD_ERR } table_kind;

typedef struct {
    int dash;        /* nothing to show: Markdown "—", TSV "NA" */
    char text[128];  /* TABLE_TEXT as shown */
    char tsv[64];    /* if set, TABLE_TEXT in the TSV: a name for programs ("pretrained", "1000") */
    double value, sd, err; /* value of every kind but text; sd and err (NaN: unknown) of the means */
} table_cell;

typedef struct table table;

/* Returns a new empty table whose files will be <name>.md, .tex and .tsv; caption is its title. */
table *table_new(const char *name, const char *caption);

/* Adds a column: head is shown in Markdown and LaTeX, key names it in the TSV (a TABLE_MEAN_ERR column
   becomes key_mean and key_err there, TABLE_MEAN_SD_ERR also key_sd); digits is the number of decimals of TABLE_NUM and TABLE_MEAN_ERR. */
void table_column(table *t, const char *head, const char *key, table_kind kind, int digits);

/* Add a line stating provenance (protocol, dataset, build, weights) above the table, or a note below it. */
void table_meta(table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void table_note(table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Starts a new row (after a horizontal rule in LaTeX if rule is set); the cells follow in column order. */
void table_row(table *t, int rule);

/* Append the next cell of the current row: text, a count, a number, a mean with its error; any NaN value
   shows as a dash. */
void table_text(table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a text cell shown as the formatted text but written as tsv in the TSV. */
void table_label(table *t, const char *tsv, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void table_value(table *t, double value);
void table_mean_err(table *t, double mean, double err);
void table_mean_sd_err(table *t, double mean, double sd, double err);
void table_dash(table *t);

/* Writes dir/<name>.md, .tex and .tsv, each atomically; dies naming the file on failure. */
void table_write(const table *t, const char *dir);

/* Frees t. */
void table_free(table *t);

#endif
