#!/usr/bin/env python3
"""The n + 40Ar spherical optical model behind the elastic angular distributions of sim_constants.h.

Potential: the Koning-Delaroche form (A.J. Koning, J.P. Delaroche, Nucl. Phys. A 713 (2003) 231, Eqs. 7-8:
Woods-Saxon volume, derivative surface absorption, spin-orbit with lambda_pi^2 = 2 fm^2) with the local
n + 40Ar parameters of TALYS's optical-model database (structure/optical/neutron/n-Ar.omp, set 1).
Solved by Numerov integration per partial wave (l, j), matched to Riccati-Bessel functions.

Prints, per lab energy E (MeV): sigma_total, the shape-elastic and reaction cross-sections (barn), the
integral of the differential cross-section (a check of sigma_se), and the Legendre moments a_1..a_L
(centre of mass) of the shape-elastic angular distribution, normalised to sigma_se; with --c, the
N_ELASTIC_MU_SE and N_ELASTIC_MU_A rows of sim_constants.h (4 decimals, moments under 5e-5 dropped).
sim_constants.h's users add the compound-elastic part (the tabulated elastic less the shape elastic,
isotropic).
usage: dev/ar40-optical.py [--c] [E ...]   (default: the energies of N_ELASTIC_MU_E)"""
import sys

import numpy as np

HBARC = 197.32698  # MeV fm (CODATA)
M_N = 939.56542  # MeV (PDG 2022)
M_AR40 = 39.9623831 * 931.49410  # MeV: AME2020 atomic mass (electrons' mass and binding ignored, 1e-5)
A = 40
LAMBDA_PI2 = 2.0  # fm^2, (hbar / m_pi c)^2 of the spin-orbit term (Koning-Delaroche)

# TALYS n-Ar.omp set 1: Ef; rv av v1 v2 v3 w1 w2; rd ad d1 d2 d3; rso aso vso1 vso2 wso1 wso2
EF = -7.98
RV, AV, V1, V2, V3, W1, W2 = 1.188, 0.670, 56.4, 0.0072, 0.000019, 12.5, 76.0
RD, AD, D1, D2, D3 = 1.290, 0.543, 12.4, 0.0220, 12.50
RSO, ASO, VSO1, VSO2, WSO1, WSO2 = 1.010, 0.580, 6.1, 0.0040, -3.1, 160.0
V4 = 7.0e-9  # Koning-Delaroche global v4 (the local file gives none)

DEFAULT_E = [0.001, 0.01, 0.03, 0.1, 0.2, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 14, 17, 20]


def depths(e):
    """Returns the energy-dependent depths (MeV) VV, WV, WD, VSO, WSO at lab energy e."""
    d = e - EF
    vv = V1 * (1 - V2 * d + V3 * d**2 - V4 * d**3)
    wv = W1 * d**2 / (d**2 + W2**2)
    wd = D1 * d**2 * np.exp(-D2 * d) / (d**2 + D3**2)
    vso = VSO1 * np.exp(-VSO2 * d)
    wso = WSO1 * d**2 / (d**2 + WSO2**2)
    return vv, wv, wd, vso, wso


def woods_saxon(r, radius, a):
    return 1.0 / (1.0 + np.exp((r - radius) / a))


def potential(r, e, ls):
    """Returns U(r) (MeV, complex) for spin-orbit factor ls = 2 l.s (l or -(l+1))."""
    vv, wv, wd, vso, wso = depths(e)
    a13 = A ** (1 / 3)
    fv = woods_saxon(r, RV * a13, AV)
    xd = np.exp((r - RD * a13) / AD)
    dfd = -xd / (AD * (1 + xd) ** 2)  # d/dr of the surface Woods-Saxon
    xs = np.exp((r - RSO * a13) / ASO)
    dfs = -xs / (ASO * (1 + xs) ** 2)
    u = -(vv + 1j * wv) * fv + 4j * AD * wd * dfd
    u += LAMBDA_PI2 * (vso + 1j * wso) * dfs / r * ls
    return u


def riccati(lmax, x):
    """Returns Riccati-Bessel F_l = x j_l(x) and G_l = -x y_l(x), l = 0..lmax, at x > 0."""
    g = np.zeros(lmax + 1)
    g[0] = np.cos(x)
    if lmax > 0:
        g[1] = np.cos(x) / x + np.sin(x)
    for l in range(1, lmax):
        g[l + 1] = (2 * l + 1) / x * g[l] - g[l - 1]
    top = lmax + 40 + int(x)  # downward recurrence (Miller), normalised on F_0 = sin x
    f = np.zeros(top + 2)
    f[top + 1], f[top] = 0.0, 1e-30
    for l in range(top, 0, -1):
        f[l - 1] = (2 * l + 1) / x * f[l] - f[l + 1]
    f *= np.sin(x) / f[0] if abs(np.sin(x)) > 1e-3 else (np.sin(x) / x - np.cos(x)) / f[1]
    return f[: lmax + 1], g


