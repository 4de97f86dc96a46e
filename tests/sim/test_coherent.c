/* Coherent pion production (sim/coherent.h, GENIE 3.0.6's Berger-Sehgal) against measurements and the
   model itself:
   - the CC cross-section on argon against ArgoNeuT (Acciarri et al., PRL 113 (2014) 261801): nu_mu at a
     mean energy of 9.6 GeV 2.6 +1.2 -1.0 (stat) +0.3 -0.4 (syst) 1e-38 cm^2/Ar, anti-nu_mu at 3.6 GeV
     5.5 +2.6 -2.1 +0.6 -0.7 1e-39 cm^2/Ar (Berger-Sehgal, as GENIE, gives anti-nu the nu cross-section):
     within 2 sigma of each (stat and syst in quadrature, on the side the model falls), since the model is
     taken at the mean energy, not averaged over NuMI's flux;
   - NC/CC as PCAC gives it: with a massless lepton 1 / (2 cos^2 theta_C) times (m_pi0 / m_pi+)^2 (f_pi =
     0.93 m_pi) to 3 % (what is left: the lighter pi0's lower threshold and smaller t_min, 2.6 % at 1 GeV,
     1 % at 2.5-4 GeV); the muon's mass suppresses CC, less as the energy rises (Adler's factor,
     Rein-Sehgal hep-ph/0606185);
   - |t| falls with the nucleus's slope: where the pion is above COH_TPI_TABLE d sigma / dt ~ exp(-R^2 |t|
     / 3), R = R0 A^(1/3) (to 1e-9), and the sampled |t| - t_min has mean 3 / R^2 (5 standard errors);
   - the sampler reproduces the model: its envelope covers the density on a fine grid at 1-4 GeV, and
     the means of y, Q^2 and |t| of 20000 draws at 2.5 GeV match the density integrated on a grid (5
     standard errors plus 0.5 % for the grid, whose cross-section matches the adaptive quadrature's to 0.5 %);
   - generated events (interaction_generate): CC nu_mu makes mu- pi+, NC one pi0, nothing else (no cascade,
     no evaporation); energy is conserved with the nucleus's recoil t / 2M_A (1e-9 relative) and momentum
     with the recoil's momentum^2 t + (t / 2M_A)^2 (1e-6); the pion is forward (mean angle below 20 deg);
   - the channel's share of CC is a small, plausible one at 1-4 GeV (0.1-3 %; ArgoNeuT's measurements are
     about 1 % of the CC inclusive cross-section) and the tables XSEC_COH* are the module's (test_xsec). */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/coherent.h"
#include "sim/event.h"
#include "sim/interaction.h"
#include "sim/sim_constants.h"

/* Checks model against a measurement with asymmetric errors (stat and syst, each up and down) within
   k sigma on the side the model falls. */
static void against(const char *what, double model, double value, const double up[2], const double down[2], double k)
{
    double su = hypot(up[0], up[1]), sd = hypot(down[0], down[1]), s = model > value ? su : sd;
    printf("%-44s model %.3f  measured %.3f +%.3f -%.3f  pull %+.2f\n", what, model, value, su, sd, (model - value) / s);
    CHECK(fabs(model - value) <= k * s, "%s: model %g, measured %g", what, model, value);
}

static void argoneut(void)
{
    const double nu_up[2] = {1.2, 0.3}, nu_down[2] = {1.0, 0.4}, nb_up[2] = {0.26, 0.06}, nb_down[2] = {0.21, 0.07};
    against("CC nu_mu 40Ar, 9.6 GeV (1e-38 cm^2)", coherent_xsec(1, M_MUON, 9600), 2.6, nu_up, nu_down, 2);
    against("CC anti-nu_mu 40Ar, 3.6 GeV (1e-38 cm^2)", coherent_xsec(1, M_MUON, 3600), 0.55, nb_up, nb_down, 2);
}

static void nc_over_cc(void)
{
    double pcac = 1 / (2 * COH_COS2_CABIBBO) * pow(M_PION_ZERO / M_PION_CHARGED, 2), last = 0;
    for (double e = 1000; e <= 4000; e += 1500) {
        double nc = coherent_xsec(0, 0, e), cc0 = coherent_xsec(1, 0, e), ccmu = coherent_xsec(1, M_MUON, e);
        char what[64];
        snprintf(what, sizeof what, "NC / CC (massless lepton) at %.1f GeV", e * 1e-3);
        CHECK_NEAR(what, nc / cc0, pcac, 0.03);
        printf("CC nu_mu / CC massless at %.1f GeV: %.3f (NC / CC nu_mu %.3f)\n", e * 1e-3, ccmu / cc0, nc / ccmu);
        CHECK(ccmu < cc0 && ccmu / cc0 > last, "the muon's suppression %g at %g MeV does not fall with energy",
              ccmu / cc0, e);
        last = ccmu / cc0;
    }
}

