#include "sim/interaction.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "sim/absorption.h"
#include "sim/coherent.h"
#include "sim/kinematics.h"
#include "sim/resonance.h"
#include "sim/sim_constants.h"
#include "core/util.h"

#define P_PROTON ((double)AR_PROTONS / (AR_PROTONS + AR_NEUTRONS))

const char *channel_name(enum channel c)
{
    static const char *name[N_CHANNELS] = {"qe", "mec", "res", "dis", "coh"};
    return name[c];
}

int interaction_count(const interaction *in, enum species sp)
{
    int n = 0;
    for (int k = 0; k < in->n; k++) n += in->fs[k].sp == sp;
    return n;
}

/* Returns y(t) linear between the n points (x, y), flat outside. */
static double lerp_table(const double *x, const double *y, int n, double t)
{
    if (t <= x[0]) return y[0];
    if (t >= x[n - 1]) return y[n - 1];
    int k = 1;
    while (x[k] < t) k++;
    return y[k - 1] + (y[k] - y[k - 1]) * (t - x[k - 1]) / (x[k] - x[k - 1]);
}

/* Writes the unnormalised weight of each channel at enu into f: its CC nu_mu cross-section on argon
   (sim_constants.h XSEC_*, from sim/xsec.h), times its NC/CC ratio for NC. Coherent pion production has
   its own NC and CC nu_e tables (sim/coherent.h): the lepton's mass suppresses CC nu_mu by 10-35 % at
   1-4 GeV, so neither a constant NC/CC ratio nor nu_mu's table for nu_e would be the model's. */
static void channel_weights(enum event_class cls, double enu, double f[N_CHANNELS])
{
    static const double e[XSEC_N] = XSEC_E, qe[XSEC_N] = XSEC_QE, mec[XSEC_N] = XSEC_MEC, res[XSEC_N] = XSEC_RES,
                        dis[XSEC_N] = XSEC_DIS, coh[XSEC_N] = XSEC_COH, coh_nue[XSEC_N] = XSEC_COH_NUE,
                        coh_nc[XSEC_N] = XSEC_COH_NC;
    static const double nc[N_CHANNELS] = {NC_QE_RATIO, NC_MEC_RATIO, NC_RES_RATIO, NC_DIS_RATIO, 1};
    const double *table[N_CHANNELS] = {qe, mec, res, dis,
                                       cls == CLASS_NC ? coh_nc : cls == CLASS_NUE_CC ? coh_nue : coh};
    for (int c = 0; c < N_CHANNELS; c++) f[c] = lerp_table(e, table[c], XSEC_N, enu) * (cls == CLASS_NC ? nc[c] : 1);
}

double interaction_channel_share(enum event_class cls, enum channel c, double enu)
{
    double f[N_CHANNELS], sum = 0;
    channel_weights(cls, enu, f);
    for (int k = 0; k < N_CHANNELS; k++) sum += f[k];
    return f[c] / sum;
}

static enum channel channel_pick(const gsl_rng *r, enum event_class cls, double enu)
{
    double f[N_CHANNELS];
    channel_weights(cls, enu, f);
    double sum = 0;
    for (int c = 0; c < N_CHANNELS; c++) sum += f[c];
    double u = gsl_rng_uniform(r) * sum;
    for (int c = 0; c < N_CHANNELS - 1; c++) {
        if (u < f[c]) return (enum channel)c;
        u -= f[c];
    }
    return (enum channel)(N_CHANNELS - 1);
}

/* Returns Q^2 from an axial dipole squared, dsigma/dQ^2 ~ (1 + Q^2/M_A^2)^-4, by inverting its CDF. */
static double q2_dipole(const gsl_rng *r, double ma)
{
    return ma * ma * (pow(1 - gsl_rng_uniform(r), -1.0 / 3) - 1);
}

double interaction_res_w_max(double enu, double ml)
{
    return fmin(DIS_RES_WCUT, sqrt(M_NUCLEON * M_NUCLEON + 2 * M_NUCLEON * enu) - ml);
}