def s_matrix(e, l, ls, k, mu):
    """Returns S_lj at lab energy e by Numerov integration out to 20 fm."""
    h, rmax = 0.02, 20.0
    r = np.arange(h, rmax + 2 * h, h)
    q = k**2 - 2 * mu / HBARC**2 * potential(r, e, ls) - l * (l + 1) / r**2
    u = np.zeros(len(r), dtype=complex)
    u[0], u[1] = h ** (l + 1), (2 * h) ** (l + 1)
    c = h**2 / 12
    for i in range(1, len(r) - 1):
        u[i + 1] = (2 * u[i] * (1 - 5 * c * q[i]) - u[i - 1] * (1 + c * q[i - 1])) / (1 + c * q[i + 1])
        if abs(u[i + 1]) > 1e100:
            u[: i + 2] *= 1e-100
    i1, i2 = len(r) - 6, len(r) - 1
    f1, g1 = riccati(l, k * r[i1])
    f2, g2 = riccati(l, k * r[i2])
    hp1, hm1 = g1[l] + 1j * f1[l], g1[l] - 1j * f1[l]
    hp2, hm2 = g2[l] + 1j * f2[l], g2[l] - 1j * f2[l]
    return (u[i2] * hm1 - u[i1] * hm2) / (u[i2] * hp1 - u[i1] * hp2)


def legendre_all(lmax, x):
    """Returns P_l(x) and P_l^1(x) (no Condon-Shortley phase), l = 0..lmax, on array x."""
    p = np.zeros((lmax + 1, len(x)))
    p1 = np.zeros((lmax + 1, len(x)))
    p[0] = 1
    if lmax > 0:
        p[1] = x
    for l in range(1, lmax):
        p[l + 1] = ((2 * l + 1) * x * p[l] - l * p[l - 1]) / (l + 1)
    s = np.sqrt(1 - x * x)  # Gauss-Legendre nodes never reach +-1
    for l in range(1, lmax + 1):
        p1[l] = l * (p[l - 1] - x * p[l]) / s
    return p, p1


def solve(e):
    """Returns (sigma_se, sigma_r, moments a_0..a_L of the shape-elastic distribution) at lab energy e."""
    mu = M_N * M_AR40 / (M_N + M_AR40)
    ecm = e * M_AR40 / (M_N + M_AR40)
    k = np.sqrt(2 * mu * ecm) / HBARC
    sp, sm = [], []
    for l in range(60):
        s_plus = s_matrix(e, l, l, k, mu)
        s_minus = s_matrix(e, l, -(l + 1), k, mu) if l > 0 else 1.0
        sp.append(s_plus)
        sm.append(s_minus)
        if l > 3 and abs(1 - s_plus) < 1e-9 and abs(1 - s_minus) < 1e-9:
            break
    lmax = len(sp) - 1
    sp, sm = np.array(sp), np.array(sm)
    ls = np.arange(lmax + 1)
    fm2_to_b = 0.01
    sig_se = np.pi / k**2 * np.sum((ls + 1) * abs(1 - sp) ** 2 + ls * abs(1 - sm) ** 2) * fm2_to_b
    sig_r = np.pi / k**2 * np.sum((ls + 1) * (1 - abs(sp) ** 2) + ls * (1 - abs(sm) ** 2)) * fm2_to_b
    x, w = np.polynomial.legendre.leggauss(2 * lmax + 8)
    p, p1 = legendre_all(lmax, x)
    amp_a = ((ls + 1) * (sp - 1) + ls * (sm - 1)) @ p / (2j * k)
    amp_b = (sp - sm) @ p1 / (2j * k)
    dsig = (abs(amp_a) ** 2 + abs(amp_b) ** 2) * fm2_to_b  # b/sr
    total = 2 * np.pi * np.sum(w * dsig)
    pl, _ = legendre_all(2 * lmax, x)
    moments = (pl * (w * dsig)).sum(axis=1) / np.sum(w * dsig)
    return sig_se, sig_r, total, moments


def print_table(energies):
    """Prints, per energy, sigma_total, sigma_se, sigma_r, the integral check and a_1 .. a_L."""
    print("# E_MeV sigma_total_b sigma_se_b sigma_r_b (check: integral of dsigma/dOmega) a_1 .. a_L")
    for e in energies:
        se, r, integral, a = solve(e)
        print(f"{e:g} {se + r:.4f} {se:.4f} {r:.4f} ({integral:.4f}) " + " ".join(f"{v:.5f}" for v in a[1:]))


def print_c_rows(energies):
    """Prints the sigma_se list and one moment row per energy, as sim_constants.h holds them."""
    results = [solve(e) for e in energies]
    print("{" + ", ".join(f"{se:.4f}" for se, _, _, _ in results) + "}")
    for e, (_, _, _, a) in zip(energies, results):
        kept = [v if abs(v) >= 5e-5 else 0.0 for v in a[1:]]
        last = max([i + 1 for i, v in enumerate(kept) if v != 0] + [0])
        print("{" + ", ".join(f"{v:.4f}" for v in kept[:last]) + f"}}, /* {e:g} MeV */")


if __name__ == "__main__":
    args = sys.argv[1:]
    c_rows = "--c" in args
    energies = [float(a) for a in args if a != "--c"] or DEFAULT_E
    (print_c_rows if c_rows else print_table)(energies)
