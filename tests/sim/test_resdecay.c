/* The resonances' decays (resonance_decay) against GENIE 3.0.6's decay table (sim_constants.h
   RES_DECAY_TABLE, from data/evgen/catalogues/pdg/genie_pdg_table.txt) and the PDG's eta branching ratios:
   - the Delta, and the resonances GENIE gives no decay list (P33(1600), F17(1970)), decay exactly as nutl
     decayed every resonance before: N pi by isospin Clebsch-Gordan weights, draw for draw (the old code,
     repeated here, on a clone of the generator gives the same species and the same four-momenta, bit for bit);
   - every decay of every resonance and charge, at W from below the N pi threshold to 1.85 GeV and moving,
     conserves charge, baryon number (one nucleon) and four-momentum (to 1e-9 of the energy), and leaves at
     most RESONANCE_MAX_PRODUCTS;
   - the channel shares are GENIE's branching ratios of the open channels, renormalised: N eta's share of
     S11(1535)+ at 1.55 GeV computed here by hand from the table's numbers; a channel closes below its
     threshold (p eta at 1486 MeV) and every Delta- channel stays closed (GENIE's FinalStateMass);
   - sampled channel shares against resonance_decay_channels for six resonances and charges, and the eta's
     decay modes against ETA_BR_* (40000 decays each, fixed seed; every count within 4 binomial sigma);
   - CC nu_mu RES at 2.5 GeV: the mean number of pions the resonance decay leaves at the vertex, 1 before
     (every resonance to N pi), after it sampled against the expectation from the table, event by event at
     each event's W and resonance (pions per channel: N pi 1, Delta pi and N rho 2, N eta the eta's mean,
     N gamma 0), within 4 sigma; the rise printed and required between 2 and 30 %. The mean number of pions
     leaving the nucleus (after the cascade) is printed beside it. */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "../check.h"
#include "sim/event.h"
#include "sim/interaction.h"
#include "sim/kinematics.h"
#include "sim/resonance.h"
#include "sim/sim_constants.h"

static int charge_of(enum species sp)
{
    switch (sp) {
    case SP_PROTON: case SP_PION_PLUS: case SP_POSITRON: case SP_MUON_PLUS: return 1;
    case SP_PION_MINUS: case SP_ELECTRON: case SP_MUON_MINUS: return -1;
    default: return 0;
    }
}

static int is_pion(enum species sp) { return sp == SP_PION_PLUS || sp == SP_PION_MINUS || sp == SP_PION_ZERO; }

/* The charges a resonance of index k takes in nu-argon events: N* 0, +1; Delta 0, +1, +2. */
static int max_charge(int k) { return resonance_is_delta(k) ? 2 : 1; }

/* Writes a four-momentum of mass w (MeV) moving with up to 1 GeV/c in a random direction. */
static void random_had(const gsl_rng *r, double w, double had[4])
{
    double p = 1000 * gsl_rng_uniform(r), d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    had[0] = sqrt(w * w + p * p);
    for (int c = 0; c < 3; c++) had[c + 1] = p * d[c];
}

/* The decay nutl made of every resonance before: N pi by isospin, then p4_decay_n. */
static int old_decay(const gsl_rng *r, int delta, int q, const double had[4], enum species sp[2], double p4[2][4])
{
    if (delta) {
        int minor = gsl_rng_uniform(r) < 1.0 / 3;
        if (q >= 2) { sp[0] = SP_PROTON; sp[1] = SP_PION_PLUS; }
        else if (q == 1) { sp[0] = minor ? SP_NEUTRON : SP_PROTON; sp[1] = minor ? SP_PION_PLUS : SP_PION_ZERO; }
        else { sp[0] = minor ? SP_PROTON : SP_NEUTRON; sp[1] = minor ? SP_PION_MINUS : SP_PION_ZERO; }
    } else {
        int major = gsl_rng_uniform(r) < 2.0 / 3;
        if (q >= 1) { sp[0] = major ? SP_NEUTRON : SP_PROTON; sp[1] = major ? SP_PION_PLUS : SP_PION_ZERO; }
        else { sp[0] = major ? SP_PROTON : SP_NEUTRON; sp[1] = major ? SP_PION_MINUS : SP_PION_ZERO; }
    }
    double mass[2] = {species_mass(sp[0]), species_mass(sp[1])};
    return p4_decay_n(r, had, mass, 2, p4);
}

