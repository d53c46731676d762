#!/usr/bin/env python3
"""The general (direct) computation of `twostage limit gmm --method direct`, written in plain numpy.

It is the yardstick of docs/performance.md: the same Monte Carlo estimate of E||L(Z)||^2 = tr(V G) for the
Appendix K mixture (u_i = beta e_i, blocks (theta_i, b_i) proportional to (1/i) 1_{d+1}), computed the way a
numpy user would: vectorised per chunk of samples, the second moments by BLAS matrix products (X^T X),
the Fisher information from the full-space scores, the downstream features psi and the analytic Jacobian
J of docs/mixture-jacobian.md, G = E[JJ^T] - C^T Sigma_psi^+ C, V = F^-1, and a delete-one-group jackknife
over 20 groups. Random numbers differ from the Java streams, so the estimate agrees within Monte Carlo
error, not in its bits.

    python3 docs/bench/gmm_direct_numpy.py --K 4 --d 20 --beta 2 --fisher-samples 100000 --samples 1000000
"""
import argparse
import time

import numpy as np


def appendix_k(k, d, beta, theta_norm):
    u = np.zeros((k, d))
    u[np.arange(k), np.arange(k)] = beta
    c = theta_norm / np.sqrt((d + 1) * sum(1.0 / i**2 for i in range(1, k + 1)))
    scale = c / np.arange(1, k + 1)
    theta = np.repeat(scale[:, None], d, axis=1)
    return u, theta, scale.copy()


def softmax_rows(logits):
    logits = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def draw(rng, u, n):
    k, d = u.shape
    return u[rng.integers(0, k, n)] + rng.standard_normal((n, d))


class Geometry:
    """Centred-mean subspace at the true centres: mean, basis B (d x r), h_j = S^+ c_j, P_perp theta."""

    def __init__(self, u, theta):
        self.k, self.d = u.shape
        self.mean = u.mean(axis=0)
        c = u - self.mean
        s = c.T @ c
        lam, vec = np.linalg.eigh(s)
        order = np.argsort(lam)[::-1]
        lam, vec = lam[order], vec[:, order]
        self.r = int(np.sum(lam > 1e-10 * lam[0]))
        self.basis = vec[:, : self.r]
        self.centre_coords = u @ self.basis
        self.theta_coords = theta @ self.basis
        self.h = (c @ self.basis / lam[: self.r]) @ self.basis.T
        self.h_coords = self.h @ self.basis
        perp_theta = theta - theta @ self.basis @ self.basis.T
        q, rr = np.linalg.qr(perp_theta.T)
        keep = np.abs(np.diag(rr)) > 1e-12 * max(np.abs(perp_theta).max(), 1e-300) * np.sqrt(self.d)
        self.perp_basis = q[:, keep].T
        self.perp_theta_coords = perp_theta @ self.perp_basis.T
        self.centred_dot_h = c @ self.h.T
        self.theta_dot_h = theta @ self.h.T
        self.centre_dot_h = u @ self.h.T
        self.mean_coords = self.mean @ self.basis


def fisher_scores(u, x):
    half = 0.5 * np.sum(u * u, axis=1)
    rho = softmax_rows(x @ u.T - half)
    return -(rho[:, :, None] * (x[:, None, :] - u[None, :, :])).reshape(len(x), -1)


