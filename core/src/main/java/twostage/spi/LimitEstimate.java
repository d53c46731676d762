package twostage.spi;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import twostage.stats.Estimate;
import twostage.theory.Crossover;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;

/**
 * What a model reports about the limit at its instance: the engine's interaction (weights, d_eff,
 * diagnostics) and E‖L(Z)‖² with its standard error.
 *
 * @param interaction weights λ (largest first), d_eff, horizontal dimension, engine diagnostics
 * @param mean E‖L(Z)‖² (exact: standard error 0; Monte Carlo: jackknife, bias-corrected)
 * @param plugInMean the uncorrected plug-in value (equal to {@code mean} when exact)
 * @param samples named sample counts behind the estimate (empty when exact)
 * @param details model-specific quantities (numbers, strings, {@link Estimate}s, arrays), in
 *     display order
 */
public record LimitEstimate(
    Interaction interaction,
    Estimate mean,
    double plugInMean,
    Map<String, Long> samples,
    Map<String, Object> details) implements Serializable {

  public LimitEstimate {
    samples = new LinkedHashMap<>(samples);
    details = new LinkedHashMap<>(details);
  }

  /** An exact interaction. */
  public static LimitEstimate exact(Interaction interaction, Map<String, Object> details) {
    return new LimitEstimate(
        interaction, Estimate.exact(interaction.mean()), interaction.mean(), Map.of(), details);
  }

  /**
   * A Monte Carlo estimate with its jackknife.
   *
   * @param preName names the pre-training sample ("fisher", "pretraining")
   */
  public static LimitEstimate monteCarlo(
      InteractionEstimate est, String preName, Map<String, Object> details) {
    Map<String, Long> samples = new LinkedHashMap<>();
    samples.put(preName, est.pretrainingSamples());
    samples.put("downstream", est.downstreamSamples());
    samples.put("jackknifeGroups", (long) est.mean().groups());
    return new LimitEstimate(
        est.interaction(), est.interactionMean(), est.mean().estimate(), samples, details);
  }

  /**
   * Two-stage learning against the downstream-only {@code baseline} at this estimate: σ², d_eff,
   * d_base and E‖L(Z)‖² (a negative Monte Carlo value clipped to 0).
   */
  public Crossover crossover(double sigma2, Baseline baseline) {
    return new Crossover(sigma2, interaction.dEff(), baseline.dBase().rank(), Math.max(mean.value(), 0));
  }

  /** True when E‖L(Z)‖² is exact (no Monte Carlo error). */
  public boolean exact() {
    return mean.stdError() == 0 && samples.isEmpty();
  }
}
