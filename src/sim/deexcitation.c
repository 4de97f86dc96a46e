#include "sim/deexcitation.h"

#include "sim/sim_constants.h"

typedef struct {
    int from, to;
    double branch;
} gamma_line;

typedef struct {
    int occupancy, level; /* level -1: a deep hole, no gammas */
} shell;

/* A residual nucleus: its levels, their gamma lines and the shells of 40Ar whose holes it holds. */
typedef struct {
    const double *level;
    int n_level;
    const gamma_line *line;
    int n_line;
    const shell *shell;
    int n_shell;
} residual;

static const double cl39_level[] = DEEX_CL39_LEVELS;
static const gamma_line cl39_line[] = DEEX_CL39_GAMMAS;
static const shell proton_shell[] = DEEX_PROTON_SHELLS;
static const double ar39_level[] = DEEX_AR39_LEVELS;
static const gamma_line ar39_line[] = DEEX_AR39_GAMMAS;
static const shell neutron_shell[] = DEEX_NEUTRON_SHELLS;

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const residual cl39 = {cl39_level, COUNT(cl39_level), cl39_line, COUNT(cl39_line), proton_shell,
                              COUNT(proton_shell)};
static const residual ar39 = {ar39_level, COUNT(ar39_level), ar39_line, COUNT(ar39_line), neutron_shell,
                              COUNT(neutron_shell)};

static const residual *residual_of(enum species removed) { return removed == SP_PROTON ? &cl39 : &ar39; }

/* Returns the level of the hole in a shell drawn by occupancy (-1 for a deep hole). */
static int hole_level(const gsl_rng *r, const residual *res)
{
    int total = 0;
    for (int k = 0; k < res->n_shell; k++) total += res->shell[k].occupancy;
    double u = gsl_rng_uniform(r) * total;
    for (int k = 0; k < res->n_shell; k++) {
        u -= res->shell[k].occupancy;
        if (u < 0) return res->shell[k].level;
    }
    return res->shell[res->n_shell - 1].level;
}

/* Returns the level that a gamma from level `from` leads to, drawn by the branching ratios. */
static int next_level(const gsl_rng *r, const residual *res, int from)
{
    double total = 0, u;
    for (int k = 0; k < res->n_line; k++)
        if (res->line[k].from == from) total += res->line[k].branch;
    u = gsl_rng_uniform(r) * total;
    int to = 0;
    for (int k = 0; k < res->n_line; k++) {
        if (res->line[k].from != from) continue;
        to = res->line[k].to;
        u -= res->line[k].branch;
        if (u < 0) break;
    }
    return to;
}

double deexcitation_sample(const gsl_rng *r, enum species removed, double available, double gamma[DEEX_MAX_GAMMAS],
                           int *n)
{
    const residual *res = residual_of(removed);
    int level = hole_level(r, res);
    *n = 0;
    if (level <= 0 || res->level[level] > available) return 0;
    double released = 0;
    while (level > 0 && *n < DEEX_MAX_GAMMAS) {
        int to = next_level(r, res, level);
        gamma[*n] = res->level[level] - res->level[to];
        released += gamma[(*n)++];
        level = to;
    }
    return released;
}

double deexcitation_level(enum species removed, int k)
{
    const residual *res = residual_of(removed);
    return k >= 0 && k < res->n_level ? res->level[k] : -1;
}
