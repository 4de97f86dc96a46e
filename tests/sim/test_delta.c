/* Delta rays against the PDG (Passage of particles through matter): the production cut is the energy of
   a 0.7 mm electron range (Geant4's default cut; about 0.3 MeV in LAr, 25 %), muons of 2 GeV emit
   (K/2)(Z/A) rho / beta^2 (1/T1 - 1/T2) knock-on electrons per cm between T1 and T2 (5 %) with the 1/T^2
   shape (counts in 1-2 MeV twice those in 2-4 MeV, 10 %), and the mean loss is unchanged: deposited plus
   delta-ray energy over 1 cm equals the Bethe-Bloch mean (3 %). */
#include <math.h>

#include "../check.h"
#include "sim/physics.h"
#include "sim/sim_constants.h"
#include "sim/transport.h"

#define XI_PDG (0.5 * 0.307075 * 18.0 / 39.948 * 1.396) /* (K/2)(Z/A) rho, MeV/cm, PDG constants */

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 34);
    physics *ph = physics_new();
    transport tr;
    transport_init(&tr);
    CHECK_NEAR("delta-ray cut, 0.7 mm electron range (MeV)", physics_delta_cut(ph), 0.3, 0.25);

    double length = 0, n12 = 0, n24 = 0, n1 = 0, carried = 0;
    for (int i = 0; i < 200; i++) {
        transport_reset(&tr);
        particle p = {.sp = SP_MUON_PLUS, .pos = {0, 0, -DETECTOR_HALF + 1}, .dir = {0, 0, 1}, .t = 2000};
        transport_track(&tr, ph, r, &p);
        length += p.length;
        for (int k = 0; k < tr.n_stack; k++) {
            double e = tr.stack[k].t;
            CHECK(tr.stack[k].sp == SP_ELECTRON && e >= physics_delta_cut(ph) * (1 - 1e-9), "secondary %d: %g MeV", k, e);
            carried += e;
            n1 += e > 1;
            n12 += e > 1 && e < 2;
            n24 += e >= 2 && e < 4;
        }
    }
    /* Over these tracks beta^2 > 0.99 and T_max > 90 MeV: the count above 1 MeV is XI (1 - 1/T_max) ~ XI. */
    CHECK_NEAR("delta rays above 1 MeV per cm, 2 GeV muons", n1 / length, XI_PDG * (1 - 1.0 / 90), 0.05);
    CHECK_NEAR("delta rays 1-2 MeV / 2-4 MeV (1/T^2)", n12 / n24, 2.0, 0.10);
    printf("delta rays above the cut carry %.3f MeV/cm\n", carried / length);

    /* Mean loss over 1 cm of a 300 MeV muon (two steps): deposited + delta rays = CSDA mean. */
    double total = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
        transport_reset(&tr);
        particle p = {.sp = SP_MUON_PLUS, .pos = {0, 0, -DETECTOR_HALF + 1}, .dir = {0, 0, 1}, .t = 300};
        transport_track(&tr, ph, r, &p);
        double dep = tr.dep[0].e + tr.dep[1].e;
        for (int k = 0; k < tr.n_stack; k++)
            if (tr.stack[k].pos[2] < -DETECTOR_HALF + 2) dep += tr.stack[k].t;
        total += dep;
    }
    CHECK_NEAR("mean loss in 1 cm at 300 MeV, with delta rays (MeV)", total / n,
               eloss_dedx(physics_eloss(ph, SP_MUON_PLUS), 300), 0.03);
    transport_free(&tr);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
