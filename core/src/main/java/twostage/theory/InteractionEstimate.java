package twostage.theory;

import twostage.stats.Estimate;
import twostage.stats.Jackknife;

/**
 * The interaction computed from Monte Carlo moments, with the jackknife over sample groups.
 *
 * @param interaction weights, d_eff and diagnostics from the moments of all samples
 * @param mean jackknife of E‖L(Z)‖² = tr(VG): plug-in value, bias-corrected value and standard error
 *     (the bias is that of a smooth function of sample means, mostly from inverting the estimated
 *     Hessian/Fisher matrix and feature Gram; it is O(1/N) and removed to first order)
 * @param pretrainingSamples samples behind H and S (0 when they are exact)
 * @param downstreamSamples samples behind Σψ, C and E[JJᵀ] (0 when they are exact)
 */
public record InteractionEstimate(
    Interaction interaction, Jackknife mean, long pretrainingSamples, long downstreamSamples) {

  /** The bias-corrected mean with its standard error. */
  public Estimate interactionMean() {
    return mean.corrected();
  }
}
