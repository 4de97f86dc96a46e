#include "study.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

const study_cell *study_find(const study *s, const char *init, const char *scheme, long train_images)
{
    for (int i = 0; i < s->n_cells; i++) {
        const study_cell *c = &s->cells[i];
        if (c->train_images == train_images && !strcmp(c->init, init) && !strcmp(c->scheme, scheme))
            return c;
    }
    return NULL;
}

long study_size(const study *s, int rank_from_largest)
{
    return rank_from_largest < s->n_sizes ? s->sizes[s->n_sizes - 1 - rank_from_largest] : 0;
}

/* Appends value to the "; "-separated list in buf unless it is already one of its items. */
static void add_distinct(char *buf, size_t len, const char *value)
{
    size_t n = strlen(value);
    for (const char *p = buf; *p; p += strcspn(p, ";"), p += *p ? 2 : 0)
        if (!strncmp(p, value, n) && (p[n] == ';' || !p[n])) return;
    size_t used = strlen(buf);
    snprintf(buf + used, len - used, "%s%s", used ? "; " : "", value);
}

/* Adds the cell (init, scheme, train_images) to the study. */
static void add_cell(study *s, const char *init, const char *scheme, long train_images)
{
    study_cell *c = &s->cells[s->n_cells];
    snprintf(c->init, sizeof c->init, "%s", init);
    snprintf(c->scheme, sizeof c->scheme, "%s", scheme);
    c->train_images = train_images;
    c->net = (const record **)nutl_calloc(s->members * sizeof *c->net, "cell networks");
    s->n_cells++;
}

/* Reads the preset's grid (src/grid.h): training sizes (ascending), members, schemes at the largest size
   and, from its first members, the cells. */
static void load_grid(study *s, const char *conf_path)
{
    static grid g;
    grid_load(&g, s->name, conf_path);
    s->conf = g.conf;
    memcpy(s->sizes, g.sizes, sizeof s->sizes);
    s->n_sizes = g.n_sizes;
    s->members = g.members;
    memcpy(s->schemes, g.schemes, sizeof s->schemes);
    s->n_schemes = g.n_schemes;
    s->cells = nutl_calloc(g.n_cells * sizeof *s->cells, "cells");
    for (const grid_cell *c = g.cells; c < g.cells + g.n_cells; c++)
        if (c->member == STUDY_FIRST_MEMBER) add_cell(s, c->init, c->scheme, c->train_images);
    grid_free(&g);
}

/* Returns 1 if the record's own keys agree with its folder's cell and the protocol; else sets why. */
static int record_matches(const study *s, const study_cell *c, const record *r, long member, char *why,
                          size_t len)
{
    char said[256], expected[256];
    grid_cell_name(said, sizeof said, r->init, r->scheme, r->train_images, r->member);
    grid_cell_name(expected, sizeof expected, c->init, c->scheme, c->train_images, member);
    if (strcmp(said, expected) || strcmp(r->protocol, s->name)) {
        snprintf(why, len, "%s/result.tsv: its keys say %s of protocol %s, the folder is %s of %s",
                 r->dir, said, r->protocol, expected, s->name);
        return 0;
    }
    return 1;
}

/* Reads the networks of cell c, keeping those with well-formed records. */
static void load_cell(study *s, study_cell *c)
{
    for (long m = STUDY_FIRST_MEMBER; m < STUDY_FIRST_MEMBER + s->members; m++) {
        char name[256], dir[1400], why[4096];
        grid_cell_name(name, sizeof name, c->init, c->scheme, c->train_images, m);
        snprintf(dir, sizeof dir, "%s/%s", s->runs, name);
        record *r = &s->records[s->n_records];
        enum record_status st = record_read(dir, r, why, sizeof why);
        if (st == RECORD_ABSENT) continue;
        if (st == RECORD_MALFORMED || !record_matches(s, c, r, m, why, sizeof why)) {
            fprintf(stderr, "nutl-analyse: %s (skipped)\n", why);
            s->n_skipped++;
            continue;
        }
        c->net[c->n++] = r;
        s->n_records++;
        add_distinct(s->builds, sizeof s->builds, r->build);
        add_distinct(s->datasets, sizeof s->datasets, r->dataset_id);
        add_distinct(s->machines, sizeof s->machines, r->machine_class);
        if (!strcmp(r->init, "pretrained")) {
            add_distinct(s->pretrained, sizeof s->pretrained, r->pretrained_source);
            if (strstr(r->pretrained_source, "stand-in")) s->standin = 1;
        }
    }
}

/* Fills the cell's statistics and best networks from its networks. */
static void summarise_cell(study_cell *c)
{
    double *x = nutl_calloc((c->n ? c->n : 1) * sizeof *x, "cell values");
    for (int i = 0; i < c->n; i++) x[i] = c->net[i]->test_f1;
    c->test_f1 = ensemble_summarise(x, c->n);
    for (int i = 0; i < c->n; i++) x[i] = c->net[i]->val_f1;
    c->val_f1 = ensemble_summarise(x, c->n);
    for (int k = 0; k < N_CLASSES; k++) {
        for (int i = 0; i < c->n; i++) x[i] = c->net[i]->acc[k];
        c->acc[k] = ensemble_summarise(x, c->n);
    }
    free(x);
    for (int i = 0; i < c->n; i++) {
        if (!c->best_test || c->net[i]->test_f1 > c->best_test->test_f1) c->best_test = c->net[i];
        if (!c->best_val || c->net[i]->val_f1 > c->best_val->val_f1) c->best_val = c->net[i];
    }
}

void study_load(study *s, const char *name, const char *conf_path, const char *runs)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    snprintf(s->runs, sizeof s->runs, "%s", runs);
    load_grid(s, conf_path);
    s->records = nutl_calloc(s->n_cells * s->members * sizeof *s->records, "records");
    for (int i = 0; i < s->n_cells; i++) {
        load_cell(s, &s->cells[i]);
        summarise_cell(&s->cells[i]);
    }
}

void study_free(study *s)
{
    for (int i = 0; i < s->n_cells; i++) free(s->cells[i].net);
    free(s->cells);
    free(s->records);
}

int study_missing(const study *s, const study_cell *c, char *buf, size_t len)
{
    int missing = 0, truncated = 0;
    size_t used = 0;
    buf[0] = 0;
    for (long m = STUDY_FIRST_MEMBER, i = 0; m < STUDY_FIRST_MEMBER + s->members; m++) {
        if (i < c->n && c->net[i]->member == m) {
            i++;
            continue;
        }
        char name[256];
        grid_cell_name(name, sizeof name, c->init, c->scheme, c->train_images, m);
        missing++;
        if (!truncated && used + strlen(name) + 5 < len)
            used += snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
        else if (!truncated++)
            snprintf(buf + used, len - used, " ...");
    }
    return missing;
}
