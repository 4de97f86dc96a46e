#include "sim/resonance.h"

#include <math.h>

#include "sim/kinematics.h"
#include "sim/sim_constants.h"

typedef struct {
    const char *name;
    double mass, width; /* GeV */
    int l, n;           /* N pi orbital angular momentum; FKR oscillator index */
    double norm;        /* Breit-Wigner norm */
    int delta;          /* isospin 3/2 */
} resonance_data;

static const resonance_data table[RES_COUNT] = RES_TABLE;

/* The helicity amplitudes of one resonance for one current, in the Rein-Sehgal form every resonance of
   the model takes: f(-+1) = t1 L^pt T(-+) + r1 L^pr R(-+), f(-+3) the same with t3, r3, and the scalar
   pair f(0-+) = -+a + b (or +-a + b, which gives the same sum of squares) with a = s (1 - ss xi) L^ps S,
   b = c (L^ps C - bk L^(ps-1) B); for NC, T(-+) and R(-+) are shifted by ts xi T and rs xi R
   (xi = sin^2 theta_W). Coefficients read from Rein and Sehgal's tables as GENIE's RSHelicityAmplModelCC,
   NCp and NCn evaluate them; the overall sign of each amplitude drops out of the cross-section. */
typedef struct {
    double t1, r1, t3, r3, s, c, ts, rs, ss;
} amplitudes;

/* Powers of the FKR Lambda on the T, R and scalar terms, and the B multiple bk, per resonance. */
static const struct { int pt, pr, ps; double bk; } powers[RES_COUNT] = {
    {0, 0, 0, 0}, {0, 1, 1, 3}, {0, 1, 1, 0}, {0, 1, 1, 3}, {0, 1, 1, 0}, {0, 1, 1, 0},
    {0, 1, 1, 3}, {0, 1, 1, 0}, {0, 2, 2, 2}, {0, 2, 2, 2}, {1, 2, 2, 5}, {1, 2, 2, 0},
    {0, 2, 2, 5}, {0, 2, 2, 5}, {0, 2, 2, 0}, {0, 2, 2, 0}, {0, 2, 2, 2}, {0, 2, 2, 0}};

#define R2 1.4142135623730951
#define R3 1.7320508075688772
#define R6 2.449489742783178

static const amplitudes cc[RES_COUNT] = {
    /* P33(1232) */ {0, R2, 0, R6, 0, 2 * R2, 0, 0, 0},
    /* S11(1535) */ {2 * R3, 4 / R6, 0, 0, R6, 2 * 0.816496580927726, 0, 0, 0},
    /* D13(1520) */ {R6, -4 / R3, 6 / R2, 0, 2 * R3, 4 / R3, 0, 0, 0},
    /* S11(1650) */ {0, 1 / R6, 0, 0, 0, 0.816496580927726, 0, 0, 0},
    /* D13(1700) */ {0, 0.18257418583505536, 0, 0.9486832980505138, 0, 0.3651483716701107, 0, 0, 0},
    /* D15(1675) */ {0, 0.5477225575051661, 0, 0.7745966692414834, 0, 1.0954451150103321, 0, 0, 0},
    /* S31(1620) */ {-R3, 1 / R6, 0, 0, 1.224744871391589, 1 / R6, 0, 0, 0},
    /* D33(1700) */ {-1.224744871391589, -1 / R3, -3 / R2, 0, R3, 1 / R3, 0, 0, 0},
    /* P11(1440) */ {0, 5 * R3 / 6, 0, 0, R3 / 2, 5 * R3 / 6, 0, 0, 0},
    /* P33(1600) */ {0, 1 / R6, 0, 1 / R2, 0, 0.816496580927726, 0, 0, 0},
    /* P13(1720) */ {-1.6431676725154984, -1.2909944487358056, 0.9486832980505138, 0, 0.7745966692414834, 1.2909944487358056, 0, 0, 0},
    /* F15(1680) */ {-1.3416407864998738, 1.5811388300841898, -1.8973665961010275, 0, 0.9486832980505138, 1.5811388300841898, 0, 0, 0},
    /* P31(1910) */ {0, 0.2581988897471611, 0, 0, 0, 0.5163977794943222, 0, 0, 0},
    /* P33(1920) */ {0, 0.2581988897471611, 0, 0.4472135954999579, 0, 0.5163977794943222, 0, 0, 0},
    /* F35(1905) */ {0, 0.1690308509457033, 0, 0.7171371656006361, 0, 0.3380617018914066, 0, 0, 0},
    /* F37(1950) */ {0, 0.4140393356054125, 0, 0.5345224838248488, 0, 0.828078671210825, 0, 0, 0},
    /* P11(1710) */ {0, 0.816496580927726, 0, 0, 1.224744871391589, 0.816496580927726, 0, 0, 0},
    /* F17(1970) */ {0, 0.29277002188455997, 0, 0.3779644730092272, 0, 0.41403933560541256, 0, 0, 0}};

