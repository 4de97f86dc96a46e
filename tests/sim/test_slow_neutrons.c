/* Slow neutrons (below 20 MeV) against published numbers: every 40Ar(n, gamma) cascade sums to
   Q = 6.0989 MeV and the 4745 keV primary takes its measured share (51.2 of the 93 per 100 captures
   listed); elastic scattering isotropic in the centre of mass loses 2A/(A+1)^2 of the energy on average;
   the elastic cosines drawn at tabulated energies have the optical model's first and second Legendre
   moments (diluted by the compound-elastic share), within 4 standard errors, and give the elastic recoil
   its mean 2A/(A+1)^2 (1 - <mu_cm>) E; every 40Ar level's cascade
   sums to its energy and the 2.524 MeV level goes straight to the ground state in its measured share;
   inelastic levels are drawn in their statistical weights; the (n, n'), (n, 2n) cross-sections match
   the tables at and between their points and vanish below threshold; the first flight of a 1 MeV neutron
   has the mean free path 1/(n sigma) of the table (18.3 cm at 2.6 b); inelastic scatters of 5 MeV
   neutrons emit the 1.461 MeV line at least as often as their first collision alone would; (n, p)
   protons get E + Q at most and travel their CSDA range; (n, 2n) happens to 18 MeV neutrons, its two
   neutrons share at most E + Q, and every collision sequence closes its ledger (products on the stack
   counted) to 1e-7 of E (deposits are floats); what one neutron leaves (recoil deposits, gammas) is
   printed; the full ledger, capture's Q counted, closes to 1e-4; with slow-neutrons off a slow
   neutron is invisible. */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/ingredients.h"
#include "sim/neutron.h"
#include "sim/physics.h"
#include "sim/sim_constants.h"
#include "sim/transport.h"

#define Z0 (-200.0)

static particle neutron_at(double t)
{
    return (particle){.sp = SP_NEUTRON, .pos = {0, 0, Z0}, .dir = {0, 0, 1}, .t = t};
}

static void cascades(const gsl_rng *r)
{
    int n = 20000, primary_4745 = 0;
    double worst = 0, lines = 0;
    for (int i = 0; i < n; i++) {
        double e[CAPTURE_N_LINES], sum = 0;
        int k = neutron_capture_cascade(r, e);
        for (int j = 0; j < k; j++) sum += e[j];
        worst = fmax(worst, fabs(sum - NEUTRON_CAPTURE_Q));
        primary_4745 += fabs(e[0] - 4.745) < 1e-3;
        lines += k;
    }
    printf("capture cascades: %.2f gammas on average\n", lines / n);
    CHECK(worst < 1e-9, "a cascade sums to %g MeV away from Q", worst);
    CHECK_NEAR("share of cascades starting with the 4745 keV line", (double)primary_4745 / n, 51.2 / 93.0, 0.03);
}

static void elastic_loss(const gsl_rng *r)
{
    int n = 200000;
    double loss = 0, a = AR40_MASS_RATIO, cos_lab;
    for (int i = 0; i < n; i++) loss += 1 - neutron_two_body(1.0, 0, 2 * gsl_rng_uniform(r) - 1, &cos_lab);
    CHECK_NEAR("elastic mean fractional energy loss", loss / n, 2 * a / ((a + 1) * (a + 1)), 0.01);
}

/* Returns the elastic cross-section share of the optical model's shape elastic at tabulated point k. */
static double shape_share(int k)
{
    static const double e[N_ELASTIC_MU_N] = N_ELASTIC_MU_E, se[N_ELASTIC_MU_N] = N_ELASTIC_MU_SE;
    return fmin(1, se[k] / neutron_sigma(NEUTRON_ELASTIC, e[k]));
}

/* Elastic cosines at tabulated energies: the sample means of mu and P2(mu) against a_1 and a_2 of the
   table times the shape-elastic share, within 4 standard errors of the mean. */
