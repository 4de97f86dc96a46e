#include "sim/transport.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "sim/deexcitation.h"
#include "sim/ingredients.h"
#include "sim/kinematics.h"
#include "sim/neutron.h"
#include "sim/sim_constants.h"

/* Pushes a particle whose direction is dir turned by acos(cos_theta) at azimuth phi. */
static void push_deflected(transport *t, enum species sp, const particle *from, double kin, double cos_theta,
                           double phi)
{
    double d[3] = {from->dir[0], from->dir[1], from->dir[2]};
    dir_deflect(d, cos_theta, phi);
    transport_push(t, sp, from->pos, d, kin);
}

static void push_isotropic(transport *t, const gsl_rng *r, enum species sp, const double pos[3], double kin)
{
    double d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    transport_push(t, sp, pos, d, kin);
}

static int is_hadron(enum species sp) { return sp == SP_PION_PLUS || sp == SP_PION_MINUS || sp == SP_PROTON; }
static int is_electron(enum species sp) { return sp == SP_ELECTRON || sp == SP_POSITRON; }

/* Deflects p's direction by a Highland angle for a step ds at kinetic energy kin. */
static void scatter(const gsl_rng *r, particle *p, double kin, double ds)
{
    double m = species_mass(p->sp), mom = particle_momentum(p->sp, kin), beta = mom / (kin + m);
    double th0 = physics_highland(mom, beta, ds);
    double tx = gsl_ran_gaussian_ziggurat(r, th0), ty = gsl_ran_gaussian_ziggurat(r, th0);
    double th = fmin(sqrt(tx * tx + ty * ty), M_PI);
    dir_deflect(p->dir, cos(th), atan2(ty, tx));
}

/* Emits a bremsstrahlung photon if the candidate fraction y passes the thinning test of the complete-
   screening spectrum (4/3 - 4/3 y + y^2) / y against its envelope (4/3) / y. */
static void radiate(transport *t, const gsl_rng *r, particle *p)
{
    double yc = BREMS_K_CUT / p->t;
    double y = yc * pow(1 / yc, gsl_rng_uniform(r));
    if (gsl_rng_uniform(r) > 1 - y + 0.75 * y * y) return;
    double k = y * p->t;
    p->t -= k;
    /* Photon angle ~ m_e / E (PDG): exponential of that mean, random azimuth. */
    double th = gsl_ran_exponential(r, M_ELECTRON / (p->t + k + M_ELECTRON));
    push_deflected(t, SP_GAMMA, p, k, cos(fmin(th, M_PI)), 2 * M_PI * gsl_rng_uniform(r));
}

/* Returns the rate (per cm) of bremsstrahlung candidates above BREMS_K_CUT at kinetic energy kin. */
static double brems_rate(double kin)
{
    return kin > BREMS_K_CUT ? 4.0 / 3 * log(kin / BREMS_K_CUT) / LAR_X0 : 0;
}

/* Emits a delta ray, sampled at the step's initial kinetic energy t0, from a random point of p's step
   of length ds (p->pos is its start): its energy is taken from p's kinetic energy (skipped if p has
   less left). */
static void emit_delta_ray(transport *t, const physics *ph, const gsl_rng *r, particle *p, double t0, double ds)
{
    double cos_t, e = physics_delta_energy(ph, r, p->sp, t0, &cos_t), u = gsl_rng_uniform(r) * ds;
    if (e >= p->t) return;
    p->t -= e;
    double d[3] = {p->dir[0], p->dir[1], p->dir[2]}, at[3];
    dir_deflect(d, cos_t, 2 * M_PI * gsl_rng_uniform(r));
    for (int k = 0; k < 3; k++) at[k] = p->pos[k] + u * p->dir[k];
    transport_push(t, SP_ELECTRON, at, d, e);
}