static const amplitudes nc_proton[RES_COUNT] = {
    /* P33(1232) */ {0, R2, 0, R6, 0, 2 * R2, 0, 2, 0},
    /* S11(1535) */ {R3, 0.816496580927726, 0, 0, 1.224744871391589, 0.816496580927726, 2, 3, 2},
    /* D13(1520) */ {1.224744871391589, -2 / R3, 3 / R2, 0, R3, 2 / R3, 2, 3, 2},
    /* S11(1650) */ {0, 0.2041241452319315, 0, 0, 0, 1 / R6, 0, 0, 0},
    /* D13(1700) */ {0, 0.09128709291752768, 0, 0.4743416490252569, 0, 0.18257418583505536, 0, 0, 0},
    /* D15(1675) */ {0, 0.27386127875258304, 0, 0.3872983346207417, 0, 0.5477225575051661, 0, 0, 0},
    /* S31(1620) */ {R3, -1 / R6, 0, 0, 1.224744871391589, 1 / R6, 2, 2, 2},
    /* D33(1700) */ {1.224744871391589, 1 / R3, 3 / R2, 0, R3, 1 / R3, 2, 2, 2},
    /* P11(1440) */ {0, 5 * R3 / 12, 0, 0, R3 / 4, 5 * R3 / 12, 0, 12.0 / 5, 4},
    /* P33(1600) */ {0, 1 / R6, 0, 1 / R2, 0, 0.816496580927726, 0, 2, 0},
    /* P13(1720) */ {0.8215838362577492, 0.6454972243679028, 0.4743416490252569, 0, 0.3872983346207417, 0.6454972243679028, 4, 12.0 / 5, 4},
    /* F15(1680) */ {-0.6708203932499369, 0.7905694150420949, 0.9486832980505138, 0, 0.4743416490252569, 0.7905694150420949, 4, 12.0 / 5, 4},
    /* P31(1910) */ {0, 0.2581988897471611, 0, 0, 0, 0.5163977794943222, 0, 2, 0},
    /* P33(1920) */ {0, 0.2581988897471611, 0, 0.4472135954999579, 0, 0.5163977794943222, 0, 2, 0},
    /* F35(1905) */ {0, 0.1690308509457033, 0, 0.7171371656006361, 0, 0.3380617018914066, 0, 2, 0},
    /* F37(1950) */ {0, 0.4140393356054125, 0, 0.5345224838248488, 0, 0.828078671210825, 0, 2, 0},
    /* P11(1710) */ {0, 1 / R6, 0, 0, 0.6123724356957945, 1 / R6, 0, 3, 2},
    /* F17(1970) */ {0, 0, 0, 0, 0, 0, 0, 0, 0}};

