package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.stats.Estimate;

/**
 * Linear learned features φ(x) = Wx and a linear target f⋆(x) = wᵀx under Gaussian x ~ N(0, Σ_x) (the
 * factor and spectral case studies). Then v = (Wx, wᵀx) ~ N(0, C) with C = [W; wᵀ] Σ_x [W; wᵀ]ᵀ, so:
 * Σ = E[φφᵀ] and E[f⋆φ] are blocks of C (exact); the design is n draws of v = C^{1/2}g (the same law as
 * n draws of x, at O((p+1)²) per point instead of O(pd)); and Rep = rᵀΣ_x r with r = w − Wᵀa (exact,
 * a residual, no cancellation).
 */
public final class LinearGaussianRepresentation implements LearnedRepresentation {
  private final DMatrixRMaj features;
  private final double[] target;
  private final DMatrixRMaj covariance;
  private final FitDiagnostics diagnostics;
  private final DMatrixRMaj joint;
  private final DMatrixRMaj jointSqrt;
  private final java.util.Map<String, Double> statistics;

  /**
   * @param features W (p×d)
   * @param target w (length d), f⋆(x) = wᵀx
   * @param covariance Σ_x (d×d) of the downstream x
   * @param diagnostics of the fit that produced W
   */
  public LinearGaussianRepresentation(
      DMatrixRMaj features, double[] target, DMatrixRMaj covariance, FitDiagnostics diagnostics) {
    this(features, target, covariance, diagnostics, java.util.Map.of());
  }

  /** As the four-argument constructor, with the fit's {@link #statistics()}. */
  public LinearGaussianRepresentation(
      DMatrixRMaj features, double[] target, DMatrixRMaj covariance, FitDiagnostics diagnostics,
      java.util.Map<String, Double> statistics) {
    int p = features.numRows;
    int d = features.numCols;
    if (target.length != d || covariance.numRows != d || covariance.numCols != d) {
      throw new IllegalArgumentException("W is " + p + "x" + d + ": need w of length d and a d×d Σ_x");
    }
    this.features = features.copy();
    this.target = target.clone();
    this.covariance = covariance.copy();
    this.diagnostics = diagnostics;
    this.statistics = java.util.Map.copyOf(statistics);
    DMatrixRMaj rowsT = new DMatrixRMaj(d, p + 1);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < p; j++) {
        rowsT.set(i, j, features.get(j, i));
      }
      rowsT.set(i, p, target[i]);
    }
    this.joint = Sym.congruence(rowsT, covariance);
    this.jointSqrt = Sym.sqrtPsd(joint);
  }

  @Override
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }

  @Override
  public java.util.Map<String, Double> statistics() {
    return statistics;
  }

  @Override
  public DesignMoments design(UniformRandomProvider rng, int n) {
    int p = features.numRows;
    int p1 = p + 1;
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[p1];
    double[] v = new double[p1];
    double[] gram = new double[p * p];
    double[] cross = new double[p];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < p1; i++) {
        z[i] = g.sample();
      }
      for (int i = 0; i < p1; i++) {
        double t = 0;
        for (int j = 0; j < p1; j++) {
          t += jointSqrt.unsafe_get(i, j) * z[j];
        }
        v[i] = t;
      }
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          gram[i * p + j] += v[i] * v[j];
        }
        cross[i] += v[i] * v[p];
      }
    }
    for (int i = 0; i < p * p; i++) {
      gram[i] /= n;
    }
    for (int i = 0; i < p; i++) {
      cross[i] /= n;
    }
    return new DesignMoments(new DMatrixRMaj(p, p, true, gram), cross, n);
  }

  /** Exact; {@code rng} is not used. */
  @Override
  public PopulationMoments population(UniformRandomProvider rng) {
    int p = features.numRows;
    int d = features.numCols;
    DMatrixRMaj sigma = new DMatrixRMaj(p, p);
    CommonOps_DDRM.extract(joint, 0, p, 0, p, sigma, 0, 0);
    double[] c = new double[p];
    for (int i = 0; i < p; i++) {
      c[i] = joint.get(i, p);
    }
    double[] a = Moments.solve(sigma, c);
    double[] r = target.clone();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < p; j++) {
        r[i] -= features.get(j, i) * a[j];
      }
    }
    double rep = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        rep += r[i] * covariance.get(i, j) * r[j];
      }
    }
    return new PopulationMoments(sigma, a, Estimate.exact(Math.max(rep, 0)), 0);
  }
}
