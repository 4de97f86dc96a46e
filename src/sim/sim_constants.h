/* sim_constants: every physical constant and model parameter of the event simulator, with its source.
   Units: MeV, cm, g, radians. Values marked "model" are choices of this simulator (what they do is
   described where they are used: interaction.h, transport.h, readout.h), the others are measured or
   tabulated numbers. */
#ifndef NUTL_SIM_CONSTANTS_H
#define NUTL_SIM_CONSTANTS_H

/* ---- Particle masses, PDG Review of Particle Physics 2022 (MeV) ---- */
#define M_ELECTRON 0.51099895
#define M_MUON 105.6583755
#define M_PION_CHARGED 139.57039
#define M_PION_ZERO 134.9768
#define M_PROTON 938.27209
#define M_NEUTRON 939.56542
#define M_NUCLEON 938.91875 /* average of p and n, used for the struck-nucleon kinematics */

/* ---- Decays (PDG 2022) ---- */
#define MICHEL_E_MAX 52.83                    /* (m_mu^2 + m_e^2) / (2 m_mu): Michel spectrum end point */
#define PI_MU_DECAY_T_MU 4.12                 /* kinetic energy of the mu+ from pi+ -> mu+ nu at rest */
#define MU_MINUS_CAPTURE_FRACTION_AR 0.756    /* 1 - tau(mu- Ar)/tau(mu) = 1 - 537 ns / 2197 ns;
                                                 Suzuki, Measday, Roalsvig, PRC 35 (1987) 2212 */

/* ---- Liquid argon, PDG "Atomic and nuclear properties of materials" (liquid argon) ---- */
#define LAR_Z 18.0
#define LAR_A 39.948                  /* g/mol */
/* Lindhard's partition of a recoiling argon nucleus's energy between electrons and atomic motion:
   L(E) = k g / (1 + k g), g = 3 eps^0.15 + 0.7 eps^0.6 + eps, eps = 11.5 E[keV] Z^(-7/3),
   k = 0.133 Z^(2/3) A^(-1/2) (Lindhard et al., Mat. Fys. Medd. Dan. Vid. Selsk. 33 no. 10 (1963); g in
   Lewin and Smith's form, Astropart. Phys. 6 (1996) 87): Z = 18, A = 40 give k = 0.144, L(233 keV) = 0.54. */
#define LINDHARD_K 0.1444
#define LINDHARD_EPS_PER_KEV 0.013544 /* 11.5 Z^(-7/3) */
#define LAR_DENSITY 1.396             /* g/cm^3 */
#define LAR_X0 14.0                   /* radiation length, cm (19.55 g/cm^2) */
#define LAR_MOLIERE_RADIUS 9.04       /* cm */
#define LAR_CRITICAL_ENERGY 32.84     /* MeV, electrons */
#define LAR_LAMBDA_INT 85.8           /* nuclear interaction length, cm (119.7 g/cm^2) */
#define LAR_I_EV 188.0                /* mean excitation energy, eV */
#define LAR_ELECTRON_DENSITY 3.788e23 /* electrons/cm^3 = rho N_A Z/A */
#define AVOGADRO 6.02214076e23        /* 1/mol (SI 2019) */
#define AR_NUCLEI_DENSITY (LAR_DENSITY * AVOGADRO / LAR_A) /* 2.10e22 argon nuclei /cm^3 = rho N_A / A */
#define BARN 1e-24                    /* cm^2 */
/* Sternheimer density-effect parameters for liquid argon (PDG table): -C, x0, x1, a, k, delta0 */
#define LAR_DENSITY_CBAR 5.2146
#define LAR_DENSITY_X0 0.2000
#define LAR_DENSITY_X1 3.0000
#define LAR_DENSITY_A 0.19559
#define LAR_DENSITY_K 3.0000

/* ---- Energy loss (PDG Passage of particles through matter, Sec. 34) ---- */
#define BETHE_K 0.307075   /* 4 pi N_A r_e^2 m_e c^2, MeV cm^2/mol */
#define HIGHLAND_P0 13.6   /* MeV, Highland formula */
#define HIGHLAND_LOG 0.038 /* Highland formula, log term */
/* Landau straggling: xi = (K/2)(Z/A) rho x / beta^2 = 0.0966 MeV/cm / beta^2 in LAr (docs/physics.md).
   The Landau parameter is truncated at LANDAU_LAMBDA_MAX (model): the tail above stands for hard delta
   rays; the cut is chosen so that a MIP's most probable loss in 1 cm is 1.69 MeV (measured ~1.6 MeV;
   Landau-Vavilov for 1 cm gives 1.72 MeV). */
#define LANDAU_LAMBDA_MAX 150.0
/* Delta rays: muons, pions, protons and electrons emit explicit knock-on electrons above the kinetic energy whose
   CSDA range in LAr is Geant4's default production cut, 0.7 mm (G4ProductionCutsTable default); below it
   the loss stays continuous, its mean reduced by theirs and its Landau tail cut where the part removed
   carries that mean (physics.c). Spectrum and emission angle:
   PDG Passage of particles through matter, Eqs. 34.7 (d2N/dT dx with F = 1 - beta^2 T / T_max, spin 0)
   and 34.13 (cos theta = (T / p_e) (p_max / T_max)); for electrons the Moller cross-section (Moller,
   Ann. Phys. 14 (1932) 531, as written in the Geant4 Physics Reference Manual's Moller-Bhabha
   ionisation) and two-body kinematics. Positrons keep the continuous loss. */
#define DELTA_RAY_RANGE_CUT 0.07 /* cm */
#define LANDAU_LAMBDA_MODE (-0.22278) /* mode of the standard Landau density (Landau 1944) */

/* ---- Photons in argon ---- */
#define PAIR_PATH_HIGH_E (9.0 / 7.0 * LAR_X0) /* high-energy pair-production mean free path, 18 cm */
/* Pair share of the high-energy pair cross-section against photon energy: approximate values read from
   NIST XCOM (argon, nuclear + electron field pair production), normalised to 7/(9 X0). */
#define PAIR_TABLE_N 9
#define PAIR_TABLE_E {1.022, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 1000.0, 1e5}
#define PAIR_TABLE_F {0.0, 0.033, 0.176, 0.39, 0.55, 0.75, 0.83, 0.975, 1.0}
#define CLASSICAL_ELECTRON_RADIUS 2.8179403262e-13 /* cm, for the Klein-Nishina cross-section */
/* Soft photons (ingredient soft-photons): below XCOM_E_MAX the Compton (incoherent, bound electrons)
   and photoelectric cross-sections of argon are NIST XCOM's (Berger and Hubbell, NIST Standard
   Reference Database 8), barns per atom, interpolated in ln sigma against ln E; above, Compton is
   Klein-Nishina on free electrons (XCOM's incoherent value equals it at 1 MeV to 0.03 %) and
   photoabsorption is neglected (0.15 % of the total at 1 MeV). Photons are followed down to
   PHOTON_E_CUT_SOFT, below which the photoabsorption path (0.12 mm at 10 keV) is far under a pixel. */
#define XCOM_N 14
#define XCOM_E {0.010, 0.015, 0.020, 0.030, 0.040, 0.050, 0.060, 0.080, 0.100, 0.150, 0.200, 0.300, 0.500, 1.000}
#define XCOM_PHOTO {4134, 1278, 544.4, 159.4, 65.73, 32.81, 18.53, 7.479, 3.691, 1.024, 0.4166, 0.1215, 0.02882, 0.005696}
#define XCOM_INCOHERENT {6.161, 7.330, 8.048, 8.727, 8.961, 9.013, 8.975, 8.767, 8.493, 7.800, 7.209, 6.314, 5.189, 3.801}
#define XCOM_E_MAX 1.0
#define PHOTON_E_CUT_SOFT 0.010 /* MeV */

/* ---- Hadronic interaction lengths in argon (approximate, PDG pi-/p-nucleus data) ---- */
#define PION_LAMBDA_N 7
#define PION_LAMBDA_T {20.0, 50.0, 100.0, 200.0, 400.0, 1000.0, 4000.0} /* kinetic energy, MeV */
#define PION_LAMBDA_L {150.0, 90.0, 60.0, 50.0, 60.0, 70.0, 75.0}        /* mean free path, cm */
#define PROTON_LAMBDA_N 5
#define PROTON_LAMBDA_T {20.0, 50.0, 100.0, 300.0, 4000.0}
#define PROTON_LAMBDA_L {600.0, 200.0, 110.0, LAR_LAMBDA_INT, LAR_LAMBDA_INT}
/* Neutrons above NEUTRON_T_CUT fly straight and interact inelastically with argon with the proton's
   interaction length (charge symmetry of the nuclear force), knocking out a nucleon as a proton does:
   their visible trace is the protons they knock out. Below the cut (the lowest point of the proton
   table; elastic scattering on argon dominates there) they go to the slow-neutron transport below, or,
   with that ingredient off, their kinetic energy is booked invisible. */
#define NEUTRON_T_CUT 20.0
#define NUCLEON_SEPARATION 8.0 /* MeV lost to binding per nucleon knocked out of argon (model) */
#define PION_ABSORPTION_FRACTION 0.35    /* of pion-argon interactions below 400 MeV (GENIE hA-like) */
#define PION_CHARGE_EXCHANGE_FRACTION 0.10
#define PION_ABSORPTION_T_HALF 400.0     /* MeV: above, absorption is half as likely (model) */
#define PION_ABSORPTION_NP_PAIR 0.7      /* share of absorptions on an np pair, the rest on pp or nn (model) */
#define PION_PRODUCTION_T 500.0          /* MeV: above, inelastic interactions may make a new pion */
#define PION_PRODUCTION_FRACTION 0.3     /* of those inelastic interactions (model) */

/* ---- Nuclear de-excitation after hadron-argon knock-out (deexcitation.c) ----
   Hole-state picture: a nucleon knocked out of 40Ar leaves 39Cl (proton removed) or 39Ar (neutron
   removed) in the state of the hole it left. The shell is drawn by its occupancy in the independent-
   particle shell model of 40Ar (Z = 18: 1s1/2 2, 1p 6, 1d5/2 6, 2s1/2 2, 1d3/2 2; N = 22: the same
   plus 1d3/2 4, 1f7/2 2) (model: spectroscopic strengths quenched and fragmented in reality).
   A valence hole is the residual's lowest level of the hole's spin-parity: 39Cl 3/2+ g.s. (d3/2),
   1/2+ 0.396 MeV (s1/2), (5/2+) 1.301 MeV (d5/2; model: the fragmented d5/2 strength on its lowest
   level); 39Ar 7/2- g.s. (f7/2), 3/2+ 1.518 MeV (d3/2), 1/2+ 2.358 MeV (s1/2), (5/2)+ 2.503 MeV (d5/2,
   same model). Levels, spin-parities and gamma branching ratios: ENSDF adopted levels as processed in
   RIPL-3 (Capote et al., Nucl. Data Sheets 110 (2009) 3107; levels/z017.dat, z018.dat); all lie below
   the residual's neutron separation energy (S_n(39Cl) = 8.073 MeV, S_n(39Ar) = 6.599 MeV, same source),
   so they decay by gammas only. A 1s or 1p hole (removal energies tens of MeV below the Fermi level)
   lies far above S_n and decays by nucleon evaporation, not modelled here: no gammas (model).
   Levels: energies in MeV, level 0 the ground state. Gammas: {from, to, branching ratio}. Shells:
   {occupancy, level of the hole, -1 for a deep hole}. */