static void unchanged(gsl_rng *r)
{
    const int ks[3] = {0, 9, 17}; /* P33(1232), P33(1600), F17(1970) */
    int same = 1, total = 0;
    for (int i = 0; i < 3; i++) {
        int k = ks[i];
        REQUIRE(resonance_decay_channels(k, 1, 1500, (double[RES_DECAY_MAX]){0}, NULL) == 0,
                "%s has a decay list", resonance_name(k));
        for (int q = 0; q <= max_charge(k); q++)
            for (int t = 0; t < 2000; t++) {
                double had[4], p4[RESONANCE_MAX_PRODUCTS][4], old_p4[2][4];
                enum species sp[RESONANCE_MAX_PRODUCTS], old_sp[2];
                int late, channel;
                random_had(r, 1000 + 800 * gsl_rng_uniform(r), had);
                gsl_rng *clone = gsl_rng_clone(r);
                int n = resonance_decay(r, k, q, had, sp, p4, &late, &channel);
                int old = old_decay(clone, resonance_is_delta(k), q, had, old_sp, old_p4);
                same &= n == (old ? 2 : 0) && late == 0 && channel == -1;
                for (int j = 0; j < n && j < 2; j++) {
                    same &= sp[j] == old_sp[j];
                    for (int c = 0; c < 4; c++) same &= p4[j][c] == old_p4[j][c];
                }
                same &= gsl_rng_get(r) == gsl_rng_get(clone); /* the same draws used */
                gsl_rng_free(clone);
                total++;
            }
    }
    printf("P33(1232), P33(1600), F17(1970): %d decays identical to nutl's isospin N pi before: %s\n", total,
           same ? "yes" : "no");
    CHECK(same, "a Delta decay differs from nutl's N pi by isospin");
}

static void conservation(const gsl_rng *r)
{
    int bad_q = 0, bad_b = 0, bad_p4 = 0, bad_n = 0, none = 0, decays = 0;
    double worst = 0;
    for (int k = 0; k < RES_COUNT; k++)
        for (int q = 0; q <= max_charge(k); q++)
            for (int t = 0; t < 2000; t++) {
                double w = 1050 + 800 * gsl_rng_uniform(r), had[4], p4[RESONANCE_MAX_PRODUCTS][4], sum[4] = {0};
                enum species sp[RESONANCE_MAX_PRODUCTS];
                int late;
                random_had(r, w, had);
                int n = resonance_decay(r, k, q, had, sp, p4, &late, NULL);
                if (n == 0) {
                    none += w > M_NEUTRON + M_PION_CHARGED + 1; /* only below N pi may a decay fail */
                    continue;
                }
                decays++;
                int charge = 0, nucleons = 0;
                for (int j = 0; j < n; j++) {
                    charge += charge_of(sp[j]);
                    nucleons += sp[j] == SP_PROTON || sp[j] == SP_NEUTRON;
                    for (int c = 0; c < 4; c++) sum[c] += p4[j][c];
                }
                double dev = 0;
                for (int c = 0; c < 4; c++) dev = fmax(dev, fabs(sum[c] - had[c]) / had[0]);
                worst = fmax(worst, dev);
                bad_q += charge != q;
                bad_b += nucleons != 1;
                bad_p4 += dev > 1e-9;
                bad_n += n > RESONANCE_MAX_PRODUCTS || late > n;
            }
    printf("%d decays of every resonance and charge: charge %d, baryon number %d, four-momentum %d wrong "
           "(largest deviation %.2g of the energy)\n", decays, bad_q, bad_b, bad_p4, worst);
    CHECK(bad_q == 0 && bad_b == 0 && bad_p4 == 0 && bad_n == 0, "conservation broken");
    CHECK(none == 0, "%d decays failed above the N pi threshold", none);
}

