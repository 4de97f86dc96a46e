/* response: an optional detector response on top of the ideal simulation (the paper's images have
   none): charge recombination by the modified box model, per-pixel electronics noise, a
   zero-suppression threshold and ADC saturation. With it, pixel values are the collected charge times
   W_ion (MeV); constants and sources in sim_constants.h. */
#ifndef NUTL_RESPONSE_H
#define NUTL_RESPONSE_H

#include <gsl/gsl_rng.h>

#include "sim/eloss.h"
#include "sim/transport.h"

enum response_kind { RESPONSE_IDEAL = 0, RESPONSE_LAR, N_RESPONSES };

/* Returns the name of kind k ("ideal", "lar"). */
const char *response_name(enum response_kind k);

/* Returns the kind named name, or -1 when none is. */
int response_parse(const char *name);

/* Returns the fraction of ionisation charge escaping recombination at stopping power dedx (MeV/cm) in
   the drift field DRIFT_FIELD (modified box model), in [0, 1]: 0 below 0.23 MeV/cm where the fit's
   logarithm turns negative (a step that loses that little, in a Landau-fluctuated loss). */
double response_recombination(double dedx);

/* Scales each of the n deposits by the recombination at its stopping power: energy over length for a
   segment, the stopping power of an electron of the deposit's energy (table electron) for a point. */
void response_quench(const eloss *electron, deposit *dep, int n);

/* Applies the electronics to an image (N_VIEWS planes of side x side pixels, each the sum of k x k
   1 cm pixels): Gaussian noise on hit pixels, noise hits above threshold on empty ones, the threshold,
   then saturation; block sums take k times the noise and k^2 times the full scale. */
void response_electronics(const gsl_rng *r, float *image, int side, int k);

#endif
