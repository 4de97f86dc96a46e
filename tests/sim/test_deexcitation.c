/* De-excitation gammas after a nucleon is knocked out of 40Ar, against ENSDF (adopted levels and
   gammas of 39Cl and 39Ar, written here from the evaluation, not from the simulator's tables):
   every gamma is one of the residual's measured lines and each residual's gammas sum to one of its
   levels; the mean excitation and gamma multiplicity per knock-out follow the hole-state strengths
   (shell occupancies of 40Ar) and the measured branching ratios; states above the energy available
   are not reached; the transport's ledger stays exact (1e-4) and with the ingredient off nothing is
   emitted. */
#include <math.h>

#include "../check.h"
#include "sim/deexcitation.h"
#include "sim/ingredients.h"
#include "sim/physics.h"
#include "sim/transport.h"

#define N 200000
#define KEV 1e-3

/* ENSDF gamma lines (MeV). 39Cl: 1/2+ 396.4 -> g.s.; (5/2+) 1301.2 -> 396.4 (904.8) and -> g.s.
   39Ar: 1267.2 -> g.s.; 1517.5 -> 1267.2 (250.3) and -> g.s.; 2092.7 -> 1267.2 (825.5) and -> g.s.;
   2358.3 -> 1517.5 (840.7) and -> 1267.2 (1091.1); 2503.4 -> 2092.7 (410.7), -> 1517.5 (985.9),
   -> 1267.2 (1236.2), -> g.s. */
static const double cl39_lines[] = {0.3964, 0.9048, 1.3012};
static const double ar39_lines[] = {1.2672, 0.2503, 1.5175, 0.8255, 2.0927, 0.8407, 1.0911,
                                    0.4107, 0.9859, 1.2362, 2.5034};
static const double cl39_levels[] = {0.3964, 1.3012};
static const double ar39_levels[] = {1.5175, 2.3583, 2.5034};

/* Returns 1 if e is within 1 keV of one of the n values v. */
static int among(double e, const double *v, int n)
{
    for (int k = 0; k < n; k++)
        if (fabs(e - v[k]) < KEV) return 1;
    return 0;
}

/* Samples N knock-outs of species sp with ample energy: checks each gamma and each residual's sum
   against ENSDF, and the mean excitation and multiplicity against the expected ones. */
static void check_residual(const gsl_rng *r, enum species sp, const char *name, const double *lines, int n_lines,
                           const double *levels, int n_levels, double mean_e, double mean_n)
{
    double gamma[DEEX_MAX_GAMMAS], sum_e = 0, sum_n = 0;
    int bad_line = 0, bad_level = 0;
    for (int i = 0; i < N; i++) {
        int n;
        double e = deexcitation_sample(r, sp, 100, gamma, &n), total = 0;
        for (int k = 0; k < n; k++) {
            bad_line += !among(gamma[k], lines, n_lines);
            total += gamma[k];
        }
        bad_level += n > 0 && !among(total, levels, n_levels);
        bad_level += fabs(total - e) > 1e-12;
        sum_e += e;
        sum_n += n;
    }
    CHECK(bad_line == 0, "%s: %d gammas not among the ENSDF lines", name, bad_line);
    CHECK(bad_level == 0, "%s: %d cascades not summing to an ENSDF level", name, bad_level);
    printf("%s: ", name);
    CHECK_NEAR("mean excitation per knock-out (MeV)", sum_e / N, mean_e, 0.02);
    printf("%s: ", name);
    CHECK_NEAR("mean gammas per knock-out", sum_n / N, mean_n, 0.02);
}

/* Checks that with the ingredient as ph has it, transport_deexcite pushes gammas whose energies sum to
   what it returns (none when off); returns the number pushed over n calls. */
static int pushed_gammas(const physics *ph, const gsl_rng *r, transport *tr, int n)
{
    double pos[3] = {0, 0, -200};
    int pushed = 0, bad = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        double e = transport_deexcite(tr, ph, r, pos, i % 2 ? SP_PROTON : SP_NEUTRON, 100), sum = 0;
        for (int k = 0; k < tr->n_stack; k++) {
            bad += tr->stack[k].sp != SP_GAMMA;
            sum += tr->stack[k].t;
        }
        bad += fabs(sum - e) > 1e-12;
        pushed += tr->n_stack;
    }
    CHECK(bad == 0, "%d pushes disagree with the energy returned", bad);
    return pushed;
}

