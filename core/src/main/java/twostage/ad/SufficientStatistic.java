package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.CalculusFieldElement;

/**
 * A statistic t(z) ∈ R^r through whose sample mean t̄ the empirical loss depends on the data:
 * (1/m)Σℓ(w; z_i) = ℓ̄(w; t̄) (a sample covariance for a Gaussian likelihood or a linear autoencoder).
 * The default estimator then minimises ℓ̄, whose cost does not grow with m, and a known population
 * mean E[t] gives the exact Hessian H = ∇²ℓ̄(w⋆; E[t]).
 */
public interface SufficientStatistic {
  /** r, the length of t(z). */
  int dimension();

  /** Adds t(z) into {@code sum} (length r). */
  void accumulate(double[] z, double[] sum);

  /** ℓ̄(w; t̄): must equal the mean of ℓ(w; z_i) when t̄ is the mean of t(z_i). */
  <T extends CalculusFieldElement<T>> T meanLoss(T[] w, double[] mean);

  /** E[t(z)] under µ_pre when known in closed form, else null. */
  default double[] populationMean() {
    return null;
  }

  /**
   * The mean t̄_m of m i.i.d. draws sampled directly (e.g. a Wishart draw of a sample covariance), or
   * null to average m draws of t(z) from the model's sampler.
   */
  default double[] sampleMean(UniformRandomProvider rng, long m) {
    return null;
  }
}