static const amplitudes nc_neutron[RES_COUNT] = {
    /* P33(1232) */ {0, R2, 0, R6, 0, 2 * R2, 0, 2, 0},
    /* S11(1535) */ {R3, 0.816496580927726, 0, 0, 1.224744871391589, 0.816496580927726, 2, 1, 2},
    /* D13(1520) */ {1.224744871391589, -2 / R3, 3 / R2, 0, R3, 2 / R3, 2, 1, 2},
    /* S11(1650) */ {0, 0.2041241452319315, 0, 0, 0, 1 / R6, 0, 4, 0},
    /* D13(1700) */ {0, 0.09128709291752768, 0, 0.4743416490252569, 0, 0.18257418583505536, 0, 4, 0},
    /* D15(1675) */ {0, 0.27386127875258304, 0, 0.3872983346207417, 0, 0.5477225575051661, 0, 4, 0},
    /* S31(1620) */ {R3, -1 / R6, 0, 0, 1.224744871391589, 1 / R6, 2, 2, 2},
    /* D33(1700) */ {1.224744871391589, 1 / R3, 3 / R2, 0, R3, 1 / R3, 2, 2, 2},
    /* P11(1440) */ {0, 5 * R3 / 12, 0, 0, R3 / 4, 5 * R3 / 12, 0, 8.0 / 5, 0},
    /* P33(1600) */ {0, 1 / R6, 0, 1 / R2, 0, 0.816496580927726, 0, 2, 0},
    /* P13(1720) */ {0.8215838362577492, 0.6454972243679028, 0.4743416490252569, 0, 0.3872983346207417, 0.6454972243679028, 0, 8.0 / 5, 0},
    /* F15(1680) */ {0.6708203932499369, -0.7905694150420949, 0.9486832980505138, 0, 0.4743416490252569, 0.7905694150420949, 0, 8.0 / 5, 0},
    /* P31(1910) */ {0, 0.2581988897471611, 0, 0, 0, 0.5163977794943222, 0, 2, 0},
    /* P33(1920) */ {0, 0.2581988897471611, 0, 0.4472135954999579, 0, 0.5163977794943222, 0, 2, 0},
    /* F35(1905) */ {0, 0.1690308509457033, 0, 0.7171371656006361, 0, 0.3380617018914066, 0, 2, 0},
    /* F37(1950) */ {0, 0.4140393356054125, 0, 0.5345224838248488, 0, 0.828078671210825, 0, 2, 0},
    /* P11(1710) */ {0, 1 / R6, 0, 0, 0.6123724356957945, 1 / R6, 0, 1, 2},
    /* F17(1970) */ {0, 0, 0, 0, 0, 0, 0, 0, 0}};

int resonance_is_delta(int k) { return table[k].delta; }
const char *resonance_name(int k) { return table[k].name; }

double resonance_w_limit(int k)
{
    const resonance_data *r = &table[k];
    double widths = r->n == 0 ? 6 : r->n == 2 ? 2 : 4;
    return 1e3 * (r->mass + widths * r->width);
}

/* Returns the Breit-Wigner density of resonance k at w (GeV), its width growing with the N pi decay
   momentum as p^(2L+1), divided by its norm. */
static double breit_wigner(const resonance_data *r, double w)
{
    double mn = M_NUCLEON * 1e-3, mpi = M_PION_ZERO * 1e-3;
    double at_w = (w * w - mn * mn - mpi * mpi) * (w * w - mn * mn - mpi * mpi) - 4 * mn * mn * mpi * mpi;
    double at_m = (r->mass * r->mass - mn * mn - mpi * mpi) * (r->mass * r->mass - mn * mn - mpi * mpi) -
                  4 * mn * mn * mpi * mpi;
    double pw = sqrt(fmax(at_w, 0)) / (2 * w), pm = sqrt(fmax(at_m, 0)) / (2 * r->mass);
    double g = r->width * pow(pw / pm, 2 * r->l + 1);
    return 0.5 / M_PI * (g / r->norm) / ((w - r->mass) * (w - r->mass) + 0.25 * g * g);
}

/* The FKR parameters of one oscillator index n at one (W, Q^2) point, and the lepton's helicity weights. */
typedef struct {
    double lam, tv, rv, s, ta, ra, b, c;
} fkr;

/* Writes the FKR parameters for oscillator index n at w, q2 (GeV, GeV^2) on a nucleon of mass m, with |q|
   = qv; the model's form factors are dipoles times (1 + Q^2/4M^2)^(1/2 - n). */
static void fkr_compute(int n, double m, double w, double q2, double qv, fkr *f)
{
    double go = pow(1 + q2 / (4 * m * m), 0.5 - n);
    double ma = RES_AXIAL_MASS * 1e-3, mv = RES_VECTOR_MASS * 1e-3;
    double gv = go / ((1 + q2 / (mv * mv)) * (1 + q2 / (mv * mv))), ga = go / ((1 + q2 / (ma * ma)) * (1 + q2 / (ma * ma)));
    double d = (w + m) * (w + m) + q2, s2o = sqrt(2 / RS_OMEGA), nomg = n * RS_OMEGA, mqw = m * qv / w;
    f->lam = s2o * mqw;
    f->tv = gv / (3 * w * s2o);
    f->rv = R2 * mqw * (w + m) * gv / d;
    f->s = (q2 / (qv * qv)) * (3 * w * m - q2 - m * m) * gv / (6 * m * m);
    f->ta = (2.0 / 3) * (RS_ZETA / s2o) * mqw * ga / d;
    f->ra = (R2 / 6) * RS_ZETA * (ga / w) * (w + m + 2 * nomg * w / d);
    f->b = RS_ZETA / (3 * w * s2o) * (1 + (w * w - m * m - q2) / d) * ga;
    f->c = RS_ZETA / (6 * qv) * (w * w - m * m + nomg * (w * w - m * m - q2) / d) * (ga / m);
}

