#include "sim/physics.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_spline.h>
#include <math.h>
#include <stdlib.h>

#include "sim/ingredients.h"
#include "sim/sim_constants.h"
#include "core/util.h"

struct physics {
    eloss *muon, *pion, *proton, *electron;
    double landau_mean;   /* mean of the Landau density truncated at LANDAU_LAMBDA_MAX */
    double delta_cut;     /* delta-ray production cut, MeV */
    unsigned ingredients; /* enum ingredient bits that are on */
    gsl_spline *landau_cut_mean; /* mean of the Landau density truncated at L, against ln L */
    gsl_spline *landau_cut_of_mean; /* its inverse: ln L against the truncated mean */
    gsl_spline *pair;     /* pair share of the high-energy cross-section against ln E */
    gsl_spline *pion_path, *proton_path; /* hadronic mean free path against ln T */
    gsl_spline *photo, *incoherent;      /* ln of XCOM's cross-sections (barns/atom) against ln E */
    double pair_lo, pair_hi, pion_lo, pion_hi, proton_lo, proton_hi, xcom_lo, xcom_hi; /* ln ranges */
};

static double landau_first_moment(double x, void *unused)
{
    (void)unused;
    return x * gsl_ran_landau_pdf(x);
}

static double landau_density(double x, void *unused)
{
    (void)unused;
    return gsl_ran_landau_pdf(x);
}

/* Returns the mean of the Landau density truncated at cut (it vanishes below -5). */
static double landau_truncated_mean(gsl_integration_workspace *w, double cut)
{
    gsl_function f1 = {landau_first_moment, NULL}, f0 = {landau_density, NULL};
    double m1, m0, err;
    gsl_integration_qag(&f1, -10, cut, 1e-10, 1e-8, 200, GSL_INTEG_GAUSS41, w, &m1, &err);
    gsl_integration_qag(&f0, -10, cut, 1e-10, 1e-8, 200, GSL_INTEG_GAUSS41, w, &m0, &err);
    return m1 / m0;
}

/* Tabulates the truncated mean for cuts from LANDAU_CUT_MIN to LANDAU_LAMBDA_MAX, and its inverse into
   *inverse (the mean rises with the cut). */
#define LANDAU_CUT_MIN 1.0
#define LANDAU_CUTS 40
static gsl_spline *landau_cut_table(gsl_spline **inverse)
{
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
    double lc[LANDAU_CUTS], m[LANDAU_CUTS], step = log(LANDAU_LAMBDA_MAX / LANDAU_CUT_MIN) / (LANDAU_CUTS - 1);
    for (int k = 0; k < LANDAU_CUTS; k++) {
        lc[k] = log(LANDAU_CUT_MIN) + k * step;
        m[k] = landau_truncated_mean(w, exp(lc[k]));
    }
    gsl_integration_workspace_free(w);
    gsl_spline *s = gsl_spline_alloc(gsl_interp_steffen, LANDAU_CUTS);
    if (!s) nutl_die("physics: cannot allocate a spline");
    gsl_spline_init(s, lc, m, LANDAU_CUTS);
    *inverse = gsl_spline_alloc(gsl_interp_steffen, LANDAU_CUTS);
    if (!*inverse) nutl_die("physics: cannot allocate a spline");
    gsl_spline_init(*inverse, m, lc, LANDAU_CUTS);
    return s;
}

/* Returns a steffen spline of y against ln x through n points; stores the ln x range. */
static gsl_spline *log_spline(const double *x, const double *y, int n, double *lo, double *hi)
{
    double lx[16];
    for (int k = 0; k < n; k++) lx[k] = log(x[k]);
    gsl_spline *s = gsl_spline_alloc(gsl_interp_steffen, n);
    if (!s) nutl_die("physics: cannot allocate a spline");
    gsl_spline_init(s, lx, y, n);
    *lo = lx[0];
    *hi = lx[n - 1];
    return s;
}

static double spline_at(const gsl_spline *s, double lx, double lo, double hi)
{
    return gsl_spline_eval(s, lx < lo ? lo : lx > hi ? hi : lx, NULL);
}