int interaction_q2_range(double enu, double ml, double w, double *lo, double *hi)
{
    double m = M_NUCLEON, s = m * m + 2 * m * enu, rs = sqrt(s);
    double e_nu = (s - m * m) / (2 * rs), e_l = (s + ml * ml - w * w) / (2 * rs);
    if (e_l <= ml) return 0;
    double p_l = sqrt(e_l * e_l - ml * ml);
    *lo = fmax(2 * e_nu * (e_l - p_l) - ml * ml, 0);
    *hi = 2 * e_nu * (e_l + p_l) - ml * ml;
    return *hi > *lo;
}

/* Returns the density of resonance production at (w, q2) on a proton or a neutron summed over the
   resonances, times the Q^2 range at w (so that w and Q^2 drawn uniformly in their ranges are
   weighted right); writes each resonance's share into share (RES_COUNT values) when not NULL. */
static double res_weight(int current_cc, int proton, double enu, double ml, double w, double q2, double *share)
{
    double lo, hi, x[RES_COUNT];
    if (!interaction_q2_range(enu, ml, w, &lo, &hi) || q2 < lo || q2 > hi) return 0;
    double sum = resonance_xsec_all(current_cc, proton, enu, w, q2, share ? share : x);
    return sum * (hi - lo);
}

/* Samples the struck nucleon, the resonance, W and Q^2 of resonance production from the Rein-Sehgal
   d^2 sigma / dW dQ^2 summed over GENIE's resonances, by rejection under the largest weight on a grid
   (times RES_ENVELOPE_MARGIN); the nucleon in proportion to argon's protons and neutrons. Writes
   in->target_proton and in->resonance; returns 0 if the energy is below the N pi threshold. */
static int res_kinematics(const gsl_rng *r, interaction *in, double ml, double *q2, double *nu)
{
    int current_cc = in->cls != CLASS_NC || !in->nc_model;
    double m = M_NUCLEON, wlo = m + M_PION_CHARGED, whi = interaction_res_w_max(in->enu, ml);
    if (whi <= wlo) return 0;
    double top = 0, lo, hi, share[RES_COUNT];
    for (int i = 0; i < RES_GRID_W; i++) {
        double w = wlo + (whi - wlo) * (i + 0.5) / RES_GRID_W;
        if (!interaction_q2_range(in->enu, ml, w, &lo, &hi)) continue;
        for (int j = 0; j < RES_GRID_Q2; j++)
            for (int t = 0; t < 2; t++)
                top = fmax(top, res_weight(current_cc, t, in->enu, ml, w, lo + (hi - lo) * (j + 0.5) / RES_GRID_Q2, NULL));
    }
    if (top <= 0) return 0;
    for (int tries = 0; tries < 100000; tries++) {
        int proton = gsl_rng_uniform(r) < P_PROTON;
        double w = wlo + (whi - wlo) * gsl_rng_uniform(r);
        if (!interaction_q2_range(in->enu, ml, w, &lo, &hi)) continue;
        double x = lo + (hi - lo) * gsl_rng_uniform(r);
        double weight = res_weight(current_cc, proton, in->enu, ml, w, x, share);
        if (gsl_rng_uniform(r) * RES_ENVELOPE_MARGIN * top >= weight) continue;
        double u = gsl_rng_uniform(r) * weight / (hi - lo);
        int k = 0;
        while (k < RES_COUNT - 1 && u >= share[k]) u -= share[k++];
        in->target_proton = proton;
        in->resonance = k;
        *q2 = x;
        *nu = (w * w - m * m + x) / (2 * m);
        return 1;
    }
    return 0;
}

/* Returns b in the DIS inelasticity density 1 + b (1-y)^2. CC: the W couples to left-handed quarks, so
   quarks give a flat density and antiquarks (1-y)^2: b = qbar/q. NC: the Z couples to left- and right-
   handed quarks with g_L, g_R (u: 1/2 - 2/3 s, -2/3 s; d: -1/2 + 1/3 s, 1/3 s; s = sin^2 theta_W), and
   right-handed couplings bring (1-y)^2 for quarks: b = (gR^2 + f gL^2) / (gL^2 + f gR^2), f = qbar/q. */
