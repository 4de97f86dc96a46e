#include "sim/paper.h"

#include <math.h>
#include <stdlib.h>

#include "core/util.h"
#include "sim/readout.h"
#include "sim/sim_constants.h"

void paper_steps_free(paper_steps *s)
{
    free(s->dep);
    *s = (paper_steps){0};
}

/* Appends a point deposit of energy e at x to s if it reaches the hit threshold; returns the energy
   dropped (e or 0). */
static double keep(paper_steps *s, const double x[3], double e)
{
    if (e < PAPER_HIT_THRESHOLD) return e;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->dep = realloc(s->dep, (size_t)s->cap * sizeof *s->dep);
        if (!s->dep) nutl_die("out of memory growing the step list");
    }
    s->dep[s->n++] = (deposit){(float)x[0], (float)x[1], (float)x[2], (float)e, 0, 0, 0, 0};
    return 0;
}

/* Splits the segment a -> b carrying e at the voxel boundaries, keeping each piece at its start;
   returns the energy dropped. */
static double split(paper_steps *s, const double a[3], const double b[3], double e)
{
    double len = 0;
    for (int k = 0; k < 3; k++) len += fabs(b[k] - a[k]);
    if (len > 8 * PAPER_VOXEL_CM) { /* long: halve it, keeping the crossing lists short */
        double m[3] = {0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1]), 0.5 * (a[2] + b[2])};
        return split(s, a, m, 0.5 * e) + split(s, m, b, 0.5 * e);
    }
    double t[3 * 10 + 2];
    int n = 0;
    t[n++] = 0;
    for (int k = 0; k < 3; k++) n += readout_crossings(a[k] / PAPER_VOXEL_CM, b[k] / PAPER_VOXEL_CM, t + n);
    t[n++] = 1;
    /* Insertion sort: a handful of values. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && t[j - 1] > t[j]; j--) { double x = t[j]; t[j] = t[j - 1]; t[j - 1] = x; }
    double dropped = 0;
    for (int i = 0; i + 1 < n; i++) {
        double x[3] = {a[0] + t[i] * (b[0] - a[0]), a[1] + t[i] * (b[1] - a[1]), a[2] + t[i] * (b[2] - a[2])};
        if (t[i + 1] > t[i]) dropped += keep(s, x, e * (t[i + 1] - t[i]));
    }
    return dropped;
}

int paper_steps_apply(paper_steps *s, transport *t)
{
    s->n = 0;
    double dropped = 0;
    for (int i = 0; i < t->n_dep; i++) {
        const deposit *d = &t->dep[i];
        double a[3] = {d->x - d->hx, d->y - d->hy, d->z - d->hz}, b[3] = {d->x + d->hx, d->y + d->hy, d->z + d->hz};
        dropped += d->hx == 0 && d->hy == 0 && d->hz == 0 ? keep(s, a, d->e) : split(s, a, b, d->e);
    }
    /* Swap the lists: t keeps the new one, s the old buffer for the next event. */
    deposit *old = t->dep;
    int old_cap = t->cap_dep;
    t->dep = s->dep, t->n_dep = s->n, t->cap_dep = s->cap;
    s->dep = old, s->cap = old_cap, s->n = 0;
    t->deposited -= dropped;
    t->invisible += dropped;
    return t->n_dep;
}

void paper_mirror_y(deposit *dep, int n)
{
    for (int i = 0; i < n; i++) {
        dep[i].y = -dep[i].y;
        dep[i].hy = -dep[i].hy;
    }
}
