#include "sim/xsec.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdlib.h>

#include "sim/coherent.h"
#include "sim/interaction.h"
#include "sim/resonance.h"
#include "sim/sim_constants.h"

#define WORKSPACE 1000
#define MAX_JUMPS 32

/* Returns the integral of f from a to b (relative precision eps) with GSL's adaptive Gauss-Kronrod rule
   and, when n > 0, the n points where f jumps (strictly inside, ascending). */
static double integrate(gsl_function *f, double a, double b, const double *jumps, int n, double eps)
{
    if (b <= a) return 0;
    double pts[MAX_JUMPS + 2] = {a}, r, err;
    int m = 1;
    for (int k = 0; k < n; k++)
        if (jumps[k] > pts[m - 1] && jumps[k] < b) pts[m++] = jumps[k];
    pts[m++] = b;
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(WORKSPACE);
    gsl_error_handler_t *old = gsl_set_error_handler_off(); /* a tolerance not reached still gives the best estimate */
    gsl_integration_qagp(f, pts, m, 0, eps, WORKSPACE, w, &r, &err);
    gsl_set_error_handler(old);
    gsl_integration_workspace_free(w);
    return r;
}

/* ---- QE ---- */

typedef struct {
    double e, ml; /* GeV */
    int pauli;
} qe_point;

/* Returns the share of a Fermi sphere of radius k_F that a momentum transfer |q| = qv moves out of it:
   1 - (overlap of two spheres qv apart) / (sphere) = 3x/4 - x^3/16 for x = qv/k_F < 2, else 1. */
static double pauli_share(double qv)
{
    double x = qv / (FERMI_MOMENTUM * 1e-3);
    return x >= 2 ? 1 : 0.75 * x - x * x * x / 16;
}

/* Returns Llewellyn Smith's dsigma/dQ^2 (GeV^-4) of nu_mu n -> mu- p at Q^2 = q2 (GeV^2), GENIE's
   LwlynSmithQELCCPXSec with its dipole form factors (LwlynSmithFFCC, DipoleELFormFactorsModel). */
static double qe_dq2(double q2, void *par)
{
    const qe_point *p = par;
    double m = M_NUCLEON * 1e-3, mv = QE_VECTOR_MASS * 1e-3, ma = QE_AXIAL_MASS * 1e-3, mpi = M_PION_CHARGED * 1e-3;
    double m2 = m * m, ml2 = p->ml * p->ml, tau = q2 / (4 * m2);
    double gd = 1 / ((1 + q2 / (mv * mv)) * (1 + q2 / (mv * mv)));
    double gve = gd, gvm = (MU_PROTON - MU_NEUTRON) * gd; /* CVC: G_E^p - G_E^n (G_E^n = 0), G_M^p - G_M^n */
    double f1 = (gve + tau * gvm) / (1 + tau), xf2 = (gvm - gve) / (1 + tau);
    double fa = QE_FA0 / ((1 + q2 / (ma * ma)) * (1 + q2 / (ma * ma))), fp = 2 * m2 * fa / (mpi * mpi + q2);
    double a = (ml2 + q2) / m2 * ((1 + tau) * fa * fa - (1 - tau) * f1 * f1 + tau * (1 - tau) * xf2 * xf2 +
                                  4 * tau * f1 * xf2 -
                                  ml2 / (4 * m2) * ((f1 + xf2) * (f1 + xf2) + (fa + 2 * fp) * (fa + 2 * fp) -
                                                     4 * (1 + tau) * fp * fp));
    double b = q2 / m2 * fa * (f1 + xf2), c = 0.25 * (fa * fa + f1 * f1 + tau * xf2 * xf2);
    double su = (4 * p->e * m - q2 - ml2) / m2; /* (s - u) / M^2 */
    double g = FERMI_CONSTANT * FERMI_CONSTANT * CKM_VUD * CKM_VUD * m2 / (8 * M_PI * p->e * p->e);
    double x = g * (a + b * su + c * su * su);
    if (p->pauli) x *= pauli_share(sqrt(q2 + q2 * q2 / (4 * m2))); /* |q| at nu = Q^2/2M, as sampled */
    return x;
}

double xsec_qe_neutron(double enu, int pauli)
{
    double lo, hi;
    if (!interaction_q2_range(enu, M_MUON, M_NUCLEON, &lo, &hi)) return 0;
    qe_point p = {enu * 1e-3, M_MUON * 1e-3, pauli};
    gsl_function f = {qe_dq2, &p};
    double m = M_NUCLEON * 1e-3, kf = FERMI_MOMENTUM * 1e-3;
    double kink = 2 * m * m * (sqrt(1 + 4 * kf * kf / (m * m)) - 1); /* |q| = 2 k_F: the blocking ends */
    return integrate(&f, lo * 1e-6, hi * 1e-6, &kink, pauli, 1e-7) * HBARC2_1E38CM2;
}

double xsec_qe(double enu) { return AR_NEUTRONS * xsec_qe_neutron(enu, 1); }

double xsec_mec(double enu)
{
    return MEC_FRAC_CCQE * pow(AR_NEUTRONS / 6.0, MEC_A_POWER - 1) * xsec_qe(enu);
}

/* ---- RES ---- */

