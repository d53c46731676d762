package twostage.models.factor;

import twostage.theory.Interaction;

/**
 * Everything {@code twostage limit factor} prints about one instance: the exact engine's law of
 * ‖L(Z)‖² beside Corollary 6.4 as printed and corrected, and both noise variances.
 *
 * @param d dimension of x
 * @param k number of factors
 * @param parameterDimension q = dk representative coordinates vec(A)
 * @param orbitDimension k(k−1)/2 orbit directions of O(k)
 * @param sigmaSquared σ² = Var(y | x), derived by Gaussian conditioning
 * @param paperSigmaSquared σ² as printed in Section 6.2 (NaN: undefined when d ≠ k)
 * @param exact the engine's interaction (mean tr(VG), weights, d_eff, diagnostics)
 * @param paper Corollary 6.4 as printed
 * @param corrected the corrected closed form
 * @param correctedWeightError max_j |λ_j(engine) − λ_j(corrected)| / max_j λ_j(engine)
 * @param paperWeightError max_j |λ_j(engine) − λ_j(paper)| / max_j λ_j(engine)
 */
public record FactorLimitResult(
    int d,
    int k,
    int parameterDimension,
    int orbitDimension,
    double sigmaSquared,
    double paperSigmaSquared,
    Interaction exact,
    ClosedFormLaw paper,
    ClosedFormLaw corrected,
    double correctedWeightError,
    double paperWeightError) {

  /** Mean of the limit E_α = σ² d_eff + α⁻¹‖L(Z)‖² (Theorem 5.1) from the exact engine. */
  public double limitMean(double alpha) {
    return sigmaSquared * exact.dEff() + exact.mean() / alpha;
  }

  /** The same mean with Corollary 6.4 as printed (σ² derived, since the printed σ² is ill-typed). */
  public double paperLimitMean(double alpha) {
    return sigmaSquared * k + paper.mean() / alpha;
  }

  /** The same mean with the corrected closed form. */
  public double correctedLimitMean(double alpha) {
    return sigmaSquared * k + corrected.mean() / alpha;
  }
}
