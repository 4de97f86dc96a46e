/* DUNE's particle counts (simide.h): the clusters' diffusion against sqrt(2 D t); a straight MIP-like track's
   cells without drift against their count by hand (wires crossed per view, one tick) and after the
   longest drift against the distinct ticks its clusters' spread gives each wire; a track across wires and
   ticks (one cell per boundary crossed, plus one); the cut; a pi0's cells include its photons' showers; a
   neutron's count takes its first collision's products only; event counts never exceed the all-particle
   counts. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/eloss.h"
#include "sim/event.h"
#include "sim/physics.h"
#include "sim/readout.h"
#include "sim/response.h"
#include "sim/sim_constants.h"
#include "sim/simide.h"
#include "sim/transport.h"

#define NO_CUT 1000000
static const double pitch[N_VIEWS] = {DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_INDUCTION_CM, DUNE_PITCH_COLLECTION_CM};

/* Returns a deposit along the segment a -> b, owned by particle 0. */
static deposit segment(const double a[3], const double b[3])
{
    return (deposit){(float)(0.5 * (a[0] + b[0])), (float)(0.5 * (a[1] + b[1])), (float)(0.5 * (a[2] + b[2])), 1,
                     (float)(0.5 * (b[0] - a[0])), (float)(0.5 * (b[1] - a[1])), (float)(0.5 * (b[2] - a[2])), 0, 0};
}

/* Offsets of 200000 clusters after 175 cm of drift: their standard deviations within 1 % of sqrt(2 D t)
   (the sample's own error is 1 / sqrt(2 N) = 0.16 %). */
static void diffusion_sigma(const gsl_rng *r)
{
    enum { N = 200000 };
    double drift = 175, t_ns = drift / DUNE_DRIFT_CM_PER_US * 1e3, sum2[3] = {0};
    double want[3] = {sqrt(2 * DUNE_DIFFUSION_L * t_ns), sqrt(2 * DUNE_DIFFUSION_T * t_ns), sqrt(2 * DUNE_DIFFUSION_T * t_ns)};
    for (int i = 0; i < N; i++) {
        double off[3];
        simide_diffuse(r, drift, off);
        for (int c = 0; c < 3; c++) sum2[c] += off[c] * off[c];
    }
    for (int c = 0; c < 3; c++) {
        double sigma = sqrt(sum2[c] / N);
        printf("diffusion after %.0f cm, axis %d: sigma %.4f cm, sqrt(2 D t) %.4f cm\n", drift, c, sigma, want[c]);
        CHECK(fabs(sigma / want[c] - 1) < 0.01, "axis %d: sigma %g, want %g", c, sigma, want[c]);
    }
}

/* Returns the expected number of distinct ticks that m clusters from x (cm) reach when spread by a
   Gaussian of sigma (cm) along the drift: the sum over ticks j of 1 - (1 - p_j)^m. */
static double distinct_ticks(double m, double x, double sigma)
{
    double sum = 0;
    for (long j = (long)floor((x - 8 * sigma) / DUNE_SIMIDE_TICK_CM); j * DUNE_SIMIDE_TICK_CM < x + 8 * sigma; j++) {
        double p = gsl_cdf_gaussian_P((j + 1) * DUNE_SIMIDE_TICK_CM - x, sigma) - gsl_cdf_gaussian_P(j * DUNE_SIMIDE_TICK_CM - x, sigma);
        sum += 1 - pow(1 - p, m);
    }
    return sum;
}

/* A 300 MeV proton's CSDA range along z, cut into 0.5 cm steps of 1 MeV (2 MeV/cm, minimum-ionising) at
   fixed x, y. Without drift each view sees one tick and the wires from the first to the last,
   floor(w1 / pitch) - floor(w0 / pitch) + 1. After DUNE_MAX_DRIFT_CM, each wire's m clusters (the
   track's clusters over the wires it spans) spread over distinct_ticks(m) ticks; the transverse spread
   only moves clusters between neighbouring wires, but adds up to a wire at each end (2 of about 100 wires
   a view: up to 2 % more) and fluctuates m: within 3 %. */
