package twostage.ad;

import twostage.stats.Estimate;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.theory.LimitLaw;

/**
 * The law of Theorem 5.1 derived for a {@link DifferentiableModel}, with what it rests on.
 *
 * @param model the model's name
 * @param truth w⋆ used
 * @param truthSearch the minimisation that found w⋆, or null when the model gave it
 * @param readout θ⋆ (given or projected from f⋆)
 * @param diagnostics the regularity checks (all passed)
 * @param estimate the interaction ‖L(Z)‖² from Monte Carlo moments, with its jackknife
 * @param sigma2 σ²
 */
public record ModelLaw(
    String model,
    double[] truth,
    PretrainingFit truthSearch,
    Readout readout,
    ModelDiagnostics diagnostics,
    InteractionEstimate estimate,
    double sigma2) {

  /** The interaction (weights, d_eff, engine diagnostics). */
  public Interaction interaction() {
    return estimate.interaction();
  }

  /** E‖L(Z)‖², bias-corrected, with its standard error. */
  public Estimate interactionMean() {
    return estimate.interactionMean();
  }

  /** The limit law of n(R − σ²) at α = m/n. */
  public LimitLaw law(double alpha) {
    return LimitLaw.of(sigma2, alpha, interaction());
  }
}
