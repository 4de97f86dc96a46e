#include "sim/simide.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/util.h"
#include "sim/readout.h"
#include "sim/sim_constants.h"

#define INDEX_OFFSET (1L << 23) /* wire and tick indices are packed as 24-bit offsets (|index| < 2^23) */

/* The cells counted so far: an open-addressing set of packed (owner, plane, wire, tick) keys. */
typedef struct {
    uint64_t *key; /* 0: empty slot */
    size_t mask;
    int *cells, cut;
} cell_set;

/* Returns the key of cell (wire, tick) of plane v for owner k: never 0. */
static uint64_t cell_key(int k, int v, long wire, long tick)
{
    return ((uint64_t)(k + 1) << 50) | ((uint64_t)v << 48) | ((uint64_t)(wire + INDEX_OFFSET) << 24)
           | (uint64_t)(tick + INDEX_OFFSET);
}

/* Counts cell (wire, tick) of plane v for owner k if the set does not hold it yet. */
static void cell_visit(cell_set *s, int k, int v, long wire, long tick)
{
    uint64_t key = cell_key(k, v, wire, tick);
    size_t h = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & s->mask;
    while (s->key[h] && s->key[h] != key) h = (h + 1) & s->mask;
    if (s->key[h]) return;
    s->key[h] = key;
    s->cells[k]++;
}

/* Counts for owner k the cells of plane v that the segment from (w0, x0) to (w1, x1), in cell units
   (wire pitches, ticks), passes through: a grid walk from the first cell to the last, stepping across
   whichever boundary comes first, so that no cell is skipped; stops once k reaches the cut. */
static void segment_visit(cell_set *s, int k, int v, double w0, double x0, double w1, double x1)
{
    long i = (long)floor(w0), j = (long)floor(x0), i1 = (long)floor(w1), j1 = (long)floor(x1);
    double dw = fabs(w1 - w0), dx = fabs(x1 - x0);
    int si = w1 > w0 ? 1 : -1, sj = x1 > x0 ? 1 : -1;
    double ti = dw > 0 ? (si > 0 ? i + 1 - w0 : w0 - i) / dw : INFINITY, dti = dw > 0 ? 1 / dw : INFINITY;
    double tj = dx > 0 ? (sj > 0 ? j + 1 - x0 : x0 - j) / dx : INFINITY, dtj = dx > 0 ? 1 / dx : INFINITY;
    cell_visit(s, k, v, i, j);
    while ((i != i1 || j != j1) && s->cells[k] < s->cut) {
        /* The remaining crossings decide when rounding would step past the last cell. */
        if (j == j1 || (i != i1 && ti < tj)) i += si, ti += dti;
        else j += sj, tj += dtj;
        cell_visit(s, k, v, i, j);
    }
}

/* Counts the cells of deposit d for its owner on the three planes. */
static void deposit_visit(cell_set *s, const deposit *d)
{
    static const double pitch[N_VIEWS] = {DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_COLLECTION_CM};
    double x0 = (d->x - d->hx) / DUNE_SIMIDE_TICK_CM, x1 = (d->x + d->hx) / DUNE_SIMIDE_TICK_CM;
    for (int v = 0; v < N_VIEWS && s->cells[d->owner] < s->cut; v++) {
        double w0 = readout_wire(v, d->y - d->hy, d->z - d->hz) / pitch[v];
        double w1 = readout_wire(v, d->y + d->hy, d->z + d->hz) / pitch[v];
        segment_visit(s, d->owner, v, w0, x0, w1, x1);
    }
}

void simide_cells(const deposit *dep, int n, int n_owners, int cut, int *cells)
{
    size_t slots = 1024;
    while (slots < 2 * (size_t)n_owners * (size_t)cut) slots *= 2; /* at most half full */
    cell_set s = {nutl_calloc(sizeof *s.key * slots, "IDE cells"), slots - 1, cells, cut};
    for (int k = 0; k < n_owners; k++) cells[k] = 0;
    for (int i = 0; i < n; i++)
        if (dep[i].owner >= 0 && dep[i].owner < n_owners && cells[dep[i].owner] < cut) deposit_visit(&s, &dep[i]);
    free(s.key);
}

void simide_counts(const interaction *in, const int *cells, int cut, int counts[N_SIMIDE_COUNTS])
{
    for (int c = 0; c < N_SIMIDE_COUNTS; c++) counts[c] = 0;
    for (int k = 0; k < in->n; k++) {
        if (cells[k] < cut) continue;
        switch (in->fs[k].sp) {
        case SP_PROTON: counts[SIMIDE_PROTONS]++; break;
        case SP_NEUTRON: counts[SIMIDE_NEUTRONS]++; break;
        case SP_PION_PLUS: case SP_PION_MINUS: counts[SIMIDE_CHARGED_PIONS]++; break;
        case SP_PION_ZERO: counts[SIMIDE_PI0]++; break;
        default: break;
        }
    }
}