static void thresholds(void)
{
    double share[RES_DECAY_MAX];
    int pdg[RES_DECAY_MAX][2];
    /* S11(1535)+ at 1.55 GeV: open p eta 0.4, n pi+ 0.33333, p pi0 0.16667, Delta++ pi- 0.01, Delta+ pi0
       0.00667, Delta0 pi+ 0.00333 (GENIE's table); closed n rho+, p rho0. */
    int n = resonance_decay_channels(1, 1, 1550, share, pdg);
    REQUIRE(n == 8 && pdg[0][0] == 2212 && pdg[0][1] == 221, "S11(1535)+'s first channel is not p eta");
    CHECK_NEAR("S11(1535)+ -> p eta at 1.55 GeV", share[0], 0.4 / (0.4 + 0.33333 + 0.16667 + 0.01 + 0.00667 + 0.00333),
               1e-9);
    resonance_decay_channels(1, 1, M_PROTON + M_ETA - 0.5, share, pdg);
    CHECK(share[0] == 0, "p eta open below its threshold");
    resonance_decay_channels(1, 1, M_PROTON + M_ETA + 0.5, share, pdg);
    CHECK(share[0] > 0, "p eta closed above its threshold");
    int delta_minus_open = 0;
    for (int k = 0; k < RES_COUNT; k++) {
        int m = resonance_decay_channels(k, 0, 1900, share, pdg);
        for (int c = 0; c < m; c++) delta_minus_open += pdg[c][0] == 1114 && share[c] > 0;
    }
    CHECK(delta_minus_open == 0, "a Delta- channel is open");
}

/* Returns |n - N p| / sqrt(N p (1 - p)) (0 when p is 0 and so is n). */
static double pull(double n, double total, double p)
{
    if (p <= 0) return n > 0 ? INFINITY : 0;
    return fabs(n - total * p) / sqrt(total * p * (1 - p));
}

static void shares(const gsl_rng *r)
{
    const struct { int k, q; double w; } cases[6] = {{1, 1, 1550}, {2, 0, 1520}, {5, 1, 1680},
                                                     {6, 2, 1620}, {8, 0, 1720}, {14, 1, 1750}};
    const int draws = 40000;
    double eta_modes[4] = {0}, etas = 0, worst = 0;
    for (int i = 0; i < 6; i++) {
        double share[RES_DECAY_MAX], count[RES_DECAY_MAX] = {0}, had[4] = {cases[i].w, 0, 0, 0};
        int m = resonance_decay_channels(cases[i].k, cases[i].q, cases[i].w, share, NULL);
        for (int t = 0; t < draws; t++) {
            double p4[RESONANCE_MAX_PRODUCTS][4];
            enum species sp[RESONANCE_MAX_PRODUCTS];
            int late, c;
            int n = resonance_decay(r, cases[i].k, cases[i].q, had, sp, p4, &late, &c);
            if (n == 0 || c < 0) continue;
            count[c]++;
            if (late == 2 && sp[n - 1] == SP_GAMMA && sp[n - 2] == SP_GAMMA) eta_modes[0]++, etas++;
            else if (late == 3) {
                int pi0 = 0, gamma = 0;
                for (int j = n - 3; j < n; j++) pi0 += sp[j] == SP_PION_ZERO, gamma += sp[j] == SP_GAMMA;
                eta_modes[pi0 == 3 ? 1 : gamma ? 3 : 2]++, etas++;
            }
        }
        printf("%s charge %+d at W = %.0f MeV:", resonance_name(cases[i].k), cases[i].q, cases[i].w);
        for (int c = 0; c < m; c++) {
            printf(" %.4f/%.4f", count[c] / draws, share[c]);
            worst = fmax(worst, pull(count[c], draws, share[c]));
        }
        printf(" (sampled/table)\n");
    }
    const double br[4] = {ETA_BR_2GAMMA, ETA_BR_3PI0, ETA_BR_PIPIPI0, ETA_BR_PIPIGAMMA};
    double sum = br[0] + br[1] + br[2] + br[3];
    printf("eta decays (%.0f): 2 gamma %.4f/%.4f, 3 pi0 %.4f/%.4f, pi+ pi- pi0 %.4f/%.4f, pi+ pi- gamma %.4f/%.4f "
           "(sampled/PDG)\n", etas, eta_modes[0] / etas, br[0] / sum, eta_modes[1] / etas, br[1] / sum,
           eta_modes[2] / etas, br[2] / sum, eta_modes[3] / etas, br[3] / sum);
    for (int m = 0; m < 4; m++) worst = fmax(worst, pull(eta_modes[m], etas, br[m] / sum));
    printf("largest pull of a channel or eta-mode count: %.2f sigma\n", worst);
    CHECK(etas > 10000, "only %.0f eta decays", etas);
    CHECK(worst < 4, "a sampled share is %.2f sigma from the table", worst);
}

