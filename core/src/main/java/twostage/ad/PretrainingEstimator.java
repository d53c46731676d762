package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A pre-training estimator (eq. 3.2): draws m samples from µ_pre with {@code rng} and returns ŵ_m.
 * The default is {@link EmpiricalRiskEstimator}; a model may supply its own (a closed form, EM, ...).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PretrainingEstimator {
  /** Fits ŵ_m on m fresh samples drawn with {@code rng}. */
  PretrainingFit fit(UniformRandomProvider rng, int m);

  /** One sentence for reports: what the estimator does. */
  default String description() {
    return "the model's own pre-training estimator (" + getClass().getName() + ")";
  }
}
