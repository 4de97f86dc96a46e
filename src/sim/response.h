/* response: what becomes of the deposits on their way to the image. `ideal`: nothing (the energy
   deposited). `lar`: charge recombination by the modified box model (argon recoils by their measured
   charge yield), per-pixel electronics noise, a zero-suppression threshold and ADC saturation, applied to
   1 cm pixels before any downsampling; pixel values are the collected charge times W_ion (MeV).
   `paper`: the deposits as the authors' Geant4 application records them (paper.h). `dune`: the
   recombination of `lar`, then DUNE's wires, hit finding and pixel-map units (dune.h). Constants and
   sources in sim_constants.h. */
#ifndef NUTL_RESPONSE_H
#define NUTL_RESPONSE_H

#include <gsl/gsl_rng.h>

#include "sim/physics.h"
#include "sim/transport.h"

enum response_kind { RESPONSE_IDEAL = 0, RESPONSE_LAR, RESPONSE_PAPER, RESPONSE_DUNE, N_RESPONSES };

/* Returns the name of kind k ("ideal", "lar", "paper", "dune"). */
const char *response_name(enum response_kind k);

/* Returns the kind named name, or -1 when none is. */
int response_parse(const char *name);

/* Returns the fraction of ionisation charge escaping recombination at stopping power dedx (MeV/cm) in
   the drift field DRIFT_FIELD (modified box model), in (0, 1]; dedx is taken at no less than
   RECOMB_DEDX_MIN, where a Landau-fluctuated step would leave the fit's range. */
double response_recombination(double dedx);

/* Returns the fraction of an argon recoil's ionisation (its Lindhard share) that escapes recombination:
   the measured charge yield RECOIL_CHARGE_YIELD over the Lindhard share at RECOIL_YIELD_ENERGY. */
double response_recoil_survival(void);

/* Returns the energy (MeV) of deposit d's ionisation charge that escapes recombination: a recoil's
   scaled by recoil_survival (response_recoil_survival), others by the box model at their stopping power
   (energy over length for a segment, that of an electron (eloss electron) of the deposit's energy for a
   point). */
double response_charge(const eloss *electron, double recoil_survival, const deposit *d);

/* Scales each of the n deposits to its charge that escapes recombination (response_charge). */
void response_quench(const physics *ph, deposit *dep, int n);

/* Applies the electronics to an image of 1 cm pixels (N_VIEWS planes of side x side): Gaussian noise on
   hit pixels, noise hits above threshold on empty ones, the threshold, then saturation. */
void response_electronics(const gsl_rng *r, float *image, int side);

#endif