#define DEEX_CL39_LEVELS {0.0, 0.39642, 1.30121}
#define DEEX_CL39_GAMMAS {{1, 0, 1.0}, {2, 1, 0.0619}, {2, 0, 0.9381}}
#define DEEX_CL39_S_N 8.07342
#define DEEX_AR39_LEVELS {0.0, 1.267207, 1.51754, 2.092749, 2.358284, 2.503418}
#define DEEX_AR39_GAMMAS {{1, 0, 1.0}, {2, 1, 0.5408}, {2, 0, 0.4592}, {3, 1, 0.0421}, {3, 0, 0.9579}, \
                          {4, 2, 0.0521}, {4, 1, 0.9479}, {5, 3, 0.0426}, {5, 2, 0.9283}, {5, 1, 0.0266}, \
                          {5, 0, 0.0024}}
#define DEEX_AR39_S_N 6.59869
#define DEEX_PROTON_SHELLS {{2, 0}, {2, 1}, {6, 2}, {8, -1}}          /* 1d3/2, 2s1/2, 1d5/2, 1s + 1p */
#define DEEX_NEUTRON_SHELLS {{2, 0}, {4, 2}, {2, 4}, {6, 5}, {8, -1}} /* 1f7/2, 1d3/2, 2s1/2, 1d5/2, 1s + 1p */

/* ---- Nucleus (argon) for the interaction generator ---- */
#define FERMI_MOMENTUM 250.0  /* MeV/c, Smith-Moniz k_F for Ar ~ 0.25 GeV/c */
#define REMOVAL_ENERGY 29.5   /* MeV, argon's removal energy in GENIE's Fermi gas (config/CommonParam.xml,
                                 RFG-NucRemovalE for 40Ar) */
#define AR_PROTONS 18
#define AR_NEUTRONS 22

/* ---- Interaction generator (GENIE 3.0.6's default models; docs/physics.md) ---- */
#define QE_AXIAL_MASS 990.0   /* MeV, GENIE's QEL-Ma (config/CommonParam.xml) */
/* Resonance production: the Rein-Sehgal model (Rein and Sehgal, Ann. Phys. 133 (1981) 79; NC: Rein, Z. Phys.
   C 35 (1987) 43) as GENIE implements it (ReinSehgalRESPXSec, RSHelicityAmplModelCC/NCp/NCn; parameters
   from config/BergerSehgalRESPXSec2014.xml, GENIE 3.0.6's default model G18_02a). */
#define RES_AXIAL_MASS 1120.0 /* MeV, GENIE's RES-Ma */
#define RES_VECTOR_MASS 840.0 /* MeV, GENIE's RES-Mv */
#define RS_OMEGA 1.05         /* GeV^2, the FKR oscillator spacing (RES-Omega) */
#define RS_ZETA 0.76338       /* the FKR axial coupling Z (RES-Zeta) */
#define CKM_VUD 0.97417       /* |V_ud| in GENIE's CC cross-sections (config/CommonParam.xml, PDG 2016) */
/* GENIE's 18 resonances (config/BaryonResDataPDG.xml, PDG 2002): mass and width (GeV), orbital angular
   momentum L of the N pi decay (the width's W dependence), FKR oscillator index n, Breit-Wigner norm
   (its integral up to mass + 6, 2 or 4 widths for n = 0, 2, others), isospin 3/2 (1) or 1/2 (0); a
   resonance contributes only below mass + that many widths. */
#define RES_GRID_W 16          /* the sampler's envelope: the largest weight on this grid of W ... */
#define RES_GRID_Q2 5          /* ... and Q^2 (uniform in their ranges) */
#define RES_ENVELOPE_MARGIN 2.5 /* times this margin (model: above the peaks between grid points) */
#define RES_COUNT 18
#define RES_TABLE { \
    {"P33(1232)", 1.232, 0.120, 1, 0, 0.917258, 1}, {"S11(1535)", 1.535, 0.150, 0, 2, 0.951802, 0}, \
    {"D13(1520)", 1.520, 0.120, 2, 1, 0.991749, 0}, {"S11(1650)", 1.650, 0.150, 0, 1, 0.950768, 0}, \
    {"D13(1700)", 1.700, 0.100, 2, 1, 1.108320, 0}, {"D15(1675)", 1.675, 0.150, 2, 1, 0.989927, 0}, \
    {"S31(1620)", 1.620, 0.150, 0, 9, 0.951072, 1}, {"D33(1700)", 1.700, 0.300, 2, 1, 0.729923, 1}, \
    {"P11(1440)", 1.440, 0.350, 1, 1, 0.724670, 0}, {"P33(1600)", 1.600, 0.350, 1, 2, 0.816016, 1}, \
    {"P13(1720)", 1.720, 0.150, 1, 2, 1.029180, 0}, {"F15(1680)", 1.680, 0.130, 3, 1, 0.905846, 0}, \
    {"P31(1910)", 1.910, 0.250, 1, 2, 0.933062, 1}, {"P33(1920)", 1.920, 0.200, 1, 2, 0.965439, 1}, \
    {"F35(1905)", 1.905, 0.350, 3, 2, 0.625806, 1}, {"F37(1950)", 1.950, 0.300, 3, 2, 0.695797, 1}, \
    {"P11(1710)", 1.710, 0.100, 1, 2, 1.049810, 0}, {"F17(1970)", 1.970, 0.325, 3, 0, 0.672704, 0}}
/* The resonances' decays as GENIE 3.0.6 makes them (BaryonResonanceDecayer, run by RESHadronicSystemGenerator
   before the hadron transport): a decay channel is drawn from the resonance's list in GENIE's particle table
   (data/evgen/catalogues/pdg/genie_pdg_table.txt, tag R-3_00_06) with its branching ratio, among the channels
   whose daughters' masses sum below the resonance's invariant mass W (the others closed, the open ones
   renormalised), and made by two-body phase space. Per resonance (RES_TABLE order) and charge 0, +1, +2, up
   to RES_DECAY_MAX channels {BR, baryon, meson or photon} by PDG code, as the table writes them (dev/res-decay-
   table.py prints these rows from it): N pi, N eta, N rho, Delta(1232) pi, N gamma. Left out: the strange
   channels (Lambda K, Sigma K; nutl has no kaons or hyperons, open above 1.61 and 1.69 GeV: up to 25 % of the
   list of P31(1910), 17 % of P11(1710), 12.5 % of S11(1650)) and N f0(1400) (closed below 2.34 GeV, so never
   open at W < W_cut, as in GENIE). GENIE closes every channel with a Delta- (1114) in it (FinalStateMass: its
   mass is set huge, "rare occurrences of |1114|"), and so does resonance.c. Empty rows: P33(1232) decays by
   its Clebsch-Gordan N pi (resonance.c; GENIE's Delta also has N gamma, 0.6 %); P33(1600) and F17(1970) have
   no PDG code in GENIE 3.0.6 (utils::res::PdgCode returns 0) and no decay list, and keep N pi by isospin. */