physics *physics_new(void)
{
    physics *ph = nutl_calloc(sizeof *ph, "physics tables");
    ph->muon = eloss_new(SP_MUON_MINUS);
    ph->pion = eloss_new(SP_PION_PLUS);
    ph->proton = eloss_new(SP_PROTON);
    ph->electron = eloss_new(SP_ELECTRON);
    ph->landau_cut_mean = landau_cut_table(&ph->landau_cut_of_mean);
    ph->landau_mean = gsl_spline_eval(ph->landau_cut_mean, log(LANDAU_LAMBDA_MAX), NULL);
    ph->delta_cut = eloss_energy(ph->electron, DELTA_RAY_RANGE_CUT);
    ph->ingredients = ING_ALL;
    static const double pe[] = PAIR_TABLE_E, pf[] = PAIR_TABLE_F;
    static const double pit[] = PION_LAMBDA_T, pil[] = PION_LAMBDA_L;
    static const double prt[] = PROTON_LAMBDA_T, prl[] = PROTON_LAMBDA_L;
    ph->pair = log_spline(pe, pf, PAIR_TABLE_N, &ph->pair_lo, &ph->pair_hi);
    ph->pion_path = log_spline(pit, pil, PION_LAMBDA_N, &ph->pion_lo, &ph->pion_hi);
    ph->proton_path = log_spline(prt, prl, PROTON_LAMBDA_N, &ph->proton_lo, &ph->proton_hi);
    static const double xe[] = XCOM_E, xp[] = XCOM_PHOTO, xi[] = XCOM_INCOHERENT;
    double lp[XCOM_N], li[XCOM_N];
    for (int k = 0; k < XCOM_N; k++) {
        lp[k] = log(xp[k]);
        li[k] = log(xi[k]);
    }
    ph->photo = log_spline(xe, lp, XCOM_N, &ph->xcom_lo, &ph->xcom_hi);
    ph->incoherent = log_spline(xe, li, XCOM_N, &ph->xcom_lo, &ph->xcom_hi);
    return ph;
}

void physics_free(physics *ph)
{
    if (!ph) return;
    eloss_free(ph->muon);
    eloss_free(ph->pion);
    eloss_free(ph->proton);
    eloss_free(ph->electron);
    gsl_spline_free(ph->landau_cut_mean);
    gsl_spline_free(ph->landau_cut_of_mean);
    gsl_spline_free(ph->pair);
    gsl_spline_free(ph->pion_path);
    gsl_spline_free(ph->proton_path);
    gsl_spline_free(ph->photo);
    gsl_spline_free(ph->incoherent);
    free(ph);
}

void physics_switch_off(physics *ph, unsigned off) { ph->ingredients &= ~off; }

int physics_has(const physics *ph, unsigned i) { return (ph->ingredients & i) != 0; }

const eloss *physics_eloss(const physics *ph, enum species sp)
{
    switch (sp) {
    case SP_MUON_MINUS: case SP_MUON_PLUS: return ph->muon;
    case SP_PION_PLUS: case SP_PION_MINUS: return ph->pion;
    case SP_PROTON: return ph->proton;
    case SP_ELECTRON: case SP_POSITRON: return ph->electron;
    default: return NULL;
    }
}

#define XI_PER_CM (0.5 * BETHE_K * LAR_Z / LAR_A * LAR_DENSITY) /* (K/2)(Z/A) rho, MeV/cm */

static double beta2(enum species sp, double t)
{
    double g = 1 + t / species_mass(sp);
    return 1 - 1 / (g * g);
}

static int emits_delta_rays(enum species sp)
{
    return sp == SP_MUON_MINUS || sp == SP_MUON_PLUS || sp == SP_PION_PLUS || sp == SP_PION_MINUS ||
           sp == SP_PROTON || sp == SP_ELECTRON;
}

double physics_delta_cut(const physics *ph) { return ph->delta_cut; }

double physics_delta_tmax(enum species sp, double t)
{
    if (sp == SP_ELECTRON) return 0.5 * t; /* of two identical electrons, the faster is the primary */
    double m = species_mass(sp), g = 1 + t / m, r = M_ELECTRON / m;
    return 2 * M_ELECTRON * (g * g - 1) / (1 + 2 * g * r + r * r);
}

/* Moller scattering of an electron of kinetic energy t and Lorentz factor g on a free electron
   (sim_constants.h): the knock-on takes the fraction x of t with dN = XI / (beta^2 t) f(x) dx per cm,
   XI = 2 pi r_e^2 m_e c^2 n_e, f = 1/x^2 + 1/(1-x)^2 +
   ((g-1)/g)^2 - (2g-1)/g^2 / (x(1-x)). The integrals of f and x f from xc to 1/2 are closed forms. */
static double moller_f(double x, double g)
{
    double a = (g - 1) / g, b = (2 * g - 1) / (g * g);
    return 1 / (x * x) + 1 / ((1 - x) * (1 - x)) + a * a - b / (x * (1 - x));
}

static double moller_integral(double xc, double g)
{
    double a = (g - 1) / g, b = (2 * g - 1) / (g * g);
    return 1 / xc - 1 / (1 - xc) + a * a * (0.5 - xc) - b * log((1 - xc) / xc);
}