double interaction_dis_y_slope(enum event_class cls)
{
    double f = DIS_SEA_FRACTION, s = SIN2_THETA_W;
    if (cls != CLASS_NC) return f;
    double gl2 = pow(0.5 - 2.0 / 3 * s, 2) + pow(-0.5 + 1.0 / 3 * s, 2);
    double gr2 = pow(2.0 / 3 * s, 2) + pow(1.0 / 3 * s, 2);
    return (gr2 + f * gl2) / (gl2 + f * gr2);
}

double interaction_agky_probabilities(double w, int target_proton, double *p)
{
    double avn = 1.5 * ((target_proton ? AGKY_A_P : AGKY_A_N) + AGKY_B * log(w * w * 1e-6));
    double c = target_proton ? AGKY_LEVY_C_P : AGKY_LEVY_C_N, sum = 0;
    int nmax = (int)((w - M_NEUTRON) / M_PION_CHARGED) + 1; /* w = M_n + (nmax - 1) m_pi, as GENIE */
    if (nmax > AGKY_MAX_HADRONS) nmax = AGKY_MAX_HADRONS;
    for (int n = 0; n <= AGKY_MAX_HADRONS; n++) {
        double z = n / avn;
        p[n] = n < 2 || n > nmax ? 0 : exp(M_LN2 - c + (c * z + 1) * log(c) - lgamma(c * z + 1)) / avn;
        sum += p[n];
    }
    if (sum <= 0) p[2] = sum = 1; /* too light for KNO's range: the two-body state, as GENIE */
    for (int n = 0; n <= AGKY_MAX_HADRONS; n++) p[n] /= sum;
    if (w < DIS_RES_WCUT) {
        p[2] *= target_proton ? DIS_R2_PROTON : DIS_R2_NEUTRON;
        p[3] *= DIS_R3;
    }
    double kept = 0;
    for (int n = 0; n <= AGKY_MAX_HADRONS; n++) kept += p[n];
    return kept;
}

/* Returns a multiplicity drawn from p (as interaction_agky_probabilities writes it, with its sum). */
static int agky_draw(const gsl_rng *r, const double p[AGKY_MAX_HADRONS + 1], double sum)
{
    double u = gsl_rng_uniform(r) * sum;
    for (int n = 2; n < AGKY_MAX_HADRONS; n++) {
        if (u < p[n]) return n;
        u -= p[n];
    }
    return AGKY_MAX_HADRONS;
}

/* Samples DIS x and y (x from Beta(1.5, 4) ~ x q(x), y from 1 + b (1-y)^2) above the N pi threshold,
   below DIS_RES_WCUT kept with GENIE's non-resonant share (the R_n-scaled multiplicity probabilities'
   sum), and the hadron multiplicity into in->n_hadrons; returns 0 if none is found (the energy is too
   low for DIS). */
static int dis_kinematics(const gsl_rng *r, enum event_class cls, interaction *in, double *q2, double *nu)
{
    double b = interaction_dis_y_slope(cls), enu = in->enu, wmin = M_NUCLEON + M_PION_CHARGED;
    for (int tries = 0; tries < 200; tries++) {
        double x = gsl_ran_beta(r, DIS_X_ALPHA, DIS_X_BETA), y = gsl_rng_uniform(r);
        if ((1 + b * (1 - y) * (1 - y)) < (1 + b) * gsl_rng_uniform(r)) continue;
        double w2 = M_NUCLEON * M_NUCLEON + 2 * M_NUCLEON * enu * y * (1 - x);
        if (w2 < wmin * wmin) continue;
        double p[AGKY_MAX_HADRONS + 1];
        double kept = interaction_agky_probabilities(sqrt(w2), in->target_proton, p);
        if (gsl_rng_uniform(r) >= kept) continue;
        in->n_hadrons = agky_draw(r, p, kept);
        *q2 = 2 * M_NUCLEON * enu * x * y;
        *nu = enu * y;
        return 1;
    }
    return 0;
}

/* Appends a particle of species sp, kinetic energy kin and direction dir at the vertex. */
static void add(interaction *in, enum species sp, double kin, const double dir[3])
{
    if (in->n == INTERACTION_MAX_PARTICLES) return; /* cannot happen at 1-4 GeV; keeps the array safe */
    particle *p = &in->fs[in->n++];
    *p = (particle){.sp = sp, .t = kin > 0 ? kin : 0};
    memcpy(p->pos, in->vertex, sizeof p->pos);
    memcpy(p->dir, dir, sizeof p->dir);
}

