package twostage.simulate;

/**
 * Diagnostics of one pre-training fit.
 *
 * @param converged the iterative estimator met its tolerance (true for closed-form estimators)
 * @param otherBasin the fit landed away from the true parameter (modulo the symmetry group), beyond the
 *     model's basin radius
 * @param distance distance of the fit to the truth modulo the symmetry group (NaN when not computed)
 * @param passes passes over the pre-training data (0 for closed-form estimators)
 */
public record FitDiagnostics(boolean converged, boolean otherBasin, double distance, int passes) {
  /** A closed-form fit: converged, no basin question. */
  public static FitDiagnostics closedForm(double distance) {
    return new FitDiagnostics(true, false, distance, 0);
  }

  /** True when the fit did not converge or landed in another basin. */
  public boolean failed() {
    return !converged || otherBasin;
  }
}