#define RES_DECAY_MAX 8
#define RES_DECAY_TABLE { \
    /* P33(1232) */ { \
      {{0, 0, 0}}, \
      {{0, 0, 0}}, \
      {{0, 0, 0}}}, \
    /* S11(1535) */ { \
      {{0.4, 2112, 221}, {0.33333, 2212, -211}, {0.16667, 2112, 111}, {0.03333, 2212, -213}, \
        {0.01667, 2112, 113}, {0.01, 1114, 211}, {0.00667, 2114, 111}, {0.00333, 2214, -211}}, \
      {{0.4, 2212, 221}, {0.33333, 2112, 211}, {0.16667, 2212, 111}, {0.03333, 2112, 213}, \
        {0.01667, 2212, 113}, {0.01, 2224, -211}, {0.00667, 2214, 111}, {0.00333, 2114, 211}}, \
      {{0, 0, 0}}}, \
    /* D13(1520) */ { \
      {{0.366, 2212, -211}, {0.183, 2112, 111}, {0.14, 2212, -213}, {0.105, 1114, 211}, \
        {0.07, 2114, 111}, {0.07, 2112, 113}, {0.035, 2214, -211}, {0.001, 2112, 221}}, \
      {{0.366, 2112, 211}, {0.183, 2212, 111}, {0.14, 2112, 213}, {0.105, 2224, -211}, \
        {0.07, 2214, 111}, {0.07, 2212, 113}, {0.035, 2114, 211}, {0.001, 2212, 221}}, \
      {{0, 0, 0}}}, \
    /* S11(1650) */ { \
      {{0.36667, 2212, -211}, {0.18333, 2112, 111}, {0.13333, 2212, -213}, {0.06667, 2112, 113}, \
        {0.03, 1114, 211}, {0.02, 2114, 111}, {0.015, 2112, 221}, {0.01, 2214, -211}}, \
      {{0.36667, 2112, 211}, {0.18333, 2212, 111}, {0.13333, 2112, 213}, {0.06667, 2212, 113}, \
        {0.03, 2224, -211}, {0.02, 2214, 111}, {0.015, 2212, 221}, {0.01, 2114, 211}}, \
      {{0, 0, 0}}}, \
    /* D13(1700) */ { \
      {{0.2, 1114, 211}, {0.13333, 2114, 111}, {0.072, 2212, -211}, {0.06667, 2214, -211}, \
        {0.04, 2112, 221}, {0.036, 2112, 111}, {0.03333, 2212, -213}, {0.01667, 2112, 113}}, \
      {{0.2, 2224, -211}, {0.13333, 2214, 111}, {0.072, 2112, 211}, {0.06667, 2114, 211}, \
        {0.04, 2212, 221}, {0.036, 2212, 111}, {0.03333, 2112, 213}, {0.01667, 2212, 113}}, \
      {{0, 0, 0}}}, \
    /* D15(1675) */ { \
      {{0.2945, 1114, 211}, {0.23333, 2212, -211}, {0.1963, 2114, 111}, {0.11667, 2112, 111}, \
        {0.0981, 2214, -211}, {0.03333, 2212, -213}, {0.01667, 2112, 113}, {0.01, 2112, 221}}, \
      {{0.2945, 2224, -211}, {0.23333, 2112, 211}, {0.1963, 2214, 111}, {0.11667, 2212, 111}, \
        {0.0981, 2114, 211}, {0.03333, 2112, 213}, {0.01667, 2212, 113}, {0.01, 2212, 221}}, \
      {{0, 0, 0}}}, \
    /* S31(1620) */ { \
      {{0.21329, 2214, -211}, {0.19995, 2112, 111}, {0.19995, 2112, 113}, {0.15995, 1114, 211}, \
        {0.09995, 2212, -211}, {0.09995, 2212, -213}, {0.02666, 2114, 111}, {0.0003, 2112, 22}}, \
      {{0.21329, 2114, 211}, {0.19995, 2212, 111}, {0.19995, 2212, 113}, {0.15995, 2224, -211}, \
        {0.09995, 2112, 211}, {0.09995, 2112, 213}, {0.02666, 2214, 111}, {0.0003, 2212, 22}}, \
      {{0.3, 2212, 211}, {0.3, 2212, 213}, {0.24, 2224, 111}, {0.16, 2214, 211}}}, \
    /* D33(1700) */ { \
      {{0.26613, 2112, 113}, {0.23952, 2214, -211}, {0.17964, 1114, 211}, {0.13307, 2212, -213}, \
        {0.0998, 2112, 111}, {0.0499, 2212, -211}, {0.02994, 2114, 111}, {0.002, 2112, 22}}, \
      {{0.26613, 2212, 113}, {0.23952, 2114, 211}, {0.17964, 2224, -211}, {0.13307, 2112, 213}, \
        {0.0998, 2212, 111}, {0.0499, 2112, 211}, {0.02994, 2214, 111}, {0.002, 2212, 22}}, \
      {{0.4, 2212, 213}, {0.27, 2224, 111}, {0.18, 2214, 211}, {0.15, 2212, 211}}}, \
    /* P11(1440) */ { \
      {{0.38667, 2212, -211}, {0.19333, 2112, 111}, {0.12001, 2112, 221}, {0.09, 1114, 211}, \
        {0.06, 2114, 111}, {0.04666, 2212, -213}, {0.03, 2214, -211}, {0.02333, 2112, 113}}, \
      {{0.38667, 2112, 211}, {0.19333, 2212, 111}, {0.12001, 2212, 221}, {0.09, 2224, -211}, \
        {0.06, 2214, 111}, {0.04666, 2112, 213}, {0.03, 2114, 211}, {0.02333, 2212, 113}}, \
      {{0, 0, 0}}}, \
    /* P33(1600) */ { \
      {{0, 0, 0}}, \
      {{0, 0, 0}}, \
      {{0, 0, 0}}}, \
    /* P13(1720) */ { \
      {{0.2, 2212, -213}, {0.12, 2212, -211}, {0.1, 1114, 211}, {0.1, 2112, 113}, \
        {0.06667, 2114, 111}, {0.06, 2112, 111}, {0.035, 2112, 221}, {0.03333, 2214, -211}}, \
      {{0.2, 2112, 213}, {0.12, 2112, 211}, {0.1, 2212, 113}, {0.1, 2224, -211}, \
        {0.06667, 2214, 111}, {0.06, 2212, 111}, {0.035, 2212, 221}, {0.03333, 2114, 211}}, \
      {{0, 0, 0}}}, \
    /* F15(1680) */ { \
      {{0.39667, 2212, -211}, {0.19833, 2112, 111}, {0.06667, 2212, -213}, {0.055, 1114, 211}, \
        {0.03667, 2114, 111}, {0.03333, 2112, 113}, {0.01833, 2214, -211}, {0.005, 2112, 221}}, \
      {{0.39667, 2112, 211}, {0.19833, 2212, 111}, {0.06667, 2112, 213}, {0.055, 2224, -211}, \
        {0.03667, 2214, 111}, {0.03333, 2212, 113}, {0.01833, 2114, 211}, {0.005, 2212, 221}}, \
      {{0, 0, 0}}}, \
    /* P31(1910) */ { \
      {{0.26667, 2112, 113}, {0.23333, 2112, 111}, {0.13333, 2212, -213}, {0.11667, 2212, -211}, \
        {0.00267, 2214, -211}, {0.002, 1114, 211}, {0.00033, 2114, 111}}, \
      {{0.26667, 2212, 113}, {0.23333, 2212, 111}, {0.13333, 2112, 213}, {0.11667, 2112, 211}, \
        {0.002, 2224, -211}, {0.00267, 2114, 211}, {0.00033, 2214, 111}}, \
      {{0.4, 2212, 213}, {0.35, 2212, 211}, {0.003, 2224, 111}, {0.002, 2214, 211}}}, \
    /* P33(1920) */ { \
      {{0.25, 2112, 113}, {0.2, 2214, -211}, {0.15, 1114, 211}, {0.13334, 2112, 111}, \
        {0.125, 2212, -213}, {0.06667, 2212, -211}, {0.025, 2114, 111}}, \
      {{0.25, 2212, 113}, {0.2, 2114, 211}, {0.15, 2224, -211}, {0.13334, 2212, 111}, \
        {0.125, 2112, 213}, {0.06667, 2112, 211}, {0.025, 2214, 111}}, \
      {{0.375, 2212, 213}, {0.225, 2224, 111}, {0.2, 2212, 211}, {0.15, 2214, 211}}}, \
    /* F35(1905) */ { \
      {{0.40001, 2112, 113}, {0.20001, 2212, -213}, {0.11716, 2214, -211}, {0.1, 2112, 111}, \
        {0.08787, 1114, 211}, {0.05, 2212, -211}, {0.01465, 2114, 111}, {0.0003, 2112, 22}}, \
      {{0.40001, 2212, 113}, {0.20001, 2112, 213}, {0.11716, 2114, 211}, {0.1, 2212, 111}, \
        {0.08787, 2224, -211}, {0.05, 2112, 211}, {0.01465, 2214, 111}, {0.0003, 2212, 22}}, \
      {{0.6, 2212, 213}, {0.15, 2212, 211}, {0.132, 2224, 111}, {0.088, 2214, 211}}}, \
    /* F37(1950) */ { \
      {{0.26, 2112, 111}, {0.21269, 2214, -211}, {0.15952, 1114, 211}, {0.13333, 2112, 113}, \
        {0.13, 2212, -211}, {0.06667, 2212, -213}, {0.02659, 2114, 111}, {0.0012, 2112, 22}}, \
      {{0.26, 2212, 111}, {0.21269, 2114, 211}, {0.15952, 2224, -211}, {0.13333, 2212, 113}, \
        {0.13, 2112, 211}, {0.06667, 2112, 213}, {0.02659, 2214, 111}, {0.0012, 2212, 22}}, \
      {{0.39, 2212, 211}, {0.24, 2224, 111}, {0.2, 2212, 213}, {0.16, 2214, 211}}}, \
    /* P11(1710) */ { \
      {{0.22, 2112, 221}, {0.16667, 2212, -213}, {0.08333, 2112, 113}, {0.07333, 2212, -211}, \
        {0.05, 1114, 211}, {0.03667, 2112, 111}, {0.03333, 2114, 111}, {0.01667, 2214, -211}}, \
      {{0.22, 2212, 221}, {0.16667, 2112, 213}, {0.08333, 2212, 113}, {0.07333, 2112, 211}, \
        {0.05, 2224, -211}, {0.03667, 2212, 111}, {0.03333, 2214, 111}, {0.01667, 2114, 211}}, \
      {{0, 0, 0}}}, \
    /* F17(1970) */ { \
      {{0, 0, 0}}, \
      {{0, 0, 0}}, \
      {{0, 0, 0}}}}

/* The masses GENIE gives the resonances' unstable daughters, fixed (no width) in its phase-space decay
   (genie_pdg_table.txt): Delta(1232) by charge ++, +, 0; rho0, rho+-. */
#define M_DELTA_PP_GENIE 1231.0
#define M_DELTA_P_GENIE 1232.0
#define M_DELTA_0_GENIE 1233.0
#define M_RHO_ZERO_GENIE 768.5
#define M_RHO_CHARGED_GENIE 766.9
/* GENIE leaves eta and rho to its hadron transport untouched (INTRANUKE rescatters only pions, nucleons
   and K+) and decays them after it (UnstableParticleDecayer/AfterHadronTransport by PYTHIA 6, CommonDecay.xml
   DecayFlags: eta, rho, omega); nutl decays them at the vertex, their products outside the cascade. rho ->
   pi pi (PDG: ~100 %). eta, PDG Review of Particle Physics 2020 (Prog. Theor. Exp. Phys. 2020 083C01):
   2 gamma 39.41 %, 3 pi0 32.68 %, pi+ pi- pi0 22.92 %, pi+ pi- gamma 4.22 % (renormalised: the rest, 0.77 %,
   mostly e+ e- gamma, left out), 3-body decays by p4_decay_n's phase space. */
#define M_ETA 547.862 /* PDG 2022 */
#define ETA_BR_2GAMMA 0.3941
#define ETA_BR_3PI0 0.3268
#define ETA_BR_PIPIPI0 0.2292
#define ETA_BR_PIPIGAMMA 0.0422
/* RES/DIS joining, GENIE's (config/CommonParam.xml, NonResBackground, used by GENIE 3.0.6's default model
   G18_02a): resonances only below W_cut; above it DIS in full; below it DIS (the non-resonant background)
   with each hadron multiplicity n's probability scaled by R_n: R_2 = 0.1 on protons, 0.3 on neutrons
   (CC and NC alike), R_3 = 1.0, R_n = 1 for n >= 4. */
#define DIS_RES_WCUT 1700.0   /* MeV */
#define DIS_R2_PROTON 0.1
#define DIS_R2_NEUTRON 0.3
#define DIS_R3 1.0
#define DIS_SEA_FRACTION 0.2  /* qbar/q: dsigma/dy ~ 1 + 0.2 (1-y)^2 (roughly flat, <y> ~ 0.45) */
#define DIS_X_ALPHA 1.5       /* x ~ Beta(1.5, 4), the shape of a valence x q(x) ~ x^0.5 (1-x)^3 (model) */
#define DIS_X_BETA 4.0
#define MEC_NU_MIN 20.0       /* MeV: 2p2h energy transfer Q^2/(4M) + uniform [MIN, MAX] (model: between */
#define MEC_NU_MAX 250.0      /* the QE and Delta peaks) */
#define MEC_NP_PAIR 0.8       /* CC 2p2h on np pairs (-> pp), the rest on nn (-> pn); Nieves et al. (model) */
/* AGKY hadronisation at low W (Yang et al., Eur. Phys. J. C 63 (2009) 1, arXiv:0904.4043; values from
   GENIE's AGKY configuration, config/AGKYLowW2019.xml): average charged multiplicity
   <n_ch> = a + b ln W^2 (W in GeV), total <n> = 1.5 <n_ch>; P(n) from KNO scaling,
   <n> P(n) = f(n/<n>), the Levy function f(z) = 2 e^-c c^(cz+1) / Gamma(cz+1). */