/* Appends a particle of species sp with four-momentum p4 at the vertex. */
static void add_p4(interaction *in, enum species sp, const double p4[4])
{
    double p = sqrt(p4[1] * p4[1] + p4[2] * p4[2] + p4[3] * p4[3]);
    double d[3] = {0, 0, 1};
    if (p > 0) for (int k = 0; k < 3; k++) d[k] = p4[k + 1] / p;
    add(in, sp, p4[0] - species_mass(sp), d);
}

/* Returns the probability that AGKY's baryon is a proton for a hadronic system of charge q and n hadrons
   (GENIE's KNO hadronisation, as NeuGEN's: q = 2 a proton for n = 2, else 2/3; q = 1 1/3 for n = 2, else
   1/2; q = 0 2/3 for n = 2, else 1/2). Strange baryons (a few per cent) are left out. */
static double agky_proton_share(int q, int n)
{
    if (q >= 2) return n == 2 ? 1 : 2.0 / 3;
    if (q == 1) return n == 2 ? 1.0 / 3 : 0.5;
    return n == 2 ? 2.0 / 3 : 0.5;
}

void interaction_agky_species(const gsl_rng *r, int q, int n, enum species *sp)
{
    sp[0] = gsl_rng_uniform(r) < agky_proton_share(q, n) ? SP_PROTON : SP_NEUTRON;
    q -= sp[0] == SP_PROTON;
    int k = 1;
    for (; q != 0 && k < n; k++, q -= q > 0 ? 1 : -1) sp[k] = q > 0 ? SP_PION_PLUS : SP_PION_MINUS;
    if ((n - k) % 2) sp[k++] = SP_PION_ZERO;
    for (; k < n; k += 2) {
        int neutral = gsl_rng_uniform(r) < AGKY_P_PI0_PAIR;
        sp[k] = neutral ? SP_PION_ZERO : SP_PION_PLUS;
        sp[k + 1] = neutral ? SP_PION_ZERO : SP_PION_MINUS;
    }
}

/* Fills in->fs from the hadronic four-momentum had by the channel's rules; returns 0 if had is too
   light for the chosen final state or the outgoing nucleon is Pauli-blocked. */
static int hadronise(const gsl_rng *r, interaction *in, const double had[4], int charge)
{
    enum species sp[AGKY_MAX_HADRONS];
    double mass[AGKY_MAX_HADRONS], out[AGKY_MAX_HADRONS][4];
    int n;
    switch (in->channel) {
    case CH_COH: { /* one pion takes q less the nucleus's recoil; the nucleus stays whole, unseen */
        enum species pion = charge ? SP_PION_PLUS : SP_PION_ZERO;
        double p4[4];
        if (!coherent_pion(had, in->t, species_mass(pion), 2 * M_PI * gsl_rng_uniform(r), p4)) return 0;
        add_p4(in, pion, p4);
        return 1;
    }
    case CH_QE: {
        sp[0] = charge ? SP_PROTON : SP_NEUTRON;
        double p2 = had[1] * had[1] + had[2] * had[2] + had[3] * had[3];
        if (p2 < FERMI_MOMENTUM * FERMI_MOMENTUM) return 0;
        double m = species_mass(sp[0]), e = sqrt(p2 + m * m);
        double p4[4] = {e, had[1], had[2], had[3]};
        add_p4(in, sp[0], p4);
        return 1;
    }
    case CH_MEC: /* a correlated pair: CC (np) -> pp, (nn) -> pn; NC keeps the pair */
        n = 2;
        sp[0] = charge >= 1 ? SP_PROTON : SP_NEUTRON;
        sp[1] = charge == 2 ? SP_PROTON : SP_NEUTRON;
        break;
    case CH_RES: /* the decay products that go through the cascade, then an eta's or rho's, which skip it */
        n = resonance_decay(r, in->resonance, charge, had, sp, out, &in->n_after_fsi, NULL);
        for (int k = 0; k < n; k++) add_p4(in, sp[k], out[k]);
        return n > 0;
    default:
        n = in->n_hadrons;
        interaction_agky_species(r, charge, n, sp);
        break;
    }
    for (int k = 0; k < n; k++) mass[k] = species_mass(sp[k]);
    if (!p4_decay_n(r, had, mass, n, out)) return 0;
    if (in->channel == CH_MEC)
        for (int k = 0; k < n; k++)
            if (out[k][0] - mass[k] < 0.5 * FERMI_MOMENTUM * FERMI_MOMENTUM / mass[k]) return 0;
    for (int k = 0; k < n; k++) add_p4(in, sp[k], out[k]);
    return 1;
}