static double moller_first_moment(double xc, double g)
{
    double a = (g - 1) / g, b = (2 * g - 1) / (g * g);
    return -log(2 * xc) + 2 - 1 / (1 - xc) - log(2 * (1 - xc)) + a * a * (0.25 - xc * xc) / 2 -
           b * log(2 * (1 - xc));
}

double physics_delta_rate(const physics *ph, enum species sp, double t)
{
    double tmax = physics_delta_tmax(sp, t), tc = ph->delta_cut, b2 = beta2(sp, t);
    if (!emits_delta_rays(sp) || tmax <= tc || !physics_has(ph, ING_DELTA_RAYS)) return 0;
    if (sp == SP_ELECTRON) return XI_PER_CM / (b2 * t) * moller_integral(tc / t, 1 + t / M_ELECTRON);
    return XI_PER_CM / b2 * (1 / tc - 1 / tmax - b2 / tmax * log(tmax / tc));
}

double physics_delta_mean(const physics *ph, enum species sp, double t)
{
    double tmax = physics_delta_tmax(sp, t), tc = ph->delta_cut, b2 = beta2(sp, t);
    if (!emits_delta_rays(sp) || tmax <= tc || !physics_has(ph, ING_DELTA_RAYS)) return 0;
    if (sp == SP_ELECTRON) return XI_PER_CM / b2 * moller_first_moment(tc / t, 1 + t / M_ELECTRON);
    return XI_PER_CM / b2 * (log(tmax / tc) - b2 * (tmax - tc) / tmax);
}

/* Returns a Moller knock-on energy above tc for an electron of kinetic energy t: x from 1/x^2 on
   [tc/t, 1/2] by inversion, kept with probability x^2 f(x) / 2.25 (x^2 f <= 1 + 1 + 1/4 there). */
static double moller_energy(const gsl_rng *r, double tc, double t)
{
    double xc = tc / t, g = 1 + t / M_ELECTRON, x;
    do x = 1 / (1 / xc - gsl_rng_uniform(r) * (1 / xc - 2));
    while (gsl_rng_uniform(r) * 2.25 > x * x * moller_f(x, g));
    return x * t;
}

double physics_delta_energy(const physics *ph, const gsl_rng *r, enum species sp, double t, double *cos_theta)
{
    double tmax = physics_delta_tmax(sp, t), tc = ph->delta_cut, b2 = beta2(sp, t), e;
    if (sp == SP_ELECTRON) {
        /* Two-body kinematics on an electron at rest. */
        e = moller_energy(r, tc, t);
        *cos_theta = fmin(1, sqrt(e * (t + 2 * M_ELECTRON) / (t * (e + 2 * M_ELECTRON))));
        return e;
    }
    do e = 1 / (1 / tc - gsl_rng_uniform(r) * (1 / tc - 1 / tmax)); /* 1/T^2 by inversion */
    while (gsl_rng_uniform(r) > 1 - b2 * e / tmax);
    double pe = sqrt(e * (e + 2 * M_ELECTRON)), pmax = sqrt(tmax * (tmax + 2 * M_ELECTRON));
    *cos_theta = fmin(1, e / pe * pmax / tmax);
    return e;
}

double physics_step_loss(const physics *ph, const gsl_rng *r, enum species sp, double t, double ds)
{
    const eloss *e = physics_eloss(ph, sp);
    double range = eloss_range(e, t);
    if (ds >= range) return t;
    double mean = t - eloss_energy(e, range - ds), delta = physics_delta_mean(ph, sp, t) * ds;
    double xi = XI_PER_CM * ds / beta2(sp, t);
    /* With explicit delta rays, hard collisions above the cut leave the continuous loss: its mean drops
       by what they carry, and its Landau tail is cut where the part removed carries that same mean
       (xi (mean at LANDAU_LAMBDA_MAX - mean at the cut) = delta), so the soft-collision peak stays put.
       Where the tail would exceed the kinetic energy (thick steps at the end of a track), it is cut
       lower. Each cut recentres on the mean of the truncated density, so that the mean loss is kept. */
    double cut = LANDAU_LAMBDA_MAX, centre = ph->landau_mean, room;
    if (delta > 0 && delta < mean) {
        const gsl_spline *inv = ph->landau_cut_of_mean;
        double want = fmax(ph->landau_mean - delta / xi, inv->interp->xmin);
        mean -= delta;
        cut = exp(gsl_spline_eval(inv, want, NULL));
        centre = gsl_spline_eval(ph->landau_cut_mean, log(cut), NULL);
    }
    room = (t - mean) / xi;
    if (cut - centre > room) {
        cut = fmax(LANDAU_CUT_MIN, centre + room);
        centre = gsl_spline_eval(ph->landau_cut_mean, log(cut), NULL);
    }
    double lambda;
    do lambda = gsl_ran_landau(r);
    while (lambda > cut);
    double loss = mean + xi * (lambda - centre);
    return loss < 0 ? 0 : loss > t ? t : loss;
}

