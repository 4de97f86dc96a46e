/* Neutrons: above NEUTRON_T_CUT they interact after the nucleon-argon interaction length (85.8 cm at
   1 GeV, PDG: the share interacting within 50 cm, 5 %), leave visible
   protons (a third or more of 1 GeV neutrons' energy ends deposited), keep the ledger (deposited +
   escaped + invisible = T + the binding energy captures release, 1e-4), and below the cut are
   invisible when slow-neutrons is off. */
#include <math.h>

#include "../check.h"
#include "sim/ingredients.h"
#include "sim/physics.h"
#include "sim/sim_constants.h"
#include "sim/transport.h"

#define Z0 (-200.0)

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 41);
    physics *ph = physics_new();
    transport tr;
    transport_init(&tr);
    int n = 4000;
    double first = 0, deposited = 0, worst = 0;
    for (int i = 0; i < n; i++) {
        transport_reset(&tr);
        particle p = {.sp = SP_NEUTRON, .pos = {0, 0, Z0}, .dir = {0, 0, 1}, .t = 1000};
        particle q = p;
        enum fate f = transport_neutron(&tr, ph, r, &q);
        first += f == FATE_INTERACTED && q.length < 50;
        CHECK(f == FATE_INTERACTED || f == FATE_LEFT, "a 1 GeV neutron stopped");
        transport_reset(&tr);
        transport_run(&tr, ph, r, &p, 1);
        worst = fmax(worst, fabs(tr.deposited + tr.escaped + tr.invisible - 1000 - tr.released) / 1000);
        deposited += tr.deposited;
    }
    /* The share interacting within 50 cm (the wall is 450 cm away): 1 - exp(-50 / lambda). */
    CHECK_NEAR("1 GeV neutrons interacting within 50 cm", first / n, 1 - exp(-50 / LAR_LAMBDA_INT), 0.05);
    printf("1 GeV neutrons: %.3f of the energy deposited\n", deposited / n / 1000);
    CHECK(deposited / n > 333, "1 GeV neutrons deposit %g MeV on average", deposited / n);
    CHECK(worst < 1e-4, "neutron ledger off by %g", worst);
    /* Below the cut a neutron is invisible only with slow-neutrons off (test_slow_neutrons.c: on). */
    physics_switch_off(ph, ING_SLOW_NEUTRONS);
    transport_reset(&tr);
    particle slow = {.sp = SP_NEUTRON, .pos = {0, 0, Z0}, .dir = {0, 0, 1}, .t = 0.5 * NEUTRON_T_CUT};
    transport_run(&tr, ph, r, &slow, 1);
    CHECK(tr.n_dep == 0 && fabs(tr.invisible - 0.5 * NEUTRON_T_CUT) < 1e-9, "a slow neutron left %d deposits", tr.n_dep);
    transport_free(&tr);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