static int is_pion(enum species sp) { return sp == SP_PION_PLUS || sp == SP_PION_MINUS || sp == SP_PION_ZERO; }
static int is_nucleon(enum species sp) { return sp == SP_PROTON || sp == SP_NEUTRON; }

/* Knocks out two nucleons sharing q from a hadron moving along dir (first of species first). */
static void fsi_pair(const gsl_rng *r, interaction *in, const double dir[3], double q, enum species first)
{
    double e[2], d[2][3];
    split_knock_out(r, dir, q, e, d);
    add(in, first, e[0], d[0]);
    add(in, gsl_rng_uniform(r) < P_PROTON ? SP_PROTON : SP_NEUTRON, e[1], d[1]);
}

static const double fsi_pi_t[FSI_PI_N] = FSI_PI_T, pip_n_tot[FSI_PI_N] = FSI_PIP_N_TOT,
                    pip_p_tot[FSI_PI_N] = FSI_PIP_P_TOT, pi0_n_tot[FSI_PI_N] = FSI_PI0_N_TOT,
                    pi0_p_tot[FSI_PI_N] = FSI_PI0_P_TOT;
static const double fsi_nn_t[FSI_NN_N] = FSI_NN_T, pp_tot[FSI_NN_N] = FSI_PP_TOT, pn_tot[FSI_NN_N] = FSI_PN_TOT;
static const double fate_t[FSI_FATE_N] = FSI_FATE_T;
static const double fate_share[2][N_FSI_FATES - 1][FSI_FATE_N] = {
    {FSI_PI_ELASTIC, FSI_PI_INELASTIC, FSI_PI_CHARGE_EXCHANGE, FSI_PI_ABSORB},
    {FSI_N_ELASTIC, FSI_N_INELASTIC, FSI_N_CHARGE_EXCHANGE, FSI_N_ABSORB}};

double interaction_fsi_sigma(enum species sp, double t)
{
    double sp_p, sp_n; /* the hadron's total cross-section on a proton and on a neutron (mb) */
    switch (sp) {
    case SP_PION_PLUS:
        sp_p = lerp_table(fsi_pi_t, pip_p_tot, FSI_PI_N, t), sp_n = lerp_table(fsi_pi_t, pip_n_tot, FSI_PI_N, t);
        break;
    case SP_PION_MINUS: /* isospin: pi-p = pi+n, pi-n = pi+p */
        sp_p = lerp_table(fsi_pi_t, pip_n_tot, FSI_PI_N, t), sp_n = lerp_table(fsi_pi_t, pip_p_tot, FSI_PI_N, t);
        break;
    case SP_PION_ZERO:
        sp_p = lerp_table(fsi_pi_t, pi0_p_tot, FSI_PI_N, t), sp_n = lerp_table(fsi_pi_t, pi0_n_tot, FSI_PI_N, t);
        break;
    case SP_PROTON:
        sp_p = lerp_table(fsi_nn_t, pp_tot, FSI_NN_N, t), sp_n = lerp_table(fsi_nn_t, pn_tot, FSI_NN_N, t);
        break;
    case SP_NEUTRON: /* nn = pp by charge symmetry */
        sp_p = lerp_table(fsi_nn_t, pn_tot, FSI_NN_N, t), sp_n = lerp_table(fsi_nn_t, pp_tot, FSI_NN_N, t);
        break;
    default: return 0;
    }
    return (AR_PROTONS * sp_p + AR_NEUTRONS * sp_n) / (AR_PROTONS + AR_NEUTRONS);
}

