#include "sim/tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/ingredients.h"
#include "sim/sim_constants.h"
#include "core/util.h"

void transport_init(transport *t)
{
    memset(t, 0, sizeof *t);
    t->owner = t->heir = -1;
}

void transport_reset(transport *t)
{
    t->n_dep = t->n_stack = 0;
    t->deposited = t->escaped = t->invisible = t->released = 0;
    t->owner = t->heir = -1;
}

void transport_attribute_products(transport *t)
{
    t->owner = t->heir;
}

void transport_attribute_none(transport *t)
{
    t->owner = t->heir = -1;
}

void transport_free(transport *t)
{
    free(t->dep);
    free(t->stack);
    transport_init(t);
}

int transport_inside(const double x[3])
{
    return fabs(x[0]) < DETECTOR_HALF && fabs(x[1]) < DETECTOR_HALF && fabs(x[2]) < DETECTOR_HALF;
}

/* Returns buf reallocated to twice its capacity *cap (1024 elements at first), updating *cap; dies
   naming what when memory runs out. */
static void *grow(void *buf, int *cap, size_t size, const char *what)
{
    *cap = *cap ? 2 * *cap : 1024;
    void *p = realloc(buf, (size_t)*cap * size);
    if (!p) nutl_die("out of memory growing the %s", what);
    return p;
}

void transport_deposit_segment(transport *t, const physics *ph, const double a[3], const double b[3], double e)
{
    if (e <= 0) return;
    double half = physics_has(ph, ING_SPREADING) ? 0.5 : 0;
    if (t->n_dep == t->cap_dep) t->dep = grow(t->dep, &t->cap_dep, sizeof *t->dep, "deposit list");
    t->dep[t->n_dep++] = (deposit){(float)(0.5 * (a[0] + b[0])), (float)(0.5 * (a[1] + b[1])),
                                   (float)(0.5 * (a[2] + b[2])), (float)e, (float)(half * (b[0] - a[0])),
                                   (float)(half * (b[1] - a[1])), (float)(half * (b[2] - a[2])), 0, t->owner};
    t->deposited += (float)e; /* the ledger counts what the list holds */
}

void transport_push(transport *t, enum species sp, const double pos[3], const double dir[3], double kin)
{
    if (t->n_stack == t->cap_stack) t->stack = grow(t->stack, &t->cap_stack, sizeof *t->stack, "particle stack");
    particle *p = &t->stack[t->n_stack++];
    *p = (particle){.sp = sp, .t = kin > 0 ? kin : 0, .owner = t->owner, .heir = -1};
    memcpy(p->pos, pos, sizeof p->pos);
    memcpy(p->dir, dir, sizeof p->dir);
}

void transport_deposit_point(transport *t, const physics *ph, const double x[3], double e)
{
    transport_deposit_segment(t, ph, x, x, e);
}

void transport_deposit_recoil(transport *t, const physics *ph, const double x[3], double e)
{
    double ionising = e * physics_lindhard(e);
    int before = t->n_dep;
    transport_deposit_point(t, ph, x, ionising);
    if (t->n_dep > before) t->dep[before].recoil = 1;
    t->invisible += e - ionising;
}