/* Returns sigma_L, sigma_R and sigma_S of resonance k (without the common factor) from its amplitudes
   for the current (xi = sin^2 theta_W for NC, 0 for CC) and the FKR parameters f, into sig[3]. */
static void helicity_sums(int k, const amplitudes *a, double xi, const fkr *f, double sig[3])
{
    double lt = powers[k].pt ? f->lam : 1, lr = pow(f->lam, powers[k].pr);
    double tm = -(f->tv - f->ta) + a->ts * xi * f->tv, tp = -(f->tv + f->ta) + a->ts * xi * f->tv;
    double rm = -(f->rv - f->ra) + a->rs * xi * f->rv, rp = -(f->rv + f->ra) + a->rs * xi * f->rv;
    double m1 = a->t1 * lt * tm + a->r1 * lr * rm, p1 = a->t1 * lt * tp + a->r1 * lr * rp;
    double m3 = a->t3 * lt * tm + a->r3 * lr * rm, p3 = a->t3 * lt * tp + a->r3 * lr * rp;
    double lps = pow(f->lam, powers[k].ps), lps1 = powers[k].ps ? pow(f->lam, powers[k].ps - 1) : 0;
    double sa = a->s * (1 - a->ss * xi) * lps * f->s, sb = a->c * (lps * f->c - powers[k].bk * lps1 * f->b);
    sig[0] = p3 * p3 + p1 * p1;
    sig[1] = m3 * m3 + m1 * m1;
    sig[2] = 2 * (sa * sa + sb * sb);
}

double resonance_xsec_all(int current_cc, int target_proton, double enu, double w_mev, double q2_mev, double *x)
{
    double w = w_mev * 1e-3, q2 = q2_mev * 1e-6, m = M_NUCLEON * 1e-3, e = enu * 1e-3, sum = 0;
    for (int k = 0; k < RES_COUNT; k++) x[k] = 0;
    if (w_mev >= DIS_RES_WCUT || q2 <= 0) return 0;
    /* Kinematics on the nucleon at rest (GeV): energy transfer, |q|, the lepton's helicity weights. */
    double nu = (w * w - m * m + q2) / (2 * m), qv2 = nu * nu + q2, qv = sqrt(qv2), ep = e - nu;
    if (ep <= 0) return 0;
    double u = (e + ep + qv) / (2 * e), v = (e + ep - qv) / (2 * e);
    double sig0 = (q2 / qv2) * (w / m), lr_scale = w / m, s_scale = (m / w) * (qv2 / q2);
    double xi = current_cc ? 0 : SIN2_THETA_W;
    const amplitudes *set = current_cc ? cc : target_proton ? nc_proton : nc_neutron;
    fkr f[10];
    int have[10] = {0};
    for (int k = 0; k < RES_COUNT; k++) {
        const resonance_data *r = &table[k];
        if (current_cc && target_proton && !r->delta) continue; /* nu p -> l- X++: isospin 3/2 only */
        if (w_mev > resonance_w_limit(k)) continue;
        if (!have[r->n]) fkr_compute(r->n, m, w, q2, qv, &f[r->n]), have[r->n] = 1;
        double sig[3];
        helicity_sums(k, &set[k], xi, &f[r->n], sig);
        double xs = fmax(0, sig0 * (v * v * lr_scale * sig[1] + u * u * lr_scale * sig[0] + 2 * u * v * s_scale * sig[2]));
        if (current_cc && target_proton) xs *= 3; /* nu p -> Delta++: the isospin factor */
        x[k] = xs * breit_wigner(r, w);
        sum += x[k];
    }
    return sum;
}

/* ---- Decays ---- */

typedef struct {
    double br;
    int baryon, meson; /* PDG codes */
} decay_channel;

static const decay_channel channels[RES_COUNT][3][RES_DECAY_MAX] = RES_DECAY_TABLE;

/* Returns the number of channels in resonance k's list for charge q (0: it decays by isospin to N pi). */
static int channel_count(int k, int q)
{
    int n = 0;
    if (q < 0 || q > 2) return 0;
    while (n < RES_DECAY_MAX && channels[k][q][n].br > 0) n++;
    return n;
}