static void straight_track(const physics *ph, const gsl_rng *r)
{
    double range = eloss_range(physics_eloss(ph, SP_PROTON), 300), x = 0.3, y = 1.7, z0 = 10.1;
    int n = (int)ceil(range / 0.5), cells;
    deposit *dep = malloc(sizeof *dep * (size_t)n);
    for (int k = 0; k < n; k++) {
        double a[3] = {x, y, z0 + 0.5 * k}, b[3] = {x, y, fmin(z0 + 0.5 * (k + 1), z0 + range)};
        dep[k] = segment(a, b);
    }
    int hand = 0, view[N_VIEWS];
    for (int v = 0; v < N_VIEWS; v++)
        hand += view[v] = (int)(floor(readout_wire(v, y, z0 + range) / pitch[v]) - floor(readout_wire(v, y, z0) / pitch[v])) + 1;
    simide_cells(ph, r, dep, n, 1, x, NO_CUT, &cells);
    printf("300 MeV proton, %.2f cm along z, no drift: %d cells; by hand u %d + v %d + w %d = %d\n", range, cells,
           view[VIEW_U], view[VIEW_V], view[VIEW_W], hand);
    CHECK(cells == hand, "%d cells, %d by hand", cells, hand);
    double clusters = 0, expect = 0, sigma_l = sqrt(2 * DUNE_DIFFUSION_L * DUNE_MAX_DRIFT_CM / DUNE_DRIFT_CM_PER_US * 1e3);
    for (int k = 0; k < n; k++)
        clusters += ceil(floor(response_recombination(dep[k].e / (2 * dep[k].hz)) * dep[k].e / LAR_W_ION) / DUNE_ELECTRON_CLUSTER);
    for (int v = 0; v < N_VIEWS; v++) {
        double wires = fabs(readout_wire(v, y, z0 + range) - readout_wire(v, y, z0)) / pitch[v];
        expect += wires * distinct_ticks(clusters / wires, x, sigma_l);
    }
    simide_cells(ph, r, dep, n, 1, x - DUNE_MAX_DRIFT_CM, NO_CUT, &cells);
    printf("same, after %.0f cm of drift: %d cells, %.0f expected (%.0f clusters, sigma_L %.3f cm)\n", DUNE_MAX_DRIFT_CM,
           cells, expect, clusters, sigma_l);
    CHECK(fabs(cells / expect - 1) < 0.03, "%d cells after the longest drift, %.0f expected", cells, expect);
    simide_cells(ph, r, dep, n, 1, x - DUNE_MAX_DRIFT_CM, DUNE_TOPOLOGY_HITS_CUT, &cells);
    CHECK(cells == DUNE_TOPOLOGY_HITS_CUT, "counting goes on past the cut: %d", cells);
    free(dep);
}

/* A 3 cm segment in the x-z plane crosses wires and ticks: without drift, per view, one cell more than the
   boundaries it crosses (no corner is hit exactly at this position); 100 MeV give every cell clusters. */
static void diagonal_track(const physics *ph, const gsl_rng *r)
{
    double a[3] = {0.013, 0.21, 0.037}, b[3] = {2.013, 0.21, 3.037};
    deposit d = segment(a, b);
    d.e = 100;
    int cells, hand = 0;
    for (int v = 0; v < N_VIEWS; v++)
        hand += (int)(fabs(floor(readout_wire(v, a[1], b[2]) / pitch[v]) - floor(readout_wire(v, a[1], a[2]) / pitch[v]))
                      + fabs(floor(b[0] / DUNE_SIMIDE_TICK_CM) - floor(a[0] / DUNE_SIMIDE_TICK_CM))) + 1;
    simide_cells(ph, r, &d, 1, 1, b[0], NO_CUT, &cells); /* the anode at its far end: no drift */
    CHECK(cells == hand, "a segment across wires and ticks: %d cells, %d by hand", cells, hand);
}

/* Whose deposits are whose, over several transports of one final-state particle (index 0). */
typedef struct {
    int own, none, own_recoils, other; /* owned by 0, by -1 (recoils among those by 0), by anything else */
} ownership;

/* Returns the ownership of the deposits of n transports of a particle of species sp and kinetic energy t
   starting at z = z0 along the beam. */