static int ascending(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct {
    double enu, w; /* MeV */
    int proton;
} res_point;

/* Returns the Rein-Sehgal density summed over the resonances at (w, q2) (MeV, MeV^2), as
   resonance_xsec_all gives it (GeV^-1, GENIE's d^2 sigma / dW dQ^2 over G_F^2 |V_ud|^2 / 8 pi). */
static double res_dq2(double q2, void *par)
{
    const res_point *p = par;
    double x[RES_COUNT];
    return resonance_xsec_all(1, p->proton, p->enu, p->w, q2, x);
}

/* Returns the density integrated over the muon's Q^2 range at w (MeV), in GeV^-1 MeV^2. */
static double res_dw(double w, void *par)
{
    res_point p = *(const res_point *)par;
    double lo, hi;
    if (!interaction_q2_range(p.enu, M_MUON, w, &lo, &hi)) return 0;
    p.w = w;
    gsl_function f = {res_dq2, &p};
    return integrate(&f, lo, hi, NULL, 0, 1e-6);
}

double xsec_res_nucleon(double enu, int proton)
{
    double wlo = M_NUCLEON + M_PION_CHARGED, whi = interaction_res_w_max(enu, M_MUON);
    res_point p = {enu, 0, proton};
    gsl_function f = {res_dw, &p};
    double jumps[RES_COUNT]; /* each resonance's end, in ascending order for the integrator */
    int n = 0;
    for (int k = 0; k < RES_COUNT; k++) jumps[n++] = resonance_w_limit(k);
    qsort(jumps, n, sizeof *jumps, ascending);
    double units = FERMI_CONSTANT * FERMI_CONSTANT * CKM_VUD * CKM_VUD / (8 * M_PI) * 1e-9; /* MeV^3 -> GeV^3 */
    return integrate(&f, wlo, whi, jumps, n, 1e-5) * units * HBARC2_1E38CM2;
}

double xsec_res(double enu) { return AR_PROTONS * xsec_res_nucleon(enu, 1) + AR_NEUTRONS * xsec_res_nucleon(enu, 0); }

/* ---- DIS ---- */

typedef struct {
    double enu, x, b; /* MeV; Bjorken x; the y density's (1-y)^2 coefficient */
    int proton;
} dis_point;

/* Returns the share of a DIS draw at hadronic mass w (MeV) the sampler keeps: 0 below N pi, the sum of
   the R_n-scaled AGKY probabilities (1 above W_cut). */
static double dis_kept(double w, int proton)
{
    double p[AGKY_MAX_HADRONS + 1];
    return w < M_NUCLEON + M_PION_CHARGED ? 0 : interaction_agky_probabilities(w, proton, p);
}

/* Returns the sampler's y density (1 + b (1-y)^2, normalised) times what it keeps at (x, y). */
static double dis_dy(double y, void *par)
{
    const dis_point *p = par;
    double w = sqrt(M_NUCLEON * M_NUCLEON + 2 * M_NUCLEON * p->enu * y * (1 - p->x));
    return (1 + p->b * (1 - y) * (1 - y)) / (1 + p->b / 3) * dis_kept(w, p->proton);
}

/* Returns the x density Beta(DIS_X_ALPHA, DIS_X_BETA) times the kept share of the y density at x. */
static double dis_dx(double x, void *par)
{
    dis_point p = *(const dis_point *)par;
    p.x = x;
    /* The kept share jumps where W crosses N pi, each AGKY multiplicity's threshold below W_cut
       (M_n + (n - 1) m_pi), and W_cut: the y of each, ascending. */
    double m = M_NUCLEON, scale = 2 * m * p.enu * (1 - x), jumps[AGKY_MAX_HADRONS + 1];
    int n = 0;
    jumps[n++] = (pow(m + M_PION_CHARGED, 2) - m * m) / scale;
    for (int k = 3; M_NEUTRON + (k - 1) * M_PION_CHARGED < DIS_RES_WCUT; k++)
        jumps[n++] = (pow(M_NEUTRON + (k - 1) * M_PION_CHARGED, 2) - m * m) / scale;
    jumps[n++] = (DIS_RES_WCUT * DIS_RES_WCUT - m * m) / scale;
    gsl_function f = {dis_dy, &p};
    double beta = exp(gsl_sf_lnbeta(DIS_X_ALPHA, DIS_X_BETA));
    double density = pow(x, DIS_X_ALPHA - 1) * pow(1 - x, DIS_X_BETA - 1) / beta;
    return density * integrate(&f, 0, 1, jumps, n, 1e-7);
}

double xsec_dis_acceptance(double enu, int proton)
{
    dis_point p = {enu, 0, interaction_dis_y_slope(CLASS_NUMU_CC), proton};
    gsl_function f = {dis_dx, &p};
    return integrate(&f, 0, 1, NULL, 0, 1e-6);
}

double xsec_dis(double enu)
{
    /* Per nucleon: d quarks, 1 in a proton's valence against 2 in a neutron's, the isoscalar mean 1.5. */
    double d = (AR_PROTONS * xsec_dis_acceptance(enu, 1) + 2 * AR_NEUTRONS * xsec_dis_acceptance(enu, 0)) / 1.5;
    return XSEC_DIS_SLOPE * enu * 1e-3 * d;
}

double xsec_coh(double enu) { return coherent_xsec(1, M_MUON, enu); }