enum fate transport_track(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    const eloss *el = physics_eloss(ph, p->sp);
    int hadron = is_hadron(p->sp), electron = is_electron(p->sp);
    double cut = electron ? ELECTRON_T_CUT : HADRON_T_STOP;
    double to_interact = hadron ? gsl_ran_exponential(r, 1) : INFINITY; /* in mean free paths */
    double to_radiate = electron ? gsl_ran_exponential(r, 1) : INFINITY;
    double to_delta = gsl_ran_exponential(r, 1); /* in mean delta-ray spacings */
    for (;;) {
        double range = eloss_range(el, p->t);
        if (p->t < cut) {
            /* The rest is deposited along the residual range (< 1 cm), straight ahead. */
            double x[3];
            for (int k = 0; k < 3; k++) x[k] = p->pos[k] + range * p->dir[k];
            if (transport_inside(x)) transport_deposit_segment(t, ph, p->pos, x, p->t);
            else t->escaped += p->t;
            p->t = 0;
            return FATE_STOPPED;
        }
        double ds = fmin(STEP_MAX, fmax(STEP_MIN, STEP_RANGE_FRACTION * range));
        if (ds > range) ds = range;
        int interact = 0, rad = 0;
        if (hadron) {
            double lambda = physics_hadron_path(ph, p->sp != SP_PROTON, p->t);
            if (to_interact * lambda < ds) { ds = to_interact * lambda; interact = 1; }
            else to_interact -= ds / lambda;
        } else if (electron) {
            double rate = brems_rate(p->t);
            if (to_radiate < ds * rate) { ds = to_radiate / rate; rad = 1; }
            else to_radiate -= ds * rate;
        }
        double end[3];
        for (int k = 0; k < 3; k++) end[k] = p->pos[k] + ds * p->dir[k];
        if (!transport_inside(end)) {
            t->escaped += species_budget(p->sp, p->t);
            return FATE_LEFT;
        }
        double t0 = p->t, loss = physics_step_loss(ph, r, p->sp, t0, ds);
        transport_deposit_segment(t, ph, p->pos, end, loss);
        p->t = t0 - loss;
        for (to_delta -= ds * physics_delta_rate(ph, p->sp, t0); to_delta < 0; to_delta += gsl_ran_exponential(r, 1))
            emit_delta_ray(t, ph, r, p, t0, ds);
        p->length += ds;
        memcpy(p->pos, end, sizeof end);
        scatter(r, p, t0, ds);
        if (interact && p->t >= cut) return FATE_INTERACTED;
        if (interact) to_interact = gsl_ran_exponential(r, 1);
        if (rad) {
            if (p->t > BREMS_K_CUT) radiate(t, r, p);
            to_radiate = gsl_ran_exponential(r, 1);
        }
    }
}

/* A muon at rest: mu+ decays to a Michel positron; mu- is captured by argon (the neutrino and the
   neutrons carry its mass away) or decays to a Michel electron. */
static void muon_at_rest(transport *t, const gsl_rng *r, const particle *p)
{
    if (p->sp == SP_MUON_MINUS && gsl_rng_uniform(r) < MU_MINUS_CAPTURE_FRACTION_AR) {
        t->invisible += M_MUON;
        return;
    }
    double e = physics_michel_energy(r);
    enum species sp = p->sp == SP_MUON_PLUS ? SP_POSITRON : SP_ELECTRON;
    push_isotropic(t, r, sp, p->pos, e - M_ELECTRON);
    t->invisible += M_MUON - species_budget(sp, e - M_ELECTRON);
}

double transport_deexcite(transport *t, const physics *ph, const gsl_rng *r, const double pos[3],
                          enum species struck, double available)
{
    double gamma[DEEX_MAX_GAMMAS];
    int n;
    if (!physics_has(ph, ING_DEEXCITATION)) return 0;
    double excitation = deexcitation_sample(r, struck, available, gamma, &n);
    for (int k = 0; k < n; k++) push_isotropic(t, r, SP_GAMMA, pos, gamma[k]);
    return excitation;
}

/* Pushes two nucleons sharing energy q after a collision of `from` (split_knock_out): the first of
   species first, the second, the one knocked out, a proton with probability p_proton, otherwise a
   neutron; the residual nucleus's de-excitation gammas take their energy out of q. */