double physics_highland(double p, double beta, double ds)
{
    double x = ds / LAR_X0;
    double l = 1 + HIGHLAND_LOG * log(x / (beta * beta));
    return HIGHLAND_P0 / (beta * p) * sqrt(x) * (l > 0.1 ? l : 0.1);
}

/* Returns the Klein-Nishina total cross-section per electron (cm^2) at photon energy e. */
static double klein_nishina(double e)
{
    double k = e / M_ELECTRON, l = log(1 + 2 * k);
    double s = (1 + k) / (k * k) * (2 * (1 + k) / (1 + 2 * k) - l / k) + l / (2 * k) -
               (1 + 3 * k) / ((1 + 2 * k) * (1 + 2 * k));
    return 2 * M_PI * CLASSICAL_ELECTRON_RADIUS * CLASSICAL_ELECTRON_RADIUS * s;
}


double physics_photon_path(const physics *ph, double e, double *pair_fraction, double *photo_fraction)
{
    double mu_c = LAR_ELECTRON_DENSITY * klein_nishina(e), mu_pe = 0;
    if (physics_has(ph, ING_SOFT_PHOTONS) && e < XCOM_E_MAX) {
        double le = log(e);
        mu_c = AR_NUCLEI_DENSITY * BARN * exp(spline_at(ph->incoherent, le, ph->xcom_lo, ph->xcom_hi));
        mu_pe = AR_NUCLEI_DENSITY * BARN * exp(spline_at(ph->photo, le, ph->xcom_lo, ph->xcom_hi));
    }
    double f = e > 2 * M_ELECTRON ? spline_at(ph->pair, log(e), ph->pair_lo, ph->pair_hi) : 0;
    double mu_p = (f > 0 ? f : 0) / PAIR_PATH_HIGH_E, mu = mu_c + mu_p + mu_pe;
    *pair_fraction = mu_p / mu;
    *photo_fraction = mu_pe / mu;
    return 1 / mu;
}

double physics_photon_cut(const physics *ph)
{
    return physics_has(ph, ING_SOFT_PHOTONS) ? PHOTON_E_CUT_SOFT : PHOTON_E_CUT;
}

double physics_compton_ratio(const gsl_rng *r, double e)
{
    /* Butcher and Messel sampling as in Geant4's G4KleinNishinaCompton. */
    double k = e / M_ELECTRON, e0 = 1 / (1 + 2 * k), a1 = -log(e0), a2 = 0.5 * (1 - e0 * e0);
    for (;;) {
        double eps, eps2;
        if (a1 > (a1 + a2) * gsl_rng_uniform(r)) {
            eps = exp(-a1 * gsl_rng_uniform(r));
            eps2 = eps * eps;
        } else {
            eps2 = e0 * e0 + (1 - e0 * e0) * gsl_rng_uniform(r);
            eps = sqrt(eps2);
        }
        double t = (1 - eps) / (k * eps), sin2 = t * (2 - t);
        if (1 - eps * sin2 / (1 + eps2) >= gsl_rng_uniform(r)) return eps;
    }
}

double physics_pair_share(const gsl_rng *r, double e)
{
    double e0 = M_ELECTRON / e;
    for (;;) {
        double eps = e0 + (1 - 2 * e0) * gsl_rng_uniform(r);
        if (1 - 4.0 / 3 * eps * (1 - eps) >= gsl_rng_uniform(r)) return eps;
    }
}

double physics_hadron_path(const physics *ph, int pion, double t)
{
    double lt = log(t);
    return pion ? spline_at(ph->pion_path, lt, ph->pion_lo, ph->pion_hi)
                : spline_at(ph->proton_path, lt, ph->proton_lo, ph->proton_hi);
}

double physics_lindhard(double e)
{
    double eps = LINDHARD_EPS_PER_KEV * 1e3 * e;
    double kg = LINDHARD_K * (3 * pow(eps, 0.15) + 0.7 * pow(eps, 0.6) + eps);
    return kg / (1 + kg);
}

double physics_michel_energy(const gsl_rng *r)
{
    /* x^2 (3 - 2x) <= 1 on [0, 1]: rejection from a uniform. */
    double x0 = M_ELECTRON / MICHEL_E_MAX;
    for (;;) {
        double x = x0 + (1 - x0) * gsl_rng_uniform(r);
        if (x * x * (3 - 2 * x) >= gsl_rng_uniform(r)) return x * MICHEL_E_MAX;
    }
}