/* Returns the species of a nucleon, pion or photon PDG code, N_SPECIES for the others. */
static enum species pdg_species(int pdg)
{
    switch (pdg) {
    case 2212: return SP_PROTON;
    case 2112: return SP_NEUTRON;
    case 211: return SP_PION_PLUS;
    case -211: return SP_PION_MINUS;
    case 111: return SP_PION_ZERO;
    case 22: return SP_GAMMA;
    default: return N_SPECIES;
    }
}

/* Returns the mass GENIE gives a daughter of PDG code pdg in the decay (infinite for the Delta-, whose
   channels GENIE closes). */
static double pdg_mass(int pdg)
{
    switch (pdg) {
    case 221: return M_ETA;
    case 113: return M_RHO_ZERO_GENIE;
    case 213: case -213: return M_RHO_CHARGED_GENIE;
    case 2224: return M_DELTA_PP_GENIE;
    case 2214: return M_DELTA_P_GENIE;
    case 2114: return M_DELTA_0_GENIE;
    case 1114: return INFINITY;
    default: return species_mass(pdg_species(pdg));
    }
}

int resonance_decay_channels(int k, int charge, double w, double *share, int (*pdg)[2])
{
    int n = channel_count(k, charge);
    double sum = 0;
    for (int c = 0; c < n; c++) {
        const decay_channel *ch = &channels[k][charge][c];
        share[c] = pdg_mass(ch->baryon) + pdg_mass(ch->meson) < w ? ch->br : 0;
        sum += share[c];
        if (pdg) pdg[c][0] = ch->baryon, pdg[c][1] = ch->meson;
    }
    for (int c = 0; c < n; c++) share[c] = sum > 0 ? share[c] / sum : 0;
    return n;
}

/* Chooses the species of an isospin-3/2 resonance's decay N pi (charge q) by its Clebsch-Gordan weights
   (Delta+ -> p pi0 2/3, n pi+ 1/3; Delta0 -> n pi0 2/3, p pi- 1/3). */
static void delta_species(const gsl_rng *r, int q, enum species sp[2])
{
    int minor = gsl_rng_uniform(r) < 1.0 / 3; /* Delta+ -> n pi+, Delta0 -> p pi- */
    if (q >= 2) { sp[0] = SP_PROTON; sp[1] = SP_PION_PLUS; }
    else if (q == 1) { sp[0] = minor ? SP_NEUTRON : SP_PROTON; sp[1] = minor ? SP_PION_PLUS : SP_PION_ZERO; }
    else { sp[0] = minor ? SP_PROTON : SP_NEUTRON; sp[1] = minor ? SP_PION_MINUS : SP_PION_ZERO; }
}

/* Chooses the species of an isospin-1/2 resonance's decay N pi (charge q) by its Clebsch-Gordan weights
   (N+ -> n pi+ 2/3, p pi0 1/3; N0 -> p pi- 2/3, n pi0 1/3). */
static void nstar_species(const gsl_rng *r, int q, enum species sp[2])
{
    int major = gsl_rng_uniform(r) < 2.0 / 3;
    if (q >= 1) { sp[0] = major ? SP_NEUTRON : SP_PROTON; sp[1] = major ? SP_PION_PLUS : SP_PION_ZERO; }
    else { sp[0] = major ? SP_PROTON : SP_NEUTRON; sp[1] = major ? SP_PION_MINUS : SP_PION_ZERO; }
}

/* The products of one decay: those that go through the cascade, then those decayed after it. */
typedef struct {
    int n, n_late;
    enum species sp[RESONANCE_MAX_PRODUCTS], late_sp[RESONANCE_MAX_PRODUCTS];
    double p4[RESONANCE_MAX_PRODUCTS][4], late_p4[RESONANCE_MAX_PRODUCTS][4];
} products;

static void put(products *out, int late, enum species sp, const double p4[4])
{
    int *n = late ? &out->n_late : &out->n;
    (late ? out->late_sp : out->sp)[*n] = sp;
    for (int c = 0; c < 4; c++) (late ? out->late_p4 : out->p4)[*n][c] = p4[c];
    (*n)++;
}

