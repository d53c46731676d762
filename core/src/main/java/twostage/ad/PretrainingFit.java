package twostage.ad;

/**
 * The result of minimising a pre-training objective.
 *
 * @param w the minimiser ŵ (length q)
 * @param converged the gradient met its tolerance within the iteration cap
 * @param iterations Newton iterations used (0 for a closed-form or user estimator that does not count)
 * @param gradientNorm ‖∇ℓ̄(ŵ)‖₂ at the returned point (all q coordinates)
 * @param value the objective at ŵ
 */
public record PretrainingFit(double[] w, boolean converged, int iterations, double gradientNorm, double value) {
  public PretrainingFit {
    w = w.clone();
  }

  @Override
  public double[] w() {
    return w.clone();
  }
}
