#include "sim/response.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "sim/readout.h"
#include "sim/sim_constants.h"

const char *response_name(enum response_kind k)
{
    static const char *name[N_RESPONSES] = {"ideal", "lar", "paper", "dune"};
    return name[k];
}

int response_parse(const char *name)
{
    for (int k = 0; k < N_RESPONSES; k++)
        if (!strcmp(name, response_name((enum response_kind)k))) return k;
    return -1;
}

double response_recombination(double dedx)
{
    double xi = BOX_BETA * fmax(dedx, RECOMB_DEDX_MIN) / (LAR_DENSITY * DRIFT_FIELD);
    return fmin(1, log(BOX_ALPHA + xi) / xi);
}

double response_recoil_survival(void)
{
    return RECOIL_CHARGE_YIELD * 1e3 * LAR_W_ION / physics_lindhard(RECOIL_YIELD_ENERGY);
}

double response_charge(const eloss *electron, double recoil_survival, const deposit *d)
{
    double len = 2 * sqrt((double)d->hx * d->hx + (double)d->hy * d->hy + (double)d->hz * d->hz);
    double dedx = len > 0 ? d->e / len : eloss_dedx(electron, d->e);
    return d->e * (d->recoil ? recoil_survival : response_recombination(dedx));
}

void response_quench(const physics *ph, deposit *dep, int n)
{
    const eloss *electron = physics_eloss(ph, SP_ELECTRON);
    double recoil = response_recoil_survival();
    for (int i = 0; i < n; i++) dep[i].e = (float)response_charge(electron, recoil, &dep[i]);
}

void response_electronics(const gsl_rng *r, float *image, int side)
{
    double sigma = NOISE_ELECTRONS * LAR_W_ION, threshold = THRESHOLD_NOISE_SIGMAS * sigma;
    double full = ADC_FULL_SCALE_ELECTRONS * LAR_W_ION, p_noise_hit = gsl_cdf_gaussian_Q(threshold, sigma);
    int plane = side * side;
    for (int v = 0; v < N_VIEWS; v++) {
        float *img = image + (size_t)v * plane;
        int empty = 0;
        for (int p = 0; p < plane; p++) {
            if (img[p] == 0) { empty++; continue; }
            double q = img[p] + gsl_ran_gaussian_ziggurat(r, sigma);
            img[p] = q < threshold ? 0 : (float)fmin(q, full);
        }
        /* Empty pixels: as many noise hits as a binomial draw gives, at random empty places, each
           with a value from the Gaussian tail above the threshold. */
        unsigned hits = gsl_ran_binomial(r, p_noise_hit, (unsigned)empty);
        for (unsigned h = 0; h < hits; h++) {
            int p;
            do p = (int)gsl_rng_uniform_int(r, (unsigned long)plane);
            while (img[p] != 0);
            img[p] = (float)gsl_ran_gaussian_tail(r, threshold, sigma);
        }
    }
}