#define AGKY_A_P 0.40
#define AGKY_A_N (-0.20)
#define AGKY_B 1.42
#define AGKY_LEVY_C_P 7.93
#define AGKY_LEVY_C_N 5.22
/* After the baryon and the pions that balance the charge: an odd one out is a pi0, then pairs pi0 pi0
   (0.3133) or pi+ pi- (0.6267); GENIE's K+K- and K0 K0bar pairs (0.03 each) are left out and the two
   pion pairs renormalised (model: no kaons in this simulator). */
#define AGKY_P_PI0_PAIR (0.3133 / (0.3133 + 0.6267))
#define AGKY_MAX_HADRONS 16   /* GENIE caps the multiplicity at 18 (its phase-space decayer's limit) */
/* ---- Channel cross-sections: src/sim/xsec.c computes them, CC nu_mu on argon (docs/physics.md) ---- */
#define FERMI_CONSTANT 1.1663788e-5   /* G_F, GeV^-2 (PDG 2022) */
#define HBARC2_1E38CM2 0.3893793721e11 /* (hbar c)^2 = 0.3893793721 GeV^2 mb (PDG 2022), in 1e-38 cm^2 GeV^2 */
/* QE: Llewellyn Smith (Phys. Rep. 3 (1972) 261) as GENIE 3.0.6's G18_02a computes it
   (LwlynSmithQELCCPXSec/Dipole: LwlynSmithFFCC with DipoleELFormFactorsModel): Sachs form factors G_E^p =
   G_D, G_E^n = 0, G_M^p,n = mu_p,n G_D, G_D = (1 + Q^2/M_V^2)^-2, the isovector combination by CVC; axial
   F_A = F_A(0) (1 + Q^2/M_A^2)^-2 (M_A = QE_AXIAL_MASS); induced pseudoscalar 2 M^2 F_A / (m_pi^2 + Q^2).
   On neutrons at rest, Pauli-blocked as our sampler blocks (the outgoing nucleon below FERMI_MOMENTUM;
   model: GENIE integrates over its Fermi gas with binding). */
#define QE_VECTOR_MASS 840.0  /* MeV, GENIE's QEL-Mv (config/CommonParam.xml, QuasiElastic) */
#define QE_FA0 1.2670         /* |F_A(0)|, GENIE's QEL-FA0 = -1.2670 (same place) */
#define MU_PROTON 2.7930      /* magnetic moments as GENIE's config/CommonParam.xml MagnMoments has them */
#define MU_NEUTRON (-1.913042) /* (keys AnomMagnMoment-P, -N; the values are the total moments) */
/* MEC: GENIE's Empirical MEC (Dytman; EmpiricalMECPXSec2015::Integral, G18_02a's MEC-CC): the CC MEC
   cross-section on a nucleus is FracCCQE times its CC QE cross-section times (N/6)^(APower - 1), N its
   neutrons (carbon's 6 the reference), summed over np (FracPN_CC = 0.8) and nn pairs (config/
   EmpiricalMECPXSec2015.xml, EmpiricalMEC-FracCCQE, -APower). */
#define MEC_FRAC_CCQE 0.30
#define MEC_A_POWER 0.9
/* DIS: sigma/E of CC nu_mu on an isoscalar nucleon, the world average of the high-energy (30-200 GeV)
   measurements, (0.677 +- 0.014) 1e-38 cm^2/GeV (PDG Review of Particle Physics, "Neutrino cross section
   measurements", G. P. Zeller; Formaggio and Zeller, Rev. Mod. Phys. 84 (2012) 1307), taken down to the
   N pi threshold with the sampler's x, y densities and its d-quark count, a neutron twice a proton (model). */
#define XSEC_DIS_SLOPE 0.677  /* 1e-38 cm^2 / GeV per nucleon */
/* The CC nu_mu cross-sections per argon nucleus (1e-38 cm^2) of QE, MEC, RES and DIS at XSEC_E (MeV), as
   src/sim/xsec.c computes them (tests/sim/test_xsec.c recomputes them, 1 %); linear between, constant
   outside. The channel weights of CC are these; CC nu_e takes nu_mu's (the lepton's mass matters little
   at 1-4 GeV), except for coherent pion production (XSEC_COH_NUE below). */
#define XSEC_N 7
#define XSEC_E {1000.0, 1500.0, 2000.0, 2500.0, 3000.0, 3500.0, 4000.0}
#define XSEC_QE {20.9, 21.13, 20.78, 20.43, 20.13, 19.9, 19.72}
#define XSEC_MEC {5.507, 5.568, 5.475, 5.381, 5.304, 5.244, 5.195}
#define XSEC_RES {12.9, 22.71, 27.81, 30.41, 31.88, 32.8, 33.41}
#define XSEC_DIS {6.338, 14.46, 26.16, 39.04, 52.39, 65.95, 79.64}
/* Coherent pion production per argon nucleus (1e-38 cm^2) at XSEC_E, src/sim/coherent.c's Berger-Sehgal
   (tests/sim/test_xsec.c recomputes them, 1 %): CC nu_mu (the channel weight of CC nu_mu), CC nu_e (its
   lighter lepton is less suppressed, so nu_e has its own) and NC (the weight of NC; NC/CC nu_mu is 0.78 at 1
   GeV falling to 0.56 at 4 GeV, NC/CC nu_e 0.50: PCAC's 1/(2 cos^2 theta_C) undone by the muon's mass). */
#define XSEC_COH {0.06751, 0.1337, 0.2084, 0.2832, 0.354, 0.4204, 0.4825}
#define XSEC_COH_NUE {0.1041, 0.1781, 0.2603, 0.3389, 0.4119, 0.4796, 0.5426}
#define XSEC_COH_NC {0.05264, 0.08947, 0.1303, 0.1692, 0.2054, 0.2389, 0.2701}
/* Coherent pion production (src/sim/coherent.c): Berger and Sehgal, PRD 79 (2009) 053003, as GENIE 3.0.6's
   G18_02a computes it (BergerSehgalCOHPiPXSec2015 for COH-CC and COH-NC, config/G18_02a/ModelConfiguration.xml;
   its parameters from config/BergerSehgalCOHPiPXSec2015.xml and config/CommonParam.xml [Coherent], [CKM] at
   the tag R-3_00_06). */
#define COH_AXIAL_MASS 1000.0   /* MeV, COH-Ma (config/BergerSehgalCOHPiPXSec2015.xml) */
#define COH_R0 1.0              /* fm, COH-Ro: the nucleus's radius R = R0 A^(1/3) (CommonParam.xml, Coherent) */
#define COH_FPI_OVER_MPI 0.93   /* PCAC's pion decay constant f_pi = 0.93 m_pi (Berger-Sehgal eq. 6) */
#define COH_Q2_MAX 1.0e6        /* MeV^2, COH-Q2-max: GENIE integrates and samples Q^2 in (0, 1 GeV^2) */
#define COH_COS2_CABIBBO 0.949007 /* cos^2 theta_C, CabibboAngle = 0.227780466682 (CommonParam.xml, CKM) */
#define COH_TPI_TABLE 1000.0    /* MeV: pion kinetic energies up to this use the pion-carbon fits (GENIE's
                                   COH-UseRSPionXSec = false), above it the optical model */
#define AR40_MASS 37215.5       /* MeV, the 40Ar nucleus: 39.9623831 u (AME2016) less 18 electrons */
/* Pion-12C elastic scattering, dsigma/dt = A1 exp(-b1 |t|) fitted at these pion kinetic energies (MeV):
   Berger and Sehgal's Table 1, as GENIE's hadxs::berger::PionNucleusXSec tabulates it (A1 in mb/GeV^2, b1
   in GeV^-2), with the pion's momentum in the pi-12C centre of mass (MeV) at each; scaled to a nucleus of
   mass number A by A1 (A/12)^(4/3), b1 (A/12)^(2/3), carried to another pion momentum at the same angle,
   and linear in the kinetic energy between points (from 0 at rest; flat from the last to COH_TPI_TABLE). */
#define COH_PIC_N 11
#define COH_PIC_T {76.0, 80.0, 100.0, 148.0, 162.0, 226.0, 486.0, 584.0, 662.0, 766.0, 870.0}
#define COH_PIC_A1 {11600.0, 14700.0, 18300.0, 21300.0, 22400.0, 16400.0, 5730.0, 4610.0, 4570.0, 4930.0, 5140.0}
#define COH_PIC_B1 {116.0, 109.0, 89.8, 91.0, 89.2, 80.8, 54.6, 55.2, 58.4, 60.5, 62.2}
#define COH_PIC_P {161.2, 166.2, 190.6, 245.2, 260.4, 327.3, 578.4, 668.2, 738.4, 830.4, 920.6}
/* Berger's pion-proton cross-sections (mb) for the optical model, GENIE's hadxs::berger::PionNucleonXSec
   (C. Berger's fit, GENIE 2.8): Breit-Wigner terms 8 pi (hbar c)^2 / p*^2 Gamma^2 / (4 (W - W_r)^2 +
   Gamma^2) (p* the pion's centre-of-mass momentum) of the Delta (W_r 1232 MeV, Gamma = 150 MeV (6p*)^3 /
   (1 + (6p*)^2), p* in GeV) and four higher resonances, plus a polynomial background in the pion's lab
   momentum p (GeV); above a momentum each cross-section is a power law. Resonances: W_r (GeV), Gamma_r
   (GeV), the power of (p* / p*_r) in the width (3 or 1). */
#define COH_PIN_RES_N 4
#define COH_PIN_RES {{1.98, 0.60, 3}, {1.70, 0.27, 3}, {1.52, 0.10, 1}, {1.69, 0.14, 1}}
/* Weights of the Delta and the four resonances above in pi+ p total, pi- p total, pi+ p elastic, pi- p elastic
   (the fit's amplitudes 1.0, 0.34 (Delta in pi+ p, pi- p), 1.9, 0.27, 0.75, 1.7 times each term's share). */
#define COH_PIN_WEIGHT {{1.0, 1.634, 0.189, 0, 0}, {0.3196, 0, 0, 0.4875, 1.037}, \
                        {1.0, 0.7809, 0, 0, 0}, {0.0935, 0, 0, 0.201, 0.4777}}
/* Backgrounds c1 p + c2 p^2 + c3 p^3 and the power laws a + b p^k above p_hi (GeV), same order. */
#define COH_PIN_BG {{0.834, 1.77, 0}, {17.8, 6.22, -3.1}, {0, 0, 0}, {11.83, -3.39, 0}}
#define COH_PIN_HIGH {{1.9, 20.1, 15.4, -0.5}, {1.2, 21.64, 17.29, -0.5}, {1.9, 2.38, 17.55, -1.0}, \
                      {1.5, 3.4, 11.35, -1.0}}
