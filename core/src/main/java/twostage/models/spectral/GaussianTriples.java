package twostage.models.spectral;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Sym;

/**
 * Draws pre-training triples z = (x, x⁺, x⁻): (x, x⁺) ~ N(0, [[Σpre, Σ⁺],[Σ⁺, Σpre]]) through a symmetric
 * square root of the joint covariance (it may be singular, e.g. Σ⁺₁₁ = Σpre₁₁ in Corollary 6.3), and
 * x⁻ ~ N(0, Σpre) independent. Also draws downstream x ~ N(0, Σdown). Immutable and thread-safe; each
 * caller brings its own generator.
 */
final class GaussianTriples {
  private final int d;
  private final double[] pairRoot; // 2d×2d row-major
  private final double[] preRoot; // d×d
  private final double[] downRoot; // d×d

  GaussianTriples(SpectralInstance inst) {
    d = inst.dimension();
    double[][] pre = inst.sigmaPre();
    double[][] plus = inst.sigmaPlus();
    DMatrixRMaj joint = new DMatrixRMaj(2 * d, 2 * d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        joint.set(i, j, pre[i][j]);
        joint.set(d + i, d + j, pre[i][j]);
        joint.set(i, d + j, plus[i][j]);
        joint.set(d + i, j, plus[j][i]);
      }
    }
    pairRoot = Sym.sqrtPsd(joint).data.clone();
    preRoot = Sym.sqrtPsd(inst.sigmaPreMatrix()).data.clone();
    downRoot = Sym.sqrtPsd(inst.sigmaDownMatrix()).data.clone();
  }

  /** A standard Gaussian source for {@code rng}. */
  static ZigguratSampler.NormalizedGaussian gaussian(UniformRandomProvider rng) {
    return ZigguratSampler.NormalizedGaussian.of(rng);
  }

  /** Fills x, x⁺, x⁻ (length d each); {@code scratch} has length ≥ 2d. */
  void triple(ZigguratSampler.NormalizedGaussian g, double[] scratch, double[] x, double[] xp, double[] xm) {
    int n = 2 * d;
    for (int i = 0; i < n; i++) {
      scratch[i] = g.sample();
    }
    for (int i = 0; i < d; i++) {
      double s = 0;
      double t = 0;
      int r = i * n;
      int r2 = (d + i) * n;
      for (int j = 0; j < n; j++) {
        s += pairRoot[r + j] * scratch[j];
        t += pairRoot[r2 + j] * scratch[j];
      }
      x[i] = s;
      xp[i] = t;
    }
    gaussianVector(g, preRoot, scratch, xm);
  }

  /** Fills x ~ N(0, Σdown). */
  void downstream(ZigguratSampler.NormalizedGaussian g, double[] scratch, double[] x) {
    gaussianVector(g, downRoot, scratch, x);
  }

  private void gaussianVector(
      ZigguratSampler.NormalizedGaussian g, double[] root, double[] scratch, double[] out) {
    for (int i = 0; i < d; i++) {
      scratch[i] = g.sample();
    }
    for (int i = 0; i < d; i++) {
      double s = 0;
      int r = i * d;
      for (int j = 0; j < d; j++) {
        s += root[r + j] * scratch[j];
      }
      out[i] = s;
    }
  }
}