static void elastic_angles(const gsl_rng *r)
{
    static const double e[N_ELASTIC_MU_N] = N_ELASTIC_MU_E, a[N_ELASTIC_MU_N][N_ELASTIC_MU_L] = N_ELASTIC_MU_A;
    const int points[] = {5, 6, 9, 11, 16}; /* 0.5, 1, 3, 5, 14 MeV */
    const int n = 100000;
    for (int i = 0; i < 5; i++) {
        int k = points[i];
        double s1 = 0, s11 = 0, s2 = 0, s22 = 0;
        for (int j = 0; j < n; j++) {
            double mu = neutron_elastic_mu(r, e[k]), p2 = 1.5 * mu * mu - 0.5;
            s1 += mu, s11 += mu * mu, s2 += p2, s22 += p2 * p2;
        }
        double m1 = s1 / n, m2 = s2 / n, se1 = sqrt((s11 / n - m1 * m1) / n), se2 = sqrt((s22 / n - m2 * m2) / n);
        double a1 = a[k][0] * shape_share(k), a2 = a[k][1] * shape_share(k);
        printf("elastic at %5.2f MeV: <mu_cm> %.4f (a_1 %.4f +- %.4f), <P2> %.4f (a_2 %.4f +- %.4f)\n", e[k], m1, a1,
               se1, m2, a2, se2);
        CHECK(fabs(neutron_elastic_mean_cos(e[k]) - a1) < 1e-12, "mean cosine at %g MeV off the table", e[k]);
        CHECK(fabs(m1 - a1) < 4 * se1, "<mu_cm> %.4f at %g MeV, a_1 %.4f", m1, e[k], a1);
        CHECK(fabs(m2 - a2) < 4 * se2, "<P2> %.4f at %g MeV, a_2 %.4f", m2, e[k], a2);
    }
    CHECK(neutron_elastic_mean_cos(5e-4) == 0, "elastic scattering below 1 keV not isotropic");
}

/* Elastic recoils at 5 MeV from the drawn cosines: mean 2A/(A+1)^2 (1 - <mu_cm>) E, within 4 standard
   errors (forward-peaked scattering gives the recoil 38 % of what isotropic scattering did). */
static void elastic_recoil(const gsl_rng *r)
{
    const double t = 5.0, a = AR40_MASS_RATIO;
    const int n = 100000;
    double s = 0, ss = 0, cos_lab;
    for (int i = 0; i < n; i++) {
        double recoil = t - neutron_two_body(t, 0, neutron_elastic_mu(r, t), &cos_lab);
        s += recoil, ss += recoil * recoil;
    }
    double mean = s / n, se = sqrt((ss / n - mean * mean) / n);
    double expected = 2 * a / ((a + 1) * (a + 1)) * (1 - neutron_elastic_mean_cos(t)) * t;
    printf("5 MeV elastic recoil: %.4f MeV (expected %.4f +- %.4f; isotropic %.4f)\n", mean, expected, se,
           2 * a / ((a + 1) * (a + 1)) * t);
    CHECK(fabs(mean - expected) < 4 * se, "5 MeV elastic recoil %.4f MeV, expected %.4f", mean, expected);
}

/* Prints what one slow neutron started at the cube's centre leaves, per energy: its recoil deposits
   (each a point: an isolated pixel in an ideal readout) and their energy, its gammas and theirs. */
static void yields(const physics *ph, const gsl_rng *r, transport *tr)
{
    const double energies[] = {1, 3, 8, 14};
    const int n = 2000;
    for (int i = 0; i < 4; i++) {
        double deposits = 0, recoil = 0, gammas = 0, gamma_e = 0;
        for (int j = 0; j < n; j++) {
            particle p = {.sp = SP_NEUTRON, .pos = {0, 0, 0}, .dir = {0, 0, 1}, .t = energies[i]};
            transport_reset(tr);
            neutron_transport(tr, ph, r, &p);
            deposits += tr->n_dep;
            recoil += tr->deposited;
            for (int k = 0; k < tr->n_stack; k++)
                if (tr->stack[k].sp == SP_GAMMA) gammas++, gamma_e += tr->stack[k].t;
        }
        printf("%4.0f MeV neutron at the centre: %.1f recoil deposits, %.2f MeV; %.2f gammas, %.2f MeV\n",
               energies[i], deposits / n, recoil / n, gammas / n, gamma_e / n);
    }
}

