/* DIS and its hadronisation against GENIE's AGKY model and RES/DIS joining (Yang et al., EPJC 63 (2009) 1;
   GENIE config/AGKYLowW2019.xml, config/CommonParam.xml): the KNO multiplicity probabilities are
   normalised above W_cut and their mean is 1.5 (a + b ln W^2) (nu p 2 %; nu n 7 %: its broader Levy
   function, c = 5.22, loses more below n = 2, which raises the mean); below W_cut they keep
   1 - (1 - R_2) P(2) - (1 - R_3) P(3) of the cross-section; the particle choice conserves charge, makes a
   proton for a charge-2 two-body system and pairs pi0 pi0 a third of the time; DIS events stay above the
   N pi threshold and reach below W_cut on both nucleons; resonances stay below W_cut. */
#include <math.h>

#include "../check.h"
#include "sim/event.h"
#include "sim/interaction.h"
#include "sim/sim_constants.h"

/* Returns the mean and, in *sum, the sum of p[2 .. AGKY_MAX_HADRONS]. */
static double mean_of(const double *p, double *sum)
{
    double m = 0;
    *sum = 0;
    for (int n = 0; n <= AGKY_MAX_HADRONS; n++) m += n * p[n], *sum += p[n];
    return m / *sum;
}

static void multiplicities(void)
{
    double p[AGKY_MAX_HADRONS + 1], sum;
    for (int target = 0; target < 2; target++) {
        double w = 2500, want = 1.5 * ((target ? AGKY_A_P : AGKY_A_N) + AGKY_B * log(w * w * 1e-6));
        interaction_agky_probabilities(w, target, p);
        double mean = mean_of(p, &sum);
        CHECK_NEAR(target ? "AGKY <n> at W = 2.5 GeV, nu p" : "AGKY <n> at W = 2.5 GeV, nu n", mean, want,
                   target ? 0.02 : 0.07);
        CHECK(fabs(sum - 1) < 1e-12, "above W_cut the probabilities sum to %g, not 1", sum);
    }
    /* Below W_cut, the non-resonant background: two-body states scaled by R_2 (0.1 on protons). */
    double raw[AGKY_MAX_HADRONS + 1];
    interaction_agky_probabilities(DIS_RES_WCUT + 1e-6, 1, raw); /* just above: unscaled at nearly the same W */
    interaction_agky_probabilities(DIS_RES_WCUT - 1e-6, 1, p);
    mean_of(p, &sum);
    double want = 1 - (1 - DIS_R2_PROTON) * raw[2] - (1 - DIS_R3) * raw[3];
    CHECK(fabs(sum - want) < 1e-6, "kept share below W_cut %g, want %g", sum, want);
    printf("nu p at W_cut: P(2) %.3f P(3) %.3f P(4) %.3f; DIS kept below W_cut %.3f\n", raw[2], raw[3], raw[4], sum);
    /* Near threshold only two bodies fit. */
    interaction_agky_probabilities(M_NEUTRON + M_PION_CHARGED + 10, 0, p);
    CHECK(p[2] > 0 && p[3] == 0, "at the N pi threshold P(2) = %g, P(3) = %g", p[2], p[3]);
}

/* Returns the charge of species sp in units of e (hadrons only). */
static int charge_of(enum species sp)
{
    return sp == SP_PROTON || sp == SP_PION_PLUS ? 1 : sp == SP_PION_MINUS ? -1 : 0;
}

static void particle_choice(const gsl_rng *r)
{
    enum species sp[AGKY_MAX_HADRONS];
    int bad = 0, pairs = 0, neutral_pairs = 0;
    for (int i = 0; i < 20000; i++) {
        int q = i % 3, n = 2 + i % 7, total = 0; /* charges 0, 1, 2; 2 to 8 hadrons */
        interaction_agky_species(r, q, n, sp);
        for (int k = 0; k < n; k++) total += charge_of(sp[k]);
        bad += total != q || (sp[0] != SP_PROTON && sp[0] != SP_NEUTRON);
        if (q == 0 && n == 5) { /* baryon, one balancing pion if a proton, then pairs */
            int first = sp[0] == SP_PROTON ? 2 : 1;
            if ((n - first) % 2) first++;
            for (int k = first; k < n; k += 2) pairs++, neutral_pairs += sp[k] == SP_PION_ZERO;
        }
    }
    CHECK(bad == 0, "%d hadronic systems without their charge or a baryon first", bad);
    interaction_agky_species(r, 2, 2, sp);
    CHECK(sp[0] == SP_PROTON && sp[1] == SP_PION_PLUS, "charge 2, two bodies: not p pi+");
    double f = (double)neutral_pairs / pairs;
    CHECK(fabs(f - AGKY_P_PI0_PAIR) < 4 * sqrt(AGKY_P_PI0_PAIR * (1 - AGKY_P_PI0_PAIR) / pairs),
          "pi0 pi0 share of pairs %g, GENIE %g", f, AGKY_P_PI0_PAIR);
    printf("pi0 pi0 share of pion pairs: %.3f (GENIE %.3f, %d pairs)\n", f, AGKY_P_PI0_PAIR, pairs);
}

static void dis_events(const gsl_rng *r)
{
    const double vertex[3] = {0, 0, VERTEX_Z};
    int n = 0, res_above = 0, below[2] = {0}, all[2] = {0};
    interaction in;
    while (n < 6000) {
        interaction_generate(r, CLASS_NUMU_CC, 3000, vertex, 1, &in);
        /* W on a nucleon at rest, from the sampled Q^2 and energy transfer */
        double w_rest = sqrt(M_NUCLEON * M_NUCLEON + 2 * M_NUCLEON * in.y * in.enu - in.q2);
        res_above += in.channel == CH_RES && w_rest > DIS_RES_WCUT + 1e-6;
        if (in.channel != CH_DIS) continue;
        n++;
        CHECK(w_rest > M_NUCLEON + M_PION_CHARGED - 1e-6, "DIS below the N pi threshold: W %g", w_rest);
        all[in.target_proton]++;
        below[in.target_proton] += w_rest < DIS_RES_WCUT;
    }
    double fp = (double)below[1] / all[1], fn = (double)below[0] / all[0];
    printf("CC DIS at 3 GeV below W_cut: %.3f on protons, %.3f on neutrons\n", fp, fn);
    CHECK(fp > 0.05 && fn > 0.05, "too few DIS events below W_cut");
    CHECK(res_above == 0, "%d resonance events above W_cut", res_above);
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1717);
    multiplicities();
    particle_choice(r);
    dis_events(r);
    gsl_rng_free(r);
    return check_status();
}