#define COH_GRID_Y 24           /* the sampler's envelope: the largest d^2 sigma / dQ^2 dy on a grid of at least */
#define COH_GRID_DNU 25.0       /* this many y, at most this step in nu (MeV: the pion-carbon peak is ~100 MeV wide) */
#define COH_GRID_Q2 24          /* and this many Q^2, quadratic in Q^2 (denser near 0, where it is steepest) */
#define COH_ENVELOPE_MARGIN 1.5 /* times this margin (model: above the peaks between grid points) */
/* Neutral current: each channel's weight is the CC fraction above times that channel's NC/CC ratio
   (then normalised), so NC gets its own energy dependence and channel mix. */
#define SIN2_THETA_W 0.2312   /* weak mixing angle, PDG 2022 (effective, at the Z) */
/* NC elastic / CC QE: Ahrens et al., PRD 35 (1987) 785 (BNL E734), sigma(nu p -> nu p) /
   sigma(nu n -> mu- p) = 0.153 +- 0.018; on argon NC elastic acts on all 40 nucleons (nu n taken equal
   to nu p), CC QE on the 22 neutrons. */
#define NC_QE_RATIO (0.153 * (AR_PROTONS + AR_NEUTRONS) / AR_NEUTRONS)
#define NC_MEC_RATIO NC_QE_RATIO /* 2p2h scales as the one-body quasi-elastic process (model) */
/* Resonance production: the Rein-Sehgal model of src/sim/resonance.c integrated over W < W_cut and Q^2
   on argon's 18 protons and 22 neutrons gives NC/CC = 0.365-0.372 from 1.5 to 4 GeV (GENIE's CC carries
   |V_ud|^2 = 0.97417^2, config/CommonParam.xml CKM-Vud; tests/sim/test_resonance.c checks the value). */
#define NC_RES_RATIO 0.368
#define NC_DIS_RATIO 0.307 /* R_nu = sigma_NC / sigma_CC on isoscalar nuclei: CDHS, Abramowicz et al.,
                              PRL 57 (1986) 298 (0.3072 +- 0.0033) */

/* Intranuclear cascade (GENIE's hA model, INTRANUKE; docs/physics.md): each hadron leaving the struck
   nucleon interacts in the nucleus or escapes, with the probability of a straight path through a uniform
   sphere of radius FSI_AR_RADIUS and mean free path 1 / (rho sigma_hN); one that interacts meets one fate
   with hA's shares against its kinetic energy. */
#define FSI_AR_RADIUS 4.424 /* fm, uniform sphere of 40Ar's rms charge radius 3.4274 fm x sqrt(5/3) (Angeli &
                               Marinova, At. Data Nucl. Data Tables 99 (2013) 69) */
#define FSI_FM2_PER_MB 0.1  /* 1 mb = 0.1 fm^2 */
/* Free hadron-nucleon total cross-sections (mb) against kinetic energy (MeV), linear between points, flat
   outside: GENIE-MC/Generator data/evgen/intranuke/tot_xsec/intranuke-xsections-pi+N.dat and -pi0N.dat
   (Dytman, from the SAID partial-wave analyses of Arndt et al.), columns pi+n tot, pi+p tot, pi0n tot,
   pi0p tot, read at these energies; pi-p = pi+n, pi-n = pi+p by isospin. */
#define FSI_PI_N 23
#define FSI_PI_T {0, 30, 60, 90, 120, 150, 165, 180, 195, 210, 240, 270, 300, 360, 420, 480, 600, 750, 900, 1050, 1200, 1500, 1800}
#define FSI_PIP_N_TOT {0, 11.34, 17.18, 29.08, 49.18, 72.96, 79.74, 79.63, 73.67, 64.93, 48.1, 36.77, 30.51, 27.57, 28.61, 30.21, 47.07, 38.75, 58.54, 38.64, 36.59, 34.31, 35.44}
#define FSI_PIP_P_TOT {0, 9.692, 23.39, 52.78, 109, 185.8, 210.8, 213.8, 197.7, 172.4, 123, 88.11, 65.42, 40.13, 27.54, 20.69, 15.54, 20.76, 24.82, 28.61, 38.05, 34.7, 29.51}
#define FSI_PI0_N_TOT {0, 15.03, 25.84, 48.04, 87.52, 136.7, 151, 150.8, 138.5, 120.8, 87, 63.91, 49.73, 35.96, 29.43, 25.99, 28.18, 25.71, 32.41, 25.22, 29.7, 27.59, 25.31}
#define FSI_PI0_P_TOT {0, 10.52, 20.28, 40.93, 79.07, 129.4, 145.3, 146.7, 135.7, 118.7, 85.56, 62.44, 47.96, 33.85, 28.07, 25.45, 31.3, 29.75, 41.68, 33.62, 37.32, 34.5, 32.47}
/* Nucleon-nucleon: intranuke-xsections-NN2014.dat (Dytman, SAID PWA), columns pp tot and pn tot; nn = pp
   by charge symmetry (GENIE's file takes nn = pn). Free cross-sections: no Pauli blocking or other in-medium
   correction here. */
#define FSI_NN_N 15
#define FSI_NN_T {15, 30, 45, 60, 90, 120, 150, 210, 300, 450, 600, 900, 1200, 1500, 1800}
#define FSI_PP_TOT {225.2, 103, 65.88, 49.01, 34.23, 28.34, 25.74, 24.11, 24.07, 28.06, 38.14, 46.3, 45.91, 45.05, 44}
#define FSI_PN_TOT {649.2, 309.5, 191.4, 135.1, 84.49, 63.17, 52.26, 41.88, 35.63, 33.25, 36.3, 38.77, 39.36, 40.07, 39.57}
/* hA's fate shares of a hadron that interacts, against its kinetic energy (MeV), linear between points,
   flat above: GENIE-MC/Generator data/evgen/intranuke/tot_xsec/intranuke-fractions-piA.dat (Dytman: Ashery
   et al. PRC 23 (1981) 2173 and Carroll et al. pi+-nucleus data, extended by Mashnik et al.'s cascade for
   pi+ 56Fe; hA uses it for every nucleus and pion charge) and intranuke-fractions-NA.dat (Mashnik et al.'s
   cascade for p + 56Fe; hA takes n as p). Absorption sums hA's np, pp, npp, nnp and 2n2p fates; pion
   production (pi: n pi+ pi0 from 400 MeV; N: pipro from 350 MeV), not made here, counts as inelastic. */
#define FSI_FATE_N 21
#define FSI_FATE_T {0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650, 700, 750, 800, 850, 900, 950, 1000}
#define FSI_PI_ELASTIC {0.2250, 0.2251, 0.3458, 0.3658, 0.3950, 0.4186, 0.4226, 0.3724, 0.3342, 0.2985, 0.2661, 0.2375, 0.2132, 0.1882, 0.1676, 0.1513, 0.1391, 0.1308, 0.1257, 0.1236, 0.1240}
#define FSI_PI_INELASTIC {0.4540, 0.4149, 0.3676, 0.2782, 0.2044, 0.2698, 0.2824, 0.3116, 0.3751, 0.3945, 0.4102, 0.4208, 0.4315, 0.4543, 0.4725, 0.4844, 0.4915, 0.4968, 0.5042, 0.5130, 0.5194}
#define FSI_PI_CHARGE_EXCHANGE {0.0000, 0.0391, 0.0499, 0.0588, 0.0572, 0.0577, 0.0602, 0.0648, 0.0205, 0.0187, 0.0183, 0.0204, 0.0196, 0.0144, 0.0111, 0.0117, 0.0149, 0.0176, 0.0163, 0.0119, 0.0085}
#define FSI_PI_ABSORB {0.3208, 0.3208, 0.2369, 0.2971, 0.3433, 0.2536, 0.2350, 0.2513, 0.2701, 0.2883, 0.3055, 0.3216, 0.3358, 0.3434, 0.3490, 0.3526, 0.3544, 0.3548, 0.3537, 0.3515, 0.3486}
#define FSI_N_ELASTIC {0.5000, 0.4374, 0.3738, 0.3898, 0.3911, 0.3841, 0.3726, 0.3589, 0.3442, 0.3284, 0.3126, 0.2962, 0.2796, 0.2630, 0.2460, 0.2287, 0.2109, 0.1931, 0.1746, 0.1556, 0.1361}
#define FSI_N_INELASTIC {0.0000, 0.2524, 0.2404, 0.2286, 0.2225, 0.2185, 0.2157, 0.2249, 0.2343, 0.2484, 0.2678, 0.2900, 0.3149, 0.3410, 0.3676, 0.3932, 0.4197, 0.4464, 0.4740, 0.5028, 0.5318}
#define FSI_N_CHARGE_EXCHANGE {0.0000, 0.1178, 0.1137, 0.1100, 0.1084, 0.1074, 0.1069, 0.1063, 0.1059, 0.1056, 0.1054, 0.1051, 0.1050, 0.1049, 0.1048, 0.1048, 0.1048, 0.1048, 0.1046, 0.1046, 0.1046}
#define FSI_N_ABSORB {0.5000, 0.1925, 0.2721, 0.2716, 0.2780, 0.2900, 0.3049, 0.3099, 0.3156, 0.3176, 0.3142, 0.3087, 0.3005, 0.2911, 0.2817, 0.2733, 0.2646, 0.2558, 0.2468, 0.2369, 0.2275}
/* Absorption's final state, as GENIE 3.0.6's hA2018 makes it (src/Physics/HadronTransport/
   HAIntranuke2018.cxx, HAIntranuke2018::Inelastic, fate kIHAFtAbs; A, Z the remnant's, T the probe's
   kinetic energy in MeV). A pion first goes to two nucleons (pi d -> N N) with probability
   ABS_2BODY_C (ABS_2BODY_A0 + ABS_2BODY_A1 A) (ABS_2BODY_T0 + ABS_2BODY_T1 T) ("McKeown data"). */
#define ABS_2BODY_C 1.14      /* HAIntranuke2018::Inelastic, pi d -> N N probability */
#define ABS_2BODY_A0 0.903    /* same line */
#define ABS_2BODY_A1 -0.00189 /* same line, per nucleon of A */
#define ABS_2BODY_T0 1.35     /* same line */
#define ABS_2BODY_T1 -0.00467 /* same line, per MeV of T */
/* Its nucleon pair by isospin weights ("Engel, Mosel"; f = Z/A): pi+ on np (2 f (1-f)) or nn
   (0.083 (1-f)^2); pi- on np (2 f (1-f)) or pp (0.083 f^2); pi0 on np (0.88 f (1-f)), pp (0.14 f^2) or nn
   (0.14 (1-f)^2). */
