#include "sim/coherent.h"

#include <gsl/gsl_integration.h>
#include <math.h>

#include "sim/kinematics.h"
#include "sim/sim_constants.h"

#define AR_A (AR_PROTONS + AR_NEUTRONS)
#define HBARC2_GEV2_MB (HBARC2_1E38CM2 * 1e-11) /* (hbar c)^2 in GeV^2 mb: 1 mb = 1 / 0.3894 GeV^-2 */
#define GEV2_PER_FM2 (1 / (HBARC2_GEV2_MB * FSI_FM2_PER_MB)) /* 1 fm^2 in GeV^-2 */
#define WORKSPACE 1000

/* ---- pion-nucleon (Berger's fit) ---- */

/* Returns the pion's momentum (GeV) in the pi-p centre of mass at invariant mass w (GeV); 0 below threshold. */
static double pin_pstar(double w, double mpi)
{
    double mp = M_PROTON * 1e-3, a = (w * w - (mp + mpi) * (mp + mpi)) * (w * w - (mp - mpi) * (mp - mpi));
    return a > 0 ? sqrt(a) / (2 * w) : 0;
}

/* Returns a Breit-Wigner term of the fit (mb): 8 pi (hbar c)^2 / p*^2 times the resonance shape. */
static double pin_breit_wigner(double w, double pstar, double wr, double gamma)
{
    return 8 * M_PI * HBARC2_GEV2_MB / (pstar * pstar) * gamma * gamma / (4 * (w - wr) * (w - wr) + gamma * gamma);
}

double coherent_pion_nucleon_sigma(double epi, double mpi, int total)
{
    static const double res[COH_PIN_RES_N][3] = COH_PIN_RES, weight[4][COH_PIN_RES_N + 1] = COH_PIN_WEIGHT,
                        bg[4][3] = COH_PIN_BG, high[4][4] = COH_PIN_HIGH;
    double e = epi * 1e-3, m = mpi * 1e-3, mp = M_PROTON * 1e-3;
    if (e <= m) return 0;
    double p = sqrt(e * e - m * m), w = sqrt(mp * mp + m * m + 2 * e * mp), ps = pin_pstar(w, m);
    double term[COH_PIN_RES_N + 1], x = 6 * ps;
    term[0] = pin_breit_wigner(w, ps, 1.232, 0.15 * x * x * x / (1 + x * x)); /* the Delta, p-wave width */
    for (int k = 0; k < COH_PIN_RES_N; k++) {
        double gamma = res[k][1] * pow(ps / pin_pstar(res[k][0], m), res[k][2]);
        term[k + 1] = pin_breit_wigner(w, ps, res[k][0], gamma);
    }
    double sum = 0;
    for (int c = total ? 0 : 2; c < (total ? 2 : 4); c++) { /* pi+ p, then pi- p */
        double s = bg[c][0] * p + bg[c][1] * p * p + bg[c][2] * p * p * p;
        for (int k = 0; k <= COH_PIN_RES_N; k++) s += weight[c][k] * term[k];
        sum += p > high[c][0] ? high[c][1] + high[c][2] * pow(p, high[c][3]) : s;
    }
    return sum / 2; /* isospin average: pi+ p and pi- p (= pi+ n) alike on a nucleus with N ~ Z */
}

/* ---- pion-nucleus elastic scattering ---- */

/* Writes the pion's kinetic energy and its momentum in the pion-nucleus centre of mass (GeV) for energy
   transfer nu and Q^2 = q2 (GeV, GeV^2) on a nucleus at rest, as Berger-Sehgal and GENIE take them;
   returns 0 where no pion of mass mpi can be made. */
static int pion_state(double nu, double q2, double mpi, double *tpi, double *pstar)
{
    double m = AR40_MASS * 1e-3, w2 = m * m - q2 + 2 * nu * m;
    double a = (2 * m * (nu - mpi) - q2 - mpi * mpi) * (2 * m * (nu + mpi) - q2 - mpi * mpi);
    *tpi = nu - mpi - (q2 + mpi * mpi) / (2 * m);
    if (a <= 0 || w2 <= 0 || *tpi <= 0) return 0;
    *pstar = sqrt(a) / (2 * sqrt(w2));
    return 1;
}

