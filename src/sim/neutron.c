#include "sim/neutron.h"

#include <gsl/gsl_randist.h>
#include <math.h>

#include "sim/kinematics.h"
#include "sim/sim_constants.h"

static const double elastic_e[N_ELASTIC_N] = N_ELASTIC_E, elastic_s[N_ELASTIC_N] = N_ELASTIC_S;
static const double inelastic_e[N_INELASTIC_N] = N_INELASTIC_E, inelastic_s[N_INELASTIC_N] = N_INELASTIC_S;
static const double proton_e[N_PROTON_N] = N_PROTON_E, proton_s[N_PROTON_N] = N_PROTON_S;
static const double n2n_e[N_N2N_N] = N_N2N_E, n2n_s[N_N2N_N] = N_N2N_S;
static const double mu_e[N_ELASTIC_MU_N] = N_ELASTIC_MU_E, mu_se[N_ELASTIC_MU_N] = N_ELASTIC_MU_SE;
static const double mu_a[N_ELASTIC_MU_N][N_ELASTIC_MU_L] = N_ELASTIC_MU_A;
static const double ar40_level[AR40_N_LEVELS] = AR40_LEVELS;
static const int ar40_2j1[AR40_N_LEVELS] = AR40_LEVEL_2J1;

typedef struct {
    int from, to;
    double branch;
} level_line;

static const level_line ar40_line[] = AR40_GAMMAS;
#define N_AR40_LINES ((int)(sizeof ar40_line / sizeof ar40_line[0]))

static const double level_kev[] = CAPTURE_LEVELS_KEV, intensity[CAPTURE_N_LINES] = CAPTURE_INTENSITY;
static const int line_from[CAPTURE_N_LINES] = CAPTURE_FROM, line_to[CAPTURE_N_LINES] = CAPTURE_TO;

/* Returns the cross-section of table (e, s) of n points at t: linear in ln E between points, the end
   values outside (a threshold table starts at 0). */
static double table_at(const double *e, const double *s, int n, double t)
{
    if (t <= e[0]) return s[0];
    if (t >= e[n - 1]) return s[n - 1];
    int k = 1;
    while (e[k] < t) k++;
    return s[k - 1] + (s[k] - s[k - 1]) * log(t / e[k - 1]) / log(e[k] / e[k - 1]);
}

double neutron_sigma(enum neutron_channel c, double t)
{
    t = fmax(t, NEUTRON_THERMAL_E);
    switch (c) {
    case NEUTRON_ELASTIC: return table_at(elastic_e, elastic_s, N_ELASTIC_N, t);
    case NEUTRON_INELASTIC: return table_at(inelastic_e, inelastic_s, N_INELASTIC_N, t);
    case NEUTRON_N2N: return table_at(n2n_e, n2n_s, N_N2N_N, t);
    case NEUTRON_PROTON: return table_at(proton_e, proton_s, N_PROTON_N, t);
    default: return N_CAPTURE_SIGMA_THERMAL * sqrt(N_THERMAL_REFERENCE_E / t);
    }
}

/* Returns the mean free path (cm) for a total cross-section of sigma barns. */
static double path_of(double sigma)
{
    return 1 / (AR_NUCLEI_DENSITY * sigma * BARN);
}

double neutron_path(double t)
{
    double total = 0;
    for (int c = 0; c < N_NEUTRON_CHANNELS; c++) total += neutron_sigma((enum neutron_channel)c, t);
    return path_of(total);
}

double neutron_two_body(double t, double q, double mu_cm, double *cos_lab)
{
    double a = AR40_MASS_RATIO;
    double frame = t / ((a + 1) * (a + 1));                   /* m V^2 / 2, V the centre of mass's speed */
    double own = fmax(0, (t * a / (a + 1) + q) * a / (a + 1)); /* the product's kinetic energy in the CM */
    double e = frame + own + 2 * sqrt(frame * own) * mu_cm;
    *cos_lab = e > 0 ? fmax(-1, fmin(1, (sqrt(frame) + sqrt(own) * mu_cm) / sqrt(e))) : 1;
    return fmax(e, 0);
}

/* Writes into a the Legendre moments a_1..a_L of elastic scattering at t: the optical model's, mixed
   between the two neighbouring tabulated energies by ln E, diluted by the isotropic compound-elastic share
   1 - sigma_se / sigma_el; all zero (isotropic) below the table. */
static void elastic_moments(double t, double a[N_ELASTIC_MU_L])
{
    for (int l = 0; l < N_ELASTIC_MU_L; l++) a[l] = 0;
    if (t <= mu_e[0]) return;
    int k = 1;
    while (k < N_ELASTIC_MU_N - 1 && mu_e[k] < t) k++;
    double w = fmin(1, log(t / mu_e[k - 1]) / log(mu_e[k] / mu_e[k - 1]));
    double se = mu_se[k - 1] + w * (mu_se[k] - mu_se[k - 1]);
    double dilution = fmin(1, se / neutron_sigma(NEUTRON_ELASTIC, t));
    for (int l = 0; l < N_ELASTIC_MU_L; l++) a[l] = dilution * ((1 - w) * mu_a[k - 1][l] + w * mu_a[k][l]);
}