/* Decays an eta of four-momentum p4 by its PDG branching ratios (sim_constants.h ETA_BR_*). */
static void eta_decay(const gsl_rng *r, const double p4[4], products *out)
{
    static const enum species modes[4][3] = {{SP_GAMMA, SP_GAMMA, N_SPECIES},
                                             {SP_PION_ZERO, SP_PION_ZERO, SP_PION_ZERO},
                                             {SP_PION_PLUS, SP_PION_MINUS, SP_PION_ZERO},
                                             {SP_PION_PLUS, SP_PION_MINUS, SP_GAMMA}};
    static const double br[4] = {ETA_BR_2GAMMA, ETA_BR_3PI0, ETA_BR_PIPIPI0, ETA_BR_PIPIGAMMA};
    double u = gsl_rng_uniform(r) * (br[0] + br[1] + br[2] + br[3]);
    int m = 0;
    while (m < 3 && u >= br[m]) u -= br[m++];
    int n = m == 0 ? 2 : 3;
    double mass[3], p[3][4];
    for (int i = 0; i < n; i++) mass[i] = species_mass(modes[m][i]);
    p4_decay_n(r, p4, mass, n, p); /* the eta outweighs its products in every mode */
    for (int i = 0; i < n; i++) put(out, 1, modes[m][i], p[i]);
}

/* Decays a daughter of PDG code pdg and four-momentum p4 into out: a Delta(1232) at once to N pi by
   isospin (GENIE decays it before its hadron transport, and nutl's P33(1232) decays so); an eta or rho
   after the cascade (GENIE's PYTHIA decays after transport); a nucleon, pion or photon as it is. */
static void daughter(const gsl_rng *r, int pdg, const double p4[4], products *out)
{
    if (pdg == 2224 || pdg == 2214 || pdg == 2114) {
        enum species sp[2];
        double a[4], b[4];
        delta_species(r, pdg == 2224 ? 2 : pdg == 2214 ? 1 : 0, sp);
        p4_decay_two(r, p4, species_mass(sp[0]), species_mass(sp[1]), a, b);
        put(out, 0, sp[0], a);
        put(out, 0, sp[1], b);
    } else if (pdg == 113 || pdg == 213 || pdg == -213) { /* rho0 -> pi+ pi-, rho+- -> pi+- pi0 */
        enum species s0 = pdg == 113 ? SP_PION_PLUS : pdg == 213 ? SP_PION_PLUS : SP_PION_MINUS;
        enum species s1 = pdg == 113 ? SP_PION_MINUS : SP_PION_ZERO;
        double a[4], b[4];
        p4_decay_two(r, p4, species_mass(s0), species_mass(s1), a, b);
        put(out, 1, s0, a);
        put(out, 1, s1, b);
    } else if (pdg == 221) {
        eta_decay(r, p4, out);
    } else {
        put(out, 0, pdg_species(pdg), p4);
    }
}

int resonance_decay(const gsl_rng *r, int k, int charge, const double had[4], enum species *sp, double (*p4)[4],
                    int *after_fsi, int *channel)
{
    int n = channel_count(k, charge);
    *after_fsi = 0;
    if (channel) *channel = -1;
    if (n == 0) { /* N pi by isospin, as nutl decayed every resonance before */
        double mass[2];
        if (table[k].delta) delta_species(r, charge, sp);
        else nstar_species(r, charge, sp);
        for (int i = 0; i < 2; i++) mass[i] = species_mass(sp[i]);
        return p4_decay_n(r, had, mass, 2, p4) ? 2 : 0;
    }
    double share[RES_DECAY_MAX], w = p4_mass(had);
    int pdg[RES_DECAY_MAX][2];
    resonance_decay_channels(k, charge, w, share, pdg);
    double u = gsl_rng_uniform(r), sum = 0;
    int c = -1;
    for (int i = 0; i < n; i++) {
        if (share[i] <= 0) continue;
        c = i;
        sum += share[i];
        if (u < sum) break;
    }
    if (c < 0) return 0; /* below every channel's threshold */
    if (channel) *channel = c;
    double a[4], b[4];
    p4_decay_two(r, had, pdg_mass(pdg[c][0]), pdg_mass(pdg[c][1]), a, b);
    products out = {0};
    daughter(r, pdg[c][0], a, &out);
    daughter(r, pdg[c][1], b, &out);
    for (int i = 0; i < out.n + out.n_late; i++) {
        int late = i >= out.n, j = late ? i - out.n : i;
        sp[i] = late ? out.late_sp[j] : out.sp[j];
        for (int e = 0; e < 4; e++) p4[i][e] = late ? out.late_p4[j][e] : out.p4[j][e];
    }
    *after_fsi = out.n_late;
    return out.n + out.n_late;
}