/* Returns the mean number of pions resonance k of charge q leaves at the vertex at mass w by the table. */
static double pions_expected(int k, int q, double w)
{
    double share[RES_DECAY_MAX], sum = ETA_BR_2GAMMA + ETA_BR_3PI0 + ETA_BR_PIPIPI0 + ETA_BR_PIPIGAMMA;
    double eta = (3 * ETA_BR_3PI0 + 3 * ETA_BR_PIPIPI0 + 2 * ETA_BR_PIPIGAMMA) / sum, mean = 0;
    int pdg[RES_DECAY_MAX][2];
    int m = resonance_decay_channels(k, q, w, share, pdg);
    if (m == 0) return 1;
    for (int c = 0; c < m; c++) {
        int b = pdg[c][0], x = pdg[c][1];
        double pions = x == 221 ? eta : x == 22 ? 0 : (b != 2212 && b != 2112) || x == 113 || x == 213 || x == -213 ? 2 : 1;
        mean += share[c] * pions;
    }
    return mean;
}

static void multiplicity(const gsl_rng *r)
{
    const double enu = 2500, vertex[3] = {0, 0, VERTEX_Z};
    double expected = 0, sampled = 0, sampled2 = 0, escaping = 0, higher = 0;
    int events = 0;
    interaction in;
    while (events < 20000) {
        interaction_generate(r, CLASS_NUMU_CC, enu, vertex, 1, &in);
        if (in.channel != CH_RES) continue;
        events++;
        int q = in.target_proton + 1;
        double had[4] = {in.w, 0, 0, 0}, p4[RESONANCE_MAX_PRODUCTS][4];
        enum species sp[RESONANCE_MAX_PRODUCTS];
        int late, pions = 0;
        int n = resonance_decay(r, in.resonance, q, had, sp, p4, &late, NULL);
        for (int j = 0; j < n; j++) pions += is_pion(sp[j]);
        expected += pions_expected(in.resonance, q, in.w);
        sampled += pions, sampled2 += pions * pions;
        higher += in.resonance != 0;
        for (int j = 0; j < in.n; j++) escaping += is_pion(in.fs[j].sp);
    }
    expected /= events, sampled /= events, sampled2 /= events;
    double err = sqrt((sampled2 - sampled * sampled) / events);
    printf("CC nu_mu RES at 2.5 GeV, %d events (%.1f %% not the P33(1232)): pions from the resonance decay per "
           "event 1 before, %.4f +- %.4f after (table: %.4f); pions leaving the nucleus %.4f\n", events,
           100 * higher / events, sampled, err, expected, escaping / events);
    CHECK(fabs(sampled - expected) < 4 * err, "sampled %.4f, table %.4f +- %.4f", sampled, expected, err);
    CHECK(expected > 1.02 && expected < 1.3, "the vertex pion multiplicity rises to %.4f", expected);
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1535);
    unchanged(r);
    conservation(r);
    thresholds();
    shares(r);
    multiplicity(r);
    gsl_rng_free(r);
    return check_status();
}
