#include "sim/simide.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/util.h"
#include "sim/readout.h"
#include "sim/response.h"
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

void simide_diffuse(const gsl_rng *r, double drift_cm, double offset[3])
{
    double t_ns = drift_cm / DUNE_DRIFT_CM_PER_US * 1e3;
    double sigma_l = sqrt(2 * DUNE_DIFFUSION_L * t_ns), sigma_t = sqrt(2 * DUNE_DIFFUSION_T * t_ns);
    offset[0] = gsl_ran_gaussian_ziggurat(r, sigma_l);
    offset[1] = gsl_ran_gaussian_ziggurat(r, sigma_t);
    offset[2] = gsl_ran_gaussian_ziggurat(r, sigma_t);
}

/* Drifts the electrons (whole ones) of deposit d to the planes in clusters of DUNE_ELECTRON_CLUSTER, the
   last one partial, and counts for d's owner the (wire, tick) cell each lands in on each plane; stops
   once the owner reaches the cut. A cluster leaves from a point uniform along the segment (LArG4 drifts
   from each Geant4 step's midpoint, its steps cut at 0.3 mm readout voxels, standard_larvoxelcalculator;
   nutl's steps are longer) and drifts as far as d's centre lies from the anode at anode_x, within the
   drift volume. */
static void deposit_visit(cell_set *s, const gsl_rng *r, const deposit *d, double electrons, double anode_x)
{
    static const double pitch[N_VIEWS] = {DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_COLLECTION_CM};
    double drift = fmin(fmax(d->x - anode_x, 0), DUNE_MAX_DRIFT_CM);
    int k = d->owner;
    for (double left = floor(electrons); left > 0 && s->cells[k] < s->cut; left -= DUNE_ELECTRON_CLUSTER) {
        double u = 2 * gsl_rng_uniform(r) - 1, off[3];
        simide_diffuse(r, drift, off);
        double y = d->y + u * d->hy + off[1], z = d->z + u * d->hz + off[2];
        long tick = (long)floor((d->x + u * d->hx + off[0]) / DUNE_SIMIDE_TICK_CM);
        for (int v = 0; v < N_VIEWS && s->cells[k] < s->cut; v++)
            cell_visit(s, k, v, (long)floor(readout_wire(v, y, z) / pitch[v]), tick);
    }
}

void simide_cells(const physics *ph, const gsl_rng *r, const deposit *dep, int n, int n_owners, double anode_x,
                  int cut, int *cells)
{
    size_t slots = 1024;
    while (slots < 2 * (size_t)n_owners * (size_t)cut) slots *= 2; /* at most half full */
    cell_set s = {nutl_calloc(sizeof *s.key * slots, "IDE cells"), slots - 1, cells, cut};
    const eloss *electron = physics_eloss(ph, SP_ELECTRON);
    double recoil = response_recoil_survival();
    for (int k = 0; k < n_owners; k++) cells[k] = 0;
    for (int i = 0; i < n; i++)
        if (dep[i].owner >= 0 && dep[i].owner < n_owners && cells[dep[i].owner] < cut)
            deposit_visit(&s, r, &dep[i], response_charge(electron, recoil, &dep[i]) / LAR_W_ION, anode_x);
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
