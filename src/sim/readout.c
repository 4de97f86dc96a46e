#include "sim/readout.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "sim/sim_constants.h"

double readout_wire(int view, double y, double z)
{
    /* Constant arguments: the compiler folds these. */
    double c = cos(VIEW_ANGLE_DEG * M_PI / 180), s = sin(VIEW_ANGLE_DEG * M_PI / 180);
    return view == VIEW_U ? z * c + y * s : view == VIEW_V ? z * c - y * s : z;
}

int readout_window(double centre)
{
    return (int)floor(centre / PIXEL_CM) - IMAGE_PIXELS / 2;
}

/* Returns the first pixel of a window of IMAGE_PIXELS centred on centre, moved to keep pixel v at least
   CROP_VERTEX_MARGIN pixels from either edge. */
static int window(double centre, double v)
{
    int start = readout_window(centre), vp = (int)floor(v / PIXEL_CM);
    int lo = vp - (IMAGE_PIXELS - 1 - CROP_VERTEX_MARGIN), hi = vp - CROP_VERTEX_MARGIN;
    return start < lo ? lo : start > hi ? hi : start;
}

void readout_crop(const deposit *dep, int n, const double vertex[3], crop *c)
{
    double sum = 0, x = 0, w[N_VIEWS] = {0};
    for (int i = 0; i < n; i++) {
        sum += dep[i].e;
        x += dep[i].e * dep[i].x;
        for (int v = 0; v < N_VIEWS; v++) w[v] += dep[i].e * readout_wire(v, dep[i].y, dep[i].z);
    }
    c->drift0 = window(sum > 0 ? x / sum : vertex[0], vertex[0]);
    for (int v = 0; v < N_VIEWS; v++) {
        double vw = readout_wire(v, vertex[1], vertex[2]);
        c->wire0[v] = window(sum > 0 ? w[v] / sum : vw, vw);
    }
}

/* The grid being filled: a window of rows x cols cells per view starting at cell (drift0, wire0[v]) of
   the detector's grid, summed in k x k blocks into planes of side x side. */
typedef struct {
    int drift0, wire0[N_VIEWS], rows, cols, k, side;
    float *image;
    double inside;
    int box[N_VIEWS][4]; /* the painted cells of each view: first and last row, first and last column */
} canvas;

/* Widens box b (first and last row, first and last column) to hold (row, col). */
static void box_widen(int b[4], int row, int col)
{
    if (row < b[0]) b[0] = row;
    if (row > b[1]) b[1] = row;
    if (col < b[2]) b[2] = col;
    if (col > b[3]) b[3] = col;
}

/* Adds e to cell (row, col) of view v, on the detector's grid, if it lies inside the window. */
static void paint(canvas *cv, int v, int row, int col, double e)
{
    row -= cv->drift0;
    col -= cv->wire0[v];
    if (row < 0 || row >= cv->rows || col < 0 || col >= cv->cols) return;
    cv->image[(v * cv->side + row / cv->k) * cv->side + col / cv->k] += (float)e;
    cv->inside += e;
    box_widen(cv->box[v], row, col);
}

int readout_crossings(double a, double b, double *t)
{
    int n = 0, lo = (int)floor(fmin(a, b)) + 1, hi = (int)ceil(fmax(a, b)) - 1;
    if (b > a) for (int m = lo; m <= hi; m++) t[n++] = (m - a) / (b - a);
    else for (int m = hi; m >= lo; m--) t[n++] = (m - a) / (b - a);
    return n;
}

#define SEGMENT_MAX_CROSSINGS 64

/* Spreads e uniformly along the segment from (r0, c0) to (r1, c1) in pixel units of view v: each pixel
   gets e times the fraction of the segment inside it (the projection keeps length fractions). */
static void paint_segment(canvas *cv, int v, double r0, double c0, double r1, double c1, double e)
{
    if (fabs(r1 - r0) + fabs(c1 - c0) > SEGMENT_MAX_CROSSINGS / 2 - 2) { /* long: halve it */
        double rm = 0.5 * (r0 + r1), cm = 0.5 * (c0 + c1);
        paint_segment(cv, v, r0, c0, rm, cm, 0.5 * e);
        paint_segment(cv, v, rm, cm, r1, c1, 0.5 * e);
        return;
    }
    double tr[SEGMENT_MAX_CROSSINGS], tc[SEGMENT_MAX_CROSSINGS], t[SEGMENT_MAX_CROSSINGS + 2];
    int nr = readout_crossings(r0, r1, tr), nc = readout_crossings(c0, c1, tc), n = 1, i = 0, j = 0;
    t[0] = 0;
    while (i < nr || j < nc) t[n++] = j >= nc || (i < nr && tr[i] < tc[j]) ? tr[i++] : tc[j++]; /* merge */
    t[n++] = 1;
    for (int j = 0; j + 1 < n; j++) {
        double dt = t[j + 1] - t[j], tm = 0.5 * (t[j] + t[j + 1]);
        if (dt > 0) paint(cv, v, (int)floor(r0 + tm * (r1 - r0)), (int)floor(c0 + tm * (c1 - c0)), e * dt);
    }
}