double neutron_elastic_mean_cos(double t)
{
    double a[N_ELASTIC_MU_L];
    elastic_moments(t, a);
    return a[0];
}

/* Returns f(mu) = 1/2 + sum_l (2l+1)/2 a_l P_l(mu), the density on [-1, 1] of the cosines with moments a
   (P_l by Bonnet's recursion). */
static double legendre_density(const double a[N_ELASTIC_MU_L], double mu)
{
    double p0 = 1, p1 = mu, f = 0.5 + 1.5 * a[0] * mu;
    for (int l = 2; l <= N_ELASTIC_MU_L; l++) {
        double p2 = ((2 * l - 1) * mu * p1 - (l - 1) * p0) / l;
        f += (2 * l + 1) / 2.0 * a[l - 1] * p2;
        p0 = p1;
        p1 = p2;
    }
    return f;
}

double neutron_elastic_mu(const gsl_rng *r, double t)
{
    if (t <= mu_e[0]) return 2 * gsl_rng_uniform(r) - 1; /* isotropic: most collisions of a thermalising neutron */
    double a[N_ELASTIC_MU_L], bound = 0.5;                /* |P_l| <= 1 bounds the density */
    elastic_moments(t, a);
    for (int l = 1; l <= N_ELASTIC_MU_L; l++) bound += (2 * l + 1) / 2.0 * fabs(a[l - 1]);
    for (;;) {
        double mu = 2 * gsl_rng_uniform(r) - 1;
        if (gsl_rng_uniform(r) * bound < legendre_density(a, mu)) return mu;
    }
}

int neutron_inelastic_level(const gsl_rng *r, double t)
{
    double cm = t * AR40_MASS_RATIO / (AR40_MASS_RATIO + 1), w[AR40_N_LEVELS], total = 0;
    int last = 0;
    for (int k = 1; k < AR40_N_LEVELS; k++) {
        total += w[k] = ar40_2j1[k] * fmax(0, cm - ar40_level[k]);
        if (w[k] > 0) last = k;
    }
    double u = gsl_rng_uniform(r) * total;
    for (int k = 1; k < last; k++)
        if ((u -= w[k]) < 0) return k;
    return last;
}

/* Returns the level that a gamma from 40Ar level `from` leads to, drawn by the branchings. */
static int level_next(const gsl_rng *r, int from)
{
    double total = 0;
    int to = 0;
    for (int k = 0; k < N_AR40_LINES; k++)
        if (ar40_line[k].from == from) total += ar40_line[k].branch;
    double u = gsl_rng_uniform(r) * total;
    for (int k = 0; k < N_AR40_LINES; k++) {
        if (ar40_line[k].from != from) continue;
        to = ar40_line[k].to;
        if ((u -= ar40_line[k].branch) < 0) break;
    }
    return to;
}

int neutron_level_cascade(const gsl_rng *r, int level, double *e)
{
    int n = 0;
    while (level > 0) {
        int to = level_next(r, level);
        e[n++] = ar40_level[level] - ar40_level[to];
        level = to;
    }
    return n;
}

double neutron_level_energy(int k)
{
    return ar40_level[k];
}

int neutron_capture_cascade(const gsl_rng *r, double *e)
{
    int n = 0, at = 0;
    while (level_kev[at] > 0) {
        double total = 0;
        for (int k = 0; k < CAPTURE_N_LINES; k++)
            if (line_from[k] == at) total += intensity[k];
        double u = gsl_rng_uniform(r) * total;
        int pick = -1;
        for (int k = 0; k < CAPTURE_N_LINES && (pick < 0 || u >= 0); k++)
            if (line_from[k] == at) { pick = k; u -= intensity[k]; }
        e[n++] = 1e-3 * (level_kev[at] - level_kev[line_to[pick]]);
        at = line_to[pick];
    }
    return n;
}

/* Books an argon recoil of energy e at p's position: its ionisation deposited while p is above
   NEUTRON_RECOIL_CUT (transport_deposit_recoil), invisible below. */
static void book_recoil(transport *t, const physics *ph, const particle *p, double e)
{
    if (p->t >= NEUTRON_RECOIL_CUT) transport_deposit_recoil(t, ph, p->pos, e);
    else t->invisible += e;
}

/* Emits a photon of energy e from pos, isotropic. */
static void emit_gamma(transport *t, const gsl_rng *r, const double pos[3], double e)
{
    double d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    transport_push(t, SP_GAMMA, pos, d, e);
}

/* Scatters p on 40Ar at centre-of-mass cosine mu with Q value q (0 elastic, minus the excitation
   inelastic): p takes its new energy and direction, the recoil is booked. */
