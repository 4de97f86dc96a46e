#include "nn/netdiagram.h"

#include <stdio.h>
#include <string.h>

#include "core/util.h"

/* Layout, in plot units: a column per group; in it the main path, and a side lane for the shortcuts. */
#define COLUMN_STEP 4.3
#define SIDE_LANE 1.95
#define BOX_HALF_WIDTH 0.85
#define ADD_HALF_WIDTH 0.2  /* the boxes of additions are narrow */
#define TEXT_HALF_WIDTH 0.75/* a column's entry is a shape without a box */
#define BOX_HALF_HEIGHT 0.34
#define ROW_STEP 1.0

/* A diagram_box of the drawing: a layer, or (layer -1) the tensor entering a column. */
typedef struct {
    int layer, group, side;
    double x, y, half_width;
    char kind[16], op[64], shape[48];
} diagram_box;

typedef struct {
    const netcfg *c;
    diagram_box boxes[NETCFG_MAX_LAYERS + N_GROUPS];
    int n;
    int box_of[NETCFG_MAX_LAYERS]; /* diagram_box of each layer (a route: the diagram_box of its source) */
    int entry[N_GROUPS];           /* diagram_box of the tensor entering each group's column, or -1 */
    FILE *edges;
} diagram;

/* Returns the x of the main path of group g's column. */
static double column_x(int g)
{
    return g * COLUMN_STEP;
}

/* Writes the shape "C×H×W" (or "N" for a vector) of an output into buf. */
static void shape_text(char *buf, size_t len, int c, int h, int w)
{
    if (h == 1 && w == 1) snprintf(buf, len, "%d", c);
    else snprintf(buf, len, "%d×%d×%d", c, h, w);
}

/* Fills b's kind and operation from layer l; returns 0 for a kind the drawing does not know. */
static int describe(diagram_box *b, const layer *l)
{
    const char *stride = "";
    char buf[16];
    if (l->stride > 1) snprintf(buf, sizeof buf, "/%d", l->stride), stride = buf;
    switch (l->type) {
    case CONVOLUTIONAL:
        snprintf(b->kind, sizeof b->kind, "conv");
        snprintf(b->op, sizeof b->op, "conv %d×%d%s, %d", l->size, l->size, stride, l->n);
        return 1;
    case MAXPOOL:
        snprintf(b->kind, sizeof b->kind, "pool");
        snprintf(b->op, sizeof b->op, "max-pool %d×%d%s", l->size, l->size, stride);
        return 1;
    case AVGPOOL:
        snprintf(b->kind, sizeof b->kind, "pool");
        snprintf(b->op, sizeof b->op, "average pool");
        return 1;
    case SHORTCUT:
        snprintf(b->kind, sizeof b->kind, "add");
        snprintf(b->op, sizeof b->op, "+");
        return 1;
    case CONNECTED:
        snprintf(b->kind, sizeof b->kind, "fc");
        snprintf(b->op, sizeof b->op, "fc %d→%d", l->inputs, l->outputs);
        return 1;
    case SOFTMAX:
        snprintf(b->kind, sizeof b->kind, "fc");
        snprintf(b->op, sizeof b->op, "softmax");
        return 1;
    default:
        return 0;
    }
}

/* Writes one arrow segment; head marks the segment that ends at the diagram_box it points to. */
static void segment(diagram *d, double x1, double y1, double x2, double y2, int head)
{
    fprintf(d->edges, "%.3f\t%.3f\t%.3f\t%.3f\t%d\n", x1, y1, x2, y2, head);
}

/* Draws the arrow from diagram_box a to diagram_box b: straight down the main path between neighbours, otherwise
   out to the side lane, along it, and in. */
static void arrow(diagram *d, const diagram_box *a, const diagram_box *b)
{
    double side = column_x(b->group) + SIDE_LANE;
    if (a->group != b->group) { /* down out of a's column, across the gap, up and into b from the left */
        double gap_x = column_x(b->group) - (COLUMN_STEP - SIDE_LANE) / 2, below = a->y - 2 * BOX_HALF_HEIGHT;
        segment(d, a->x, a->y - BOX_HALF_HEIGHT, a->x, below, 0);
        segment(d, a->x, below, gap_x, below, 0);
        segment(d, gap_x, below, gap_x, b->y, 0);
        segment(d, gap_x, b->y, b->x - b->half_width, b->y, 1);
    } else if (a->side == b->side && a->y - b->y <= ROW_STEP + 1e-9) {
        segment(d, a->x, a->y - BOX_HALF_HEIGHT, b->x, b->y + BOX_HALF_HEIGHT, 1);
    } else if (b->side) {
        segment(d, a->x + a->half_width, a->y, side, a->y, 0);
        segment(d, side, a->y, side, b->y + BOX_HALF_HEIGHT, 1);
    } else {
        double from_y = a->side ? a->y - BOX_HALF_HEIGHT : a->y;
        if (!a->side) segment(d, a->x + a->half_width, a->y, side, a->y, 0);
        segment(d, side, from_y, side, b->y, 0);
        segment(d, side, b->y, b->x + b->half_width, b->y, 1);
    }
}

/* Returns the diagram_box of group g's column entry (the tensor of layer source, -1: the network's input),
   adding it below the column's title and drawing the arrow from where it comes from. */