/* Returns the slope -d ln(d^3 sigma / dQ^2 dy dt) / d|t| (GeV^-2) at (q2, y) between |t| = t and t + dt. */
static double t_slope(double enu, double q2, double y, double t, double dt)
{
    double a = coherent_xsec_dq2dydt(1, M_MUON, enu, q2, y, t), b = coherent_xsec_dq2dydt(1, M_MUON, enu, q2, y, t + dt);
    return log(a / b) / (dt * 1e-6);
}

static void t_slope_checks(const gsl_rng *r)
{
    double r2 = pow(COH_R0 * cbrt(AR_PROTONS + AR_NEUTRONS), 2) / (HBARC2_1E38CM2 * 1e-11 * FSI_FM2_PER_MB); /* GeV^-2 */
    double lo, hi, e = 4000, y = 0.5, q2 = 1e5;
    coherent_t_range(y * e, q2, M_PION_CHARGED, &lo, &hi);
    CHECK_NEAR("d sigma/dt slope above 1 GeV (GeV^-2)", t_slope(e, q2, y, lo + 1000, 5000), r2 / 3, 1e-9);
    /* Draws whose pion is well above COH_TPI_TABLE: |t| - t_min has the mean 3 / R^2 of the exponential
       (t_max is out of reach: (|q| + p)^2 R^2 / 3 > 1000). */
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int i = 0; i < 20000 && n < 3000; i++) {
        double yy, x, t;
        if (!coherent_kinematics(r, 1, M_MUON, e, &yy, &x, &t)) continue;
        if (yy * e - M_PION_CHARGED < COH_TPI_TABLE + 100) continue;
        coherent_t_range(yy * e, x, M_PION_CHARGED, &lo, &hi);
        double d = (t - lo) * 1e-6;
        sum += d, sum2 += d * d, n++;
    }
    double mean = sum / n, err = sqrt((sum2 / n - mean * mean) / n);
    printf("sampled <|t| - t_min> above 1.1 GeV pion energy (%d draws): %.5f +- %.5f GeV^2, 3/R^2 = %.5f\n", n,
           mean, err, 3 / r2);
    CHECK(n > 500 && fabs(mean - 3 / r2) < 5 * err, "<|t| - t_min> %g +- %g, 3/R^2 %g", mean, err, 3 / r2);
}

/* The model's means of y, Q^2 (GeV^2) and |t| (GeV^2) for CC nu_mu at enu: midpoint grid in y and in u,
   Q^2 = Q^2_max u^2 (the density is steepest near Q^2 = 0: a uniform grid there is 1 % off), and |t| on a
   grid from t_min over 0.1 GeV^2 (the slopes exceed 80 GeV^-2: e^-8 is left). Returns the cross-section
   the grid integrates. */
static double model_means(double enu, double mean[3])
{
    int ny = 160, nq = 160, nt = 100;
    double ylo = M_PION_CHARGED / enu, yhi = 1 - M_MUON / enu, total = 0, m[3] = {0};
    for (int i = 0; i < ny; i++) {
        double y = ylo + (yhi - ylo) * (i + 0.5) / ny;
        for (int j = 0; j < nq; j++) {
            double u = (j + 0.5) / nq, q2 = COH_Q2_MAX * u * u, lo, hi;
            double w = coherent_xsec_dq2dy(1, M_MUON, enu, q2, y) * 2 * u; /* dQ^2 = 2u du Q^2_max */
            if (w <= 0 || !coherent_t_range(y * enu, q2, M_PION_CHARGED, &lo, &hi)) continue;
            double st = 0, stt = 0, span = fmin(hi - lo, 1e5);
            for (int k = 0; k < nt; k++) {
                double t = lo + span * (k + 0.5) / nt, d = coherent_xsec_dq2dydt(1, M_MUON, enu, q2, y, t);
                st += d, stt += d * t;
            }
            total += w;
            m[0] += w * y, m[1] += w * q2 * 1e-6, m[2] += w * (st > 0 ? stt / st * 1e-6 : 0);
        }
    }
    for (int k = 0; k < 3; k++) mean[k] = m[k] / total;
    return total * (yhi - ylo) / ny * COH_Q2_MAX * 1e-6 / nq;
}

