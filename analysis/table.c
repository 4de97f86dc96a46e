#include "table.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

typedef struct {
    char **line;
    int n;
} lines;

struct table {
    char name[64], caption[1024];
    int n_cols, n_rows, filled;
    char head[TABLE_MAX_COLS][64], key[TABLE_MAX_COLS][48];
    table_kind kind[TABLE_MAX_COLS];
    int digits[TABLE_MAX_COLS];
    int rule[TABLE_MAX_ROWS];
    table_cell cell[TABLE_MAX_ROWS][TABLE_MAX_COLS];
    lines meta, notes;
};

table *table_new(const char *name, const char *caption)
{
    table *t = nutl_calloc(sizeof *t, "table");
    snprintf(t->name, sizeof t->name, "%s", name);
    snprintf(t->caption, sizeof t->caption, "%s", caption);
    return t;
}

void table_column(table *t, const char *head, const char *key, table_kind kind, int digits)
{
    if (t->n_cols == TABLE_MAX_COLS) nutl_die("%s: more than %d columns", t->name, TABLE_MAX_COLS);
    snprintf(t->head[t->n_cols], sizeof t->head[0], "%s", head);
    snprintf(t->key[t->n_cols], sizeof t->key[0], "%s", key);
    t->kind[t->n_cols] = kind;
    t->digits[t->n_cols++] = digits;
}

/* Appends the formatted line to l; dies if out of memory. */
static void lines_add(lines *l, const char *fmt, va_list ap)
{
    char buf[16384];
    vsnprintf(buf, sizeof buf, fmt, ap);
    char **grown = realloc(l->line, (l->n + 1) * sizeof *grown);
    if (!grown) nutl_die("out of memory for table notes");
    l->line = grown;
    l->line[l->n] = nutl_calloc(strlen(buf) + 1, "table note");
    strcpy(l->line[l->n++], buf);
}

void table_meta(table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lines_add(&t->meta, fmt, ap);
    va_end(ap);
}

void table_note(table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lines_add(&t->notes, fmt, ap);
    va_end(ap);
}

void table_row(table *t, int rule)
{
    if (t->n_rows == TABLE_MAX_ROWS) nutl_die("%s: more than %d rows", t->name, TABLE_MAX_ROWS);
    t->rule[t->n_rows++] = rule;
    t->filled = 0;
}

/* Returns the next cell of the current row, or dies if the row is already full. */
static table_cell *next_cell(table *t)
{
    if (!t->n_rows || t->filled == t->n_cols) nutl_die("%s: row %d has too many cells", t->name, t->n_rows);
    return &t->cell[t->n_rows - 1][t->filled++];
}

void table_text(table *t, const char *fmt, ...)
{
    table_cell *c = next_cell(t);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->text, sizeof c->text, fmt, ap);
    va_end(ap);
}

void table_label(table *t, const char *tsv, const char *fmt, ...)
{
    table_cell *c = next_cell(t);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->text, sizeof c->text, fmt, ap);
    va_end(ap);
    snprintf(c->tsv, sizeof c->tsv, "%s", tsv);
}

void table_value(table *t, double value)
{
    table_cell *c = next_cell(t);
    c->value = value;
    c->dash = isnan(value);
}

void table_mean_sd_err(table *t, double mean, double sd, double err)
{
    table_cell *c = next_cell(t);
    c->value = mean;
    c->sd = sd;
    c->err = err;
    c->dash = isnan(mean);
}

void table_mean_err(table *t, double mean, double err)
{
    table_mean_sd_err(t, mean, NAN, err);
}

void table_dash(table *t)
{
    next_cell(t)->dash = 1;
}

/* UTF-8 symbols and the LaTeX that shows them; other characters special to LaTeX are escaped. */
static const char *const tex_map[][2] = {
    {"±", "$\\pm$"}, {"ν_μ", "$\\nu_\\mu$"}, {"ν_e", "$\\nu_e$"}, {"σ", "$\\sigma$"}, {"—", "--"},
    {"−", "$-$"}, {"_", "\\_"}, {"%", "\\%"}, {"&", "\\&"}, {"#", "\\#"}, {"~", "\\~{}"},
};

/* Writes text to f as LaTeX. */
static void put_tex(FILE *f, const char *text)
{
    while (*text) {
        size_t i, n = sizeof tex_map / sizeof tex_map[0];
        for (i = 0; i < n && strncmp(text, tex_map[i][0], strlen(tex_map[i][0])); i++) continue;
        if (i < n) {
            fputs(tex_map[i][1], f);
            text += strlen(tex_map[i][0]);
        } else {
            fputc(*text++, f);
        }
    }
}

enum format { MD, TEX, TSV };

/* Writes prefix and v with the given significant digits, or NA when v is NaN. */
static void put_tsv_number(FILE *f, const char *prefix, double v, int digits)
{
    if (isnan(v)) fprintf(f, "%sNA", prefix);
    else fprintf(f, "%s%.*g", prefix, digits, v);
}