/* Every cascade of every 40Ar level sums to the level's energy; the 2.524 MeV level (3) decays to the
   ground state in its ENSDF share 0.421307, within 4 binomial standard errors. */
static void level_cascades(const gsl_rng *r)
{
    double worst = 0;
    int n = 20000, straight = 0;
    for (int level = 1; level < AR40_N_LEVELS; level++)
        for (int i = 0; i < n; i++) {
            double e[AR40_MAX_CASCADE], sum = 0;
            int k = neutron_level_cascade(r, level, e);
            for (int j = 0; j < k; j++) sum += e[j];
            worst = fmax(worst, fabs(sum - neutron_level_energy(level)));
            if (level == 3) straight += k == 1;
        }
    CHECK(worst < 1e-12, "a level cascade misses its level's energy by %g MeV", worst);
    double p = 0.421307, share = (double)straight / n;
    printf("2.524 MeV level straight to the ground state: %.4f (ENSDF %.4f)\n", share, p);
    CHECK(fabs(share - p) < 4 * sqrt(p * (1 - p) / n), "2.524 MeV level to ground in %.4f", share);
}

/* Levels excited by 3 MeV neutrons in the shares (2J + 1)(E_cm - E_x), within 4 binomial standard errors. */
static void inelastic_levels(const gsl_rng *r)
{
    static const int spin[AR40_N_LEVELS] = AR40_LEVEL_2J1;
    const double t = 3.0, cm = t * AR40_MASS_RATIO / (AR40_MASS_RATIO + 1);
    const int n = 50000;
    int count[AR40_N_LEVELS] = {0};
    double w[AR40_N_LEVELS] = {0}, total = 0;
    for (int i = 0; i < n; i++) count[neutron_inelastic_level(r, t)]++;
    for (int k = 1; k < AR40_N_LEVELS; k++) total += w[k] = spin[k] * fmax(0, cm - neutron_level_energy(k));
    for (int k = 0; k < AR40_N_LEVELS; k++) {
        double p = w[k] / total, got = (double)count[k] / n;
        CHECK(fabs(got - p) <= 4 * sqrt(p * (1 - p) / n), "level %d drawn in %.4f, expected %.4f", k, got, p);
    }
    CHECK(count[0] == 0 && count[5] == 0, "3 MeV neutrons excite a closed level");
}

/* The tables at their points, between them (linear in ln E) and below threshold. */
static void cross_sections(void)
{
    CHECK_NEAR("(n, 2n) at 14.8 MeV (b)", neutron_sigma(NEUTRON_N2N, 14.8), 0.61, 1e-9);
    CHECK_NEAR("(n, 2n) at 20 MeV (b)", neutron_sigma(NEUTRON_N2N, 20.0), 0.61, 1e-9);
    CHECK_NEAR("(n, 2n) at 12 MeV (b)", neutron_sigma(NEUTRON_N2N, 12.0), 0.61 * log(12 / 10.118) / log(14.8 / 10.118),
               1e-9);
    CHECK(neutron_sigma(NEUTRON_N2N, 10.0) == 0, "(n, 2n) below its 10.118 MeV threshold");
    CHECK_NEAR("(n, n') at 14 MeV (b)", neutron_sigma(NEUTRON_INELASTIC, 14.0), 0.6, 1e-9);
    CHECK(neutron_sigma(NEUTRON_INELASTIC, 1.45) == 0, "(n, n') below its 1.4977 MeV threshold");
}

/* The first collision of a 1 MeV neutron deposits its recoil where it happens: its distance from the
   start is the first flight. */
/* Returns the total cross-section (barn) at t. */
static double sigma_total(double t)
{
    double sigma = 0;
    for (int c = 0; c < N_NEUTRON_CHANNELS; c++) sigma += neutron_sigma((enum neutron_channel)c, t);
    return sigma;
}

