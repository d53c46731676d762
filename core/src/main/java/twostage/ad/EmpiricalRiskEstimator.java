package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.theory.AsymptoticEngine;

/**
 * The default pre-training estimator: minimises the empirical loss (1/m)Σℓ(w; z_i) by damped Newton
 * ({@link NewtonMinimizer}) with automatic gradient and Hessian, from w⋆, on the horizontal slice
 * w⋆ + Bc (B orthonormal, complementary to the orbit tangent at w⋆).
 *
 * <p>Cost: through a {@link SufficientStatistic} one draw of t̄_m (direct when the statistic has a
 * sampler, else O(m)) and O(1) in m per iteration; otherwise every iteration differentiates all m
 * per-sample losses to second order, O(m·q²) per operation of ℓ.
 */
public final class EmpiricalRiskEstimator implements PretrainingEstimator {
  private final DifferentiableModel model;
  private final Derivatives derivatives;
  private final double[] start;
  private final DMatrixRMaj slice;
  private final NewtonMinimizer minimizer;

  /**
   * @param start w⋆, where Newton starts
   * @param orbit orbit tangent at w⋆ (q × o, o ≥ 0)
   */
  public EmpiricalRiskEstimator(
      DifferentiableModel model, Derivatives derivatives, double[] start, DMatrixRMaj orbit,
      NewtonMinimizer minimizer) {
    this.model = model;
    this.derivatives = derivatives;
    this.start = start.clone();
    this.slice = new AsymptoticEngine().horizontalBasis(identityLike(model.parameterDimension()), orbit);
    this.minimizer = minimizer;
  }

  @Override
  public PretrainingFit fit(UniformRandomProvider rng, int m) {
    if (m < 1) {
      throw new IllegalArgumentException("m must be >= 1, got " + m);
    }
    int q = model.parameterDimension();
    int dz = model.sampleDimension();
    SufficientStatistic stat = model.sufficientStatistic();
    Objective f;
    if (stat != null) {
      double[] mean = statisticMean(model, stat, rng, m);
      f = Objective.of(stat, mean, q);
    } else {
      double[] z = new double[m * dz];
      model.samplePretraining(rng, m, z);
      f = Objective.empirical(derivatives, z, m, dz, q);
    }
    return minimizer.minimise(f, start, slice);
  }

  /**
   * t̄_m, the mean of the sufficient statistic over m draws from µ_pre: the statistic's direct draw
   * when it has one ({@link SufficientStatistic#sampleMean}), else the average of t(z) over m draws
   * of the model's sampler (in blocks of 4096). Estimators that share this draw see the same data.
   */
  public static double[] statisticMean(
      DifferentiableModel model, SufficientStatistic stat, UniformRandomProvider rng, int m) {
    double[] mean = stat.sampleMean(rng, m);
    if (mean != null) {
      return mean;
    }
    int dz = model.sampleDimension();
    mean = new double[stat.dimension()];
    double[] z = new double[Math.min(m, 4096) * dz];
    double[] zi = new double[dz];
    for (int done = 0; done < m; ) {
      int b = Math.min(4096, m - done);
      model.samplePretraining(rng, b, z);
      for (int i = 0; i < b; i++) {
        System.arraycopy(z, i * dz, zi, 0, dz);
        stat.accumulate(zi, mean);
      }
      done += b;
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= m;
    }
    return mean;
  }

  @Override
  public String description() {
    return "damped Newton (Levenberg-Marquardt) on the empirical loss with the automatic gradient and Hessian,"
        + " from w* on the horizontal space" + (model.sufficientStatistic() != null
            ? ", through the model's sufficient statistic" : "");
  }

  /** The identity, so that the horizontal basis is the complement of the orbit alone. */
  private static DMatrixRMaj identityLike(int q) {
    return org.ejml.dense.row.CommonOps_DDRM.identity(q);
  }
}