static int column_entry(diagram *d, const network *net, int g, int source)
{
    if (d->entry[g] >= 0) return d->entry[g];
    diagram_box *b = &d->boxes[d->n];
    *b = (diagram_box){.layer = -1, .group = g, .x = column_x(g), .y = 0, .half_width = TEXT_HALF_WIDTH};
    snprintf(b->kind, sizeof b->kind, "input");
    snprintf(b->op, sizeof b->op, "%s", source < 0 ? "input" : "");
    if (source < 0) shape_text(b->shape, sizeof b->shape, net->c, net->h, net->w);
    else shape_text(b->shape, sizeof b->shape, net->layers[source].out_c, net->layers[source].out_h,
                    net->layers[source].out_w);
    if (source >= 0) arrow(d, &d->boxes[d->box_of[source]], b);
    return d->entry[g] = d->n++;
}

/* Returns the diagram_box that layer i reads from when its input is layer source (-1: the network's input):
   the source's own diagram_box in the same column, else the column's entry. */
static int input_box(diagram *d, const network *net, int i, int source)
{
    int g = d->c->group[i];
    if (source >= 0 && d->boxes[d->box_of[source]].group == g) return d->box_of[source];
    return column_entry(d, net, g, source);
}

/* Adds the diagram_box of layer i (not a route) below the last one of its column, or beside it in the side lane
   when its input came through a route; draws the arrows from its inputs. */
static void add_layer(diagram *d, const network *net, int i, int *rows, int *after_route)
{
    const layer *l = &net->layers[i];
    int g = d->c->group[i], from = i - 1;
    if (i > 0 && net->layers[i - 1].type == ROUTE) from = net->layers[i - 1].input_layers[0];
    int in = input_box(d, net, i, from);
    diagram_box *b = &d->boxes[d->n];
    *b = (diagram_box){.layer = i, .group = g, .side = *after_route && l->type != SHORTCUT};
    if (!describe(b, l)) nutl_die("%s: layer %d: no drawing for this kind of layer", d->c->path, i);
    b->half_width = l->type == SHORTCUT ? ADD_HALF_WIDTH : BOX_HALF_WIDTH;
    if (l->out_c) shape_text(b->shape, sizeof b->shape, l->out_c, l->out_h, l->out_w);
    else shape_text(b->shape, sizeof b->shape, l->outputs, 1, 1); /* softmax: Darknet sets outputs only */
    if (!b->side) rows[g]++;
    b->x = column_x(g) + (b->side ? SIDE_LANE : 0);
    b->y = -rows[g] * ROW_STEP;
    d->box_of[i] = d->n++;
    arrow(d, &d->boxes[in], b);
    if (l->type == SHORTCUT) {
        if (l->index >= i) nutl_die("%s: layer %d: shortcut from a later layer", d->c->path, i);
        arrow(d, &d->boxes[input_box(d, net, i, l->index)], b);
    }
    *after_route = b->side;
}

/* Writes the column frames and titles ("Layer 1", ...) around the boxes of each group. */
static void write_groups(const diagram *d, const char *path)
{
    static const char *const titles[N_GROUPS] = {"Stem", "Layer 1", "Layer 2", "Layer 3", "Layer 4", "Classifier"};
    FILE *f = atomic_open(path);
    fprintf(f, "x_low\tx_high\ty_low\ty_high\tgroup\ttitle\n");
    for (int g = 0; g < N_GROUPS; g++) {
        double low = 0;
        int any = 0;
        for (int k = 0; k < d->n; k++)
            if (d->boxes[k].group == g) any = 1, low = d->boxes[k].y < low ? d->boxes[k].y : low;
        if (any)
            fprintf(f, "%.3f\t%.3f\t%.3f\t%.3f\t%s\t\"%s\"\n", column_x(g) - BOX_HALF_WIDTH - 0.15,
                    column_x(g) + SIDE_LANE + BOX_HALF_WIDTH + 0.15, low - BOX_HALF_HEIGHT - 0.2,
                    BOX_HALF_HEIGHT + 0.75, group_name(g), titles[g]);
    }
    atomic_commit(f, path);
}

/* Writes the boxes. */
static void write_nodes(const diagram *d, const char *path)
{
    FILE *f = atomic_open(path);
    fprintf(f, "x\ty\thalf_width\thalf_height\tkind\tlayer\top\tshape\n");
    for (int k = 0; k < d->n; k++) {
        const diagram_box *b = &d->boxes[k];
        fprintf(f, "%.3f\t%.3f\t%.3f\t%.3f\t%s\t%d\t\"%s\"\t\"%s\"\n", b->x, b->y, b->half_width, BOX_HALF_HEIGHT,
                b->kind, b->layer, b->op, b->shape);
    }
    atomic_commit(f, path);
}

int netdiagram_write(const network *net, const netcfg *c, const char *dir)
{
    static diagram d;
    char path[NUTL_PATH_MAX];
    int rows[N_GROUPS] = {0}, after_route = 0;
    d = (diagram){.c = c};
    memset(d.entry, -1, sizeof d.entry);
    path_join(path, dir, "fig2-edges.dat");
    d.edges = atomic_open(path);
    fprintf(d.edges, "x1\ty1\tx2\ty2\thead\n");
    for (int i = 0; i < net->n; i++) {
        if (net->layers[i].type == ROUTE) {
            if (net->layers[i].n != 1 || net->layers[i].input_layers[0] >= i)
                nutl_die("%s: layer %d: only a route to one earlier layer can be drawn", c->path, i);
            d.box_of[i] = d.box_of[net->layers[i].input_layers[0]];
            after_route = 1;
            continue;
        }
        add_layer(&d, net, i, rows, &after_route);
    }
    atomic_commit(d.edges, path);
    path_join(path, dir, "fig2-nodes.dat");
    write_nodes(&d, path);
    path_join(path, dir, "fig2-groups.dat");
    write_groups(&d, path);
    return d.n;
}
