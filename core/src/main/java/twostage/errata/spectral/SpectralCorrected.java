package twostage.errata.spectral;

import twostage.errata.ClosedFormLaw;
import twostage.models.spectral.SpectralInstance;

/**
 * Corrected closed forms for the coordinate-aligned family of Appendix H.7 (Σpre, Σ⁺pre, Σdown
 * diagonal), derived in whitened coordinates Ã = AΣpre^{1/2}, where A⋆ = [Λ^{1/2}, 0] and a horizontal
 * perturbation splits into a top block F (k×k) and a cross block G (k×(d−k)):
 *
 * <ul>
 *   <li>the Hessian of the population loss on G is diagonal with entries 4(λ_i − μ_j): the ambient
 *       gradient ∇L(M⋆) = −2Σ^{1/2}U_⊥Λ_⊥U_⊥ᵀΣ^{1/2} is normal but not zero, and its pairing with the
 *       second-order term EᵀE of M = AᵀA subtracts 4μ_j from the Euclidean value 4λ_i;
 *   <li>the score covariance on G is diagonal with entries 8λ_i(1 + τ + λ_i²) (Proposition H.11,
 *       correct as printed), so V_G = λ_i(1 + τ + λ_i²) / (2(λ_i − μ_j)²);
 *   <li>only G reaches the downstream residual: ‖L(Ẽ)‖² = Σ_j t_j (Gᵀβ⋆)_j² with t_j = s_j/a_j the
 *       whitened downstream variance of coordinate j.
 * </ul>
 */
public final class SpectralCorrected {
  private SpectralCorrected() {}

  /**
   * Corrected (H.39): ‖L(Z)‖² = Σ_{j≤d−k} w_j χ²₁ with
   * w_j = (s_j/b_j) Σ_i β_i² λ_i(1 + τ + λ_i²) / (2(λ_i − μ_j)²).
   */
  public static ClosedFormLaw weights(SpectralInstance inst) {
    DiagonalFamily f = DiagonalFamily.of(inst, false);
    double[] w = new double[f.rest().length];
    for (int j = 0; j < w.length; j++) {
      int u = f.rest()[j];
      double s = 0;
      for (int i = 0; i < inst.k(); i++) {
        double l = f.lambda()[i];
        double gap = l - f.mu()[j];
        s += inst.betaAt(i) * inst.betaAt(i) * l * (1 + f.tau() + l * l) / (2 * gap * gap);
      }
      w[j] = f.down()[u] / f.pre()[u] * s;
    }
    return ClosedFormLaw.of("corrected", "(H.39) corrected", w);
  }

  /**
   * Corrected Corollary 6.3: ‖L(Z)‖² = Σ_{j=1}^{d−k} w_j χ²₁ with
   * w_j = ½ Σ_{i≤k} i(1 + i⁻² + τ) ((k + j)/(k + j − i))², τ = Σ_{i≤k} i⁻².
   */
  public static ClosedFormLaw corollary63(int k, int d) {
    double tau = 0;
    for (int i = 1; i <= k; i++) {
      tau += 1.0 / ((double) i * i);
    }
    double[] w = new double[d - k];
    for (int j = 1; j <= d - k; j++) {
      double s = 0;
      for (int i = 1; i <= k; i++) {
        double r = (double) (k + j) / (k + j - i);
        s += i * (1 + 1.0 / ((double) i * i) + tau) * r * r;
      }
      w[j - 1] = 0.5 * s;
    }
    return ClosedFormLaw.of("corrected", "Corollary 6.3 corrected", w);
  }

  /**
   * Corrected (H.41): E[Q] = k(1 + τ) + 4τ + Σ_{i&lt;i'}(1 + τ + λ_i² + λ_iλ_i' + λ_i'²)
   * + Σ_{i,j} λ_i(1 + τ + λ_i²)/(λ_i − μ_j).
   */
  public static double excessLossMean(SpectralInstance inst) {
    DiagonalFamily f = DiagonalFamily.of(inst, false);
    double[] l = f.lambda();
    double tau = f.tau();
    int k = l.length;
    double total = k * (1 + tau) + 4 * tau;
    for (int i = 0; i < k; i++) {
      for (int i2 = i + 1; i2 < k; i2++) {
        total += 1 + tau + l[i] * l[i] + l[i] * l[i2] + l[i2] * l[i2];
      }
      for (double mu : f.mu()) {
        total += l[i] * (1 + tau + l[i] * l[i]) / (l[i] - mu);
      }
    }
    return total;
  }
}
