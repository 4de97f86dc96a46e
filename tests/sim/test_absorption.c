/* Absorption's final state against GENIE 3.0.6's hA2018 (HAIntranuke2018::Inelastic, kIHAFtAbs), for
   argon (A 40, Z 18). The distribution of the protons and neutrons out is computed here from hA's
   formulas, written out with their numbers (not the sampler's constants): the sum ns on a fine grid (a
   pion's ns N(ns0, Sig_ns) on [0, max], a nucleon's exponential), the difference nd integrated exactly
   over the intervals GENIE's rounding (int)((ns +- nd)/2 + 0.5) maps to each (np, nn), hA's rejections and
   its leave-one rule; pions add the two-body share 1.14 (0.903 - 0.00189 A)(1.35 - 0.00467 T) at n = 2.
   The sampler's mean and variance of the nucleons out (and of the protons) for pi+ at 100, 250, 500 MeV,
   pi- and pi0 at 250 MeV and p, n at 250 MeV match within 4 standard errors of 40,000 absorptions (the
   variance's from the fourth moment); the two-body share and pi+'s np-pair share match within 4 standard
   errors. Charge: pi d -> N N gives out the pion's charge plus its pair's; many-nucleon absorption takes
   what it gives from the nucleus, which keeps Z >= 0 and at least one nucleon. Energy: many nucleons
   carry the probe's momentum and T + 5 MeV per nucleon (T + 25 MeV over 18 nucleons), pi d -> N N the
   pion's T and mass plus its pair's Fermi energy less 50 MeV; nucleus_e books the rest. The phase-space
   decay is symmetric in equal masses (each of 5 takes Q/5 on average), which successive uniform splits
   are not. Over-18 rates are printed. */
#include <gsl/gsl_rng.h>
#include <math.h>

#include "../check.h"
#include "sim/absorption.h"
#include "sim/kinematics.h"
#include "sim/sim_constants.h"

#define A 40
#define Z 18
#define NMAX 48
#define SAMPLES 40000

/* Returns P(lo < x < hi) for a standard Gaussian x. */
static double gauss_between(double lo, double hi)
{
    return lo >= hi ? 0 : 0.5 * (erfc(lo / M_SQRT2) - erfc(hi / M_SQRT2));
}

/* Writes hA2018's (np, nn) distribution of an absorption of probe at t MeV on argon into p[np][nn]
   (normalised, two-body included for pions); returns the two-body share. */