#define ABS_2BODY_PIP_NN 0.083 /* HAIntranuke2018::Inelastic, Prob_pipnn_pn (pi- pp: Prob_pimpp_pn) */
#define ABS_2BODY_PI0_NP 0.88  /* HAIntranuke2018::Inelastic, Prob_pi0d_pn (2 x 0.44) */
#define ABS_2BODY_PI0_NN 0.14  /* HAIntranuke2018::Inelastic, Prob_pi0pp_pp and Prob_pi0nn_nn */
#define ABS_2BODY_BIND 50.0    /* MeV, bindE taken from the pion's energy (HAIntranuke2018::Inelastic, "set
                                  to fit McKeown data"; utils::intranuke2018::TwoBodyKinematics subtracts it) */
/* Otherwise many nucleons: their number ns and difference p - n nd, np = (int)((ns + nd)/2 + 0.5),
   nn = (int)((ns - nd)/2 + 0.5). Pions: ns ~ ns N(ns; ns0, Sig_ns) on [0, min(ns0 + 10 Sig_ns, A)],
   ns0 = 1e-4 (1 + T/250) (A - 10)^2 + 3.5, Sig_ns = (10 + 4 T/250) (A/250)^0.9; nd ~ N(nd0, Sig_nd),
   nd0 = (1 + T/250) - (A/200) (1 + 2 T/250), Sig_nd = 4 (1 - e^(-0.03 T)) (HAIntranuke2018::Inelastic,
   "fits to multiplicity distributions of hN model for pi+ C, Fe, Pb at 250, 500 MeV"). */
#define ABS_PI_NS_A2 1e-4      /* HAIntranuke2018::Inelastic, ns0 */
#define ABS_PI_NS_A_OFF 10.0   /* same, (A - 10)^2 */
#define ABS_PI_NS_0 3.5        /* same */
#define ABS_PI_T_SCALE 250.0   /* MeV, the T/250 of ns0, nd0, Sig_ns */
#define ABS_PI_SIG_NS_0 10.0   /* HAIntranuke2018::Inelastic, Sig_ns */
#define ABS_PI_SIG_NS_T 4.0    /* same, 4 T/250 */
#define ABS_PI_SIG_NS_A 250.0  /* same, (A/250)^0.9 */
#define ABS_PI_SIG_NS_POW 0.9  /* same */
#define ABS_PI_SIG_NS_RANGE 10.0 /* same, max = ns0 + 10 Sig_ns */
#define ABS_PI_ND_A 200.0      /* HAIntranuke2018::Inelastic, nd0's A/200 */
#define ABS_PI_SIG_ND 4.0      /* same, Sig_nd = 4 (1 - e^(-0.03 T)) */
#define ABS_PI_SIG_ND_T 0.03   /* same, per MeV */
/* Nucleons: ns exponential at rate gam_ns = c1 e^(c2 A) + c3 (at least 0.002), c1 = 0.041 + 1.525e-4 T,
   c2 = -0.003444 - 2.324e-5 T, c3 = 0.064 - 1.5e-5 T; nd ~ N(nd0, 2.034 + 0.007846 A), nd0 =
   135.227 e^(-7.124 N/A) - 2.762 for N > Z, else -135.227 e^(-7.124 Z/A) + 4.914 (HAIntranuke2018::
   Inelastic, "fit to hN simulations p C, Fe, Pb at 200, 800 MeV"). */
#define ABS_N_C1 {0.041, 0.0001525}     /* HAIntranuke2018::Inelastic, c1 = a + b T */
#define ABS_N_C2 {-0.003444, -0.00002324} /* same, c2 */
#define ABS_N_C3 {0.064, -0.000015}     /* same, c3 */
#define ABS_N_GAM_MIN 0.002            /* same, gam_ns's floor */
#define ABS_N_ND_C 135.227             /* same, nd0 */
#define ABS_N_ND_K -7.124              /* same, exponent per N/A (or Z/A) */
#define ABS_N_ND_OFF_N -2.762          /* same, N > Z */
#define ABS_N_ND_OFF_Z 4.914           /* same, N <= Z */
#define ABS_N_SIG_ND {2.034, 0.007846} /* same, Sig_nd = a + b A */
/* Isospin: nd0 - 2 for pi0 and n, - 4 for pi- (HAIntranuke2018::Inelastic). Draws are redrawn unless
   np, nn >= 0, np + nn >= 2 (> 2 for a nucleon), np <= Z (+1 for p and pi+, -1 for pi-), nn <= N (+1
   for n and pi-, -1 for pi+); all the nucleus's nucleons drawn leaves one back. */
#define ABS_ISOSPIN_SHIFT 2.0 /* HAIntranuke2018::Inelastic, nd0 -= 2 (pi0, n), -= 4 (pi-) */
/* Kinematics: the nucleons share, by n-body phase space (utils::intranuke2018::PhaseSpaceDecay:
   TGenPhaseSpace, unweighted against 1.2 x the largest of 200 weights), a cluster of the probe's momentum
   and energy T + ABS_CLUSTER_BE per nucleon over their masses: the pion's rest mass goes to the remnant
   (probKE = E - (M - BE), HAIntranuke2018::Inelastic). Over ABS_GROUP_MAX nucleons, five groups (round
   robin, protons first) each take a fifth of the momentum and of T + ABS_GROUP_BE. NucRmvE, the energy
   PhaseSpaceDecay takes off each nucleon, is 0 (config/HAIntranuke2018.xml, INUKE-NucRemovalE). */
#define ABS_CLUSTER_BE 5.0   /* MeV per nucleon, probBE = (np + nn) x 0.005 GeV (HAIntranuke2018::Inelastic) */
#define ABS_GROUP_MAX 18     /* "PhaseSpaceDecay forbids anything over 18 particles" (same) */
#define ABS_GROUPS 5         /* same, five clusters */
#define ABS_GROUP_BE 25.0    /* MeV, probM -= .025 (same, over 18 nucleons) */
#define ABS_PS_TRIALS 200    /* utils::intranuke2018::PhaseSpaceDecay, weights sampled for the maximum */
#define ABS_PS_WMAX_MARGIN 1.2 /* same, wmax *= 1.2 */
#define ABS_PS_MAX_TRIES 1000  /* kMaxUnweightDecayIterations (src/Framework/Conventions/Controls.h) */
#define EVAPORATION_NEUTRONS_MEAN 1.0 /* Poisson mean of slow neutrons from the excited residual nucleus */
#define EVAPORATION_NEUTRON_T 3.0     /* MeV, mean kinetic energy of an evaporation neutron */

/* ---- Slow neutrons: below NEUTRON_T_CUT (ingredient slow-neutrons; src/sim/neutron.c) ----
   Liquid argon is taken as pure 40Ar (99.6 % of natural argon). Cross-sections in barns against kinetic
   energy in MeV, interpolated linearly in ln E (flat outside the table, zero below a threshold). */
#define AR40_MASS_RATIO 39.618 /* M(40Ar) / m_n: 39.9623831 u (AME2020) x 931.494 / 939.565 MeV */
/* Elastic 40Ar(n, n): 0.413 b at thermal energy (Mughabghab, Atlas of Neutron Resonances, 2016), the
   deep interference minimum near 57 keV, then approximate smooth readings of the ENDF/B-VIII.0 40Ar
   MT=2 curve (resonances above 100 keV averaged by eye; 14 MeV: total 2.4 b less ~1.3 b non-elastic). */
#define N_ELASTIC_N 17
#define N_ELASTIC_E {1e-8, 1e-3, 0.01, 0.03, 0.05, 0.057, 0.065, 0.08, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 14.0, 20.0}
#define N_ELASTIC_S {0.413, 0.413, 0.35, 0.2, 0.06, 0.005, 0.1, 1.0, 2.0, 3.0, 3.0, 2.6, 2.4, 2.3, 1.5, 1.1, 0.9}
/* Elastic angular distributions in the centre of mass: f(mu) = 1/2 + sum_l (2l+1)/2 a_l P_l(mu). The
   shape-elastic part comes from a spherical optical-model calculation (dev/ar40-optical.py: Numerov
   integration per partial wave) with the potential form of Koning and Delaroche, Nucl. Phys. A 713 (2003)
   231, and the local n + 40Ar parameter set 1 of TALYS's optical-model database
   (structure/optical/neutron/n-Ar.omp, github.com/arjankoning1/talys); per energy its cross-section
   sigma_se (barn) and its moments a_1..a_16 (moments under 5e-5 dropped; `dev/ar40-optical.py --c`
   prints these rows). The tabulated elastic cross-section less sigma_se is compound-elastic scattering,
   taken isotropic (model: Hauser-Feshbach's is symmetric about 90 degrees, so it adds nothing to odd
   moments), which dilutes the moments by sigma_se / sigma_el. Below the first energy, isotropic (s-wave).
   The same calculation gives a total cross-section of 2.01 b and a reaction (non-elastic) cross-section
   of 1.15 b at 14 MeV. */
#define N_ELASTIC_MU_N 19
#define N_ELASTIC_MU_L 16
#define N_ELASTIC_MU_E {0.001, 0.01, 0.03, 0.1, 0.2, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 14, 17, 20}
#define N_ELASTIC_MU_SE {0.8290, 0.8044, 0.7830, 0.7764, 0.8361, 1.1401, 1.5918, 1.8894, 2.0818, 2.2387, 2.1648, \
                         1.9762, 1.7579, 1.3724, 1.1052, 0.9433, 0.8637, 0.8602, 0.9348}
#define N_ELASTIC_MU_A { \
    {0.0029}, /* 0.001 MeV */ \
    {0.0291, 0.0003}, /* 0.01 MeV */ \
    {0.0856, 0.0022}, /* 0.03 MeV */ \
    {0.2529, 0.0211, -0.0002}, /* 0.1 MeV */ \
    {0.4045, 0.0630, -0.0013}, /* 0.2 MeV */ \
    {0.5234, 0.1675, -0.0087, 0.0004}, /* 0.5 MeV */ \
    {0.4907, 0.2484, -0.0180, 0.0041, 0.0002}, /* 1 MeV */ \
    {0.4692, 0.3009, -0.0042, 0.0144, 0.0007, 0.0001}, /* 1.5 MeV */ \
    {0.4896, 0.3521, 0.0364, 0.0306, 0.0021, 0.0003}, /* 2 MeV */ \
    {0.5900, 0.4409, 0.1439, 0.0674, 0.0078, 0.0018, 0.0001}, /* 3 MeV */ \
    {0.6743, 0.5008, 0.2289, 0.1022, 0.0193, 0.0060, 0.0004, 0.0001}, /* 4 MeV */ \
    {0.7234, 0.5453, 0.2937, 0.1392, 0.0401, 0.0151, 0.0020, 0.0007, 0.0001}, /* 5 MeV */ \
    {0.7477, 0.5828, 0.3511, 0.1815, 0.0710, 0.0309, 0.0064, 0.0020, 0.0003}, /* 6 MeV */ \
    {0.7520, 0.6277, 0.4369, 0.2653, 0.1427, 0.0789, 0.0286, 0.0089, 0.0015, 0.0003, 0.0001}, /* 8 MeV */ \
    {0.7294, 0.6240, 0.4713, 0.3290, 0.2067, 0.1391, 0.0677, 0.0240, 0.0053, 0.0014, 0.0003, 0.0001}, /* 10 MeV */ \
    {0.7044, 0.5890, 0.4690, 0.3681, 0.2584, 0.1988, 0.1188, 0.0500, 0.0147, 0.0049, 0.0013, 0.0003, \
     0.0001}, /* 12 MeV */ \
    {0.6909, 0.5518, 0.4542, 0.3866, 0.2987, 0.2475, 0.1718, 0.0862, 0.0330, 0.0127, 0.0037, 0.0010, 0.0003, \
     0.0001}, /* 14 MeV */ \
    {0.7077, 0.5349, 0.4405, 0.3909, 0.3341, 0.2897, 0.2304, 0.1456, 0.0736, 0.0319, 0.0107, 0.0033, 0.0010, \
     0.0003, 0.0001}, /* 17 MeV */ \
    {0.7519, 0.5623, 0.4504, 0.3935, 0.3474, 0.3059, 0.2572, 0.1874, 0.1108, 0.0533, 0.0207, 0.0074, 0.0025, \
     0.0008, 0.0002, 0.0001}} /* 20 MeV */
