#include "paper.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/classes.h"
#include "core/util.h"

/* Returns the open file dir/name, or dies naming it. */
static FILE *open_data(const char *dir, const char *name, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read the paper's values: %s", path, strerror(errno));
    return f;
}

/* Reads "table init scheme train_images f1_mean f1_err" lines. */
static void load_f1(paper_ref *p, const char *dir)
{
    char path[1100], line[512];
    FILE *f = open_data(dir, "paper-values.tsv", path, sizeof path);
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        if (line[0] == '#' || line[0] == '\n') continue;
        paper_f1 *v = &p->f1[p->n_f1];
        char table[32];
        if (p->n_f1 == PAPER_MAX_F1 ||
            sscanf(line, "%31s %31s %31s %ld %lf %lf", table, v->init, v->scheme, &v->train_images,
                   &v->mean, &v->err) != 6)
            nutl_die("%s:%d: expected table, init, scheme, train_images, f1_mean, f1_err", path, lineno);
        p->n_f1++;
    }
    fclose(f);
}

/* Reads "init true pred_numu_cc pred_nue_cc pred_nc" lines, three per init. */
static void load_confusion(paper_ref *p, const char *dir)
{
    char path[1100], line[512];
    int filled[2] = {0, 0};
    FILE *f = open_data(dir, "confusion-table3.tsv", path, sizeof path);
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char init[32], true_class[32];
        long a, b, c;
        int which = -1, row = -1;
        if (sscanf(line, "%31s %31s %ld %ld %ld", init, true_class, &a, &b, &c) == 5) {
            which = !strcmp(init, "kaiming") ? 0 : !strcmp(init, "pretrained") ? 1 : -1;
            row = class_parse(true_class);
        }
        if (which < 0 || row < 0) nutl_die("%s:%d: expected init, true class and 3 counts", path, lineno);
        long *m = p->table3[which].counts[row];
        m[0] = a, m[1] = b, m[2] = c;
        filled[which] |= 1 << row;
    }
    fclose(f);
    if (filled[0] != 7 || filled[1] != 7) nutl_die("%s: needs all 3 rows of both matrices", path);
}

void paper_load(paper_ref *p, const char *dir)
{
    memset(p, 0, sizeof *p);
    load_f1(p, dir);
    load_confusion(p, dir);
}

const paper_f1 *paper_find(const paper_ref *p, const char *init, const char *scheme, long train_images)
{
    for (int i = 0; i < p->n_f1; i++)
        if (p->f1[i].train_images == train_images && !strcmp(p->f1[i].init, init) &&
            !strcmp(p->f1[i].scheme, scheme))
            return &p->f1[i];
    return NULL;
}

const confusion *paper_confusion(const paper_ref *p, const char *init)
{
    return !strcmp(init, "kaiming") ? &p->table3[0] : !strcmp(init, "pretrained") ? &p->table3[1] : NULL;
}
