/* eloss: continuous energy loss in liquid argon. Mean stopping power from Bethe-Bloch with the density
   effect (muons, pions, protons) or from the Rohrlich-Carlson collision formula plus soft bremsstrahlung
   (electrons and positrons), its CSDA range, and the inverse, as GSL splines in ln T. Read-only once
   built, so one table serves every thread. */
#ifndef NUTL_ELOSS_H
#define NUTL_ELOSS_H

#include "sim/particle.h"

typedef struct eloss eloss;

/* Returns the table for species sp (mu+-, pi+-, p, e+-: charge 1); dies for another species. */
eloss *eloss_new(enum species sp);

/* Returns the mean stopping power in MeV/cm at kinetic energy t (MeV). */
double eloss_dedx(const eloss *e, double t);

/* Returns the CSDA range in cm at kinetic energy t. */
double eloss_range(const eloss *e, double t);

/* Returns the kinetic energy whose CSDA range is r cm (0 for r <= 0). */
double eloss_energy(const eloss *e, double r);

/* Returns the density-effect correction delta at beta*gamma = bg (Sternheimer, LAr parameters). */
double eloss_density_effect(double bg);

void eloss_free(eloss *e);

#endif
