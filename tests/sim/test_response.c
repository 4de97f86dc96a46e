/* The detector response: the modified-box recombination (ArgoNeuT) gives R = 0.70 for a MIP at
   0.5 kV/cm (ICARUS and ArgoNeuT measure ~0.7; 3 %) and agrees with ICARUS's Birks fit
   (A = 0.800, k = 0.0486 (kV/cm)(g/cm^2)/MeV, NIM A 523 (2004) 275) within 5 % from 2 to 10 MeV/cm;
   quenching scales a segment by R of its energy over its length; the electronics make noise hits on an
   empty image at the Gaussian tail rate above threshold (4 sigma), remove sub-threshold pixels and
   saturate at the ADC full scale. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "sim/physics.h"
#include "sim/readout.h"
#include "sim/response.h"
#include "sim/sim_constants.h"

static double birks_icarus(double dedx) { return 0.800 / (1 + 0.0486 * dedx / (LAR_DENSITY * DRIFT_FIELD)); }

static void recombination(const physics *ph)
{
    CHECK_NEAR("recombination R for a MIP (2.105 MeV/cm)", response_recombination(2.105), 0.70, 0.03);
    for (double dedx = 2; dedx <= 10; dedx += 1)
        CHECK(fabs(response_recombination(dedx) / birks_icarus(dedx) - 1) < 0.05, "box %g and Birks %g at %g MeV/cm",
              response_recombination(dedx), birks_icarus(dedx), dedx);
    CHECK(response_recombination(20) < response_recombination(5), "R does not fall with dE/dx");
    deposit d = {0, 0, 0, 1.05f, 0, 0, 0.25f, 0}; /* 1.05 MeV over 0.5 cm */
    response_quench(ph, &d, 1);
    CHECK(fabs(d.e - 1.05 * response_recombination(2.1)) < 1e-5, "quenched segment %g", d.e);
    /* Below the fit's range, LArSoft's floor: R(1 MeV/cm) by hand, ln(0.93 + xi) / xi with
       xi = 0.212 x 1 / (1.396 x 0.5) = 0.30372, is 0.6915; never 0, never above 1. */
    CHECK_NEAR("R at the 1 MeV/cm floor", response_recombination(1.0), 0.6915, 2e-4);
    CHECK(response_recombination(0.05) == response_recombination(1.0), "R below the floor %g",
          response_recombination(0.05));
    /* An argon recoil: 6 e/keV x 23.6 eV = 0.1416 of its energy is charge; of its Lindhard share
       L(233 keV) = 0.5396 (by hand: eps = 3.1556, g = 8.1149, k g = 1.1718), 0.2624 survives. */
    CHECK_NEAR("Lindhard share at 233 keV", physics_lindhard(0.233), 0.5396, 5e-4);
    CHECK_NEAR("recoil charge survival", response_recoil_survival(), 0.2624, 5e-4);
    deposit recoil = {0, 0, 0, 0.1f, 0, 0, 0, 1};
    response_quench(ph, &recoil, 1);
    CHECK(fabs(recoil.e - 0.1 * response_recoil_survival()) < 1e-6, "quenched recoil %g", recoil.e);
}

static void electronics(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 99);
    int side = 224, n = 200, plane = side * side;
    float *img = calloc(3 * (size_t)plane, sizeof *img);
    double hits = 0, sigma = NOISE_ELECTRONS * LAR_W_ION;
    for (int i = 0; i < n; i++) {
        for (int p = 0; p < 3 * plane; p++) img[p] = 0;
        response_electronics(r, img, side);
        for (int p = 0; p < 3 * plane; p++) hits += img[p] != 0;
    }
    double expect = n * 3.0 * plane * gsl_cdf_ugaussian_Q(THRESHOLD_NOISE_SIGMAS);
    printf("noise hits on %d empty images: %.0f, expected %.0f\n", n, hits, expect);
    CHECK(fabs(hits - expect) < 4 * sqrt(expect), "noise hits %g, expected %g", hits, expect);
    for (int p = 0; p < 3 * plane; p++) img[p] = 0;
    img[0] = 1000;                                             /* far above the ADC range */
    img[1] = (float)(0.25 * THRESHOLD_NOISE_SIGMAS * sigma);   /* a quarter of the threshold */
    response_electronics(r, img, side);
    CHECK(fabs(img[0] - ADC_FULL_SCALE_ELECTRONS * LAR_W_ION) < 1e-3, "saturated pixel %g", img[0]);
    CHECK(img[1] == 0, "a pixel at a quarter of the threshold survived: %g", img[1]);
    free(img);
    gsl_rng_free(r);
}

int main(void)
{
    physics *ph = physics_new();
    recombination(ph);
    electronics();
    physics_free(ph);
    return check_status();
}
