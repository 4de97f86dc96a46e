/* Final-state interactions against GENIE's hA model (sim_constants.h): the hadron-nucleon cross-sections
   average hA's tables over argon's nucleons; the interaction probability is the straight-line one of a
   uniform sphere, 1 - 3/(8x^3) (2x^2 - 1 + (1 + 2x) e^(-2x)), x = R / lambda (checked at small x and
   against its ends); the fate shares read hA's fate tables at their points and between them; and the
   sampled fates of pi+, pi-, pi0, p and n at 100, 250 and 600 MeV match P_int x share (escape: 1 - P_int)
   within 4 standard errors of 40,000 draws each. */
#include <math.h>

#include "../check.h"
#include "sim/interaction.h"
#include "sim/sim_constants.h"

static const char *fate_name[N_FSI_FATES] = {"escape", "elastic", "inelastic", "charge exchange", "absorption"};

static void cross_sections(void)
{
    /* At 300 MeV p: (18 pp 24.07 + 22 pn 35.63) / 40 mb, n: (18 x 35.63 + 22 x 24.07) / 40; pi+ at 180 MeV:
       (18 pi+p 213.8 + 22 pi+n 79.63) / 40, pi-: the other way round. */
    CHECK_NEAR("sigma(p, 300 MeV)", interaction_fsi_sigma(SP_PROTON, 300), 30.428, 0.01);
    CHECK_NEAR("sigma(n, 300 MeV)", interaction_fsi_sigma(SP_NEUTRON, 300), 29.272, 0.01);
    CHECK_NEAR("sigma(pi+, 180 MeV)", interaction_fsi_sigma(SP_PION_PLUS, 180), 140.0, 0.001);
    CHECK_NEAR("sigma(pi-, 180 MeV)", interaction_fsi_sigma(SP_PION_MINUS, 180), 153.4, 0.001);
    CHECK(interaction_fsi_sigma(SP_MUON_MINUS, 300) == 0, "a muon meets the nucleus");
}

static void probability(void)
{
    double rho = 40 / (4.0 / 3.0 * M_PI * pow(FSI_AR_RADIUS, 3));
    double x = FSI_AR_RADIUS * rho * interaction_fsi_sigma(SP_PROTON, 300) * FSI_FM2_PER_MB;
    double want = 1 - 3 / (8 * x * x * x) * (2 * x * x - 1 + (1 + 2 * x) * exp(-2 * x));
    CHECK_NEAR("P_int(p, 300 MeV)", interaction_fsi_probability(SP_PROTON, 300), want, 1e-9);
    CHECK(want > 0.5 && want < 0.9, "P_int(p, 300 MeV) = %g", want);
    /* x -> 0: 3x/4 (the mean chord from a uniform point is 3R/4); pions at rest have sigma 0. */
    CHECK(interaction_fsi_probability(SP_PION_PLUS, 0) == 0, "a pion at rest interacts");
    CHECK_NEAR("P_int(pi+, 1 MeV) / (3x/4)", interaction_fsi_probability(SP_PION_PLUS, 1) /
               (0.75 * FSI_AR_RADIUS * rho * interaction_fsi_sigma(SP_PION_PLUS, 1) * FSI_FM2_PER_MB), 1, 0.01);
    const enum species all[5] = {SP_PION_PLUS, SP_PION_MINUS, SP_PION_ZERO, SP_PROTON, SP_NEUTRON};
    for (int s = 0; s < 5; s++)
        for (double t = 20; t < 2000; t *= 1.5) {
            double p = interaction_fsi_probability(all[s], t);
            CHECK(p > 0 && p < 1, "P_int %g at %g MeV", p, t);
        }
}

static void tables(void)
{
    CHECK_NEAR("pi absorption share at 300 MeV", interaction_fsi_share(SP_PION_PLUS, 300, FSI_ABSORPTION),
               0.2350 / 1.0002, 1e-4);
    CHECK_NEAR("pi0 charge-exchange share at 200 MeV", interaction_fsi_share(SP_PION_ZERO, 200, FSI_CHARGE_EXCHANGE),
               0.0572 / 0.9999, 1e-4);
    CHECK_NEAR("pi absorption share at 225 MeV", interaction_fsi_share(SP_PION_MINUS, 225, FSI_ABSORPTION),
               (0.3433 + 0.2536) / 2, 1e-3);
    CHECK_NEAR("n elastic share at 100 MeV", interaction_fsi_share(SP_NEUTRON, 100, FSI_ELASTIC), 0.3738, 1e-4);
    CHECK_NEAR("p inelastic share at 1.5 GeV (flat above 1 GeV)", interaction_fsi_share(SP_PROTON, 1500, FSI_INELASTIC),
               0.5318, 1e-4);
    for (double t = 0; t < 1200; t += 37) {
        double sum = 0;
        for (int f = FSI_ELASTIC; f < N_FSI_FATES; f++) sum += interaction_fsi_share(SP_PROTON, t, (enum fsi_fate)f);
        CHECK(fabs(sum - 1) < 1e-12, "shares' sum %g at %g MeV", sum, t);
    }
}

static void sampled_fates(const gsl_rng *r)
{
    const enum species all[5] = {SP_PION_PLUS, SP_PION_MINUS, SP_PION_ZERO, SP_PROTON, SP_NEUTRON};
    const char *name[5] = {"pi+", "pi-", "pi0", "p", "n"};
    const double energy[3] = {100, 250, 600};
    const int n = 40000;
    for (int s = 0; s < 5; s++)
        for (int e = 0; e < 3; e++) {
            int count[N_FSI_FATES] = {0};
            for (int i = 0; i < n; i++) count[interaction_fsi_fate(r, all[s], energy[e])]++;
            double p = interaction_fsi_probability(all[s], energy[e]);
            printf("%-3s %4.0f MeV: P_int %.3f (sampled %.3f)", name[s], energy[e], p, 1 - (double)count[0] / n);
            for (int f = 0; f < N_FSI_FATES; f++) {
                double want = f == FSI_ESCAPE ? 1 - p : p * interaction_fsi_share(all[s], energy[e], (enum fsi_fate)f);
                double got = (double)count[f] / n, se = sqrt(want * (1 - want) / n);
                if (f) printf("  %s %.3f", fate_name[f], got / (1 - (double)count[0] / n));
                CHECK(fabs(got - want) <= 4 * se + 1e-12, "%s at %g MeV: %s %g, want %g (se %g)", name[s],
                      energy[e], fate_name[f], got, want, se);
            }
            printf("\n");
        }
    CHECK(interaction_fsi_fate(r, SP_MUON_MINUS, 300) == FSI_ESCAPE, "a muon meets the nucleus");
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2323);
    cross_sections();
    probability();
    tables();
    sampled_fates(r);
    gsl_rng_free(r);
    return check_status();
}
