package twostage.experiments;

import java.util.List;
import java.util.Map;
import twostage.spi.LimitEstimate;
import twostage.theory.LimitLaw;

/**
 * The limit of Theorem 5.1 at one instance: E_α = σ² d_eff + α⁻¹‖L(Z)‖² (eq. 5.2) with the
 * interaction's estimate and the law's summary.
 *
 * @param model the case study's name
 * @param parameters the instance's description
 * @param settings how the limit was computed: the model's limit options and the seed
 * @param sigma2 σ²
 * @param alpha α
 * @param estimate the interaction: weights, d_eff, diagnostics, E‖L(Z)‖² ± standard error
 * @param law mean, variance and quantiles of E_α
 * @param seconds wall-clock time of the computation (the only field that differs between runs)
 */
public record LimitResult(
    String model,
    Map<String, Object> parameters,
    Map<String, String> settings,
    double sigma2,
    double alpha,
    LimitEstimate estimate,
    Law law,
    double seconds) {

  /**
   * The law of E_α.
   *
   * @param shift σ² d_eff
   * @param mean σ² d_eff + E‖L(Z)‖²/α (with the estimate's bias-corrected mean)
   * @param meanStdError its standard error
   * @param variance 2α⁻² Σλ_j²
   * @param levels probabilities of {@code quantiles}
   * @param quantiles quantiles of E_α (from the estimated weights)
   */
  public record Law(
      double shift, double mean, double meanStdError, double variance, List<Double> levels,
      List<Double> quantiles) {}

  /** The law of E_α from the estimated weights. */
  public LimitLaw limitLaw() {
    return LimitLaw.of(sigma2, alpha, estimate.interaction());
  }
}
