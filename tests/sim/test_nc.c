/* Neutral-current interactions from their own model: the channel mix differs from CC's by each
   channel's NC/CC ratio (the sampled shares match interaction_channel_share, 3 sigma), NC DIS y
   follows the Z couplings (b = 0.29 for sin^2 theta_W = 0.2312 and qbar/q = 0.2, against CC's 0.2), and whole NC
   events against DUNE full-simulation truth at 1-4 GeV: P(pi0) = 0.43 (25 %) and <y> near CC nu_mu's;
   <y> (0.50) and P(N_p = 0) (0.42) are printed beside ours (not asserted: ours are lower, see
   docs/difficulty.md). */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/event.h"
#include "sim/interaction.h"
#include "sim/sim_constants.h"

static void channel_shares(const gsl_rng *r)
{
    const double enu = 2500, vertex[3] = {0, 0, VERTEX_Z};
    int n = 20000, count[N_CHANNELS] = {0};
    interaction in;
    for (int i = 0; i < n; i++) {
        interaction_generate(r, CLASS_NC, enu, vertex, 1, &in);
        CHECK(in.n == 0 || in.fs[0].sp != SP_MUON_MINUS, "NC event with a muon");
        count[in.channel]++;
    }
    /* The channel is drawn once per event (a Pauli-blocked or out-of-range draw is redrawn in its
       channel), so every channel's share is the model's. */
    for (int c = 0; c < N_CHANNELS; c++) {
        double p = interaction_channel_share(CLASS_NC, (enum channel)c, enu);
        printf("NC share of %-4s at 2.5 GeV: %.4f  model %.4f  (CC %.4f)\n", channel_name((enum channel)c),
               (double)count[c] / n, p, interaction_channel_share(CLASS_NUMU_CC, (enum channel)c, enu));
        double got = (double)count[c] / n, sigma = sqrt(p * (1 - p) / n);
        CHECK(fabs(got - p) < 3 * sigma + 0.005, "NC %s share %g, model %g", channel_name((enum channel)c), got, p);
    }
    /* NC resonance production is a larger share than NC elastic-like channels relative to CC. */
    CHECK(interaction_channel_share(CLASS_NC, CH_QE, 1500) < interaction_channel_share(CLASS_NUMU_CC, CH_QE, 1500),
          "NC elastic share not below CC QE's");
}

static void dis_slope(void)
{
    CHECK_NEAR("NC DIS (1-y)^2 coefficient", interaction_dis_y_slope(CLASS_NC), 0.294, 0.02);
    CHECK(interaction_dis_y_slope(CLASS_NUMU_CC) == DIS_SEA_FRACTION, "CC DIS slope");
}

static void nc_events(const physics *ph)
{
    event_config cfg = {1000, 4000, 4, RESPONSE_IDEAL};
    event_workspace w;
    event_workspace_init(&w);
    float *img = calloc(3 * 56 * 56, sizeof *img);
    int n = 600;
    double y = 0, pi0 = 0, np0 = 0;
    for (int i = 0; i < n; i++) {
        event_truth t;
        event_simulate(ph, &cfg, CLASS_NC, 5000 + (uint64_t)i, &w, &t, img);
        y += t.in.y;
        pi0 += interaction_count(&t.in, SP_PION_ZERO) > 0;
        np0 += interaction_count(&t.in, SP_PROTON) == 0;
    }
    CHECK_NEAR("NC P(pi0 > 0), DUNE truth", pi0 / n, 0.43, 0.25);
    printf("NC <y>: %.3f, DUNE truth 0.50 (not asserted)\n", y / n);
    printf("NC P(N_p = 0): %.3f, DUNE truth 0.42 (not asserted)\n", np0 / n);
    /* NC and CC share the RES and DIS models, and the NC elastic y is the QE one's: the classes' <y> are
       close (DUNE's NC <y>, 0.50 against 0.43, is raised by its sample's more-than-100-hits selection,
       which drops most low-y NC events: docs/validate.md). */
    double y_cc = 0;
    for (int i = 0; i < n; i++) {
        event_truth t;
        event_simulate(ph, &cfg, CLASS_NUMU_CC, 5000 + (uint64_t)i, &w, &t, img);
        y_cc += t.in.y;
    }
    printf("CC nu_mu <y>: %.3f, DUNE truth 0.43\n", y_cc / n);
    CHECK(fabs(y / n - y_cc / n) < 0.05, "NC <y> %g not within 0.05 of CC nu_mu's %g", y / n, y_cc / n);
    free(img);
    event_workspace_free(&w);
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2207);
    physics *ph = physics_new();
    channel_shares(r);
    dis_slope();
    nc_events(ph);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
