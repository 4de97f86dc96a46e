/* paper: the deposits as the authors' Geant4 application (LArSIMple) records them, for
   `nutl simulate --response paper`: steps end at the boundaries of 5 mm voxels, each step is one point
   deposit at its pre-step point, and steps under the 0.1 MeV hit threshold are dropped; the event is
   drawn at the fixed vertex and projected with the 2022 u/v convention (u = z cos 35.9 - y sin 35.9,
   v with +). Our own steps (transport.h) stand in for Geant4's: a step is split where it crosses a voxel
   boundary, its energy shared in proportion to length. Constants and sources in sim_constants.h. */
#ifndef NUTL_PAPER_H
#define NUTL_PAPER_H

#include "sim/tally.h"

/* Replaces t's deposits by LArSIMple's: each segment split at the PAPER_VOXEL_CM grid, every piece and
   every point a point deposit at its start, those under PAPER_HIT_THRESHOLD dropped (their energy moved
   from t->deposited to t->invisible, so the ledger stays exact). steps is scratch (transport_init'd):
   the new list is built in its deposits, which are then swapped with t's. Returns the number of
   deposits left. */
int paper_steps_apply(transport *steps, const physics *ph, transport *t);

/* Mirrors the n deposits in y (y -> -y): with readout.h's projection, this gives the 2022 LArSIMple
   convention, u = z cos(35.9) - y sin(35.9) and v = z cos(35.9) + y sin(35.9) (u and v swapped). */
void paper_mirror_y(deposit *dep, int n);

#endif
