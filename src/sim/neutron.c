#include "sim/neutron.h"

#include <gsl/gsl_randist.h>
#include <math.h>

#include "sim/kinematics.h"
#include "sim/sim_constants.h"

static const double elastic_e[N_ELASTIC_N] = N_ELASTIC_E, elastic_s[N_ELASTIC_N] = N_ELASTIC_S;
static const double inelastic_e[N_INELASTIC_N] = N_INELASTIC_E, inelastic_s[N_INELASTIC_N] = N_INELASTIC_S;
static const double proton_e[N_PROTON_N] = N_PROTON_E, proton_s[N_PROTON_N] = N_PROTON_S;
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

/* Scatters p on 40Ar with Q value q (0 elastic, minus the first level's energy inelastic): p takes its
   new energy and direction, the recoil is booked, the excitation's gamma pushed. */
static void scatter(transport *t, const physics *ph, const gsl_rng *r, particle *p, double q)
{
    double cos_lab, e = neutron_two_body(p->t, q, 2 * gsl_rng_uniform(r) - 1, &cos_lab);
    e = fmin(e, p->t + q); /* rounding: the recoil is never negative */
    book_recoil(t, ph, p, p->t + q - e);
    if (q < 0) emit_gamma(t, r, p->pos, -q);
    p->t = e;
    dir_deflect(p->dir, cos_lab, 2 * M_PI * gsl_rng_uniform(r));
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

enum fate neutron_transport(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    for (;;) {
        double s[N_NEUTRON_CHANNELS], total = 0;
        for (int c = 0; c < N_NEUTRON_CHANNELS; c++) total += s[c] = neutron_sigma((enum neutron_channel)c, p->t);
        double d = gsl_ran_exponential(r, path_of(total));
        for (int k = 0; k < 3; k++) p->pos[k] += d * p->dir[k];
        p->length += d;
        if (!transport_inside(p->pos)) { t->escaped += p->t; return FATE_LEFT; }
        double u = gsl_rng_uniform(r) * total;
        if (u < s[NEUTRON_CAPTURE]) { capture(t, r, p); return FATE_INTERACTED; }
        u -= s[NEUTRON_CAPTURE];
        if (u < s[NEUTRON_PROTON]) { make_proton(t, ph, r, p); return FATE_INTERACTED; }
        u -= s[NEUTRON_PROTON];
        scatter(t, ph, r, p, u < s[NEUTRON_INELASTIC] ? -AR40_FIRST_LEVEL : 0);
    }
}