def features_and_jacobian(g, bias, x):
    """Rows [psi(x), J(x)] (n x (p + q)): features psi (eq. 6.4) and the analytic Jacobian J."""
    n = len(x)
    k, r, d = g.k, g.r, g.d
    z = x @ g.basis
    half = 0.5 * np.sum(g.centre_coords**2, axis=1)
    pi = softmax_rows(z @ g.centre_coords.T - half)
    diff = z[:, None, :] - g.centre_coords[None, :, :]
    out = np.empty((n, k * (r + 1) + k * d))
    feats = out[:, : k * (r + 1)].reshape(n, k, r + 1)
    feats[:, :, :r] = pi[:, :, None] * diff
    feats[:, :, r] = pi
    gi = (diff * g.theta_coords[None, :, :]).sum(axis=2) + bias
    f = np.sum(pi * gi, axis=1)
    w = pi * (gi - f[:, None])
    perp = (x - g.mean) - (z - g.mean_coords) @ g.basis.T
    hx = z @ g.h_coords.T
    pc = w @ g.centred_dot_h + pi @ g.theta_dot_h
    # coefficients of J_j on the fixed directions: basis columns (r) and the P_perp theta basis (s)
    coef_b = w[:, :, None] * diff - pi[:, :, None] * g.theta_coords[None, :, :]
    ci = pi[:, :, None] * (hx[:, None, :] - g.centre_dot_h[None, :, :])
    coef_p = np.swapaxes(ci, 1, 2).reshape(n * k, k) @ g.perp_theta_coords
    fixed = np.concatenate([coef_b.reshape(n * k, r), coef_p], axis=1)
    directions = np.concatenate([g.basis.T, g.perp_basis], axis=0)
    jac = out[:, k * (r + 1):].reshape(n, k, d)
    jac[:] = (fixed @ directions).reshape(n, k, d)
    jac += pc[:, :, None] * perp[:, None, :]
    return out


def interaction(fisher, sigma_psi, cross, jac_gram):
    v = np.linalg.inv(fisher)
    lam, vec = np.linalg.eigh(sigma_psi)
    keep = lam > 1e-9 * np.abs(lam).max()
    pinv = (vec[:, keep] / lam[keep]) @ vec[:, keep].T
    g = jac_gram - cross.T @ pinv @ cross
    return np.sum(v * g.T), v, g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--K", type=int, default=4)
    ap.add_argument("--d", type=int, default=20)
    ap.add_argument("--beta", type=float, default=2.0)
    ap.add_argument("--theta-norm", type=float, default=1.0)
    ap.add_argument("--fisher-samples", type=int, default=100000)
    ap.add_argument("--samples", type=int, default=1000000)
    ap.add_argument("--groups", type=int, default=20)
    ap.add_argument("--chunk", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    u, theta, bias = appendix_k(args.K, args.d, args.beta, args.theta_norm)
    geo = Geometry(u, theta)
    rng = np.random.default_rng(args.seed)
    groups = args.groups
    qdim = args.K * args.d
    pdim = args.K * (geo.r + 1)

    def grouped(total, body):
        counts = [total // groups + (g < total % groups) for g in range(groups)]
        sums = []
        for count in counts:
            acc = None
            for start in range(0, count, args.chunk):
                part = body(min(args.chunk, count - start))
                acc = part if acc is None else [a + b for a, b in zip(acc, part)]
            sums.append(acc)
        return np.array(counts, dtype=float), sums

    def fisher_block(n):
        s = fisher_scores(u, draw(rng, u, n))
        return [s.T @ s]

    def down_block(n):
        rows = features_and_jacobian(geo, bias, draw(rng, u, n))
        m = rows.T @ rows
        return [m[:pdim, :pdim], m[:pdim, pdim:], m[pdim:, pdim:]]

    fc, fsums = grouped(args.fisher_samples, fisher_block)
    dc, dsums = grouped(args.samples, down_block)

    def estimate(leave):
        fm = [sum(s[i] for g, s in enumerate(fsums) if g != leave) / (fc.sum() - (fc[leave] if leave >= 0 else 0))
              for i in range(1)]
        dn = dc.sum() - (dc[leave] if leave >= 0 else 0)
        dm = [sum(s[i] for g, s in enumerate(dsums) if g != leave) / dn for i in range(3)]
        return interaction(fm[0], dm[0], dm[1], dm[2])

    mean, v, g = estimate(-1)
    loo = np.array([estimate(g_)[0] for g_ in range(groups)])
    se = np.sqrt((groups - 1) / groups * np.sum((loo - loo.mean()) ** 2))
    vh_lam, vh_vec = np.linalg.eigh(v)
    vhalf = (vh_vec * np.sqrt(np.clip(vh_lam, 0, None))) @ vh_vec.T
    weights = np.clip(np.linalg.eigvalsh(vhalf @ g @ vhalf), 0, None)[::-1]
    print(f"E||L(Z)||^2 = {mean:.6g} +- {se:.2g} (q={qdim}, p={pdim}, "
          f"{args.fisher_samples} Fisher + {args.samples} downstream samples, largest weight {weights[0]:.6g}), "
          f"{time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