/* Inelastic 40Ar(n, n'): the levels of 40Ar up to 4.86 MeV (the last whose gamma branchings are all
   measured), excitation energies (MeV) and 2J + 1, and their gamma transitions {from, to, branching}
   (ENSDF adopted levels as processed in RIPL-3, Capote et al., Nucl. Data Sheets 110 (2009) 3107,
   levels/z018.dat, as in TALYS's structure/levels/exp/Ar.lev; two zero branchings of the 4.578 MeV level
   left out); every cascade ends in the ground state and sums to its level's energy. The level is drawn among the open ones
   with the statistical (Weisskopf-Ewing, Phys. Rev. 57 (1940) 472) weight (2J + 1) times the outgoing
   neutron's centre-of-mass energy (model: constant inverse cross-section; the levels above 4.86 MeV and
   the continuum are left out, so above ~6 MeV the gammas carry less than they should). The neutron leaves
   isotropic in the centre of mass (model). Threshold E_x (A + 1) / A. Cross-section: approximate readings
   of the measured 1461 keV gamma-production cross-section, MacMullin et al., PRC 85 (2012) 064614, taken
   as the whole inelastic cross-section (model: a lower bound, as some cascades bypass the 1.461 MeV level).
   At 14 MeV the non-elastic 1.15-1.3 b (optical model above; the elastic table's estimate) is then 0.6 b
   (n, n') + 0.61 b (n, 2n) + 0.025 b (n, p), leaving under 0.1 b for (n, alpha), (n, np) and the rest. */
#define AR40_N_LEVELS 33
#define AR40_LEVELS {0.0, 1.460849, 2.120910, 2.524090, 2.892650, 3.207930, 3.464560, 3.511540, 3.515000, \
                     3.680600, 3.918850, 3.941900, 4.042000, 4.082630, 4.178900, 4.230000, 4.232000, 4.301080, \
                     4.324500, 4.358000, 4.420000, 4.427000, 4.473000, 4.481000, 4.494000, 4.562360, 4.578000, \
                     4.602000, 4.674000, 4.737800, 4.769000, 4.794000, 4.858000}
#define AR40_LEVEL_2J1 {1, 5, 1, 5, 9, 5, 13, 5, 9, 7, 5, 5, 1, 7, 5, 9, 7, 7, 5, 3, 7, 9, 3, 3, 11, 7, 7, 5, 5, 3, \
                        3, 9, 11} /* J as RIPL-3 adopts it (tentative ones included) */
#define AR40_GAMMAS {{1, 0, 1.0}, {2, 1, 1.0}, {3, 2, 0.009683}, {3, 1, 0.569010}, {3, 0, 0.421307}, \
                     {4, 3, 0.009914}, {4, 1, 0.990086}, {5, 4, 0.007803}, {5, 2, 0.025949}, {5, 1, 0.864954}, \
                     {5, 0, 0.101295}, {6, 4, 1.0}, {7, 5, 0.025412}, {7, 4, 0.015861}, {7, 3, 0.049154}, \
                     {7, 1, 0.792963}, {7, 0, 0.116609}, {8, 4, 0.3113}, {8, 3, 0.0898}, {8, 1, 0.5989}, \
                     {9, 7, 0.059581}, {9, 5, 0.025991}, {9, 4, 0.088342}, {9, 3, 0.038601}, {9, 1, 0.742915}, \
                     {9, 0, 0.044571}, {10, 9, 0.008318}, {10, 3, 0.130508}, {10, 2, 0.089026}, \
                     {10, 1, 0.178111}, {10, 0, 0.594037}, {11, 0, 1.0}, {12, 3, 0.6172}, {12, 1, 0.3828}, \
                     {13, 3, 0.031410}, {13, 1, 0.952400}, {13, 0, 0.016190}, {14, 0, 1.0}, {15, 9, 0.471}, \
                     {15, 4, 0.529}, {16, 3, 0.7691}, {16, 1, 0.2309}, {17, 9, 0.008819}, {17, 5, 0.009797}, \
                     {17, 3, 0.000588}, {17, 1, 0.980796}, {18, 1, 0.3006}, {18, 0, 0.6994}, {19, 0, 1.0}, \
                     {20, 5, 0.090818}, {20, 3, 0.082598}, {20, 1, 0.826583}, {21, 4, 0.4284}, {21, 1, 0.5716}, \
                     {22, 0, 1.0}, {23, 0, 1.0}, {24, 15, 0.018340}, {24, 8, 0.091442}, {24, 6, 0.280406}, \
                     {24, 4, 0.609812}, {25, 17, 0.035051}, {25, 13, 0.038901}, {25, 10, 0.290405}, \
                     {25, 9, 0.112702}, {25, 7, 0.021170}, {25, 5, 0.008862}, {25, 1, 0.492909}, \
                     {26, 7, 0.351465}, {26, 5, 0.148385}, {26, 4, 0.390661}, {26, 1, 0.109489}, \
                     {27, 3, 0.900864}, {27, 1, 0.099136}, {28, 1, 1.0}, {29, 0, 1.0}, {30, 0, 1.0}, \
                     {31, 4, 0.4998}, {31, 1, 0.5002}, {32, 24, 0.099382}, {32, 6, 0.238305}, {32, 4, 0.662313}}
#define AR40_MAX_CASCADE (AR40_N_LEVELS - 1) /* each gamma goes down: a cascade visits a level at most once */
#define N_INELASTIC_N 8
#define N_INELASTIC_E {1.4977, 2.0, 3.0, 4.0, 6.0, 10.0, 14.0, 20.0}
#define N_INELASTIC_S {0.0, 0.35, 0.65, 0.8, 0.8, 0.7, 0.6, 0.5}
/* 40Ar(n, 2n)39Ar: Q = -9.869 MeV from the AME2020 mass excesses (n 8.071318, 40Ar -35.039900, 39Ar
   -33.242195 MeV; TALYS structure/masses/ame2020), threshold -Q (A + 1) / A = 10.118 MeV. Cross-section:
   0.61 +- 0.10 b measured at 14.8 MeV (Bhattacharya et al., arXiv:2512.18433); rising linearly in ln E from
   the threshold to it and flat above (model: (n, 2n) excitation functions of A ~ 40 nuclei level off a few
   MeV above threshold). The excitation left after the first neutron is S_n + e2, e2 (the second neutron's
   energy in the residual's frame) uniform in [0, E_cm + Q] (model); 39Ar is left in its ground state
   (model: its gammas left out). */
#define N_N2N_Q (-9.869)
#define N_N2N_N 3
#define N_N2N_E {10.118, 14.8, 20.0}
#define N_N2N_S {0.0, 0.61, 0.61}
/* 40Ar(n, p)40Cl: Q = -6.698 MeV from the AME2020 mass excesses (n 8.0713, 40Ar -35.0399, p 7.2890,
   40Cl -27.56 MeV), threshold -Q (A + 1) / A = 6.868 MeV; cross-section tens of mb at 14 MeV
   (approximate ENDF/B-VIII.0 MT=103 readings). 40Cl's beta decay (half-life 1.35 min) is left out. */
#define N_PROTON_Q (-6.698)
#define N_PROTON_N 5
#define N_PROTON_E {6.868, 8.0, 10.0, 14.0, 20.0}
#define N_PROTON_S {0.0, 0.005, 0.015, 0.025, 0.03}
/* Capture 40Ar(n, gamma)41Ar: 1/v from sigma(2200 m/s) = 0.673 b at 0.0253 eV (ACED, Fischer et al.,
   PRD 100 (2019) 012012); Q = S_n(41Ar) = 6.0989 MeV (AME2020). */
#define N_CAPTURE_SIGMA_THERMAL 0.673
#define N_THERMAL_REFERENCE_E 2.53e-8
#define NEUTRON_CAPTURE_Q 6.0989
/* The neutrons thermalise with the argon at 87.3 K: cross-sections are taken at no less than the mean
   thermal energy 3/2 kT = 1.13e-8 MeV (target motion is otherwise ignored). */
#define NEUTRON_THERMAL_E (1.5 * 8.617333e-11 * 87.3)
/* Below NEUTRON_RECOIL_CUT the argon recoils are no longer deposited (model): the largest recoil is then
   4A/(A+1)^2 = 9.6 % of E, under 10 keV, and all the recoils of the rest of the slowing-down together
   carry under 0.1 MeV over hundreds of collisions centimetres to metres apart, each far below a MIP's
   2.1 MeV per 1 cm pixel; the neutron then random-walks, depositing nothing, to capture or the wall. */
#define NEUTRON_RECOIL_CUT 0.1
/* 41Ar capture cascade: levels (keV; 0 is the capture state at S_n) and the measured gamma transitions
   between them with their intensities per 100 thermal captures (ENSDF 40Ar(n, gamma) E = thermal; the
   primaries listed carry 93 of 100, the rest, weak and unplaced, is left out and the table renormalised).
   A gamma's energy is its levels' difference, so each cascade sums to the capture Q. */
#define CAPTURE_LEVELS_KEV {6098.9, 4270.0, 3968.2, 3326.8, 3009.6, 2948.7, 2733.4, 2398.1, 1353.9, 1034.7, \
                            516.1, 167.3, 0.0}
#define CAPTURE_N_LINES 30
#define CAPTURE_FROM {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 7, 8, 8, 8, 9, 10, 10, 11}
#define CAPTURE_TO {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11, 10, 8, 10, 9, 8, 11, 11, 10, 11, 11, 10, 8, 12, 11, 10, \
                    11, 12, 11, 12}