/* Returns the nucleus's radius over the hadron's mean free path 1 / (rho sigma), rho = A / (4/3 pi R^3). */
static double fsi_opacity(enum species sp, double t)
{
    double rho = (AR_PROTONS + AR_NEUTRONS) / (4.0 / 3.0 * M_PI * pow(FSI_AR_RADIUS, 3));
    return FSI_AR_RADIUS * rho * interaction_fsi_sigma(sp, t) * FSI_FM2_PER_MB;
}

double interaction_fsi_probability(enum species sp, double t)
{
    double x = fsi_opacity(sp, t);
    if (x < 1e-3) return 0.75 * x; /* the series of the escape probability 1 - 3x/4 + ... */
    return 1 - 3.0 / (8 * x * x * x) * (2 * x * x - 1 + (1 + 2 * x) * exp(-2 * x));
}

double interaction_fsi_share(enum species sp, double t, enum fsi_fate f)
{
    if (f == FSI_ESCAPE || (!is_pion(sp) && !is_nucleon(sp))) return 0;
    const double (*share)[FSI_FATE_N] = fate_share[is_nucleon(sp)];
    double sum = 0;
    for (int k = 0; k < N_FSI_FATES - 1; k++) sum += lerp_table(fate_t, share[k], FSI_FATE_N, t);
    return lerp_table(fate_t, share[f - 1], FSI_FATE_N, t) / sum;
}

enum fsi_fate interaction_fsi_fate(const gsl_rng *r, enum species sp, double t)
{
    if (!is_pion(sp) && !is_nucleon(sp)) return FSI_ESCAPE;
    /* Born uniformly in the sphere, isotropic: the chord to the surface against an exponential path. */
    double pos[3], d[3], pp;
    do {
        for (int c = 0; c < 3; c++) pos[c] = 2 * gsl_rng_uniform(r) - 1;
        pp = pos[0] * pos[0] + pos[1] * pos[1] + pos[2] * pos[2];
    } while (pp > 1);
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    double pd = pos[0] * d[0] + pos[1] * d[1] + pos[2] * d[2];
    double chord = -pd + sqrt(pd * pd + 1 - pp); /* in units of the radius */
    if (gsl_ran_exponential(r, 1.0) >= chord * fsi_opacity(sp, t)) return FSI_ESCAPE;
    double u = gsl_rng_uniform(r), c = 0;
    for (int f = FSI_ELASTIC; f < N_FSI_FATES - 1; f++) {
        c += interaction_fsi_share(sp, t, (enum fsi_fate)f);
        if (u < c) return (enum fsi_fate)f;
    }
    return FSI_ABSORPTION;
}

/* Absorbs hadron h (a pion or a nucleon): appends the nucleons hA2018 gives out (sim/absorption.h) and
   marks h's slot for removal, or leaves h as it is when the nucleus cannot absorb it or the array has no
   room for two more particles. */
static void absorb(const gsl_rng *r, interaction *in, particle *h)
{
    absorption ab;
    if (!absorption_emit(r, h->sp, h->t, h->dir, AR_PROTONS + AR_NEUTRONS, AR_PROTONS,
                         INTERACTION_MAX_PARTICLES - in->n, &ab))
        return;
    h->sp = SP_NEUTRINO; /* marks the slot for removal */
    for (int k = 0; k < ab.n; k++) add_p4(in, ab.sp[k], ab.p4[k]);
}

/* One step of intranuclear cascade for each hadron of the primary vertex (indices from first, the last
   in->n_after_fsi left out: an eta's or rho's decay products, which GENIE decays after its cascade), hA's
   fates (interaction_fsi_fate): elastic leaves the hadron as it is (hA's hadron-nucleus elastic turns it
   by a small angle); inelastic knocks out a nucleon; charge exchange changes the charge; absorption
   gives out the protons and neutrons hA2018 does, from argon's 40 nucleons as hA draws them from its
   remnant's (sim/absorption.h: pi d -> N N, or many nucleons by phase space, energy as hA gives it, the
   rest left with the nucleus). Each nucleon the other fates knock out pays NUCLEON_SEPARATION; fates that
   cannot pay it, and absorptions the particle array has no room for, leave the hadron as it is. */