/* Writes d sigma(pi A -> pi A) / dt as n <= 2 exponentials c[k] exp(-s[k] |t|) (c in GeV^-4, s in
   GeV^-2) for the pion made by nu at q2 (GeV units); returns n. Pion-carbon fits below COH_TPI_TABLE,
   each carried from its momentum p_k to the pion's at the same angle (|t| p_k^2 / p*^2), interpolated
   linearly in the kinetic energy; above, the optical model A^2 F_abs sigma_tot^2 / 16 pi exp(-R^2 |t| / 3)
   with F_abs = exp(-9 A^(1/3) sigma_inel / (16 pi R0^2)) (Berger-Sehgal eq. 13). */
static int pion_nucleus_terms(double nu, double q2, double mpi, double c[2], double s[2])
{
    static const double te[COH_PIC_N] = COH_PIC_T, a1[COH_PIC_N] = COH_PIC_A1, b1[COH_PIC_N] = COH_PIC_B1,
                        pk[COH_PIC_N] = COH_PIC_P;
    double tpi, ps;
    if (!pion_state(nu, q2, mpi, &tpi, &ps)) return 0;
    double a = AR_A / 12.0, a43 = pow(a, 4.0 / 3), a23 = pow(a, 2.0 / 3);
    if (tpi > COH_TPI_TABLE * 1e-3) {
        double r02 = COH_R0 * COH_R0 * GEV2_PER_FM2, r2 = r02 * pow(AR_A, 2.0 / 3);
        double tot = coherent_pion_nucleon_sigma(nu * 1e3, mpi * 1e3, 1) / HBARC2_GEV2_MB;
        double inel = tot - coherent_pion_nucleon_sigma(nu * 1e3, mpi * 1e3, 0) / HBARC2_GEV2_MB;
        double fabs_ = exp(-9 * cbrt(AR_A) / (16 * M_PI * r02) * inel);
        c[0] = AR_A * AR_A * fabs_ * tot * tot / (16 * M_PI);
        s[0] = r2 / 3;
        return 1;
    }
    int j = 0;
    while (j < COH_PIC_N && te[j] * 1e-3 < tpi) j++;
    int lo = j == COH_PIC_N ? COH_PIC_N - 1 : j - 1, hi = j == COH_PIC_N ? COH_PIC_N - 1 : j, n = 0;
    double whi = lo == hi ? 1 : lo < 0 ? tpi / (te[0] * 1e-3) : (tpi - te[lo] * 1e-3) / ((te[hi] - te[lo]) * 1e-3);
    for (int k = lo; k <= hi; k++) {
        if (k < 0) continue; /* below the first point: from 0 at rest */
        double w = k == hi ? whi : 1 - whi, p2 = pk[k] * pk[k] * 1e-6;
        c[n] = w * a1[k] * a43 * p2 / (ps * ps) / HBARC2_GEV2_MB;
        s[n++] = b1[k] * a23 * p2 / (ps * ps);
    }
    return n;
}

double coherent_pion_nucleus_dsdt(double nu, double q2, double mpi, double t)
{
    double c[2], s[2], sum = 0;
    int n = pion_nucleus_terms(nu * 1e-3, q2 * 1e-6, mpi * 1e-3, c, s);
    for (int k = 0; k < n; k++) sum += c[k] * exp(-s[k] * t * 1e-6);
    return sum * HBARC2_GEV2_MB;
}

int coherent_t_range(double nu, double q2, double mpi, double *lo, double *hi)
{
    if (nu <= mpi) return 0;
    double q = sqrt(nu * nu + q2), p = sqrt(nu * nu - mpi * mpi);
    *lo = (q - p) * (q - p);
    *hi = (q + p) * (q + p);
    return 1;
}

/* ---- the neutrino cross-section ---- */

/* Returns the mass (MeV) of the pion of CC (pi+) or NC (pi0). */
static double pion_mass(int cc) { return cc ? M_PION_CHARGED : M_PION_ZERO; }

/* Returns the factor (GeV^-2) that multiplies d sigma(pi A)/dt in d^3 sigma / dQ^2 dy dt at (q2, y) (GeV^2)
   and enu (GeV): G_F^2 f_pi^2 / 4 pi^2 E(1-y) / |q| (1 - Q^2 / 4E^2(1-y)) (Berger-Sehgal eqs. 6, 7, with
   GENIE's exact kinematic term) times, for NC, the axial propagator G_A^2 = (M_A^2 / (M_A^2 + Q^2))^2; for
   CC, cos^2 theta_C times 2 (the charged current's isospin factor against NC's) times the Adler
   lepton-mass factor (Rein-Sehgal hep-ph/0606185): (G_A - Q^2_min / 2(Q^2 + m_pi^2))^2 + y Q^2_min (Q^2 -
   Q^2_min) / 4 (Q^2 + m_pi^2)^2, Q^2_min = m_l^2 y / (1 - y), 0 below Q^2_min. 0 outside the model's region
   or where the lepton cannot be made. */
