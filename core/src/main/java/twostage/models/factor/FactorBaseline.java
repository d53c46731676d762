package twostage.models.factor;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import twostage.baseline.BaselineProblem;
import twostage.baseline.DesignSampler;
import twostage.baseline.LocalChart;

/**
 * The downstream-only baseline problem of the factor model: x = A⋆h + µ, y = f⋆(x) + σ·N(0, 1) with
 * σ² = Var(y | x) (exact in law: y | x is Gaussian with that mean and variance), the class
 * {@link FactorFamily} and the exact excess risk (v − w⋆)ᵀΣx(v − w⋆).
 */
public final class FactorBaseline {
  private FactorBaseline() {}

  /** The problem for one instance. */
  public static BaselineProblem problem(FactorInstance instance) {
    FactorModel model = FactorModel.of(instance);
    int d = model.d();
    int k = model.k();
    FactorFamily family = new FactorFamily(d, k);
    double[] a = model.loading().data;
    DMatrixRMaj cov = model.covariance();
    double[] w = model.regressionCoefficients().data;
    DesignSampler design = (rng, count, out) -> {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] h = new double[k];
      for (int i = 0; i < count; i++) {
        for (int j = 0; j < k; j++) {
          h[j] = g.sample();
        }
        int o = i * d;
        for (int r = 0; r < d; r++) {
          double s = g.sample();
          for (int j = 0; j < k; j++) {
            s += a[r * k + j] * h[j];
          }
          out[o + r] = s;
        }
      }
    };
    BaselineProblem.ExcessRisk excess = phi -> {
      double[] v = family.coefficients(phi);
      double s = 0;
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          s += (v[r] - w[r]) * cov.get(r, c) * (v[c] - w[c]);
        }
      }
      return s;
    };
    return new BaselineProblem(family, FactorFamily.truth(model), design,
        Math.sqrt(model.sigmaSquared()), excess);
  }

  /** The chart from the exact gradient Gram Dvᵀ Σx Dv at φ⋆. */
  public static LocalChart exactChart(FactorInstance instance, double tolerance) {
    FactorModel model = FactorModel.of(instance);
    FactorFamily family = new FactorFamily(model.d(), model.k());
    double[] truth = FactorFamily.truth(model);
    return LocalChart.fromGram(truth, family.gradientGram(truth, model.covariance()), tolerance);
  }

  /**
   * E[n(R − σ²)] of ordinary least squares on x ∈ R^d with Gaussian design and no intercept:
   * σ² d n/(n − d − 1) (E[tr(Σ Σ_n⁻¹)] = n d/(n − d − 1) for the inverse Wishart), which the
   * baseline equals because F is the class of all linear functions.
   */
  public static double olsExpectedScaledExcess(long n, int d, double sigma2) {
    if (n <= d + 1) {
      return Double.POSITIVE_INFINITY;
    }
    return sigma2 * d * (double) n / (n - d - 1);
  }
}