static void cascade(const gsl_rng *r, interaction *in, int first)
{
    int n0 = in->n - in->n_after_fsi;
    for (int k = first; k < n0; k++) {
        particle *h = &in->fs[k];
        enum fsi_fate fate = interaction_fsi_fate(r, h->sp, h->t);
        if (is_pion(h->sp)) {
            if (fate == FSI_ABSORPTION) {
                absorb(r, in, h);
            } else if (fate == FSI_CHARGE_EXCHANGE) {
                h->sp = h->sp != SP_PION_ZERO ? SP_PION_ZERO
                        : gsl_rng_uniform(r) < 0.5 ? SP_PION_PLUS : SP_PION_MINUS;
            } else if (fate == FSI_INELASTIC && h->t > 2 * NUCLEON_SEPARATION) {
                double e[2], d[2][3];
                split_knock_out(r, h->dir, h->t - NUCLEON_SEPARATION, e, d);
                h->t = e[0];
                memcpy(h->dir, d[0], sizeof h->dir);
                add(in, gsl_rng_uniform(r) < P_PROTON ? SP_PROTON : SP_NEUTRON, e[1], d[1]);
            }
        } else if (is_nucleon(h->sp) && fate == FSI_CHARGE_EXCHANGE) {
            h->sp = h->sp == SP_PROTON ? SP_NEUTRON : SP_PROTON;
        } else if (is_nucleon(h->sp) && fate == FSI_ABSORPTION) {
            absorb(r, in, h);
        } else if (is_nucleon(h->sp) && fate == FSI_INELASTIC && h->t > 2 * NUCLEON_SEPARATION) {
            double dir[3] = {h->dir[0], h->dir[1], h->dir[2]};
            double q = h->t - 2 * NUCLEON_SEPARATION;
            enum species sp = h->sp;
            h->sp = SP_NEUTRINO; /* marks the slot for removal */
            fsi_pair(r, in, dir, q, sp);
        }
    }
    /* Drop the absorbed slots, keeping order. */
    int m = 0;
    for (int k = 0; k < in->n; k++)
        if (k < first || in->fs[k].sp != SP_NEUTRINO) in->fs[m++] = in->fs[k];
    in->n = m;
}

/* Adds Poisson(EVAPORATION_NEUTRONS_MEAN) slow isotropic neutrons from the excited residual nucleus. */
static void evaporate(const gsl_rng *r, interaction *in)
{
    unsigned n = gsl_ran_poisson(r, EVAPORATION_NEUTRONS_MEAN);
    for (unsigned k = 0; k < n; k++) {
        double d[3];
        gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
        add(in, SP_NEUTRON, gsl_ran_exponential(r, EVAPORATION_NEUTRON_T), d);
    }
}

/* Returns a struck nucleon's four-momentum: Fermi momentum up to FERMI_MOMENTUM (density ~ p^2),
   isotropic, energy sqrt(M^2 + p^2) - REMOVAL_ENERGY. */
static void fermi_nucleon(const gsl_rng *r, double p4[4])
{
    double p = FERMI_MOMENTUM * cbrt(gsl_rng_uniform(r)), d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    p4[0] = sqrt(M_NUCLEON * M_NUCLEON + p * p) - REMOVAL_ENERGY;
    for (int k = 0; k < 3; k++) p4[k + 1] = p * d[k];
}

/* Picks the struck nucleon: neutron for CC QE, a pair for MEC (returns its charge), by the per-nucleon
   cross-section weights otherwise (CC DIS: d quarks, twice as many in n; RES draws its own with its
   kinematics). Returns the target's charge (0, 1 or 2 for a pair). */
static int pick_target(const gsl_rng *r, const interaction *in)
{
    int cc = in->cls != CLASS_NC;
    double wp = AR_PROTONS, wn = AR_NEUTRONS;
    switch (in->channel) {
    case CH_QE: if (cc) return 0; break;
    case CH_MEC: return cc ? gsl_rng_uniform(r) < MEC_NP_PAIR : 1;
    case CH_DIS: if (cc) wn *= 2; break;
    default: break;
    }
    return gsl_rng_uniform(r) * (wp + wn) < wp;
}