static double formula(enum species probe, double t, double p[NMAX][NMAX])
{
    int nucleon = probe == SP_PROTON || probe == SP_NEUTRON;
    double nd0, sig_nd, ns0 = 0, sig_ns = 0, gam = 0, max;
    if (nucleon) {
        nd0 = 135.227 * exp(-7.124 * (A - Z) / (double)A) - 2.762; /* N > Z */
        sig_nd = 2.034 + A * 0.007846;
        gam = (0.041 + t * 0.0001525) * exp((-0.003444 - t * 0.00002324) * A) + 0.064 - t * 0.000015;
        max = 200;
    } else {
        ns0 = .0001 * (1 + t / 250) * (A - 10) * (A - 10) + 3.5;
        nd0 = (1 + t / 250) - (A / 200.0) * (1 + 2 * t / 250);
        sig_ns = (10 + 4 * t / 250) * pow(A / 250.0, 0.9);
        sig_nd = 4 * (1 - exp(-0.03 * t));
        max = fmin(ns0 + 10 * sig_ns, A);
    }
    if (probe == SP_PION_ZERO || probe == SP_NEUTRON) nd0 -= 2;
    if (probe == SP_PION_MINUS) nd0 -= 4;
    int max_p = Z + (probe == SP_PROTON || probe == SP_PION_PLUS) - (probe == SP_PION_MINUS);
    int max_n = A - Z + (probe == SP_NEUTRON || probe == SP_PION_MINUS) - (probe == SP_PION_PLUS);
    for (int i = 0; i < NMAX; i++)
        for (int j = 0; j < NMAX; j++) p[i][j] = 0;
    const double h = 0.002;
    for (double ns = h / 2; ns < max; ns += h) {
        double w = nucleon ? exp(-gam * ns) : ns * exp(-0.5 * (ns - ns0) * (ns - ns0) / (sig_ns * sig_ns));
        for (int k = 0; k <= max_p; k++) {
            double klo = k == 0 ? -3 - ns : 2 * k - 1 - ns, khi = k == 0 ? 1 - ns : 2 * k + 1 - ns;
            for (int j = 0; j <= max_n; j++) {
                if (k + j < 2 || (nucleon && k + j == 2)) continue;
                double jlo = j == 0 ? ns - 1 : ns - 2 * j - 1, jhi = j == 0 ? ns + 3 : ns - 2 * j + 1;
                double lo = fmax(klo, jlo), hi = fmin(khi, jhi);
                if (lo < hi) p[k][j] += w * gauss_between((lo - nd0) / sig_nd, (hi - nd0) / sig_nd);
            }
        }
    }
    double sum = 0;
    for (int i = 0; i < NMAX; i++)
        for (int j = 0; j < NMAX; j++) sum += p[i][j];
    double all = p[max_p][max_n]; /* leave one nucleon in the nucleus */
    p[max_p][max_n] = 0;
    p[max_p - 1][max_n] += all * max_p / (max_p + max_n);
    p[max_p][max_n - 1] += all * max_n / (max_p + max_n);
    double two = nucleon ? 0 : fmin(1, fmax(0, 1.14 * (.903 - 0.00189 * A) * (1.35 - 0.00467 * t)));
    for (int i = 0; i < NMAX; i++)
        for (int j = 0; j < NMAX; j++) p[i][j] *= (1 - two) / sum;
    /* pi d -> N N: pi+ gives pp or pn, pi- nn or pn, pi0 pn, pp or nn, weighted as in absorption.c's comment */
    double f = Z / (double)A;
    if (probe == SP_PION_PLUS) {
        double d = 2 * f * (1 - f), nn = 0.083 * (1 - f) * (1 - f);
        p[2][0] += two * d / (d + nn), p[1][1] += two * nn / (d + nn);
    } else if (probe == SP_PION_MINUS) {
        double d = 2 * f * (1 - f), pp = 0.083 * f * f;
        p[0][2] += two * d / (d + pp), p[1][1] += two * pp / (d + pp);
    } else if (probe == SP_PION_ZERO) {
        double d = 0.88 * f * (1 - f), pp = 0.14 * f * f, nn = 0.14 * (1 - f) * (1 - f);
        p[1][1] += two * d / (d + pp + nn), p[2][0] += two * pp / (d + pp + nn), p[0][2] += two * nn / (d + pp + nn);
    }
    return two;
}

/* Writes the first four central moments' ingredients of x(np, nn) under p: mean, variance, 4th moment. */
static void moments(double p[NMAX][NMAX], int protons_only, double *mean, double *var, double *m4)
{
    double m = 0;
    for (int i = 0; i < NMAX; i++)
        for (int j = 0; j < NMAX; j++) m += p[i][j] * (protons_only ? i : i + j);
    double v = 0, q = 0;
    for (int i = 0; i < NMAX; i++)
        for (int j = 0; j < NMAX; j++) {
            double d = (protons_only ? i : i + j) - m;
            v += p[i][j] * d * d, q += p[i][j] * d * d * d * d;
        }
    *mean = m, *var = v, *m4 = q;
}

static int charge(enum species sp)
{
    return sp == SP_PION_PLUS || sp == SP_PROTON ? 1 : sp == SP_PION_MINUS ? -1 : 0;
}

