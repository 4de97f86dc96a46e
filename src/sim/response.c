#include "sim/response.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "sim/readout.h"
#include "sim/sim_constants.h"

const char *response_name(enum response_kind k)
{
    static const char *name[N_RESPONSES] = {"ideal", "lar"};
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
    double xi = BOX_BETA * dedx / (LAR_DENSITY * DRIFT_FIELD);
    if (xi <= 1 - BOX_ALPHA) return 0; /* the fit leaves its range (dE/dx < 0.23 MeV/cm): no charge */
    return fmin(1, log(BOX_ALPHA + xi) / xi);
}

void response_quench(const eloss *electron, deposit *dep, int n)
{
    for (int i = 0; i < n; i++) {
        deposit *d = &dep[i];
        double len = 2 * sqrt((double)d->hx * d->hx + (double)d->hy * d->hy + (double)d->hz * d->hz);
        double dedx = len > 0 ? d->e / len : eloss_dedx(electron, d->e);
        d->e = (float)(d->e * response_recombination(dedx));
    }
}

void response_electronics(const gsl_rng *r, float *image, int side, int k)
{
    double sigma = NOISE_ELECTRONS * LAR_W_ION * k, threshold = THRESHOLD_NOISE_SIGMAS * NOISE_ELECTRONS * LAR_W_ION;
    double full = ADC_FULL_SCALE_ELECTRONS * LAR_W_ION * k * k, p_noise_hit = gsl_cdf_gaussian_Q(threshold, sigma);
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