#define CAPTURE_INTENSITY {10.79, 0.242, 51.2, 9.11, 3.91, 3.72, 1.02, 8.00, 4.09, 0.93, 0.93, 1.86, 2.7, 5.49, \
                           0.186, 0.502, 0.818, 1.58, 0.781, 2.6, 0.27, 1.3, 5.58, 2.14, 48.5, 8.93, 1.02, \
                           23.5, 6.14, 74.0}

/* ---- Detector, readout and tracking (paper Sec. II; docs/physics.md) ---- */
#define DETECTOR_HALF 250.0            /* the LAr cube is [-250, 250]^3 cm */
#define VERTEX_Z (-200.0)              /* vertex centre, as in the authors' Geant4 program */
#define VERTEX_JITTER 25.0             /* vertex uniform within +-25 cm of (0, 0, -200) (model) */
#define VIEW_ANGLE_DEG 35.9            /* u at +35.9 deg, v at -35.9 deg, w at 0 */
#define PIXEL_CM 1.0
#define IMAGE_PIXELS 224
#define CROP_VERTEX_MARGIN 16          /* the crop keeps the vertex at least this many pixels inside */
#define MIN_DEPOSITS 3                 /* events with fewer deposits are dropped and replaced (paper) */
/* `--response paper`: the deposits as the authors' Geant4 application (LArSIMple at c30a8b2, the last
   commit before the preprint) records them: the argon is split into 5 mm voxels, so every step ends at a
   voxel boundary (config/default_config.mac VoxeliseLAr, LArSIMpleDetectorConstruction.cc); each step is
   one deposit at its pre-step point, dropped below HitThreshold 0.1 MeV (LArSIMpleSteppingAction.cc,
   default_config.mac); the vertex is fixed at (0, 0, -200) cm (config/neutrino.mac). */
#define PAPER_VOXEL_CM 0.5
#define PAPER_HIT_THRESHOLD 0.1        /* MeV */
#define STEP_MAX 0.5                   /* cm, charged-particle step (model; Geant4 used 1 mm) */
#define STEP_RANGE_FRACTION 0.2        /* steps shrink to this fraction of the residual range */
#define STEP_MIN 0.05                  /* cm */
#define HADRON_T_STOP 1.0              /* MeV: mu, pi, p below deposit the rest where they are */
#define ELECTRON_T_CUT 1.0             /* MeV: e+- below deposit the rest over their (mm) range */
#define BREMS_K_CUT 1.0                /* MeV: softer bremsstrahlung is continuous loss */
#define PHOTON_E_CUT 0.1               /* MeV: without soft-photons, softer photons are absorbed where they
                                          interact (model) */

/* ---- Detector response: `nutl simulate --response lar` (the default, ideal, is the paper's: none).
   Pixel values become the collected charge times W_ion, in MeV. ---- */
#define LAR_W_ION 23.6e-6      /* MeV per electron-ion pair in LAr (Miyajima et al., PRA 9 (1974) 1438) */
#define DRIFT_FIELD 0.5        /* kV/cm, the DUNE far-detector design field */
/* Modified box model R = ln(alpha + xi) / xi, xi = beta (dE/dx) / (rho E): ArgoNeuT, Acciarri et al.,
   JINST 8 (2013) P08005, fitted at 0.481 kV/cm. */
#define BOX_ALPHA 0.93
#define BOX_BETA 0.212         /* (kV/cm)(g/cm^2)/MeV */
/* The box model's logarithm turns negative below 0.23 MeV/cm, where a Landau-fluctuated step can fall:
   dE/dx is taken at no less than 1 MeV/cm, as LArSoft's ISCalculationSeparate (larsim) does for DUNE's
   simulation ("guard against spurious values of dE/dx"); R(1 MeV/cm) = 0.69. */
#define RECOMB_DEDX_MIN 1.0    /* MeV/cm */
/* An argon recoil's ionisation (its electronic share, physics_lindhard) recombines far more than an
   electron's: 6 electrons per keV of recoil energy at 233 keV and 0.56 kV/cm (Bondar et al., JINST 12
   (2017) C05016, arXiv:1705.05107), i.e. a charge of 6 x 23.6 eV = 14 % of the recoil energy, against
   Lindhard's electronic share 0.54: the surviving fraction RECOIL_CHARGE_YIELD W / L(233 keV) = 0.26, taken
   at every recoil energy (the one measurement near ours). */
#define RECOIL_CHARGE_YIELD 6.0  /* electrons per keV */
#define RECOIL_YIELD_ENERGY 0.233 /* MeV, where it was measured */
/* Electronics, per 1 cm pixel: equivalent noise charge of cold front-end electronics after noise
   filtering, a few hundred electrons (MicroBooNE, JINST 12 (2017) P08003); a zero-suppression
   threshold in units of that noise (model); a 12-bit ADC of about 200 electrons per count (model,
   MicroBooNE's order), saturating at 4096 counts. */
#define NOISE_ELECTRONS 400.0
#define THRESHOLD_NOISE_SIGMAS 4.0
#define ADC_FULL_SCALE_ELECTRONS (4096 * 200.0)

/* ---- `--response dune`: what DUNE's CVN pixel maps (the sample of make validate) hold ----
   Cells: the far detector's wires, pitch 4.669 mm (induction planes U, V) and 4.790 mm (collection)
   (TDR Vol. IV, arXiv:2002.03010), and time cells of 6.4 ticks of 0.5 us (2 MHz) at 1.6 mm/us, the drift
   velocity at 500 V/cm (dunereco CVNMapper.fcl TimeResolution 1600 over TdcWidth 500; TDR Vol. IV). */
#define DUNE_PITCH_INDUCTION_CM 0.4669
#define DUNE_PITCH_COLLECTION_CM 0.4790
#define DUNE_TICKS_PER_CELL 6.4
#define DUNE_TICK_US 0.5
#define DUNE_DRIFT_CM_PER_US 0.16
/* A cell holds the sum of the integrals of the hits whose peak falls in it (dunereco PixelMapProducer,
   recob::Hit Integral()), written as ceil(sum / (1000/255 ADC ticks)) and saturating at 255 (dunereco
   CVNImageUtils ConvertChargeToChar). What a map unit is in nutl's collected charge comes from the
   minimum-ionising peak of track pixels, as for the import's calibration: `nutl import dune-cvn
   --response dune` measures it (docs/validate.md); the nominal chain, ElectronsToADC = 6.8906513e-3 ADC
   ticks per electron (DUNE's DetectorProperties), would give 569 electrons = 0.0134 MeV, 1.5 to 1.8
   times less: attenuation on the drift (electron lifetime) is not in our charge. */
#define DUNE_MAP_UNIT_ADC_TICKS (1000.0 / 255)
#define DUNE_MAP_UNIT_MEV {0.02366, 0.02275, 0.02035} /* u, v, w; measured with these values */
#define DUNE_MAP_MAX_UNITS 255
#define DUNE_ELECTRONS_TO_ADC 6.8906513e-3
/* Hit finding: GausHitFinder keeps a pulse whose peak reaches MinSig = 6 ADC on every plane
   (dunereco hitfindermodules_dune.fcl: dunefd_gaushitfinder takes dune35t's MinSig). A pulse's
   integral is its peak times its area-to-peak ratio; for the shaper's semi-Gaussian response
   (t/tau)^4 exp(-t/tau) of peaking time 4 tau = 2 us (the front-end setting of DUNE's far detector and
   ProtoDUNE-SP, TDR Vol. IV) that ratio is 24 tau / (4^4 e^-4) = 5.12 ticks (model: the deconvolved
   pulse taken as wide as the shaped one). Threshold: 6 x 5.12 = 30.7 ADC ticks = 7.8 map units. */
#define DUNE_HIT_MIN_PEAK_ADC 6.0
#define DUNE_PULSE_AREA_TICKS 5.118
/* Noise on a hit: the equivalent noise charge of the cold electronics, 600 electrons (ProtoDUNE-SP's
   design ENC on its 7.4 m induction wires; the far detector's requirement is under 1000), in ADC ticks
   through ElectronsToADC: 4.1 ADC ticks, 1.05 map units. */
#define DUNE_NOISE_ELECTRONS 600.0

/* ---- DUNE's particle counts (src/sim/simide.c): how dunereco labels each CVN event's topology ----
   AssignLabels::GetTopology (dunereco CVN/func/AssignLabels.cxx, 2019: commit 9a7e6564) counts a
   final-state p, n, pi+-, pi0 only if the backtracker's TrackIdToSimIDEs_Ps finds at least
   TopologyHitsCut = 100 sim::IDEs for it (dunereco CVN/art/CVNZlibMaker.fcl, unchanged from 55286e2c,
   June 2019, to now); for a pi0 or neutron its direct daughters' IDEs are added. One IDE per
   (channel, TDC tick, track) in the SimChannels of the three planes (larsim MCCheater/BackTracker.cc
   matches abs(trackID), which takes in the electromagnetic descendants LArG4 did not keep, recorded
   under minus their kept ancestor's ID: larsim LArG4/ParticleListAction.cxx, KeepEMShowerDaughters false
   in simulationservices.fcl). A tick is 0.5 us, 0.08 cm of drift at 1.6 mm/us; the
   channels are the wires of DUNE_PITCH_INDUCTION_CM and DUNE_PITCH_COLLECTION_CM. */
#define DUNE_TOPOLOGY_HITS_CUT 100
#define DUNE_SIMIDE_TICK_CM (DUNE_TICK_US * DUNE_DRIFT_CM_PER_US)
/* Diffusion, as LArG4 drifts the charge (larsim LArG4/LArVoxelReadout.cxx DriftIonizationElectrons): a
   step's N_e electrons (after recombination) leave its midpoint in ceil(N_e / ElectronClusterSize)
   clusters, the last one holding the rest; each lands offset by Gaussians of sigma sqrt(2 D_L t) along
   the drift and sqrt(2 D_T t) in y and z, t = drift time, and adds its electrons to the SimChannel of the
   nearest wire at its TDC tick on each plane: any cluster, however small, makes an IDE. */
#define DUNE_ELECTRON_CLUSTER 600.0    /* electrons (ElectronClusterSize, larsim simulationservices.fcl
                                          standard_largeantparameters, which dunefd_largeantparameters
                                          copies; its MinNumberOfElCluster 0 sets no minimum count) */
#define DUNE_DIFFUSION_L 6.2e-9        /* cm^2/ns (LongitudinalDiffusion, same) */
#define DUNE_DIFFUSION_T 16.3e-9       /* cm^2/ns (TransverseDiffusion, same) */
#define DUNE_MAX_DRIFT_CM 350.0        /* cm: the far detector's maximum drift at 500 V/cm (TDR Vol. IV,
                                          arXiv:2002.03010); an event's vertex lies uniformly in it */

#endif