/* Samples SAMPLES absorptions of probe at t; checks counts, charge and energy; prints the over-18 rate. */
static void sampled(const gsl_rng *r, enum species probe, double t)
{
    static double p[NMAX][NMAX];
    double two = formula(probe, t, p);
    const double dir[3] = {0.6, 0, 0.8};
    double m = species_mass(probe), mom = sqrt(t * (t + 2 * m)), sn = 0, sn2 = 0, sp = 0, sp2 = 0;
    int n_two = 0, n_pp = 0, over = 0, bad_charge = 0, bad_e = 0, bad_p = 0, fails = 0;
    double kf = sqrt(FERMI_MOMENTUM * FERMI_MOMENTUM + M_PROTON * M_PROTON) - M_PROTON;
    for (int s = 0; s < SAMPLES; s++) {
        absorption ab;
        if (!absorption_emit(r, probe, t, dir, A, Z, 64, &ab)) { fails++; continue; }
        int np = 0, q = 0;
        double ke = 0, pv[3] = {0, 0, 0};
        for (int k = 0; k < ab.n; k++) {
            np += ab.sp[k] == SP_PROTON;
            ke += ab.p4[k][0] - species_mass(ab.sp[k]);
            for (int c = 0; c < 3; c++) pv[c] += ab.p4[k][c + 1];
        }
        q = np;
        sn += ab.n, sn2 += (double)ab.n * ab.n, sp += np, sp2 += (double)np * np;
        over += ab.n > 18;
        double brought = t + (probe == SP_PROTON || probe == SP_NEUTRON ? 0 : m);
        bad_e += fabs(ke + ab.nucleus_e - brought) > 1e-6 * brought;
        if (ab.two_body) {
            n_two++;
            n_pp += np == 2;
            /* the pair taken has charge 0..2: pi+ takes np or nn, pi- np or pp */
            int taken = q - charge(probe);
            bad_charge += ab.n != 2 || taken < 0 || taken > 2 || (probe == SP_PION_PLUS && taken > 1) ||
                          (probe == SP_PION_MINUS && taken < 1);
            /* the pair's masses less the nucleons': a pi+ turns a neutron into a proton, a pi- the reverse */
            double mt = probe == SP_PION_PLUS ? M_NEUTRON - M_PROTON : probe == SP_PION_MINUS ? M_PROTON - M_NEUTRON : 0;
            double base = t + m - 50 + mt;
            bad_e += ke < base - 1e-6 || ke > base + 2 * kf + 1e-6; /* plus the pair's Fermi energies, 0..2 T_F */
        } else {
            int remnant_z = Z + charge(probe) - q, remnant_a = A + (probe == SP_PROTON || probe == SP_NEUTRON) - ab.n;
            bad_charge += remnant_z < 0 || remnant_a - remnant_z < 0 || remnant_a < 1;
            double want = ab.n > 18 ? t + 25 : t + 5.0 * ab.n;
            bad_e += fabs(ke - want) > 1e-6 * want;
            double dp = 0;
            for (int c = 0; c < 3; c++) dp += (pv[c] - mom * dir[c]) * (pv[c] - mom * dir[c]);
            bad_p += sqrt(dp) > 1e-6 * (mom + 1);
        }
    }
    const char *name = species_name(probe);
    int n = SAMPLES - fails;
    CHECK(fails == 0, "%s at %g MeV: %d absorptions failed", name, t, fails);
    CHECK(bad_charge == 0, "%s at %g MeV: %d absorptions break charge", name, t, bad_charge);
    CHECK(bad_e == 0, "%s at %g MeV: %d absorptions off in energy", name, t, bad_e);
    CHECK(bad_p == 0, "%s at %g MeV: %d many-nucleon absorptions off in momentum", name, t, bad_p);
    for (int which = 0; which < 2; which++) {
        double mean, var, m4;
        moments(p, which, &mean, &var, &m4);
        double s1 = which ? sp : sn, s2 = which ? sp2 : sn2;
        double got = s1 / n, got_var = s2 / n - got * got;
        double se = sqrt(var / n), se_var = sqrt((m4 - var * var) / n);
        printf("%-3s %4.0f MeV %-9s: mean %6.3f (hA %6.3f +- %.3f)  sd %6.3f (hA %6.3f)", name, t,
               which ? "protons" : "nucleons", got, mean, se, sqrt(got_var), sqrt(var));
        if (!which) printf("  two-body %.3f (hA %.3f)  over 18: %.2g", (double)n_two / n, two, (double)over / n);
        printf("\n");
        CHECK(fabs(got - mean) < 4 * se, "%s at %g MeV: mean %s %g, hA %g", name, t, which ? "p" : "N", got, mean);
        CHECK(fabs(got_var - var) < 4 * se_var, "%s at %g MeV: variance %g, hA %g", name, t, got_var, var);
    }
    double se2 = sqrt(two * (1 - two) / n) + 1e-12;
    CHECK(fabs((double)n_two / n - two) < 4 * se2, "%s at %g MeV: two-body %g, hA %g", name, t, (double)n_two / n, two);
    if (probe == SP_PION_PLUS && n_two > 1000) {
        double f = Z / (double)A, d = 2 * f * (1 - f), w = d / (d + 0.083 * (1 - f) * (1 - f));
        double got = (double)n_pp / n_two;
        printf("pi+ %4.0f MeV pi d -> N N: pp share %.4f (hA %.4f)\n", t, got, w);
        CHECK(fabs(got - w) < 4 * sqrt(w * (1 - w) / n_two), "pi+ pp share %g, hA %g", got, w);
    }
}

