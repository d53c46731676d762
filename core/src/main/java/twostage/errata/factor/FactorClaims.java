package twostage.errata.factor;

import twostage.theory.Interaction;
import twostage.errata.ClosedFormLaw;
import twostage.theory.AsymptoticEngine;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;

/**
 * What the paper claims about one factor-model instance, set beside the exact engine: Corollary 6.4
 * as printed and corrected, and the printed σ² beside the derived one (docs/errata.md §2).
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
public record FactorClaims(
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

  /** The exact engine's law beside Corollary 6.4 (printed and corrected) and both σ². */
  public static FactorClaims of(AsymptoticEngine engine, FactorInstance instance) {
    FactorModel model = FactorModel.of(instance);
    Interaction exact = FactorLimit.exactInteraction(engine, model);
    ClosedFormLaw paper = Corollary64.paper(model);
    ClosedFormLaw corrected = Corollary64.corrected(model);
    int k = model.k();
    return new FactorClaims(model.d(), k, model.d() * k, k * (k - 1) / 2, model.sigmaSquared(),
        model.paperSigmaSquared(), exact, paper, corrected,
        corrected.relativeWeightError(exact.weights()), paper.relativeWeightError(exact.weights()));
  }

  /** {@link #of(AsymptoticEngine, FactorInstance)} with the default engine. */
  public static FactorClaims of(FactorInstance instance) {
    return of(new AsymptoticEngine(), instance);
  }

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