/* Samples Q^2 and energy transfer nu for the channel, the outgoing lepton of mass ml; returns 0 if the
   channel is closed at enu. */
static int transfer(const gsl_rng *r, interaction *in, double ml, double *q2, double *nu)
{
    double m = M_NUCLEON;
    switch (in->channel) {
    case CH_QE: *q2 = q2_dipole(r, QE_AXIAL_MASS); *nu = *q2 / (2 * m); return 1;
    case CH_MEC:
        *q2 = q2_dipole(r, QE_AXIAL_MASS);
        *nu = *q2 / (4 * m) + MEC_NU_MIN + (MEC_NU_MAX - MEC_NU_MIN) * gsl_rng_uniform(r);
        return 1;
    case CH_RES: return res_kinematics(r, in, ml, q2, nu);
    case CH_COH: { /* NC without the NC model (an ablation) takes CC's density, as RES does */
        double y;
        if (!coherent_kinematics(r, in->cls != CLASS_NC || !in->nc_model, ml, in->enu, &y, q2, &in->t)) return 0;
        *nu = y * in->enu;
        return 1;
    }
    default: return dis_kinematics(r, in->nc_model ? in->cls : CLASS_NUMU_CC, in, q2, nu);
    }
}

void interaction_generate(const gsl_rng *r, enum event_class cls, double enu, const double vertex[3], int nc_model,
                          interaction *in)
{
    enum species lepton = cls == CLASS_NUMU_CC ? SP_MUON_MINUS : cls == CLASS_NUE_CC ? SP_ELECTRON : SP_NEUTRINO;
    double ml = species_mass(lepton);
    /* The channel is drawn once, by its cross-section; a draw its kinematics reject (out of range,
       Pauli-blocked) is redrawn in the same channel, as GENIE does, so the shares stay the cross-sections'. */
    enum channel channel = channel_pick(r, nc_model ? cls : CLASS_NUMU_CC, enu);
    for (int tries = 0; tries < 100000; tries++) {
        memset(in, 0, sizeof *in);
        in->cls = cls;
        in->nc_model = nc_model;
        in->enu = enu;
        memcpy(in->vertex, vertex, sizeof in->vertex);
        in->channel = channel;
        int target = in->channel == CH_RES || in->channel == CH_COH ? 0 : pick_target(r, in); /* COH: the nucleus */
        in->target_proton = target >= 1;
        double q2, nu;
        if (!transfer(r, in, ml, &q2, &nu)) continue;
        if (in->channel == CH_RES) target = in->target_proton;
        double el = enu - nu;
        if (el <= ml) continue;
        double pl = sqrt(el * el - ml * ml);
        double cos_t = (2 * enu * el - ml * ml - q2) / (2 * enu * pl);
        if (cos_t < -1 || cos_t > 1) continue;
        /* q = k - k_lepton; the hadronic system is q plus the struck nucleon(s). */
        double dir[3] = {0, 0, 1};
        dir_deflect(dir, cos_t, 2 * M_PI * gsl_rng_uniform(r));
        double had[4] = {nu, -pl * dir[0], -pl * dir[1], enu - pl * dir[2]}, n1[4];
        int pairs = in->channel == CH_MEC ? 2 : in->channel == CH_COH ? 0 : 1; /* COH: the whole nucleus, at rest */
        for (int k = 0; k < pairs; k++) {
            fermi_nucleon(r, n1);
            for (int c = 0; c < 4; c++) had[c] += n1[c];
        }
        in->q2 = q2;
        in->y = nu / enu;
        in->w = in->channel == CH_COH ? species_mass(cls == CLASS_NC ? SP_PION_ZERO : SP_PION_PLUS) : p4_mass(had);
        in->lepton_e = el;
        if (lepton != SP_NEUTRINO) add(in, lepton, el - ml, dir);
        int first = in->n;
        if (!hadronise(r, in, had, target + (cls != CLASS_NC))) continue;
        if (in->channel != CH_COH) { /* coherent: no intranuclear cascade, the nucleus is left unexcited */
            cascade(r, in, first);
            evaporate(r, in);
        }
        return;
    }
    nutl_die("interaction: no kinematically allowed interaction found at E = %g MeV", enu);
}
