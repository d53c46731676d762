package twostage.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import twostage.stats.Estimate;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;

/**
 * The interaction a {@code limit} command reports: exact (standard error 0, no samples) or a Monte Carlo
 * estimate with its jackknife standard error, plug-in value and sample counts.
 *
 * @param interaction weights, d_eff and engine diagnostics
 * @param mean E‖L(Z)‖² with its standard error
 * @param plugInMean the uncorrected plug-in value (equal to mean when exact)
 * @param samples named sample counts (empty when exact)
 */
record ReportedInteraction(
    Interaction interaction, Estimate mean, double plugInMean, Map<String, Long> samples) {

  static ReportedInteraction exact(Interaction interaction) {
    return new ReportedInteraction(
        interaction, Estimate.exact(interaction.mean()), interaction.mean(), new LinkedHashMap<>());
  }

  /** A Monte Carlo estimate; {@code preName} names the pre-training sample ("fisher", "pretraining"). */
  static ReportedInteraction of(InteractionEstimate est, String preName) {
    Map<String, Long> samples = new LinkedHashMap<>();
    samples.put(preName, est.pretrainingSamples());
    samples.put("downstream", est.downstreamSamples());
    samples.put("jackknifeGroups", (long) est.mean().groups());
    return new ReportedInteraction(est.interaction(), est.interactionMean(), est.mean().estimate(), samples);
  }
}