static void free_path(const physics *ph, const gsl_rng *r, transport *tr)
{
    double sigma = sigma_total(1.0);
    CHECK_NEAR("sigma at 1 MeV (table: 2.6 b elastic)", sigma, 2.6, 0.001);
    CHECK_NEAR("mean free path at 2 b (24 cm)", 1 / (AR_NUCLEI_DENSITY * 2e-24), 23.8, 0.01);
    int n = 20000, got = 0;
    double flight = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        particle p = neutron_at(1.0);
        neutron_transport(tr, ph, r, &p);
        if (tr->n_dep == 0) continue;
        flight += hypot(hypot(tr->dep[0].x, tr->dep[0].y), tr->dep[0].z - Z0);
        got++;
    }
    CHECK_NEAR("1 MeV first flight (cm)", flight / got, neutron_path(1.0), 0.03);
}

/* Returns 1 if t's stack holds a photon of energy e. */
static int stack_has_gamma(const transport *tr, double e)
{
    for (int k = 0; k < tr->n_stack; k++)
        if (tr->stack[k].sp == SP_GAMMA && fabs(tr->stack[k].t - e) < 1e-9) return 1;
    return 0;
}

/* Returns the share of inelastic scatters of t MeV neutrons whose cascade emits the 1.461 MeV line
   (from n draws). */
static double line_share(const gsl_rng *r, double t, int n)
{
    int with = 0;
    for (int i = 0; i < n; i++) {
        double e[AR40_MAX_CASCADE];
        int k = neutron_level_cascade(r, neutron_inelastic_level(r, t), e);
        for (int j = 0; j < k; j++)
            if (e[j] == neutron_level_energy(1)) { with++; break; }
    }
    return (double)with / n;
}

/* 5 MeV neutrons emit the line at least as often as their first collision alone does (sigma_inel / sigma
   times the cascades' share through the 1.461 MeV level), less 4 binomial standard errors. */
static void inelastic_line(const physics *ph, const gsl_rng *r, transport *tr)
{
    int n = 5000, with_line = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        particle p = neutron_at(5.0);
        neutron_transport(tr, ph, r, &p);
        with_line += stack_has_gamma(tr, neutron_level_energy(1));
    }
    double first = neutron_sigma(NEUTRON_INELASTIC, 5.0) / sigma_total(5.0) * line_share(r, 5.0, 100000);
    double got = (double)with_line / n;
    printf("5 MeV neutrons emitting the 1.461 MeV line: %.3f (first collision alone %.3f)\n", got, first);
    CHECK(got > first - 4 * sqrt(first * (1 - first) / n), "%.3f of 5 MeV neutrons emit the 1.461 MeV line", got);
}

/* Returns the kinetic energy (MeV) of the particles on t's stack of species sp. */
static double stack_energy(const transport *tr, enum species sp)
{
    double e = 0;
    for (int k = 0; k < tr->n_stack; k++)
        if (tr->stack[k].sp == sp) e += tr->stack[k].t;
    return e;
}

/* 18 MeV neutrons: one neutron_transport call's ledger with the products left on the stack counted (to
   1e-7 of E: the deposits are single precision); the
   (n, 2n) neutron pushed by a good share of them (the first collision alone gives sigma_2n / sigma, 0.29;
   half of it asked), its energy below E + Q. */
static void two_neutrons(const physics *ph, const gsl_rng *r, transport *tr)
{
    const double t = 18.0;
    int n = 4000, with_second = 0, above = 0;
    double worst = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        particle p = neutron_at(t);
        neutron_transport(tr, ph, r, &p);
        double stacked = 0;
        for (int k = 0; k < tr->n_stack; k++) stacked += tr->stack[k].t;
        worst = fmax(worst, fabs(tr->deposited + tr->escaped + tr->invisible + stacked - t - tr->released) / t);
        double second = stack_energy(tr, SP_NEUTRON);
        with_second += second > 0;
        above += second > t + N_N2N_Q;
    }
    double first = neutron_sigma(NEUTRON_N2N, t) / sigma_total(t);
    printf("18 MeV neutrons making (n, 2n): %.3f (first collision alone %.3f)\n", (double)with_second / n, first);
    CHECK(with_second > 0.5 * first * n, "only %d of %d 18 MeV neutrons made (n, 2n)", with_second, n);
    CHECK(above == 0, "%d (n, 2n) neutrons above E + Q", above);
    CHECK(worst < 1e-7, "one transport's ledger (stack counted) off by %g of E", worst);
}

