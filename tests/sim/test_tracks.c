/* Charged tracks in LAr against PDG and NIST (docs/physics.md): muon CSDA range (5 %), proton range (5 %) and Bragg peak
   (17.6 R^-0.43 MeV/cm integrated over residual-range bands, 10 %), MIP most probable loss in 1 cm
   (~1.6 MeV, 10 %). */
#include <gsl/gsl_histogram.h>
#include <math.h>

#include "../check.h"
#include "sim/physics.h"
#include "sim/sim_constants.h"
#include "sim/transport.h"

static particle start(enum species sp, double t)
{
    return (particle){.sp = sp, .pos = {0, 0, -DETECTOR_HALF + 1}, .dir = {0, 0, 1}, .t = t};
}

static void muon_range(const physics *ph, const gsl_rng *r, transport *tr)
{
    static const double t[] = {100, 200, 300, 500, 1000}, ref[] = {30, 76, 124, 217, 441};
    for (int k = 0; k < 5; k++) {
        double sum = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            transport_reset(tr);
            particle p = start(SP_MUON_PLUS, t[k]);
            CHECK(transport_track(tr, ph, r, &p) == FATE_STOPPED, "muon of %g MeV did not stop", t[k]);
            sum += p.length;
        }
        char what[64];
        snprintf(what, sizeof what, "muon range at T = %g MeV (cm)", t[k]);
        CHECK_NEAR(what, sum / n, ref[k], 0.05);
    }
}

/* Proton ranges from the tracks that stop without a nuclear interaction; Bragg peak from the energy
   deposited at residual range 0-1 cm and 5-10 cm of 200 MeV protons. */
static void proton_range(const physics *ph, const gsl_rng *r, transport *tr)
{
    static const double t[] = {50, 100, 200, 300, 500}, ref[] = {2.3, 7.8, 26, 51, 116};
    for (int k = 0; k < 5; k++) {
        double sum = 0, near = 0, mid = 0;
        int n = 0;
        for (int i = 0; i < 300; i++) {
            transport_reset(tr);
            particle p = start(SP_PROTON, t[k]);
            if (transport_track(tr, ph, r, &p) != FATE_STOPPED) continue;
            sum += p.length;
            n++;
            for (int j = 0; j < tr->n_dep; j++) {
                const deposit *d = &tr->dep[j];
                double res = sqrt(pow(d->x - p.pos[0], 2) + pow(d->y - p.pos[1], 2) + pow(d->z - p.pos[2], 2));
                if (res < 1) near += d->e;
                else if (res >= 5 && res < 10) mid += d->e;
            }
        }
        char what[64];
        snprintf(what, sizeof what, "proton range at T = %g MeV (cm)", t[k]);
        CHECK(n > 50, "only %d of 300 protons stopped", n);
        CHECK_NEAR(what, sum / n, ref[k], 0.05);
        if (t[k] == 200) {
            /* dE/dx = 17.6 R^-0.43 -> E(R) = 30.88 R^0.57 */
            CHECK_NEAR("proton energy at residual range 0-1 cm (MeV)", near / n, 30.88, 0.10);
            CHECK_NEAR("proton energy at residual range 5-10 cm (MeV)", mid / n, 30.88 * (pow(10, 0.57) - pow(5, 0.57)), 0.10);
        }
    }
}

/* Most probable energy loss of 300 MeV muons in 1 cm slices (two 0.5 cm steps) over their first 20 cm. */
static void mip_peak(const physics *ph, const gsl_rng *r, transport *tr)
{
    gsl_histogram *h = gsl_histogram_alloc(200);
    gsl_histogram_set_ranges_uniform(h, 0, 5);
    for (int i = 0; i < 2000; i++) {
        transport_reset(tr);
        particle p = start(SP_MUON_PLUS, 300);
        transport_track(tr, ph, r, &p);
        for (int j = 0; j + 1 < 40 && j + 1 < tr->n_dep; j += 2) gsl_histogram_increment(h, tr->dep[j].e + tr->dep[j + 1].e);
    }
    /* The mode of the histogram smoothed over 5 bins (0.125 MeV). */
    double best = 0, mode = 0;
    for (size_t b = 2; b + 2 < gsl_histogram_bins(h); b++) {
        double s = 0;
        for (size_t c = b - 2; c <= b + 2; c++) s += gsl_histogram_get(h, c);
        if (s > best) { best = s; mode = 0.5 * (h->range[b] + h->range[b + 1]); }
    }
    CHECK_NEAR("MIP most probable loss in 1 cm (MeV)", mode, 1.6, 0.10);
    CHECK_NEAR("MIP mean loss in 1 cm, minimum dE/dx (MeV)", eloss_dedx(physics_eloss(ph, SP_MUON_PLUS), 300), 2.105, 0.03);
    gsl_histogram_free(h);
}

int main(void)
{
    physics *ph = physics_new();
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 12345);
    transport tr;
    transport_init(&tr);
    muon_range(ph, r, &tr);
    proton_range(ph, r, &tr);
    mip_peak(ph, r, &tr);
    transport_free(&tr);
    gsl_rng_free(r);
    physics_free(ph);
    return check_status();
}
