#include "difficulty/truth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "sim/dataset.h"

#define LINE_MAX_BYTES 8192

/* Opens the split's truth.tsv (its path in path) and returns it with the header line in header. */
static FILE *open_truth(const char *dir, char *path, char *header)
{
    path_join(path, dir, DATASET_TRUTH_FILE);
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    if (!fgets(header, LINE_MAX_BYTES, f)) nutl_die("%s: empty", path);
    return f;
}

/* Returns the index of column name in the tab-separated header line, or -1. */
static int column_index(const char *header, const char *name)
{
    int k = 0;
    size_t len = strlen(name);
    for (const char *p = header; *p; k++) {
        size_t w = strcspn(p, "\t\n");
        if (w == len && !strncmp(p, name, len)) return k;
        p += w;
        if (*p) p++;
        if (*p == '\n' || !*p) break;
    }
    return -1;
}

int truth_has_column(const char *dir, const char *name)
{
    char path[NUTL_PATH_MAX], header[LINE_MAX_BYTES];
    FILE *f = open_truth(dir, path, header);
    fclose(f);
    return column_index(header, name) >= 0;
}

void truth_column(const char *dir, const char *name, int n, double *out)
{
    char path[NUTL_PATH_MAX], line[LINE_MAX_BYTES];
    FILE *f = open_truth(dir, path, line);
    int col = column_index(line, name);
    if (col < 0) nutl_die("%s: no column '%s' in the header", path, name);
    for (int i = 0; i < n; i++) {
        if (!fgets(line, sizeof line, f)) nutl_die("%s: truncated at line %d", path, i + 2);
        char *save, *tok = strtok_r(line, "\t\n", &save);
        for (int k = 0; tok && k < col; k++) tok = strtok_r(NULL, "\t\n", &save);
        if (!tok || !util_parse_double(tok, &out[i]))
            nutl_die("%s: line %d: column '%s' is missing or not a number", path, i + 2, name);
    }
    fclose(f);
}

void truth_column_or_nan(const char *dir, const char *name, int n, double *out)
{
    if (truth_has_column(dir, name)) {
        truth_column(dir, name, n, out);
        return;
    }
    for (int i = 0; i < n; i++) out[i] = NAN;
}