static double lepton_factor(int cc, double ml, double enu, double q2, double y)
{
    double mpi = pion_mass(cc) * 1e-3, nu = y * enu, el = enu - nu;
    if (y <= mpi / enu || y >= 1 - ml / enu || q2 <= 0 || q2 > COH_Q2_MAX * 1e-6) return 0;
    double pl = sqrt(el * el - ml * ml), cos_l = (2 * enu * el - ml * ml - q2) / (2 * enu * pl);
    if (cos_l < -1 || cos_l > 1) return 0; /* the lepton's own range */
    double kin = 1 - q2 / (4 * enu * enu * (1 - y));
    if (kin <= 0) return 0;
    double fpi = COH_FPI_OVER_MPI * mpi, ma2 = COH_AXIAL_MASS * COH_AXIAL_MASS * 1e-6, ga = ma2 / (ma2 + q2);
    double front = FERMI_CONSTANT * FERMI_CONSTANT * fpi * fpi / (4 * M_PI * M_PI) * el / sqrt(nu * nu + q2) * kin;
    if (!cc) return front * ga * ga;
    double q2min = ml * ml * y / (1 - y), mpic2 = pow(M_PION_CHARGED * 1e-3, 2);
    if (q2 <= q2min) return 0;
    double c1 = ga - 0.5 * q2min / (q2 + mpic2), c2 = 0.25 * y * q2min * (q2 - q2min) / pow(q2 + mpic2, 2);
    return front * COH_COS2_CABIBBO * 2 * (c1 * c1 + c2);
}

double coherent_xsec_dq2dydt(int cc, double ml, double enu, double q2, double y, double t)
{
    double f = lepton_factor(cc, ml * 1e-3, enu * 1e-3, q2 * 1e-6, y), lo, hi;
    if (f <= 0 || !coherent_t_range(y * enu, q2, pion_mass(cc), &lo, &hi) || t < lo || t > hi) return 0;
    return f * coherent_pion_nucleus_dsdt(y * enu, q2, pion_mass(cc), t) / HBARC2_GEV2_MB * HBARC2_1E38CM2;
}

/* Returns the integral of c exp(-s t) over t from lo to hi (GeV^2). */
static double exp_integral(double c, double s, double lo, double hi) { return c * (exp(-s * lo) - exp(-s * hi)) / s; }

double coherent_xsec_dq2dy(int cc, double ml, double enu, double q2, double y)
{
    double f = lepton_factor(cc, ml * 1e-3, enu * 1e-3, q2 * 1e-6, y), lo, hi, c[2], s[2], sum = 0;
    if (f <= 0 || !coherent_t_range(y * enu, q2, pion_mass(cc), &lo, &hi)) return 0;
    int n = pion_nucleus_terms(y * enu * 1e-3, q2 * 1e-6, pion_mass(cc) * 1e-3, c, s);
    for (int k = 0; k < n; k++) sum += exp_integral(c[k], s[k], lo * 1e-6, hi * 1e-6);
    return f * sum * HBARC2_1E38CM2;
}

typedef struct {
    int cc;
    double ml, enu, y; /* MeV */
} coh_point;

/* Returns d^2 sigma / dQ^2 dy at Q^2 = q2 (GeV^2). */
static double coh_dq2(double q2, void *par)
{
    const coh_point *p = par;
    return coherent_xsec_dq2dy(p->cc, p->ml, p->enu, q2 * 1e6, p->y);
}

/* Returns d sigma / dy: d^2 sigma / dQ^2 dy integrated over Q^2 (GeV^2). */
static double coh_dy(double y, void *par)
{
    coh_point p = *(const coh_point *)par;
    p.y = y;
    gsl_function f = {coh_dq2, &p};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(WORKSPACE);
    double r, err;
    gsl_integration_qags(&f, 0, COH_Q2_MAX * 1e-6, 0, 1e-6, WORKSPACE, w, &r, &err);
    gsl_integration_workspace_free(w);
    return r;
}

