#include "difficulty/features.h"

#include <math.h>
#include <string.h>

const char *feature_name(int f)
{
    static const char *name[N_FEATURES] = {"hits", "energy", "charge_per_hit", "wire_width", "drift_width",
                                           "islands", "largest_span", "soft_fraction", "peak"};
    return name[f];
}

typedef struct {
    int pixels, row_min, row_max, col_min, col_max;
} island;

/* Labels the island of pixel start (label > 0 in lab, 0 = unvisited hit, -1 = empty) by an explicit
   stack (stack: side * side ints, shared with lab's storage order); returns its size and extent. */
static island flood(const float *plane, int side, int *lab, int *stack, int start, int label)
{
    island is = {0, side, -1, side, -1};
    int top = 0;
    stack[top++] = start;
    lab[start] = label;
    while (top > 0) {
        int p = stack[--top], row = p / side, col = p % side;
        is.pixels++;
        if (row < is.row_min) is.row_min = row;
        if (row > is.row_max) is.row_max = row;
        if (col < is.col_min) is.col_min = col;
        if (col > is.col_max) is.col_max = col;
        for (int dr = -1; dr <= 1; dr++)
            for (int dc = -1; dc <= 1; dc++) {
                int r = row + dr, c = col + dc;
                if (r < 0 || r >= side || c < 0 || c >= side) continue;
                int q = r * side + c;
                if (lab[q] == 0 && plane[q] != 0) { lab[q] = label; stack[top++] = q; }
            }
    }
    return is;
}

/* Returns the number of islands of one view and the longest bounding-box side of its largest; lab and
   stack are side * side ints each. */
static int islands_count(const float *plane, int side, int *lab, int *stack, double *largest_span)
{
    int n = side * side, count = 0, best = 0;
    memset(lab, 0, sizeof *lab * (size_t)n);
    *largest_span = 0;
    for (int p = 0; p < n; p++) {
        if (plane[p] == 0 || lab[p]) continue;
        island is = flood(plane, side, lab, stack, p, ++count);
        if (is.pixels > best) {
            best = is.pixels;
            *largest_span = fmax(is.row_max - is.row_min, is.col_max - is.col_min) + 1;
        }
    }
    return count;
}

/* Fills f with one view's features (the per-view quantities of enum feature). */
static void view_features(const float *plane, int side, int *work, double *f)
{
    double hits = 0, e = 0, soft = 0, peak = 0, sr = 0, srr = 0, sc = 0, scc = 0;
    for (int row = 0; row < side; row++)
        for (int col = 0; col < side; col++) {
            double v = plane[row * side + col];
            if (v == 0) continue;
            hits++;
            e += v;
            soft += v < FEATURE_SOFT_MEV;
            peak = fmax(peak, v);
            sr += v * row; srr += v * row * row;
            sc += v * col; scc += v * col * col;
        }
    memset(f, 0, sizeof *f * N_FEATURES);
    if (hits == 0) return;
    f[FEAT_HITS] = hits;
    f[FEAT_ENERGY] = e;
    f[FEAT_CHARGE_PER_HIT] = e / hits;
    f[FEAT_WIRE_WIDTH] = sqrt(fmax(scc / e - (sc / e) * (sc / e), 0));
    f[FEAT_DRIFT_WIDTH] = sqrt(fmax(srr / e - (sr / e) * (sr / e), 0));
    f[FEAT_ISLANDS] = islands_count(plane, side, work, work + side * side, &f[FEAT_LARGEST_SPAN]);
    f[FEAT_SOFT_FRACTION] = soft / hits;
    f[FEAT_PEAK] = peak;
}

void features_compute(const float *image, int side, int *work, event_features *out)
{
    memset(out, 0, sizeof *out);
    for (int v = 0; v < FEATURE_VIEWS; v++) {
        double f[N_FEATURES];
        view_features(image + (size_t)v * side * side, side, work, f);
        out->hits[v] = f[FEAT_HITS];
        out->islands[v] = f[FEAT_ISLANDS];
        for (int k = 0; k < N_FEATURES; k++) out->f[k] += f[k] / FEATURE_VIEWS;
    }
}