static ownership transport_owned(const physics *ph, const gsl_rng *r, transport *tr, enum species sp, double t,
                                 double z0, int n)
{
    ownership o = {0};
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        particle p = {.sp = sp, .pos = {0, 0, z0}, .dir = {0, 0, 1}, .t = t};
        transport_run(tr, ph, r, &p, 1);
        for (int j = 0; j < tr->n_dep; j++) {
            const deposit *d = &tr->dep[j];
            if (d->owner == 0) o.own++, o.own_recoils += d->recoil;
            else if (d->owner == -1) o.none++;
            else o.other++;
        }
    }
    return o;
}

/* A pi0 owns every deposit (its photons' showers); a 1 MeV neutron (below 40Ar's first level: elastic
   scatters, then capture) every deposit; a 50 MeV neutron's first collision (a knock-out) gives its
   direct daughters, whose own products, among them every argon recoil, are not its. */
static void neutral_owners(const physics *ph, const gsl_rng *r)
{
    transport tr;
    transport_init(&tr);
    ownership o = transport_owned(ph, r, &tr, SP_PION_ZERO, 300, -100, 50);
    CHECK(o.own > 0 && o.none == 0 && o.other == 0, "pi0: %d deposits its, %d none, %d other", o.own, o.none, o.other);
    o = transport_owned(ph, r, &tr, SP_NEUTRON, 1, 0, 200);
    CHECK(o.own_recoils > 0 && o.none == 0 && o.other == 0, "1 MeV neutrons: %d recoils its, %d deposits none, %d other",
          o.own_recoils, o.none, o.other);
    o = transport_owned(ph, r, &tr, SP_NEUTRON, 50, 0, 200);
    printf("50 MeV neutrons: %d deposits of their first collision's products, %d of later ones\n", o.own, o.none);
    CHECK(o.own > 0 && o.none > 0 && o.own_recoils == 0 && o.other == 0,
          "50 MeV neutrons: %d deposits its (%d recoils), %d none, %d other", o.own, o.own_recoils, o.none, o.other);
    transport_free(&tr);
}

/* Over 300 events (--response dune): DUNE's counts never exceed the all-particle counts, and
   the cut removes some particles of each species. */
static void event_counts(const physics *ph)
{
    event_config cfg = {1000, 4000, 8, RESPONSE_DUNE};
    event_workspace w;
    event_workspace_init(&w);
    float *img = calloc(3 * 28 * 28, sizeof *img);
    static const enum species sp[N_SIMIDE_COUNTS][2] = {{SP_PROTON, SP_PROTON}, {SP_NEUTRON, SP_NEUTRON},
                                                        {SP_PION_PLUS, SP_PION_MINUS}, {SP_PION_ZERO, SP_PION_ZERO}};
    long all[N_SIMIDE_COUNTS] = {0}, dune[N_SIMIDE_COUNTS] = {0};
    for (int i = 0; i < 300; i++) {
        event_truth t;
        event_simulate(ph, &cfg, (enum event_class)(i % 3), 500 + (uint64_t)i, &w, &t, img);
        for (int c = 0; c < N_SIMIDE_COUNTS; c++) {
            int n = interaction_count(&t.in, sp[c][0]) + (sp[c][1] != sp[c][0] ? interaction_count(&t.in, sp[c][1]) : 0);
            CHECK(t.n_dune[c] <= n, "event %d, count %d: DUNE's %d above all %d", i, c, t.n_dune[c], n);
            all[c] += n, dune[c] += t.n_dune[c];
        }
    }
    printf("300 events: p %ld of %ld, n %ld of %ld, pi+- %ld of %ld, pi0 %ld of %ld counted as DUNE does\n", dune[0],
           all[0], dune[1], all[1], dune[2], all[2], dune[3], all[3]);
    for (int c = 0; c < N_SIMIDE_COUNTS - 1; c++) CHECK(dune[c] > 0 && dune[c] < all[c], "count %d: %ld of %ld", c, dune[c], all[c]);
    free(img);
    event_workspace_free(&w);
}

int main(void)
{
    physics *ph = physics_new();
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2323);
    diffusion_sigma(r);
    straight_track(ph, r);
    diagonal_track(ph, r);
    neutral_owners(ph, r);
    event_counts(ph);
    gsl_rng_free(r);
    physics_free(ph);
    return check_status();
}
