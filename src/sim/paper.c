#include "sim/paper.h"

#include <math.h>

#include "sim/readout.h"
#include "sim/sim_constants.h"

/* Appends a point deposit of energy e at x to s if it reaches the hit threshold; returns the energy
   dropped (e or 0). */
static double keep(transport *s, const physics *ph, const double x[3], double e)
{
    if (e < PAPER_HIT_THRESHOLD) return e;
    transport_deposit_point(s, ph, x, e);
    return 0;
}

/* Splits the segment a -> b carrying e at the voxel boundaries, keeping each piece at its start;
   returns the energy dropped. */
static double split(transport *s, const physics *ph, const double a[3], const double b[3], double e)
{
    double len = 0;
    for (int k = 0; k < 3; k++) len += fabs(b[k] - a[k]);
    if (len > 8 * PAPER_VOXEL_CM) { /* long: halve it, keeping the crossing lists short */
        double m[3] = {0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1]), 0.5 * (a[2] + b[2])};
        return split(s, ph, a, m, 0.5 * e) + split(s, ph, m, b, 0.5 * e);
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
        if (t[i + 1] > t[i]) dropped += keep(s, ph, x, e * (t[i + 1] - t[i]));
    }
    return dropped;
}

int paper_steps_apply(transport *steps, const physics *ph, transport *t)
{
    transport_reset(steps);
    double dropped = 0;
    for (int i = 0; i < t->n_dep; i++) {
        const deposit *d = &t->dep[i];
        double a[3] = {d->x - d->hx, d->y - d->hy, d->z - d->hz}, b[3] = {d->x + d->hx, d->y + d->hy, d->z + d->hz};
        dropped += d->hx == 0 && d->hy == 0 && d->hz == 0 ? keep(steps, ph, a, d->e) : split(steps, ph, a, b, d->e);
    }
    /* Swap the lists: t keeps the new one, steps the old buffer for the next event. */
    deposit *old = t->dep;
    int old_cap = t->cap_dep;
    t->dep = steps->dep, t->n_dep = steps->n_dep, t->cap_dep = steps->cap_dep;
    steps->dep = old, steps->cap_dep = old_cap, steps->n_dep = 0;
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
