#include "sim/absorption.h"

#include <gsl/gsl_randist.h>
#include <math.h>

#include "sim/kinematics.h"
#include "sim/sim_constants.h"

#define COUNT_TRIES 1000 /* GENIE gives up (and redoes the event) after 100 draws; at argon few need 10 */

static int is_pion(enum species sp) { return sp == SP_PION_PLUS || sp == SP_PION_MINUS || sp == SP_PION_ZERO; }
static int is_nucleon(enum species sp) { return sp == SP_PROTON || sp == SP_NEUTRON; }

double absorption_two_body_share(double t, int a)
{
    double p = ABS_2BODY_C * (ABS_2BODY_A0 + ABS_2BODY_A1 * a) * (ABS_2BODY_T0 + ABS_2BODY_T1 * t);
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* Returns a pion's multi-nucleon ns: ns0 + Sig_ns x a Gaussian on [0, max], kept with probability
   ns / max (hA's "modified gaussian in p+n space"). */
static double pion_sum(const gsl_rng *r, double t, int a)
{
    double ns0 = ABS_PI_NS_A2 * (1 + t / ABS_PI_T_SCALE) * (a - ABS_PI_NS_A_OFF) * (a - ABS_PI_NS_A_OFF) + ABS_PI_NS_0;
    double sig = (ABS_PI_SIG_NS_0 + ABS_PI_SIG_NS_T * t / ABS_PI_T_SCALE) * pow(a / ABS_PI_SIG_NS_A, ABS_PI_SIG_NS_POW);
    double max = fmin(ns0 + ABS_PI_SIG_NS_RANGE * sig, a);
    for (;;) { /* accepts about half the draws at argon */
        double ns = ns0 + sig * gsl_ran_gaussian(r, 1.0);
        if (ns >= 0 && ns <= max && gsl_rng_uniform(r) <= ns / max) return ns;
    }
}

/* Draws hA2018's numbers of protons and neutrons out of a multi-nucleon absorption of probe (kinetic
   energy t) in a nucleus of a nucleons, z protons; writes them into np and nn. Returns 0 if no draw of
   COUNT_TRIES passes hA's rejections. */
static int draw_counts(const gsl_rng *r, enum species probe, double t, int a, int z, int *np, int *nn)
{
    int nucleon = is_nucleon(probe), n = a - z;
    double nd0, sig_nd, gam = 0;
    if (nucleon) {
        static const double c1[2] = ABS_N_C1, c2[2] = ABS_N_C2, c3[2] = ABS_N_C3, sn[2] = ABS_N_SIG_ND;
        nd0 = n > z ? ABS_N_ND_C * exp(ABS_N_ND_K * n / (double)a) + ABS_N_ND_OFF_N
                    : -ABS_N_ND_C * exp(ABS_N_ND_K * z / (double)a) + ABS_N_ND_OFF_Z;
        sig_nd = sn[0] + sn[1] * a;
        gam = (c1[0] + c1[1] * t) * exp((c2[0] + c2[1] * t) * a) + c3[0] + c3[1] * t;
        if (gam < ABS_N_GAM_MIN) gam = ABS_N_GAM_MIN;
    } else {
        nd0 = (1 + t / ABS_PI_T_SCALE) - a / ABS_PI_ND_A * (1 + 2 * t / ABS_PI_T_SCALE);
        sig_nd = ABS_PI_SIG_ND * (1 - exp(-ABS_PI_SIG_ND_T * t));
    }
    if (probe == SP_PION_ZERO || probe == SP_NEUTRON) nd0 -= ABS_ISOSPIN_SHIFT;
    if (probe == SP_PION_MINUS) nd0 -= 2 * ABS_ISOSPIN_SHIFT;
    /* The most of each the nucleus (with the probe) can give. */
    int max_p = z + (probe == SP_PROTON || probe == SP_PION_PLUS) - (probe == SP_PION_MINUS);
    int max_n = n + (probe == SP_NEUTRON || probe == SP_PION_MINUS) - (probe == SP_PION_PLUS);
    for (int k = 0; k < COUNT_TRIES; k++) {
        double x = gsl_ran_gaussian(r, 1.0);
        double ns = nucleon ? gsl_ran_exponential(r, 1 / gam) : pion_sum(r, t, a);
        double nd = nd0 + sig_nd * x;
        int p = (int)((ns + nd) / 2 + 0.5), q = (int)((ns - nd) / 2 + 0.5); /* (int) truncates, as GENIE's */
        if (p < 0 || q < 0 || p + q < 2 || (p + q == 2 && nucleon) || p > max_p || q > max_n) continue;
        if (p == max_p && q == max_n) { /* leave at least one nucleon in the nucleus */
            if (gsl_rng_uniform(r) < p / (double)(p + q)) p--;
            else q--;
        }
        *np = p, *nn = q;
        return 1;
    }
    return 0;
}

/* Returns a Fermi-gas nucleon's on-shell four-momentum of species sp (|p| up to FERMI_MOMENTUM, density
   ~ p^2, isotropic), as hA's pi d -> N N takes its pair from the nuclear model (fDoFermi, FermiFac 1). */
static void fermi_p4(const gsl_rng *r, enum species sp, double p4[4])
{
    double p = FERMI_MOMENTUM * cbrt(gsl_rng_uniform(r)), d[3], m = species_mass(sp);
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    p4[0] = sqrt(m * m + p * p);
    for (int k = 0; k < 3; k++) p4[k + 1] = p * d[k];
}

/* pi d -> N N: picks the pair by hA's isospin weights (f = z/a), adds the pair's Fermi momenta to the
   pion's, takes ABS_2BODY_BIND off the energy and splits it into two nucleons, isotropic in their
   centre of mass (hA draws the angle from its pi d -> N N data, IntBounce: left out). Returns 0 if the
   system is too light. */
static int two_body(const gsl_rng *r, enum species probe, double t, const double mom[3], int a, int z,
                    absorption *out)
{
    double f = z / (double)a, u = gsl_rng_uniform(r);
    enum species t1, t2, s1, s2; /* the pair taken, the pair given out */
    if (probe == SP_PION_PLUS) { /* on np (np -> pp), else on nn (nn -> pn) */
        double d = 2 * f * (1 - f), nn = ABS_2BODY_PIP_NN * (1 - f) * (1 - f);
        int on_d = u * (d + nn) < d;
        t1 = SP_NEUTRON, t2 = on_d ? SP_PROTON : SP_NEUTRON, s1 = SP_PROTON, s2 = on_d ? SP_PROTON : SP_NEUTRON;
    } else if (probe == SP_PION_MINUS) { /* on np (-> nn), else on pp (-> pn) */
        double d = 2 * f * (1 - f), pp = ABS_2BODY_PIP_NN * f * f;
        int on_d = u * (d + pp) < d;
        t1 = SP_PROTON, t2 = on_d ? SP_NEUTRON : SP_PROTON, s1 = on_d ? SP_NEUTRON : SP_PROTON, s2 = SP_NEUTRON;
    } else { /* pi0: on np, pp or nn, each given back */
        double d = ABS_2BODY_PI0_NP * f * (1 - f), pp = ABS_2BODY_PI0_NN * f * f,
               nn = ABS_2BODY_PI0_NN * (1 - f) * (1 - f), x = u * (d + pp + nn);
        t1 = x < d ? SP_NEUTRON : x < d + pp ? SP_PROTON : SP_NEUTRON;
        t2 = x < d + pp ? SP_PROTON : SP_NEUTRON;
        s1 = t1, s2 = t2;
    }
    double m = species_mass(probe), tot[4] = {t + m, mom[0], mom[1], mom[2]}, nuc[4];
    fermi_p4(r, t1, nuc);
    for (int c = 0; c < 4; c++) tot[c] += nuc[c];
    fermi_p4(r, t2, nuc);
    for (int c = 0; c < 4; c++) tot[c] += nuc[c];
    tot[0] -= ABS_2BODY_BIND;
    double m1 = species_mass(s1), m2 = species_mass(s2);
    if (p4_mass(tot) <= m1 + m2) return 0;
    p4_decay_two(r, tot, m1, m2, out->p4[0], out->p4[1]);
    out->n = 2, out->two_body = 1;
    out->sp[0] = s1, out->sp[1] = s2;
    return 1;
}

/* The multi-nucleon final state: np protons then nn neutrons share by phase space a cluster of the
   probe's momentum and T + ABS_CLUSTER_BE per nucleon; over ABS_GROUP_MAX, five clusters (round robin)
   each of a fifth of the momentum and of T + ABS_GROUP_BE. Returns 0 if a decay fails. */
static int many_body(const gsl_rng *r, double t, const double mom[3], int np, int nn, absorption *out)
{
    int n = np + nn, groups = n > ABS_GROUP_MAX ? ABS_GROUPS : 1;
    double ke = groups == 1 ? t + ABS_CLUSTER_BE * n : (t + ABS_GROUP_BE) / groups;
    for (int k = 0; k < n; k++) out->sp[k] = k < np ? SP_PROTON : SP_NEUTRON;
    for (int g = 0; g < groups; g++) {
        double mass[PHASE_SPACE_MAX], p4[PHASE_SPACE_MAX][4], parent[4] = {ke};
        int idx[PHASE_SPACE_MAX], m = 0;
        for (int k = g; k < n; k += groups) {
            idx[m] = k;
            mass[m] = species_mass(out->sp[k]);
            parent[0] += mass[m++];
        }
        for (int c = 0; c < 3; c++) parent[c + 1] = mom[c] / groups;
        if (!p4_decay_phase_space(r, parent, mass, m, ABS_PS_TRIALS, ABS_PS_WMAX_MARGIN, ABS_PS_MAX_TRIES, p4))
            return 0;
        for (int k = 0; k < m; k++)
            for (int c = 0; c < 4; c++) out->p4[idx[k]][c] = p4[k][c];
    }
    out->n = n, out->two_body = 0;
    return 1;
}

int absorption_emit(const gsl_rng *r, enum species probe, double t, const double dir[3], int a, int z,
                    int max_out, absorption *out)
{
    out->n = 0;
    if ((!is_pion(probe) && !is_nucleon(probe)) || a < 2 || max_out < 2 ||
        (probe == SP_PION_MINUS && z < 1) || (probe == SP_PION_PLUS && a - z < 1))
        return 0;
    double m = species_mass(probe), p = sqrt(t * (t + 2 * m)), mom[3] = {p * dir[0], p * dir[1], p * dir[2]};
    int ok;
    if (is_pion(probe) && gsl_rng_uniform(r) < absorption_two_body_share(t, a)) {
        ok = two_body(r, probe, t, mom, a, z, out);
    } else {
        int np, nn;
        if (!draw_counts(r, probe, t, a, z, &np, &nn)) return 0;
        if (max_out > ABSORPTION_MAX_NUCLEONS) max_out = ABSORPTION_MAX_NUCLEONS;
        if (np + nn > max_out) { /* GENIE scales down over 85 the same way */
            double frac = max_out / (double)(np + nn);
            np = (int)(np * frac), nn = (int)(nn * frac);
        }
        ok = many_body(r, t, mom, np, nn, out);
    }
    if (!ok) return 0;
    out->nucleus_e = t + (is_pion(probe) ? m : 0);
    for (int k = 0; k < out->n; k++) out->nucleus_e -= out->p4[k][0] - species_mass(out->sp[k]);
    return 1;
}
