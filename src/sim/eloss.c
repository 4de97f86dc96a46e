#include "sim/eloss.h"

#include <gsl/gsl_spline.h>
#include <math.h>
#include <stdlib.h>

#include "sim/sim_constants.h"
#include "core/util.h"

#define GRID 600
#define T_LO 0.01 /* MeV: below, the formulas fail; ranges there are microns */
#define T_HI 2e5

struct eloss {
    double mass;
    int electron;
    double lnt_lo, lnt_hi, lnr_lo, lnr_hi;
    gsl_spline *dedx;   /* ln dE/dx against ln T */
    gsl_spline *range;  /* ln R against ln T */
    gsl_spline *energy; /* ln T against ln R */
};

double eloss_density_effect(double bg)
{
    double x = log10(bg);
    if (x < LAR_DENSITY_X0) return 0;
    double d = 2 * M_LN10 * x - LAR_DENSITY_CBAR;
    if (x < LAR_DENSITY_X1) d += LAR_DENSITY_A * pow(LAR_DENSITY_X1 - x, LAR_DENSITY_K);
    return d;
}

/* Bethe-Bloch mean stopping power (PDG eq. 34.5) for a singly charged heavy particle, MeV/cm. */
static double bethe(double mass, double t)
{
    double gamma = 1 + t / mass, bg2 = gamma * gamma - 1, b2 = bg2 / (gamma * gamma);
    double r = M_ELECTRON / mass;
    double wmax = 2 * M_ELECTRON * bg2 / (1 + 2 * gamma * r + r * r);
    double i = LAR_I_EV * 1e-6;
    double l = 0.5 * log(2 * M_ELECTRON * bg2 * wmax / (i * i)) - b2 - 0.5 * eloss_density_effect(sqrt(bg2));
    double s = BETHE_K * LAR_Z / LAR_A * LAR_DENSITY / b2 * l;
    return s > 0 ? s : 0;
}

/* Electron collision stopping power (Rohrlich-Carlson, ICRU 37) plus the bremsstrahlung below
   BREMS_K_CUT that is not emitted as photons, MeV/cm. */
static double electron_loss(double t)
{
    double tau = t / M_ELECTRON, gamma = tau + 1, b2 = 1 - 1 / (gamma * gamma);
    double i = LAR_I_EV * 1e-6 / M_ELECTRON;
    double f = 1 - b2 + (tau * tau / 8 - (2 * tau + 1) * M_LN2) / ((tau + 1) * (tau + 1));
    double l = log(tau * tau * (tau + 2) / (2 * i * i)) + f - eloss_density_effect(sqrt(gamma * gamma - 1));
    double col = 0.5 * BETHE_K * LAR_Z / LAR_A * LAR_DENSITY / b2 * l;
    double yc = fmin(1, BREMS_K_CUT / t);
    double soft = t / LAR_X0 * (4.0 / 3 * yc - 2.0 / 3 * yc * yc + yc * yc * yc / 3);
    return (col > 0 ? col : 0) + soft;
}

static gsl_spline *spline_new(const double *x, const double *y, int n)
{
    gsl_spline *s = gsl_spline_alloc(gsl_interp_steffen, n);
    if (!s) nutl_die("eloss: cannot allocate a spline");
    gsl_spline_init(s, x, y, n);
    return s;
}

eloss *eloss_new(enum species sp)
{
    if (sp != SP_ELECTRON && sp != SP_POSITRON && sp != SP_MUON_MINUS && sp != SP_MUON_PLUS &&
        sp != SP_PION_PLUS && sp != SP_PION_MINUS && sp != SP_PROTON)
        nutl_die("eloss: no energy-loss table for %s", species_name(sp));
    eloss *e = nutl_calloc(sizeof *e, "energy-loss table");
    e->mass = species_mass(sp);
    e->electron = sp == SP_ELECTRON || sp == SP_POSITRON;
    double lnt[GRID], lns[GRID], lnr[GRID];
    double step = log(T_HI / T_LO) / (GRID - 1);
    int peak = 0;
    for (int k = 0; k < GRID; k++) {
        lnt[k] = log(T_LO) + k * step;
        double t = exp(lnt[k]);
        double s = e->electron ? electron_loss(t) : bethe(e->mass, t);
        lns[k] = s > 0 ? log(s) : -INFINITY;
        if (lns[k] > lns[peak]) peak = k;
    }
    /* Below the stopping-power maximum the formulas fail: hold the maximum (ranges there are microns). */
    for (int k = 0; k < peak; k++) lns[k] = lns[peak];
    /* Range by the trapezoid rule in ln T (dR = T / S(T) d ln T); the first cell as T_LO / S(T_LO). */
    double r = 0;
    for (int k = 0; k < GRID; k++) {
        double f = exp(lnt[k] - lns[k]);
        r += k == 0 ? f : 0.5 * step * (f + exp(lnt[k - 1] - lns[k - 1]));
        lnr[k] = log(r);
    }
    e->lnt_lo = lnt[0]; e->lnt_hi = lnt[GRID - 1];
    e->lnr_lo = lnr[0]; e->lnr_hi = lnr[GRID - 1];
    e->dedx = spline_new(lnt, lns, GRID);
    e->range = spline_new(lnt, lnr, GRID);
    e->energy = spline_new(lnr, lnt, GRID);
    return e;
}

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

double eloss_dedx(const eloss *e, double t)
{
    return exp(gsl_spline_eval(e->dedx, clamp(log(t), e->lnt_lo, e->lnt_hi), NULL));
}

double eloss_range(const eloss *e, double t)
{
    if (t <= 0) return 0;
    double lt = log(t);
    if (lt < e->lnt_lo) return exp(e->lnr_lo) * t / T_LO;
    return exp(gsl_spline_eval(e->range, fmin(lt, e->lnt_hi), NULL));
}

double eloss_energy(const eloss *e, double r)
{
    if (r <= 0) return 0;
    double lr = log(r);
    if (lr < e->lnr_lo) return T_LO * r / exp(e->lnr_lo);
    return exp(gsl_spline_eval(e->energy, fmin(lr, e->lnr_hi), NULL));
}

void eloss_free(eloss *e)
{
    if (!e) return;
    gsl_spline_free(e->dedx);
    gsl_spline_free(e->range);
    gsl_spline_free(e->energy);
    free(e);
}