/* Paints the n deposits into cv's cells of drift_cm x wire_cm[v]; returns the energy inside the window
   summed over the views divided by N_VIEWS. */
static double paint_deposits(canvas *cv, const deposit *dep, int n, double drift_cm, const double wire_cm[N_VIEWS])
{
    memset(cv->image, 0, sizeof *cv->image * N_VIEWS * cv->side * cv->side);
    for (int v = 0; v < N_VIEWS; v++) cv->box[v][0] = cv->box[v][2] = INT_MAX, cv->box[v][1] = cv->box[v][3] = -1;
    for (int i = 0; i < n; i++) {
        const deposit *d = &dep[i];
        double x0 = (d->x - d->hx) / drift_cm, x1 = (d->x + d->hx) / drift_cm;
        for (int v = 0; v < N_VIEWS; v++) {
            double w0 = readout_wire(v, d->y - d->hy, d->z - d->hz) / wire_cm[v];
            double w1 = readout_wire(v, d->y + d->hy, d->z + d->hz) / wire_cm[v];
            paint_segment(cv, v, x0, w0, x1, w1, d->e);
        }
    }
    return cv->inside / N_VIEWS;
}

double readout_image(const deposit *dep, int n, const crop *c, int k, float *image)
{
    canvas cv = {c->drift0, {c->wire0[0], c->wire0[1], c->wire0[2]}, IMAGE_PIXELS, IMAGE_PIXELS, k, IMAGE_PIXELS / k, image, 0, {{0}}};
    const double pixel[N_VIEWS] = {PIXEL_CM, PIXEL_CM, PIXEL_CM};
    return paint_deposits(&cv, dep, n, PIXEL_CM, pixel);
}

void readout_cell_grid(const crop *c, cell_grid *g)
{
    double finest = fmin(g->wire_cm[0], fmin(g->wire_cm[1], g->wire_cm[2]));
    g->drift0 = (int)floor(c->drift0 * PIXEL_CM / g->drift_cm);
    g->rows = (int)ceil(IMAGE_PIXELS * PIXEL_CM / g->drift_cm) + 1;
    g->cols = (int)ceil(IMAGE_PIXELS * PIXEL_CM / finest) + 1;
    g->side = g->rows > g->cols ? g->rows : g->cols;
    for (int v = 0; v < N_VIEWS; v++) g->wire0[v] = (int)floor(c->wire0[v] * PIXEL_CM / g->wire_cm[v]);
}

double readout_cells(const deposit *dep, int n, cell_grid *g, float *cells)
{
    canvas cv = {g->drift0, {g->wire0[0], g->wire0[1], g->wire0[2]}, g->rows, g->cols, 1, g->side, cells, 0, {{0}}};
    double inside = paint_deposits(&cv, dep, n, g->drift_cm, g->wire_cm);
    memcpy(g->box, cv.box, sizeof g->box);
    return inside;
}

void readout_box_add(cell_grid *g, int v, int row, int col)
{
    box_widen(g->box[v], row, col);
}

int readout_centre_pixel(int k, double size)
{
    return (int)floor((k + 0.5) * size / PIXEL_CM);
}

void readout_cells_rebin(const float *cells, const cell_grid *g, const crop *c, float *fine)
{
    int side = g->side, col_of[side];
    memset(fine, 0, sizeof *fine * N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS);
    for (int v = 0; v < N_VIEWS; v++) {
        const int *b = g->box[v];
        for (int j = b[2]; j <= b[3]; j++) col_of[j] = readout_centre_pixel(g->wire0[v] + j, g->wire_cm[v]) - c->wire0[v];
        for (int i = b[0]; i <= b[1]; i++) {
            int row = readout_centre_pixel(g->drift0 + i, g->drift_cm) - c->drift0;
            if (row < 0 || row >= IMAGE_PIXELS) continue;
            const float *in = cells + ((size_t)v * side + i) * side;
            float *out = fine + ((size_t)v * IMAGE_PIXELS + row) * IMAGE_PIXELS;
            for (int j = b[2]; j <= b[3]; j++)
                if (in[j] != 0 && col_of[j] >= 0 && col_of[j] < IMAGE_PIXELS) out[col_of[j]] += in[j];
        }
    }
}

void readout_block_sum(const float *fine, int k, float *image)
{
    int side = IMAGE_PIXELS / k;
    if (k == 1) {
        memcpy(image, fine, sizeof *image * N_VIEWS * IMAGE_PIXELS * IMAGE_PIXELS);
        return;
    }
    memset(image, 0, sizeof *image * N_VIEWS * side * side);
    for (int v = 0; v < N_VIEWS; v++)
        for (int row = 0; row < IMAGE_PIXELS; row++) {
            const float *in = fine + ((size_t)v * IMAGE_PIXELS + row) * IMAGE_PIXELS;
            float *out = image + ((size_t)v * side + row / k) * side;
            for (int b = 0; b < side; b++)
                for (int t = 0; t < k; t++) out[b] += in[b * k + t];
        }
}