/* Returns the summed length (cm) of t's deposit segments: a charged track's path, its last residual
   range included. */
static double deposited_path(const transport *t)
{
    double path = 0;
    for (int k = 0; k < t->n_dep; k++) path += 2 * hypot(hypot(t->dep[k].hx, t->dep[k].hy), t->dep[k].hz);
    return path;
}

/* Protons of 14 MeV neutrons' (n, p): each below E + Q, their tracks as long as their CSDA range. */
static void proton_ranges(const physics *ph, const gsl_rng *r, transport *tr)
{
    const double e_n = 14.0;
    int protons = 0, above = 0;
    double ratio = 0;
    transport track;
    transport_init(&track);
    for (int i = 0; i < 200000 && protons < 300; i++) {
        transport_reset(tr);
        particle p = neutron_at(e_n);
        neutron_transport(tr, ph, r, &p);
        for (int k = 0; k < tr->n_stack; k++) {
            if (tr->stack[k].sp != SP_PROTON) continue;
            particle q = tr->stack[k];
            above += q.t > e_n + N_PROTON_Q + 1e-9;
            double range = eloss_range(physics_eloss(ph, SP_PROTON), q.t);
            transport_reset(&track);
            if (transport_track(&track, ph, r, &q) != FATE_STOPPED) continue;
            ratio += deposited_path(&track) / range;
            protons++;
        }
    }
    transport_free(&track);
    CHECK(protons >= 100, "only %d (n, p) protons from 14 MeV neutrons", protons);
    CHECK(above == 0, "%d protons above E + Q", above);
    CHECK_NEAR("(n, p) proton path / CSDA range", ratio / protons, 1.0, 0.05);
}

static void ledger(const physics *ph, const gsl_rng *r, transport *tr)
{
    double worst = 0, released = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
        double t = 0.5 + 19 * gsl_rng_uniform(r);
        particle p = neutron_at(t);
        transport_reset(tr);
        transport_run(tr, ph, r, &p, 1);
        worst = fmax(worst, fabs(tr->deposited + tr->escaped + tr->invisible - t - tr->released) / t);
        released += tr->released;
    }
    printf("captures per slow neutron started at z = %.0f: %.3f\n", Z0, released / NEUTRON_CAPTURE_Q / n);
    CHECK(released > 0, "no capture");
    CHECK(worst < 1e-4, "slow-neutron ledger off by %g", worst);
}

static void switched_off(const gsl_rng *r, transport *tr)
{
    physics *off = physics_new();
    physics_switch_off(off, ING_SLOW_NEUTRONS);
    particle p = neutron_at(10.0);
    transport_reset(tr);
    transport_run(tr, off, r, &p, 1);
    CHECK(tr->n_dep == 0 && fabs(tr->invisible - 10.0) < 1e-9 && tr->released == 0,
          "slow-neutrons off: %d deposits, %g MeV invisible", tr->n_dep, tr->invisible);
    physics_free(off);
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 57);
    physics *ph = physics_new();
    transport tr;
    transport_init(&tr);
    cascades(r);
    elastic_loss(r);
    elastic_angles(r);
    elastic_recoil(r);
    level_cascades(r);
    inelastic_levels(r);
    cross_sections();
    free_path(ph, r, &tr);
    inelastic_line(ph, r, &tr);
    proton_ranges(ph, r, &tr);
    two_neutrons(ph, r, &tr);
    yields(ph, r, &tr);
    ledger(ph, r, &tr);
    switched_off(r, &tr);
    transport_free(&tr);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