/* Writes cell c of column j in the given format. */
static void put_cell(FILE *f, const table *t, int j, const table_cell *c, enum format fmt)
{
    int d = t->digits[j];
    if (t->kind[j] == TABLE_TEXT) {
        if (fmt == TEX) put_tex(f, c->text);
        else fputs(fmt == TSV && *c->tsv ? c->tsv : c->text, f);
    } else if (fmt == TSV) {
        put_tsv_number(f, "", c->dash ? NAN : c->value, t->kind[j] == TABLE_INT ? 15 : 6);
        if (t->kind[j] == TABLE_MEAN_SD_ERR) put_tsv_number(f, "\t", c->dash ? NAN : c->sd, 6);
        if (t->kind[j] >= TABLE_MEAN_ERR) put_tsv_number(f, "\t", c->dash ? NAN : c->err, 6);
    } else if (c->dash) {
        fputs(fmt == TEX ? "--" : "—", f);
    } else if (t->kind[j] == TABLE_INT) {
        fprintf(f, "%.0f", c->value);
    } else if (t->kind[j] == TABLE_NUM) {
        fprintf(f, fmt == TEX ? "$%.*f$" : "%.*f", d, c->value);
    } else if (isnan(c->err)) {
        fprintf(f, fmt == TEX ? "$%.*f \\pm$ n/a" : "%.*f ± n/a", d, c->value);
    } else {
        fprintf(f, fmt == TEX ? "$%.*f \\pm %.*f$" : "%.*f ± %.*f", d, c->value, d, c->err);
    }
}

/* Writes every row, cells separated by sep and rows ended by end. */
static void put_rows(FILE *f, const table *t, enum format fmt, const char *start, const char *sep,
                     const char *end)
{
    for (int i = 0; i < t->n_rows; i++) {
        if (fmt == TEX && t->rule[i]) fputs("\\midrule\n", f);
        fputs(start, f);
        for (int j = 0; j < t->n_cols; j++) {
            if (j) fputs(sep, f);
            put_cell(f, t, j, &t->cell[i][j], fmt);
        }
        fputs(end, f);
    }
}

/* Writes the Markdown: caption, provenance lines, the table, notes as a list. */
static void write_md(FILE *f, const table *t)
{
    fprintf(f, "%s\n\n", t->caption);
    for (int i = 0; i < t->meta.n; i++) fprintf(f, "%s  \n", t->meta.line[i]);
    fputs("\n|", f);
    for (int j = 0; j < t->n_cols; j++) fprintf(f, " %s |", t->head[j]);
    fputs("\n|", f);
    for (int j = 0; j < t->n_cols; j++) fputs(t->kind[j] == TABLE_TEXT ? "---|" : "---:|", f);
    fputs("\n", f);
    put_rows(f, t, MD, "| ", " | ", " |\n");
    if (t->notes.n) fputs("\n", f);
    for (int i = 0; i < t->notes.n; i++) fprintf(f, "- %s\n", t->notes.line[i]);
}

/* Writes a LaTeX table float: caption, booktabs tabular, provenance and notes in small print. */
static void write_tex(FILE *f, const table *t)
{
    fputs("% Written by nutl-analyse; needs \\usepackage{booktabs}.\n\\begin{table}[htbp]\n\\centering\n"
          "\\caption{", f);
    put_tex(f, t->caption);
    fprintf(f, "}\n\\label{tab:%s}\n\\begin{tabular}{", t->name);
    for (int j = 0; j < t->n_cols; j++) fputc(t->kind[j] == TABLE_TEXT ? 'l' : 'r', f);
    fputs("}\n\\toprule\n", f);
    for (int j = 0; j < t->n_cols; j++) {
        if (j) fputs(" & ", f);
        put_tex(f, t->head[j]);
    }
    fputs(" \\\\\n\\midrule\n", f);
    put_rows(f, t, TEX, "", " & ", " \\\\\n");
    fputs("\\bottomrule\n\\end{tabular}\n\n\\smallskip\\footnotesize\n", f);
    for (int i = 0; i < t->meta.n + t->notes.n; i++) {
        put_tex(f, i < t->meta.n ? t->meta.line[i] : t->notes.line[i - t->meta.n]);
        fputs("\\\\\n", f);
    }
    fputs("\\end{table}\n", f);
}

/* Writes the TSV: caption, provenance and notes as # lines, a header of keys, one line per row. */
static void write_tsv(FILE *f, const table *t)
{
    fprintf(f, "# %s\n", t->caption);
    for (int i = 0; i < t->meta.n; i++) fprintf(f, "# %s\n", t->meta.line[i]);
    for (int i = 0; i < t->notes.n; i++) fprintf(f, "# %s\n", t->notes.line[i]);
    for (int j = 0; j < t->n_cols; j++) {
        if (j) fputc('\t', f);
        fputs(t->key[j], f);
        if (t->kind[j] >= TABLE_MEAN_ERR) fprintf(f, "_mean");
        if (t->kind[j] == TABLE_MEAN_SD_ERR) fprintf(f, "\t%s_sd", t->key[j]);
        if (t->kind[j] >= TABLE_MEAN_ERR) fprintf(f, "\t%s_err", t->key[j]);
    }
    fputc('\n', f);
    put_rows(f, t, TSV, "", "\t", "\n");
}

void table_write(const table *t, const char *dir)
{
    static void (*const writer[])(FILE *, const table *) = {write_md, write_tex, write_tsv};
    static const char *const ext[] = {"md", "tex", "tsv"};
    for (int i = 0; i < 3; i++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/%s.%s", dir, t->name, ext[i]);
        FILE *f = atomic_open(path);
        writer[i](f, t);
        atomic_commit(f, path);
    }
}

void table_free(table *t)
{
    for (int i = 0; i < t->meta.n; i++) free(t->meta.line[i]);
    for (int i = 0; i < t->notes.n; i++) free(t->notes.line[i]);
    free(t->meta.line);
    free(t->notes.line);
    free(t);
}
