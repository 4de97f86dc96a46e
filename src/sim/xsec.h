/* xsec: the charged-current nu_mu cross-sections of the generator's channels on argon, from the models
   GENIE 3.0.6's default configuration (G18_02a) uses, as this generator samples them: QE (Llewellyn Smith,
   dipole form factors, Pauli-blocked as the sampler blocks), MEC (GENIE's Empirical MEC: a fixed fraction of
   CCQE), RES (the Rein-Sehgal density of sim/resonance.h with its absolute prefactor, below W_cut), DIS
   (the sampler's x and y densities, normalised to the measured inclusive slope sigma/E) and coherent pion
   production (GENIE's Berger-Sehgal, sim/coherent.h). sim_constants.h tabulates the results (XSEC_*), which
   the channel choice reads; tests/sim/test_xsec.c recomputes the table with this module.
   Energies in MeV; cross-sections in 1e-38 cm^2. */
#ifndef NUTL_XSEC_H
#define NUTL_XSEC_H

/* Returns sigma(nu_mu n -> mu- p) on one neutron at rest at enu (Llewellyn Smith, GENIE's dipole form
   factors), per neutron; with pauli 1, times the share of Fermi-gas neutrons whose outgoing proton clears
   FERMI_MOMENTUM (the sampler's blocking). */
double xsec_qe_neutron(double enu, int pauli);

/* Returns the CC QE cross-section per argon nucleus: 22 neutrons, Pauli-blocked. */
double xsec_qe(double enu);

/* Returns the CC MEC (2p2h) cross-section per argon nucleus: GENIE's Empirical MEC, a fraction
   MEC_FRAC_CCQE of CC QE times (N/6)^(MEC_A_POWER - 1). */
double xsec_mec(double enu);

/* Returns the CC resonance production cross-section on one nucleon at rest (proton 1 or neutron) at enu,
   per nucleon: the Rein-Sehgal d^2 sigma / dW dQ^2 integrated from the N pi threshold to W_cut and over
   the Q^2 range of a muon. */
double xsec_res_nucleon(double enu, int proton);

/* Returns the CC resonance production cross-section per argon nucleus (18 protons, 22 neutrons). */
double xsec_res(double enu);

/* Returns the share of the DIS sampler's x and y densities it keeps at enu on a proton (1) or neutron:
   above the N pi threshold, below W_cut with the R_n-scaled AGKY multiplicities' sum. */
double xsec_dis_acceptance(double enu, int proton);

/* Returns the CC DIS cross-section per argon nucleus: XSEC_DIS_SLOPE x E per nucleon (isoscalar), its d
   quarks counted as the sampler strikes them (a neutron twice a proton), times the acceptance. */
double xsec_dis(double enu);

/* Returns the CC nu_mu coherent pion production cross-section per argon nucleus (sim/coherent.h). */
double xsec_coh(double enu);

#endif