double coherent_xsec(int cc, double ml, double enu)
{
    static const double te[COH_PIC_N] = COH_PIC_T;
    double mpi = pion_mass(cc), ylo = mpi / enu, yhi = 1 - ml / enu, pts[COH_PIC_N + 3] = {ylo};
    if (yhi <= ylo) return 0;
    int m = 1; /* the kinks of the pion-carbon interpolation and the jump to the optical model, at Q^2 = 0 */
    for (int k = 0; k <= COH_PIC_N; k++) {
        double y = ((k < COH_PIC_N ? te[k] : COH_TPI_TABLE) + mpi + mpi * mpi / (2 * AR40_MASS)) / enu;
        if (y > pts[m - 1] && y < yhi) pts[m++] = y;
    }
    pts[m++] = yhi;
    coh_point p = {cc, ml, enu, 0};
    gsl_function f = {coh_dy, &p};
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(WORKSPACE);
    gsl_error_handler_t *old = gsl_set_error_handler_off(); /* a tolerance not reached still gives the best estimate */
    double r, err;
    gsl_integration_qagp(&f, pts, m, 0, 1e-5, WORKSPACE, w, &r, &err);
    gsl_set_error_handler(old);
    gsl_integration_workspace_free(w);
    return r;
}

/* ---- the sampler ---- */

/* Returns |t| (GeV^2) drawn from sum_k c_k exp(-s_k t) between lo and hi: a term by its integral, then
   its truncated exponential by inverting the CDF. */
static double t_draw(const gsl_rng *r, const double *c, const double *s, int n, double lo, double hi)
{
    double part[2], sum = 0;
    for (int k = 0; k < n; k++) sum += part[k] = exp_integral(c[k], s[k], lo, hi);
    int k = n > 1 && gsl_rng_uniform(r) * sum >= part[0];
    double u = gsl_rng_uniform(r), e = exp(-s[k] * (hi - lo));
    return lo - log(1 - u * (1 - e)) / s[k];
}

double coherent_envelope(int cc, double ml, double enu)
{
    double ylo = pion_mass(cc) / enu, yhi = 1 - ml / enu, top = 0;
    int ny = (int)fmax(COH_GRID_Y, ceil((yhi - ylo) * enu / COH_GRID_DNU));
    for (int i = 0; i < ny; i++)
        for (int j = 0; j < COH_GRID_Q2; j++) {
            double u = (j + 0.5) / COH_GRID_Q2; /* quadratic in Q^2: the density is steepest near 0 */
            top = fmax(top, coherent_xsec_dq2dy(cc, ml, enu, COH_Q2_MAX * u * u, ylo + (yhi - ylo) * (i + 0.5) / ny));
        }
    return top;
}

int coherent_kinematics(const gsl_rng *r, int cc, double ml, double enu, double *y, double *q2, double *t)
{
    double mpi = pion_mass(cc), ylo = mpi / enu, yhi = 1 - ml / enu, qhi = COH_Q2_MAX;
    if (yhi <= ylo) return 0;
    double top = coherent_envelope(cc, ml, enu);
    if (top <= 0) return 0;
    for (int tries = 0; tries < 1000000; tries++) {
        double yy = ylo + (yhi - ylo) * gsl_rng_uniform(r), x = qhi * gsl_rng_uniform(r);
        if (gsl_rng_uniform(r) * COH_ENVELOPE_MARGIN * top >= coherent_xsec_dq2dy(cc, ml, enu, x, yy)) continue;
        double lo = 0, hi = 0, c[2], s[2]; /* an accepted draw has a positive density: the range exists */
        coherent_t_range(yy * enu, x, mpi, &lo, &hi);
        int n = pion_nucleus_terms(yy * enu * 1e-3, x * 1e-6, mpi * 1e-3, c, s);
        *t = t_draw(r, c, s, n, lo * 1e-6, hi * 1e-6) * 1e6;
        *y = yy;
        *q2 = x;
        return 1;
    }
    return 0;
}

int coherent_pion(const double q[4], double t, double mpi, double phi, double pion[4])
{
    double ta = t / (2 * AR40_MASS), e = q[0] - ta, p2 = e * e - mpi * mpi, recoil2 = t + ta * ta;
    double qv2 = q[1] * q[1] + q[2] * q[2] + q[3] * q[3], qv = sqrt(qv2);
    if (p2 <= 0 || qv <= 0) return 0;
    double p = sqrt(p2), cos_t = (qv2 + p2 - recoil2) / (2 * qv * p);
    if (cos_t < -1 || cos_t > 1) return 0;
    double d[3] = {q[1] / qv, q[2] / qv, q[3] / qv};
    dir_deflect(d, cos_t, phi);
    pion[0] = e;
    for (int k = 0; k < 3; k++) pion[k + 1] = p * d[k];
    return 1;
}
