/* coherent: coherent pion production on argon, nu + 40Ar -> l- pi+ 40Ar (CC) and nu pi0 40Ar (NC), by the
   PCAC model of Berger and Sehgal (PRD 79 (2009) 053003) as GENIE 3.0.6's default configuration (G18_02a,
   BergerSehgalCOHPiPXSec2015) computes it: the neutrino's axial current, by Adler's theorem, scatters like a
   pion, so d^3 sigma / dQ^2 dy dt is a kinematic factor G_F^2 f_pi^2 / 4 pi^2 times an axial propagator
   times the elastic pion-nucleus cross-section d sigma(pi A -> pi A) / dt at the pion energy nu = yE; CC
   carries |cos theta_C|^2, the factor 2 of the charged current and Rein-Sehgal's lepton-mass (Adler)
   correction in place of the propagator. The nucleus stays whole and in its ground state, so nothing
   but the lepton and the pion is seen. Arguments in MeV and MeV^2; cross-sections per argon nucleus in
   1e-38 cm^2 (densities per GeV^2 of Q^2 and of |t|). sim_constants.h COH_* holds the constants. */
#ifndef NUTL_COHERENT_H
#define NUTL_COHERENT_H

#include <gsl/gsl_rng.h>

/* Returns Berger's pion-nucleon cross-section (mb), the average of pi+ p and pi- p, total (total 1) or
   elastic (0), at pion energy epi (MeV) for a pion of mass mpi (GENIE's hadxs::berger::PionNucleonXSec). */
double coherent_pion_nucleon_sigma(double epi, double mpi, int total);

/* Returns d sigma(pi 40Ar -> pi 40Ar) / dt (mb / GeV^2) at |t| = t (MeV^2) for the pion of mass mpi made
   by energy transfer nu at Q^2 = q2 (MeV, MeV^2): below COH_TPI_TABLE of pion kinetic energy Berger and
   Sehgal's fits to pion-carbon elastic data scaled to argon, above it the optical model from the
   pion-nucleon cross-sections with absorption (both as GENIE); 0 where no pion can be made. */
double coherent_pion_nucleus_dsdt(double nu, double q2, double mpi, double t);

/* Writes the |t| range (MeV^2) of a pion of mass mpi made by energy transfer nu and Q^2 on an infinitely
   heavy nucleus, (|q| -+ p_pi)^2, into lo and hi; returns 0 if nu is below the pion mass. */
int coherent_t_range(double nu, double q2, double mpi, double *lo, double *hi);

/* Returns d^3 sigma / dQ^2 dy d|t| (1e-38 cm^2 / GeV^4 per argon nucleus) of CC (cc 1, lepton of mass ml)
   or NC coherent pion production at neutrino energy enu, Q^2 = q2, inelasticity y, |t| = t; 0 outside the
   model's region (y, Q^2 <= COH_Q2_MAX, |t| in its range, a lepton the kinematics can make). */
double coherent_xsec_dq2dydt(int cc, double ml, double enu, double q2, double y, double t);

/* Returns d^2 sigma / dQ^2 dy (1e-38 cm^2 / GeV^2 per argon nucleus): the above integrated over |t| (in
   closed form: the t dependence is a sum of exponentials). */
double coherent_xsec_dq2dy(int cc, double ml, double enu, double q2, double y);

/* Returns the coherent pion production cross-section per argon nucleus (1e-38 cm^2), CC with a lepton of
   mass ml or NC, integrated over y in (m_pi/E, 1 - m_l/E) and Q^2 in (0, COH_Q2_MAX) as GENIE's COHXSec. */
double coherent_xsec(int cc, double ml, double enu);

/* Returns the largest d^2 sigma / dQ^2 dy on the sampler's grid at enu: y in steps of at most COH_GRID_DNU
   in nu (at least COH_GRID_Y points), COH_GRID_Q2 points quadratic in Q^2 (denser near 0). */
double coherent_envelope(int cc, double ml, double enu);

/* Samples y, Q^2 (MeV^2) and |t| (MeV^2) from d^3 sigma / dQ^2 dy dt: y and Q^2 uniform, by rejection
   under coherent_envelope times COH_ENVELOPE_MARGIN, then |t| from its exponentials.
   Returns 0 if the channel is closed at enu. */
int coherent_kinematics(const gsl_rng *r, int cc, double ml, double enu, double *y, double *q2, double *t);

/* Writes the pion's four-momentum (MeV) made by the four-momentum transfer q (nu, vec q) at |t| = t: the
   nucleus recoils with kinetic energy t / 2M_A and momentum^2 t + (t / 2M_A)^2, the pion takes the rest at
   an azimuth phi about vec q. Returns 0 if no pion of mass mpi can take it. */
int coherent_pion(const double q[4], double t, double mpi, double phi, double pion[4]);

#endif
