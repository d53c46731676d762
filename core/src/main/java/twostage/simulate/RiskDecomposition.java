package twostage.simulate;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Sym;

/**
 * The exact conditional excess risk of Proposition B.1 (Appendix B/F; docs/math.md §2): with the learned
 * features φ fixed, a = Σ⁺E[f⋆φ], a_n = Σ_n⁺(1/n)Σf⋆(x_i)φ(x_i) and the minimum-norm OLS fit,
 * R − σ² = Rep + Leakage_n + Var_n with Rep = E[(f⋆ − φᵀa)²], Leakage_n = (a_n − a)ᵀΣ(a_n − a) and
 * Var_n = (σ²/n) tr(Σ Σ_n⁺) (the label noise averaged analytically).
 *
 * @param representation Rep
 * @param representationStdError Monte Carlo standard error of Rep (0 when exact)
 * @param leakage Leakage_n
 * @param variance Var_n
 */
public record RiskDecomposition(
    double representation, double representationStdError, double leakage, double variance) {

  /** Evaluates the decomposition for population moments, design moments and noise variance σ². */
  public static RiskDecomposition of(PopulationMoments pop, DesignMoments design, double sigma2) {
    DMatrixRMaj sigma = pop.gram();
    int p = sigma.numRows;
    DMatrixRMaj designPinv = Sym.pinv(design.gram(), Moments.PINV_TOLERANCE);
    double[] an = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += designPinv.unsafe_get(i, j) * design.cross()[j];
      }
      an[i] = s;
    }
    double[] diff = new double[p];
    for (int i = 0; i < p; i++) {
      diff[i] = an[i] - pop.coefficients()[i];
    }
    double leak = 0;
    double trace = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        leak += diff[i] * sigma.unsafe_get(i, j) * diff[j];
        trace += sigma.unsafe_get(i, j) * designPinv.unsafe_get(j, i);
      }
    }
    return new RiskDecomposition(
        pop.representationError().value(),
        pop.representationError().stdError(),
        Math.max(leak, 0),
        sigma2 * trace / design.n());
  }

  /** R − σ² = Rep + Leakage_n + Var_n. */
  public double excessRisk() {
    return representation + leakage + variance;
  }
}