/* Returns the worst relative ledger error (captures release binding energy) over n hadrons of species sp and kinetic energy t. */
static double worst_ledger(const physics *ph, const gsl_rng *r, transport *tr, enum species sp, double t, int n)
{
    double worst = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(tr);
        particle p = {.sp = sp, .pos = {0, 0, -200}, .dir = {0, 0, 1}, .t = t};
        double budget = species_budget(sp, t);
        transport_run(tr, ph, r, &p, 1);
        worst = fmax(worst, fabs(tr->deposited + tr->escaped + tr->invisible - budget - tr->released) / budget);
    }
    return worst;
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 14);
    /* Hole strengths of 40Ar (independent-particle occupancies): protons d3/2 2 (39Cl g.s.), s1/2 2
       (396.4 keV), d5/2 6 (1301.2 keV), 1s + 1p 8 (no gammas); neutrons f7/2 2 (39Ar g.s.), d3/2 4
       (1517.5), s1/2 2 (2358.3), d5/2 6 (2503.4), 1s + 1p 8. Multiplicities from the ENSDF branchings:
       1301.2: 1 + 0.0619; 1517.5: 1 + 0.5408; 2092.7: 1 + 0.0421; 2358.3: 1 + 0.0521 m(1517.5) +
       0.9479; 2503.4: 1 + 0.0426 m(2092.7) + 0.9283 m(1517.5) + 0.0266. */
    double m1517 = 1.5408, m2093 = 1.0421;
    double m2358 = 1 + 0.0521 * m1517 + 0.9479, m2503 = 1 + 0.0426 * m2093 + 0.9283 * m1517 + 0.0266;
    check_residual(r, SP_PROTON, "39Cl", cl39_lines, 3, cl39_levels, 2, (2 * 0.3964 + 6 * 1.3012) / 18,
                   (2 * 1 + 6 * 1.0619) / 18);
    check_residual(r, SP_NEUTRON, "39Ar", ar39_lines, 11, ar39_levels, 3,
                   (4 * 1.5175 + 2 * 2.3583 + 6 * 2.5034) / 22, (4 * m1517 + 2 * m2358 + 6 * m2503) / 22);
    /* Every level lies below the residual's neutron separation energy (AME: S_n(39Cl) 8.073 MeV,
       S_n(39Ar) 6.599 MeV), so gammas are its only decay. */
    for (int k = 0; deexcitation_level(SP_PROTON, k) >= 0; k++) CHECK(deexcitation_level(SP_PROTON, k) < 8.073);
    for (int k = 0; deexcitation_level(SP_NEUTRON, k) >= 0; k++) CHECK(deexcitation_level(SP_NEUTRON, k) < 6.599);
    /* With 1.2 MeV available no 39Ar state (the lowest hole state is 1517.5 keV) is reached. */
    double gamma[DEEX_MAX_GAMMAS], most = 0;
    for (int i = 0; i < 10000; i++) {
        int n;
        most = fmax(most, deexcitation_sample(r, SP_NEUTRON, 1.2, gamma, &n));
    }
    CHECK(most == 0, "a 39Ar state of %g MeV reached with 1.2 MeV available", most);

    physics *ph = physics_new();
    transport tr;
    transport_init(&tr);
    int on = pushed_gammas(ph, r, &tr, 2000);
    CHECK(on > 1000, "only %d gammas from 2000 knock-outs", on);
    double worst_p = worst_ledger(ph, r, &tr, SP_PROTON, 300, 2000);
    double worst_pi = worst_ledger(ph, r, &tr, SP_PION_PLUS, 300, 2000);
    double worst_n = worst_ledger(ph, r, &tr, SP_NEUTRON, 500, 2000);
    printf("ledger, de-excitation on: p %.2g pi+ %.2g n %.2g\n", worst_p, worst_pi, worst_n);
    CHECK(worst_p < 1e-4 && worst_pi < 1e-4 && worst_n < 1e-4, "ledger off");
    physics_switch_off(ph, ING_DEEXCITATION);
    int off = pushed_gammas(ph, r, &tr, 2000);
    CHECK(off == 0, "%d gammas with the ingredient off", off);
    CHECK(worst_ledger(ph, r, &tr, SP_PROTON, 300, 500) < 1e-4, "ledger off, ingredient off");
    transport_free(&tr);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