static void knock_out(transport *t, const physics *ph, const gsl_rng *r, const particle *from, double q,
                      enum species first, double p_proton)
{
    double e[2], d[2][3];
    enum species struck = gsl_rng_uniform(r) < p_proton ? SP_PROTON : SP_NEUTRON;
    q -= transport_deexcite(t, ph, r, from->pos, struck, q);
    split_knock_out(r, from->dir, q, e, d);
    transport_push(t, first, from->pos, d[0], e[0]);
    transport_push(t, struck, from->pos, d[1], e[1]);
}

/* A proton-argon interaction: the proton knocks a nucleon out and both lose the separation energy. */
static void proton_interact(transport *t, const physics *ph, const gsl_rng *r, const particle *p)
{
    double q = p->t - 2 * NUCLEON_SEPARATION;
    if (q <= 0) { t->invisible += p->t; return; }
    knock_out(t, ph, r, p, q, SP_PROTON, (double)AR_PROTONS / (AR_PROTONS + AR_NEUTRONS));
    t->invisible += 2 * NUCLEON_SEPARATION;
}

/* A pion absorbed on a nucleon pair (in flight or at rest): its total energy, less two separation
   energies, goes to two nucleons; pi+ (np) -> pp, pi- (np) -> nn, the (pp) or (nn) pairs give pn. */
static void pion_absorb(transport *t, const physics *ph, const gsl_rng *r, const particle *p)
{
    double q = p->t + M_PION_CHARGED - 2 * NUCLEON_SEPARATION;
    int np_pair = gsl_rng_uniform(r) < PION_ABSORPTION_NP_PAIR;
    enum species first = p->sp == SP_PION_PLUS || !np_pair ? SP_PROTON : SP_NEUTRON;
    double p_second_proton = np_pair ? (p->sp == SP_PION_PLUS) : 0;
    particle from = *p;
    if (p->t < HADRON_T_STOP) gsl_ran_dir_3d(r, &from.dir[0], &from.dir[1], &from.dir[2]);
    knock_out(t, ph, r, &from, q, first, p_second_proton);
    t->invisible += 2 * NUCLEON_SEPARATION;
}

enum fate transport_neutron(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    transport_attribute_products(t); /* a neutron's every deposit and push is one of its products' */
    if (p->t < NEUTRON_T_CUT && physics_has(ph, ING_SLOW_NEUTRONS)) return neutron_transport(t, ph, r, p);
    if (p->t < NEUTRON_T_CUT || !physics_has(ph, ING_NEUTRONS)) { t->invisible += p->t; return FATE_STOPPED; }
    double d = gsl_ran_exponential(r, physics_hadron_path(ph, 0, p->t));
    for (int k = 0; k < 3; k++) p->pos[k] += d * p->dir[k];
    p->length += d;
    if (!transport_inside(p->pos)) { t->escaped += p->t; return FATE_LEFT; }
    double q = p->t - 2 * NUCLEON_SEPARATION;
    knock_out(t, ph, r, p, q, SP_NEUTRON, (double)AR_PROTONS / (AR_PROTONS + AR_NEUTRONS));
    t->invisible += 2 * NUCLEON_SEPARATION;
    return FATE_INTERACTED;
}

/* A charged pion's interaction with an argon nucleus: absorption, charge exchange to a pi0, pion
   production above PION_PRODUCTION_T, or quasi-elastic knock-out of a nucleon. */
