package twostage.models.spectral;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Accumulate;

/**
 * Sufficient statistics of the empirical spectral loss (1/m)Σ ℓ(A; z_j). For symmetric M = AᵀA,
 * (1/m)Σ ℓ = −2⟨M, Ŝ⁺⟩ + vech(M)ᵀ F̂ vech(M) with the symmetrised cross-covariance
 * Ŝ⁺ = (1/m)Σ sym(x x⁺ᵀ) and the fourth-moment matrix F̂ = (1/m)Σ u uᵀ of u = vech-coordinates of
 * x x⁻ᵀ (u_bb = x_b x⁻_b, u_bc = x_b x⁻_c + x_c x⁻_b for b &lt; c), so that ⟨M, x x⁻ᵀ⟩ = vech(M)·u.
 * F̂ is the d²×d² matrix (1/m)Σ vec(xx⁻ᵀ)vec(xx⁻ᵀ)ᵀ folded onto symmetric M (size d(d+1)/2). Also
 * kept: Σ̂ = (1/2m)Σ(xxᵀ + x⁻x⁻ᵀ), used only to start the optimiser.
 *
 * @param count m, the number of triples
 * @param cross Ŝ⁺ (d×d, symmetric)
 * @param second Σ̂ (d×d)
 * @param quartic F̂ (d(d+1)/2 square, symmetric)
 */
public record SpectralStatistics(long count, DMatrixRMaj cross, DMatrixRMaj second, DMatrixRMaj quartic) {

  private static final int BLOCK = 256;

  /** One pass over m fresh triples z_j ~ µ_pre drawn from {@code rng}; memory independent of m. */
  public static SpectralStatistics sample(SpectralInstance inst, long m, UniformRandomProvider rng) {
    if (m < 1) {
      throw new IllegalArgumentException("m must be ≥ 1, got " + m);
    }
    int d = inst.dimension();
    int nv = d * (d + 1) / 2;
    GaussianTriples triples = new GaussianTriples(inst);
    ZigguratSampler.NormalizedGaussian g = GaussianTriples.gaussian(rng);
    double[] xs = new double[BLOCK * d];
    double[] xps = new double[BLOCK * d];
    double[] xms = new double[BLOCK * d];
    double[] us = new double[BLOCK * nv];
    double[] x = new double[d];
    double[] xp = new double[d];
    double[] xm = new double[d];
    double[] scratch = new double[2 * d];
    double[] crossSum = new double[d * d];
    double[] secondSum = new double[d * d];
    double[] quarticSum = new double[nv * nv];
    for (long done = 0; done < m; ) {
      int b = (int) Math.min(BLOCK, m - done);
      for (int r = 0; r < b; r++) {
        triples.triple(g, scratch, x, xp, xm);
        System.arraycopy(x, 0, xs, r * d, d);
        System.arraycopy(xp, 0, xps, r * d, d);
        System.arraycopy(xm, 0, xms, r * d, d);
        int o = r * nv;
        int idx = 0;
        for (int i = 0; i < d; i++) {
          us[o + idx++] = x[i] * xm[i];
          for (int j = i + 1; j < d; j++) {
            us[o + idx++] = x[i] * xm[j] + x[j] * xm[i];
          }
        }
      }
      Accumulate.cross(xs, d, xps, d, b, crossSum);
      Accumulate.gramLower(xs, b, d, secondSum);
      Accumulate.gramLower(xms, b, d, secondSum);
      Accumulate.gramLower(us, b, nv, quarticSum);
      done += b;
    }
    DMatrixRMaj cross = new DMatrixRMaj(d, d);
    DMatrixRMaj second = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        cross.set(i, j, 0.5 * (crossSum[i * d + j] + crossSum[j * d + i]) / m);
        double s = i >= j ? secondSum[i * d + j] : secondSum[j * d + i];
        second.set(i, j, s / (2.0 * m));
      }
    }
    DMatrixRMaj quartic = new DMatrixRMaj(nv, nv);
    for (int i = 0; i < nv; i++) {
      for (int j = 0; j < nv; j++) {
        double s = i >= j ? quarticSum[i * nv + j] : quarticSum[j * nv + i];
        quartic.set(i, j, s / m);
      }
    }
    return new SpectralStatistics(m, cross, second, quartic);
  }

  /** The population values (m = ∞): Ŝ⁺ = Σ⁺pre, Σ̂ = Σpre, F̂ = E[uuᵀ] with E[x_bx⁻_c x_b'x⁻_c'] = Σ_bb'Σ_cc'. */
  public static SpectralStatistics population(SpectralInstance inst) {
    int d = inst.dimension();
    int nv = d * (d + 1) / 2;
    DMatrixRMaj s = inst.sigmaPreMatrix();
    int[][] pairs = vechPairs(d);
    DMatrixRMaj quartic = new DMatrixRMaj(nv, nv);
    for (int u = 0; u < nv; u++) {
      for (int v = 0; v < nv; v++) {
        double t = 0;
        for (int[] p : orderings(pairs[u])) {
          for (int[] r : orderings(pairs[v])) {
            t += s.get(p[0], r[0]) * s.get(p[1], r[1]);
          }
        }
        quartic.set(u, v, t);
      }
    }
    return new SpectralStatistics(Long.MAX_VALUE, inst.sigmaPlusMatrix(), s, quartic);
  }

  /** d. */
  public int dimension() {
    return cross.numRows;
  }

  /** (b, c), b ≤ c, in vech order. */
  static int[][] vechPairs(int d) {
    int[][] out = new int[d * (d + 1) / 2][];
    int idx = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        out[idx++] = new int[] {i, j};
      }
    }
    return out;
  }

  private static int[][] orderings(int[] p) {
    return p[0] == p[1] ? new int[][] {p} : new int[][] {p, {p[1], p[0]}};
  }
}