static void scatter(transport *t, const physics *ph, const gsl_rng *r, particle *p, double q, double mu)
{
    double cos_lab, e = neutron_two_body(p->t, q, mu, &cos_lab);
    e = fmin(e, p->t + q); /* rounding: the recoil is never negative */
    book_recoil(t, ph, p, p->t + q - e);
    p->t = e;
    dir_deflect(p->dir, cos_lab, 2 * M_PI * gsl_rng_uniform(r));
}

/* Inelastic scatter of p: a level of 40Ar drawn, the neutron isotropic in the centre of mass, the
   level's gamma cascade pushed from the collision point. */
static void scatter_inelastic(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    int level = neutron_inelastic_level(r, p->t);
    scatter(t, ph, r, p, -ar40_level[level], 2 * gsl_rng_uniform(r) - 1);
    double e[AR40_MAX_CASCADE];
    int n = neutron_level_cascade(r, level, e);
    for (int k = 0; k < n; k++) emit_gamma(t, r, p->pos, e[k]);
    transport_attribute_none(t); /* Geant4's neutron-inelastic process ends the track: p goes on as a new one */
}

/* 40Ar(n, 2n)39Ar: the first neutron (p) leaves two-body with 40Ar excited to S_n + e2, e2 drawn; the
   second takes e2 less 39Ar's share of it, isotropic from the collision point (pushed); both recoils are
   booked and S_n = -Q invisible (mass). */
static void knock_out_neutron(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    double a = AR40_MASS_RATIO, e2 = gsl_rng_uniform(r) * fmax(0, p->t * a / (a + 1) + N_N2N_Q);
    double second = e2 * (a - 1) / a; /* two-body split of e2 between the neutron and 39Ar (mass a - 1) */
    book_recoil(t, ph, p, e2 - second);
    t->invisible -= N_N2N_Q;
    scatter(t, ph, r, p, N_N2N_Q - e2, 2 * gsl_rng_uniform(r) - 1);
    double d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    transport_push(t, SP_NEUTRON, p->pos, d, second);
    transport_attribute_none(t); /* as scatter_inelastic: p goes on as a new track */
}

/* 40Ar(n, p)40Cl: the proton is pushed, the 40Cl recoil deposited, -Q booked invisible (mass). */
static void make_proton(transport *t, const physics *ph, const gsl_rng *r, const particle *p)
{
    double cos_lab, tp = neutron_two_body(p->t, N_PROTON_Q, 2 * gsl_rng_uniform(r) - 1, &cos_lab);
    tp = fmin(tp, p->t + N_PROTON_Q);
    book_recoil(t, ph, p, p->t + N_PROTON_Q - tp);
    t->invisible -= N_PROTON_Q;
    double d[3] = {p->dir[0], p->dir[1], p->dir[2]};
    dir_deflect(d, cos_lab, 2 * M_PI * gsl_rng_uniform(r));
    transport_push(t, SP_PROTON, p->pos, d, tp);
}

/* Capture on 40Ar: the cascade's gammas are pushed and its Q released; the neutron's residual
   (thermal) kinetic energy is booked invisible. */
static void capture(transport *t, const gsl_rng *r, const particle *p)
{
    double e[CAPTURE_N_LINES];
    int n = neutron_capture_cascade(r, e);
    for (int k = 0; k < n; k++) emit_gamma(t, r, p->pos, e[k]);
    t->released += NEUTRON_CAPTURE_Q;
    t->invisible += p->t;
}

/* Returns the channel of a collision, drawn by the shares of the cross-sections s (sum total). */
static enum neutron_channel channel_draw(const gsl_rng *r, const double *s, double total)
{
    double u = gsl_rng_uniform(r) * total;
    for (int c = N_NEUTRON_CHANNELS - 1; c > NEUTRON_ELASTIC; c--)
        if ((u -= s[c]) < 0) return (enum neutron_channel)c;
    return NEUTRON_ELASTIC;
}

enum fate neutron_transport(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    for (;;) {
        double s[N_NEUTRON_CHANNELS], total = 0;
        for (int c = 0; c < N_NEUTRON_CHANNELS; c++) total += s[c] = neutron_sigma((enum neutron_channel)c, p->t);
        double d = gsl_ran_exponential(r, path_of(total));
        for (int k = 0; k < 3; k++) p->pos[k] += d * p->dir[k];
        p->length += d;
        if (!transport_inside(p->pos)) { t->escaped += p->t; return FATE_LEFT; }
        switch (channel_draw(r, s, total)) {
        case NEUTRON_CAPTURE: capture(t, r, p); return FATE_INTERACTED;
        case NEUTRON_PROTON: make_proton(t, ph, r, p); return FATE_INTERACTED;
        case NEUTRON_N2N: knock_out_neutron(t, ph, r, p); break;
        case NEUTRON_INELASTIC: scatter_inelastic(t, ph, r, p); break;
        default: scatter(t, ph, r, p, 0, neutron_elastic_mu(r, p->t));
        }
    }
}