static void pion_interact(transport *t, const physics *ph, const gsl_rng *r, const particle *p)
{
    double u = gsl_rng_uniform(r), q = p->t - NUCLEON_SEPARATION;
    double p_abs = p->t < PION_ABSORPTION_T_HALF ? PION_ABSORPTION_FRACTION : 0.5 * PION_ABSORPTION_FRACTION;
    if (u < p_abs || q <= 0) { pion_absorb(t, ph, r, p); return; }
    double phi = 2 * M_PI * gsl_rng_uniform(r);
    t->invisible += NUCLEON_SEPARATION;
    if (u < p_abs + PION_CHARGE_EXCHANGE_FRACTION) {
        t->invisible += M_PION_CHARGED - M_PION_ZERO;
        push_deflected(t, SP_PION_ZERO, p, q, 0.5 + 0.5 * gsl_rng_uniform(r), phi);
        return;
    }
    if (p->t > PION_PRODUCTION_T && gsl_rng_uniform(r) < PION_PRODUCTION_FRACTION) {
        /* A new pion of random charge, its mass taken from q; the rest is shared as a flat Dirichlet. */
        static const enum species charge[3] = {SP_PION_PLUS, SP_PION_ZERO, SP_PION_MINUS};
        enum species sp = charge[gsl_rng_uniform_int(r, 3)];
        double m = species_mass(sp), alpha[3] = {1, 1, 1}, f[3];
        if (q > m) {
            gsl_ran_dirichlet(r, 3, alpha, f);
            push_deflected(t, p->sp, p, f[0] * (q - m), 0.5 + 0.5 * gsl_rng_uniform(r), phi);
            push_deflected(t, sp, p, f[1] * (q - m), gsl_rng_uniform(r), phi + 2);
            push_deflected(t, SP_PROTON, p, f[2] * (q - m), gsl_rng_uniform(r), phi + 4);
            return;
        }
    }
    /* Quasi-elastic: the pion knocks a nucleon out and carries on. */
    knock_out(t, ph, r, p, q, p->sp, 0.5);
}

/* A pion at rest: pi+ decays to a 4.12 MeV mu+ (which stops within 2 mm and decays), pi- is absorbed. */
static void pion_at_rest(transport *t, const physics *ph, const gsl_rng *r, const particle *p)
{
    if (p->sp == SP_PION_MINUS) { pion_absorb(t, ph, r, p); return; }
    push_isotropic(t, r, SP_MUON_PLUS, p->pos, PI_MU_DECAY_T_MU);
    t->invisible += M_PION_CHARGED - species_budget(SP_MUON_PLUS, PI_MU_DECAY_T_MU);
}

/* Pushes a photon of four-vector g (MeV) leaving pos. */
static void push_photon(transport *t, const double pos[3], const double g[4])
{
    double d[3] = {g[1] / g[0], g[2] / g[0], g[3] / g[0]};
    transport_push(t, SP_GAMMA, pos, d, g[0]);
}

void transport_decay_pi0(transport *t, const gsl_rng *r, const particle *p)
{
    transport_attribute_products(t);
    double mom = particle_momentum(SP_PION_ZERO, p->t);
    double parent[4] = {p->t + M_PION_ZERO, mom * p->dir[0], mom * p->dir[1], mom * p->dir[2]}, g1[4], g2[4];
    p4_decay_two(r, parent, 0, 0, g1, g2);
    push_photon(t, p->pos, g1);
    push_photon(t, p->pos, g2);
}

/* A photon flies an exponential distance, then converts to e+e-, is absorbed (its photoelectron
   takes all its energy: the shell's binding energy leaves as Auger electrons and X-rays of micrometre
   range) or Compton-scatters; below physics_photon_cut it is absorbed where it interacts. */
static void photon_interact(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    double e = p->t, pair, photo;
    double d = gsl_ran_exponential(r, physics_photon_path(ph, e, &pair, &photo));
    for (int k = 0; k < 3; k++) p->pos[k] += d * p->dir[k];
    p->length += d;
    if (!transport_inside(p->pos)) { t->escaped += e; return; }
    if (e < physics_photon_cut(ph)) { transport_deposit_point(t, ph, p->pos, e); return; }
    double phi = 2 * M_PI * gsl_rng_uniform(r), u = gsl_rng_uniform(r);
    if (u < photo) { transport_push(t, SP_ELECTRON, p->pos, p->dir, e); return; }
    if (u < photo + pair) {
        double eps = physics_pair_share(r, e), e1 = eps * e, e2 = e - e1;
        push_deflected(t, SP_ELECTRON, p, e1 - M_ELECTRON, cos(M_ELECTRON / e1), phi);
        push_deflected(t, SP_POSITRON, p, e2 - M_ELECTRON, cos(M_ELECTRON / e2), phi + M_PI);
        return;
    }
    double ratio = physics_compton_ratio(r, e), e1 = ratio * e;
    double cos_t = 1 - (1 / ratio - 1) * M_ELECTRON / e;
    /* The electron takes the momentum difference between the incoming and the scattered photon. */
    double in[3] = {e * p->dir[0], e * p->dir[1], e * p->dir[2]};
    dir_deflect(p->dir, cos_t, phi);
    double pe[3], n = 0;
    for (int k = 0; k < 3; k++) {
        pe[k] = in[k] - e1 * p->dir[k];
        n += pe[k] * pe[k];
    }
    n = sqrt(n);
    for (int k = 0; k < 3; k++) pe[k] /= n;
    transport_push(t, SP_ELECTRON, p->pos, pe, e - e1);
    transport_push(t, SP_GAMMA, p->pos, p->dir, e1);
}