/* Equal masses: every particle of a phase-space decay takes Q/n kinetic energy on average. */
static void phase_space_symmetry(const gsl_rng *r)
{
    const int n = 5, draws = 20000;
    double mass[5], parent[4] = {0, 0, 0, 300}, out[5][4], sum[5] = {0}, sum2[5] = {0};
    for (int k = 0; k < n; k++) mass[k] = M_PROTON, parent[0] += M_PROTON;
    parent[0] = sqrt(pow(parent[0] + 100, 2) + 300 * 300); /* invariant mass 5 M + 100 MeV */
    double q = 100;
    for (int i = 0; i < draws; i++) {
        CHECK(p4_decay_phase_space(r, (double[4]){5 * M_PROTON + 100, 0, 0, 0}, mass, n, 200, 1.2, 1000, out),
              "decay refused");
        for (int k = 0; k < n; k++) {
            double ke = out[k][0] - M_PROTON;
            sum[k] += ke, sum2[k] += ke * ke;
        }
    }
    for (int k = 0; k < n; k += n - 1) {
        double mean = sum[k] / draws, sd = sqrt(sum2[k] / draws - mean * mean);
        printf("phase space, 5 protons, Q 100 MeV: particle %d takes %.2f MeV on average (Q/5 = %.2f)\n", k, mean, q / n);
        CHECK(fabs(mean - q / n) < 4 * sd / sqrt(draws), "particle %d: %g MeV, want %g", k, mean, q / n);
    }
    (void)parent;
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2323);
    CHECK_NEAR("two-body share, pi at 100 MeV", absorption_two_body_share(100, A),
               1.14 * (0.903 - 0.00189 * 40) * (1.35 - 0.467), 1e-12);
    CHECK(absorption_two_body_share(300, A) == 0, "two-body at 300 MeV");
    sampled(r, SP_PION_PLUS, 100);
    sampled(r, SP_PION_PLUS, 250);
    sampled(r, SP_PION_PLUS, 500);
    sampled(r, SP_PION_MINUS, 250);
    sampled(r, SP_PION_ZERO, 250);
    sampled(r, SP_PROTON, 250);
    sampled(r, SP_NEUTRON, 250);
    sampled(r, SP_PROTON, 1000);
    phase_space_symmetry(r);
    absorption ab;
    CHECK(!absorption_emit(r, SP_MUON_MINUS, 100, (double[3]){0, 0, 1}, A, Z, 64, &ab), "a muon absorbed");
    CHECK(!absorption_emit(r, SP_PION_MINUS, 100, (double[3]){0, 0, 1}, 4, 0, 64, &ab), "pi- on neutrons only");
    CHECK(absorption_emit(r, SP_PROTON, 250, (double[3]){0, 0, 1}, A, Z, 3, &ab) && ab.n <= 3, "room of 3: %d out", ab.n);
    gsl_rng_free(r);
    return check_status();
}
