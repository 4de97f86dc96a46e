#include "core/grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/seed.h"
#include "core/util.h"

char *grid_cell_name(char *buf, size_t len, const char *init, const char *scheme, long train_images,
                     long member)
{
    snprintf(buf, len, "%s-%s-n%ld-m%ld", init, scheme, train_images, member);
    return buf;
}

uint64_t grid_cell_seed(uint64_t base, const char *cell_name)
{
    return seed_derive(base, cell_name);
}

uint64_t grid_base_seed(const char *name)
{
    if (!strcmp(name, "none")) return 0;
    char path[NUTL_PATH_MAX];
    static protocol p;
    protocol_load(&p, grid_conf_path(path, sizeof path, name));
    return (uint64_t)protocol_get_long(&p, "seed");
}

char *grid_conf_path(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "cfg/protocols/%s.conf", name);
    return buf;
}

/* Appends the members of cell (init, scheme, train_images) to g. */
static void add_cell(grid *g, const char *init, const char *scheme, long train_images)
{
    uint64_t base = (uint64_t)protocol_get_long(&g->conf, "seed");
    for (long m = 1; m <= g->members; m++) {
        grid_cell *c = &g->cells[g->n_cells++];
        c->init = init;
        c->scheme = scheme;
        c->train_images = train_images;
        c->member = m;
        grid_cell_name(c->name, sizeof c->name, init, scheme, train_images, m);
        c->seed = grid_cell_seed(base, c->name);
    }
}

void grid_load(grid *g, const char *name, const char *conf_path)
{
    char path[NUTL_PATH_MAX];
    memset(g, 0, sizeof *g);
    if (strlen(name) >= sizeof g->name || !*name || strchr(name, '/'))
        nutl_die("protocol '%s': not a preset name (cfg/protocols/NAME.conf)", name);
    strcpy(g->name, name);
    if (conf_path) snprintf(path, sizeof path, "%s", conf_path);
    else grid_conf_path(path, sizeof path, name);
    protocol_load(&g->conf, path);
    g->n_sizes = protocol_get_longs(&g->conf, "train_sizes", g->sizes, GRID_MAX_SIZES);
    g->members = protocol_get_long(&g->conf, "members");
    if (g->n_sizes < 1 || g->members < 1) nutl_die("%s: train_sizes and members must be set", path);
    for (int i = 0; i < g->n_sizes; i++)
        if (g->sizes[i] < 1 || (i && g->sizes[i] <= g->sizes[i - 1]))
            nutl_die("%s: train_sizes must be positive and ascending", path);
    char list[1024], *save;
    snprintf(list, sizeof list, "%s", protocol_get(&g->conf, "schemes_at_largest"));
    for (char *tok = strtok_r(list, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        int seen = 0;
        for (int i = 0; i < g->n_schemes; i++) seen |= !strcmp(g->schemes[i], tok);
        if (seen) continue;
        if (g->n_schemes == GRID_MAX_SCHEMES || strlen(tok) >= sizeof g->schemes[0])
            nutl_die("%s: schemes_at_largest: too many schemes or a name too long", path);
        strcpy(g->schemes[g->n_schemes++], tok);
    }
    g->cells = nutl_calloc((size_t)g->members * (2 * g->n_sizes + g->n_schemes) * sizeof *g->cells, "grid cells");
    for (int i = 0; i < g->n_sizes; i++) add_cell(g, "kaiming", "all", g->sizes[i]);
    for (int i = 0; i < g->n_sizes; i++) add_cell(g, "pretrained", "all", g->sizes[i]);
    for (int k = 0; k < g->n_schemes; k++)
        if (strcmp(g->schemes[k], "all")) add_cell(g, "pretrained", g->schemes[k], g->sizes[g->n_sizes - 1]);
}

void grid_free(grid *g)
{
    free(g->cells);
    g->cells = NULL;
    g->n_cells = 0;
}