/* Tracks a charged particle and handles how its track ends. */
static void charged_run(transport *t, const physics *ph, const gsl_rng *r, particle *p)
{
    enum fate f = transport_track(t, ph, r, p);
    if (f == FATE_LEFT) return;
    /* Annihilation photons stay on the positron's track (electromagnetic); whatever else ends a track is
       a nuclear or decay product, a new Geant4 track. */
    if (p->sp != SP_POSITRON) transport_attribute_products(t);
    switch (p->sp) {
    case SP_POSITRON: {
        /* Annihilation at rest: two back-to-back 511 keV photons. */
        double g[4] = {M_ELECTRON, 0, 0, 0};
        gsl_ran_dir_3d(r, &g[1], &g[2], &g[3]);
        for (int k = 1; k < 4; k++) g[k] *= M_ELECTRON;
        push_photon(t, p->pos, g);
        for (int k = 1; k < 4; k++) g[k] = -g[k];
        push_photon(t, p->pos, g);
        break;
    }
    case SP_MUON_MINUS: case SP_MUON_PLUS: muon_at_rest(t, r, p); break;
    case SP_PION_PLUS: case SP_PION_MINUS:
        if (f == FATE_STOPPED) pion_at_rest(t, ph, r, p);
        else pion_interact(t, ph, r, p);
        break;
    case SP_PROTON:
        if (f == FATE_INTERACTED) proton_interact(t, ph, r, p);
        break;
    default: break;
    }
}

/* Returns 1 if DUNE's labelling counts a final-state particle of species sp (p, n, pi+-, pi0). */
static int is_counted(enum species sp)
{
    return sp == SP_PROTON || sp == SP_NEUTRON || sp == SP_PION_PLUS || sp == SP_PION_MINUS || sp == SP_PION_ZERO;
}

/* Pushes final-state particle k of p on t's stack, owning itself if DUNE counts its species, and heir
   of its products if it is neutral (DUNE adds its direct daughters' SimIDEs). */
static void push_final_state(transport *t, const particle *p, int k)
{
    transport_push(t, p[k].sp, p[k].pos, p[k].dir, p[k].t);
    particle *q = &t->stack[t->n_stack - 1];
    q->owner = is_counted(p[k].sp) ? (short)k : -1;
    q->heir = p[k].sp == SP_PION_ZERO || p[k].sp == SP_NEUTRON ? (short)k : -1;
}

void transport_run(transport *t, const physics *ph, const gsl_rng *r, const particle *p, int n)
{
    for (int k = n - 1; k >= 0; k--) push_final_state(t, p, k);
    while (t->n_stack > 0) {
        particle cur = t->stack[--t->n_stack];
        t->owner = cur.owner;
        t->heir = cur.heir;
        switch (cur.sp) {
        case SP_GAMMA: photon_interact(t, ph, r, &cur); break;
        case SP_PION_ZERO: transport_decay_pi0(t, r, &cur); break;
        case SP_NEUTRON: transport_neutron(t, ph, r, &cur); break;
        case SP_NEUTRINO: t->invisible += species_budget(cur.sp, cur.t); break;
        default: charged_run(t, ph, r, &cur); break;
        }
    }
}