static void sampler(const gsl_rng *r)
{
    /* The envelope: the largest density on the sampler's grid times its margin covers the density on a
       200 x 200 grid, cubic in Q^2 (to reach the steep edge at Q^2 -> 0), CC and NC, 1-4 GeV. */
    for (double e = 1000; e <= 4000; e += 1000)
        for (int cc = 0; cc < 2; cc++) {
            double ml = cc ? M_MUON : 0, ylo = (cc ? M_PION_CHARGED : M_PION_ZERO) / e, yhi = 1 - ml / e, fine = 0;
            for (int i = 0; i < 200; i++)
                for (int j = 0; j < 200; j++) {
                    double u = (j + 0.5) / 200, y = ylo + (yhi - ylo) * (i + 0.5) / 200;
                    fine = fmax(fine, coherent_xsec_dq2dy(cc, ml, e, COH_Q2_MAX * u * u * u, y));
                }
            double top = coherent_envelope(cc, ml, e);
            printf("envelope at %.0f GeV %s: fine-grid peak / envelope %.3f (margin %.1f)\n", e * 1e-3, cc ? "CC" : "NC",
                   fine / top, COH_ENVELOPE_MARGIN);
            CHECK(fine < COH_ENVELOPE_MARGIN * top, "the envelope misses a peak at %g MeV", e);
        }
    int n = 20000;
    double s[3] = {0}, s2[3] = {0}, model[3];
    for (int i = 0; i < n; i++) {
        double v[3];
        REQUIRE(coherent_kinematics(r, 1, M_MUON, 2500, &v[0], &v[1], &v[2]));
        v[1] *= 1e-6, v[2] *= 1e-6;
        for (int k = 0; k < 3; k++) s[k] += v[k], s2[k] += v[k] * v[k];
    }
    CHECK_NEAR("CC nu_mu sigma at 2.5 GeV, grid / GSL", model_means(2500, model), coherent_xsec(1, M_MUON, 2500), 0.005);
    const char *name[3] = {"<y>", "<Q^2> (GeV^2)", "<|t|> (GeV^2)"};
    for (int k = 0; k < 3; k++) {
        double mean = s[k] / n, err = sqrt((s2[k] / n - mean * mean) / n);
        printf("CC nu_mu coherent at 2.5 GeV %-14s sampled %.5f +- %.5f  model %.5f\n", name[k], mean, err, model[k]);
        CHECK(fabs(mean - model[k]) < 5 * err + 0.005 * model[k], "%s sampled %g, model %g", name[k], mean, model[k]);
    }
}

/* Writes the four-momentum of final-state particle p. */
static void p4_of(const particle *p, double v[4])
{
    double m = species_mass(p->sp), e = p->t + m, mom = sqrt(fmax(e * e - m * m, 0));
    v[0] = e;
    for (int k = 0; k < 3; k++) v[k + 1] = mom * p->dir[k];
}

static void events(const gsl_rng *r)
{
    const double vertex[3] = {0, 0, VERTEX_Z}, enu = 3500;
    for (int nc = 0; nc < 2; nc++) {
        enum event_class cls = nc ? CLASS_NC : CLASS_NUMU_CC;
        int found = 0, draws = 0;
        double angle = 0, worst_e = 0, worst_p = 0;
        interaction in;
        while (found < 200 && draws < 400000) {
            interaction_generate(r, cls, enu, vertex, 1, &in);
            draws++;
            if (in.channel != CH_COH) continue;
            found++;
            enum species pion = nc ? SP_PION_ZERO : SP_PION_PLUS;
            CHECK(in.n == (nc ? 1 : 2) && in.fs[in.n - 1].sp == pion && (nc || in.fs[0].sp == SP_MUON_MINUS),
                  "coherent %s event with %d particles", class_name(cls), in.n);
            double sum[4] = {0}, v[4], ta = in.t / (2 * AR40_MASS);
            for (int k = 0; k < in.n; k++) {
                p4_of(&in.fs[k], v);
                for (int c = 0; c < 4; c++) sum[c] += v[c];
            }
            worst_e = fmax(worst_e, nc ? fabs(in.enu - in.lepton_e - sum[0] - ta) / enu
                                       : fabs(in.enu - sum[0] - ta) / enu);
            if (!nc) { /* NC's outgoing neutrino has no stored direction: energy only */
                double px = -sum[1], py = -sum[2], pz = enu - sum[3];
                worst_p = fmax(worst_p, fabs(px * px + py * py + pz * pz - in.t - ta * ta) / fmax(in.t, 1));
            }
            p4_of(&in.fs[in.n - 1], v);
            angle += acos(v[3] / sqrt(v[1] * v[1] + v[2] * v[2] + v[3] * v[3]));
        }
        angle *= 180 / M_PI / found;
        printf("%s coherent at %.1f GeV: %d of %d draws, mean pion angle %.1f deg, energy %.1e, momentum %.1e\n",
               class_name(cls), enu * 1e-3, found, draws, angle, worst_e, worst_p);
        CHECK(found == 200, "only %d coherent events in %d draws", found, draws);
        CHECK(worst_e < 1e-9, "energy not conserved: %g", worst_e);
        CHECK(worst_p < 1e-6, "momentum not conserved: %g", worst_p);
        CHECK(angle < 20, "mean coherent pion angle %g deg", angle);
    }
}

static void shares(void)
{
    for (double e = 1000; e <= 4000; e += 1500) {
        double cc = interaction_channel_share(CLASS_NUMU_CC, CH_COH, e), nc = interaction_channel_share(CLASS_NC, CH_COH, e);
        printf("coherent share at %.1f GeV: CC nu_mu %.4f, CC nu_e %.4f, NC %.4f\n", e * 1e-3, cc,
               interaction_channel_share(CLASS_NUE_CC, CH_COH, e), nc);
        CHECK(cc > 0.001 && cc < 0.03, "CC coherent share %g at %g MeV", cc, e);
    }
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 4013);
    argoneut();
    nc_over_cc();
    t_slope_checks(r);
    sampler(r);
    events(r);
    shares();
    gsl_rng_free(r);
    return check_status();
}
