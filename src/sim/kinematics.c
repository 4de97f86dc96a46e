#include "sim/kinematics.h"

#include <gsl/gsl_randist.h>
#include <math.h>

void dir_deflect(double d[3], double cos_theta, double phi)
{
    double st = sqrt(fmax(0, 1 - cos_theta * cos_theta)), cp = cos(phi), sp = sin(phi);
    /* An orthonormal pair (a, b) perpendicular to d. */
    double a[3];
    if (fabs(d[2]) < 0.9) { a[0] = -d[1]; a[1] = d[0]; a[2] = 0; }
    else { a[0] = 0; a[1] = -d[2]; a[2] = d[1]; }
    double na = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    for (int k = 0; k < 3; k++) a[k] /= na;
    double b[3] = {d[1] * a[2] - d[2] * a[1], d[2] * a[0] - d[0] * a[2], d[0] * a[1] - d[1] * a[0]};
    double n2 = 0;
    for (int k = 0; k < 3; k++) {
        d[k] = cos_theta * d[k] + st * (cp * a[k] + sp * b[k]);
        n2 += d[k] * d[k];
    }
    /* Renormalise so that rounding cannot accumulate over thousands of steps. */
    double n = sqrt(n2);
    for (int k = 0; k < 3; k++) d[k] /= n;
}

double p4_mass(const double p[4])
{
    double m2 = p[0] * p[0] - p[1] * p[1] - p[2] * p[2] - p[3] * p[3];
    return m2 > 0 ? sqrt(m2) : 0;
}

void p4_boost(const double frame[4], double p[4])
{
    double b[3] = {frame[1] / frame[0], frame[2] / frame[0], frame[3] / frame[0]};
    double b2 = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
    if (b2 <= 0) return;
    double g = 1 / sqrt(1 - b2), bp = b[0] * p[1] + b[1] * p[2] + b[2] * p[3];
    double g2 = (g - 1) / b2;
    for (int k = 0; k < 3; k++) p[k + 1] += g2 * bp * b[k] + g * b[k] * p[0];
    p[0] = g * (p[0] + bp);
}

void p4_decay_two(const gsl_rng *r, const double parent[4], double m1, double m2, double out1[4],
                  double out2[4])
{
    double m = p4_mass(parent);
    double arg = (m * m - (m1 + m2) * (m1 + m2)) * (m * m - (m1 - m2) * (m1 - m2));
    double p = arg > 0 ? sqrt(arg) / (2 * m) : 0;
    double d[3];
    gsl_ran_dir_3d(r, &d[0], &d[1], &d[2]);
    out1[0] = sqrt(p * p + m1 * m1);
    out2[0] = sqrt(p * p + m2 * m2);
    for (int k = 0; k < 3; k++) {
        out1[k + 1] = p * d[k];
        out2[k + 1] = -p * d[k];
    }
    p4_boost(parent, out1);
    p4_boost(parent, out2);
}

int p4_decay_n(const gsl_rng *r, const double parent[4], const double *mass, int n, double (*out)[4])
{
    double rest = 0;
    for (int k = 0; k < n; k++) rest += mass[k];
    if (p4_mass(parent) <= rest) return 0;
    double cur[4] = {parent[0], parent[1], parent[2], parent[3]};
    for (int k = 0; k < n - 1; k++) {
        rest -= mass[k];
        double m = p4_mass(cur);
        /* The remaining system's mass lies between the sum of its masses and what mass[k] leaves. */
        double mrest = k == n - 2 ? mass[n - 1] : rest + gsl_rng_uniform(r) * (m - mass[k] - rest);
        double next[4];
        p4_decay_two(r, cur, mass[k], mrest, out[k], next);
        for (int c = 0; c < 4; c++) cur[c] = next[c];
    }
    for (int c = 0; c < 4; c++) out[n - 1][c] = cur[c];
    return 1;
}

/* Returns the momentum of either daughter of a two-body decay of mass m into masses m1 and m2 (0 if
   closed). */
static double two_body_momentum(double m, double m1, double m2)
{
    double arg = (m * m - (m1 + m2) * (m1 + m2)) * (m * m - (m1 - m2) * (m1 - m2));
    return arg > 0 ? sqrt(arg) / (2 * m) : 0;
}

/* Draws the masses of the subsystems {0..k}, k = 0..n-1, of an n-body decay of mass m by GENBOD's
   sorted uniforms into sub; returns the draw's phase-space weight, the product of the momenta. */
static double phase_space_masses(const gsl_rng *r, double m, const double *mass, int n, double *sub)
{
    double u[PHASE_SPACE_MAX], sum = 0, tecm = m;
    for (int k = 0; k < n; k++) tecm -= mass[k];
    u[0] = 0;
    for (int k = 1; k < n - 1; k++) { /* insertion: n - 2 sorted uniforms */
        double x = gsl_rng_uniform(r);
        int j = k;
        for (; j > 1 && u[j - 1] > x; j--) u[j] = u[j - 1];
        u[j] = x;
    }
    u[n - 1] = 1;
    double w = 1;
    for (int k = 0; k < n; k++) {
        sum += mass[k];
        sub[k] = u[k] * tecm + sum;
        if (k > 0) w *= two_body_momentum(sub[k], sub[k - 1], mass[k]);
    }
    return w;
}

int p4_decay_phase_space(const gsl_rng *r, const double parent[4], const double *mass, int n, int trials,
                         double margin, int max_tries, double (*out)[4])
{
    if (n < 2 || n > PHASE_SPACE_MAX) return 0;
    double rest = 0, m = p4_mass(parent), sub[PHASE_SPACE_MAX], wmax = 0;
    for (int k = 0; k < n; k++) rest += mass[k];
    if (m <= rest) return 0;
    for (int k = 0; k < trials; k++) wmax = fmax(wmax, phase_space_masses(r, m, mass, n, sub));
    wmax *= margin;
    for (int k = 0; k < max_tries; k++)
        if (phase_space_masses(r, m, mass, n, sub) >= wmax * gsl_rng_uniform(r)) break;
    /* From the top: the system {0..k} splits isotropically in its rest frame into {0..k-1} and k. */
    double cur[4] = {parent[0], parent[1], parent[2], parent[3]};
    for (int k = n - 1; k > 0; k--) {
        double next[4];
        p4_decay_two(r, cur, mass[k], sub[k - 1], out[k], next);
        for (int c = 0; c < 4; c++) cur[c] = next[c];
    }
    for (int c = 0; c < 4; c++) out[0][c] = cur[c];
    return 1;
}

void split_knock_out(const gsl_rng *r, const double dir[3], double q, double e[2], double d[2][3])
{
    double f = 0.05 + 0.9 * gsl_rng_uniform(r), phi = 2 * M_PI * gsl_rng_uniform(r);
    e[0] = f * q;
    e[1] = (1 - f) * q;
    for (int k = 0; k < 3; k++) d[0][k] = d[1][k] = dir[k];
    dir_deflect(d[0], sqrt(f), phi);
    dir_deflect(d[1], sqrt(1 - f), phi + M_PI);
}
