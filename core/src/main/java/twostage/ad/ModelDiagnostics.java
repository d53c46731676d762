package twostage.ad;

import java.util.ArrayList;
import java.util.List;
import twostage.theory.RegularityException;

/**
 * The regularity checks of Theorem 5.1 for a model at w⋆, each with its value and threshold; all ratios
 * are dimensionless.
 *
 * @param modelName the model
 * @param orbit the orbit tangent and the spectrum it was read from
 * @param gradientNorm ‖ḡ‖₂, the mean score at w⋆ (exact or Monte Carlo)
 * @param gradientExact ḡ is exact (sufficient statistic with a population mean)
 * @param gradientStatistic exact: ‖ḡ‖/√tr S; Monte Carlo: N ḡᵀS⁺ḡ, χ² with rank(S) degrees of freedom
 *     when ∇E ℓ(w⋆) = 0
 * @param gradientThreshold exact: the tolerance; Monte Carlo: the χ² quantile at 1 − {@link #LEVEL}
 * @param hessianOffOrbit smallest eigenvalue of H on the horizontal space / largest eigenvalue of H
 * @param hessianThreshold the bound it must exceed: the tolerance, or for a sampled H
 *     {@link OrbitFinder#STANDARD_ERRORS} standard errors of that eigenvalue if larger
 * @param hessianOrbitResidual ‖H O‖_max / ‖H‖_max on the orbit basis O (0 exactly; O(N^{-1/2}) when H
 *     is sampled, which then measures its noise)
 * @param scoreOrbitResidual ‖S O‖_max / ‖S‖_max (0 when the score is orthogonal to the orbit)
 * @param equivarianceResidual share of ∂ψ/∂w·o (o on the orbit) outside the span of ψ (eq. 4.3, Lemma
 *     4.1: 0 for equivariant features)
 * @param representationSkewness ‖R + Rᵀ‖/‖R‖ for the p × p generator R with ∂ψ/∂w·o = Rψ (0 when ρ
 *     is orthogonal)
 * @param orbitInteraction max over unit orbit directions v of ‖L(v)‖² / max over all unit v (0: L
 *     vanishes on the orbit)
 * @param dEff rank E[ψψᵀ]
 * @param featureDimension p
 * @param activationResidual for null feature directions n (nᵀψ ≡ 0), the largest share of
 *     ∂⟨n, ψ⟩/∂w outside the span of ψ along horizontal directions (0: B₀ = {0}, d_act = d_eff)
 * @param tolerance tolerance of the quantities that vanish exactly
 */
public record ModelDiagnostics(
    String modelName,
    Orbit orbit,
    double gradientNorm,
    boolean gradientExact,
    double gradientStatistic,
    double gradientThreshold,
    double hessianOffOrbit,
    double hessianThreshold,
    double hessianOrbitResidual,
    double scoreOrbitResidual,
    double equivarianceResidual,
    double representationSkewness,
    double orbitInteraction,
    int dEff,
    int featureDimension,
    double activationResidual,
    double tolerance) {

  /** Level of the χ² test that the gradient of the population loss vanishes at w⋆. */
  public static final double LEVEL = 1e-6;

  /** Default tolerance of the checks whose quantity vanishes exactly. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** The failed checks, each as a sentence that says what is wrong; empty when the theory applies. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    if (!(gradientStatistic <= gradientThreshold)) {
      out.add(gradientExact
          ? String.format("the population gradient does not vanish at w*: |grad|/sqrt(tr S) = %.3g > %.3g,"
              + " so w* is not a minimiser of the pre-training loss", gradientStatistic, gradientThreshold)
          : String.format("the population gradient does not vanish at w*: N g'S+g = %.4g exceeds the"
              + " chi-square critical value %.4g (level %.0e), so w* is not a minimiser of the pre-training"
              + " loss", gradientStatistic, gradientThreshold, LEVEL));
    }
    if (orbit.source() == Orbit.Source.DECLARED) {
      if (orbit.nullity() > orbit.dimension()) {
        out.add(String.format("H is singular off the orbit: %s has %d null directions at w* (tolerance %.0e)"
            + " but the declared group spans %d, so the extra ones are not symmetries and the descriptor is"
            + " not locally identifiable", orbit.matrix(), orbit.nullity(), orbit.tolerance(),
            orbit.dimension()));
      }
      if (!(orbit.declaredMismatch() <= Math.sqrt(tolerance))) {
        out.add(String.format("the declared orbit directions are not in the null space of %s (largest sine"
            + " of the principal angles %.3g): the loss is not invariant under the declared group at w*",
            orbit.matrix(), orbit.declaredMismatch()));
      }
    }
    if (!(hessianOffOrbit > hessianThreshold)) {
      out.add(String.format("H is singular off the orbit: its smallest eigenvalue on the horizontal space is"
          + " %.3g x the largest (must exceed %.3g), so the descriptor is not locally identifiable",
          hessianOffOrbit, hessianThreshold));
    }
    if (!(scoreOrbitResidual <= tolerance)) {
      out.add(String.format("the score is not orthogonal to the orbit: |S O|/|S| = %.3g > %.0e",
          scoreOrbitResidual, tolerance));
    }
    if (!(equivarianceResidual <= tolerance)) {
      out.add(String.format("the features are not equivariant (eq. 4.3, Lemma 4.1): along the orbit"
          + " directions%s, a share %.3g of the derivative of psi lies outside the span of psi",
          orbit.source() == Orbit.Source.DECLARED ? ""
              : " (null directions of " + orbit.matrix() + ": if one of them is not a symmetry, H is"
                  + " singular off the orbit)", equivarianceResidual));
    } else if (!(representationSkewness <= Math.sqrt(tolerance))) {
      out.add(String.format("the features are equivariant but rho is not orthogonal (eq. 4.3): the"
          + " generator R of d psi = R psi has |R + R'|/|R| = %.3g", representationSkewness));
    }
    if (!(orbitInteraction <= tolerance)) {
      out.add(String.format("L does not vanish on the orbit directions: max |L(v)|^2 there is %.3g x the"
          + " largest", orbitInteraction));
    }
    if (!(activationResidual <= tolerance)) {
      out.add(String.format("not the regular case (d_act > d_eff = %d of p = %d): moving w activates null"
          + " feature directions outside the span of psi (share %.3g), B0 != {0}", dEff, featureDimension,
          activationResidual));
    }
    return out;
  }

  /** True when every check passes. */
  public boolean regular() {
    return failures().isEmpty();
  }

  /**
   * Throws when a check fails.
   *
   * @throws RegularityException naming the model and every failed check
   */
  public void requireRegular() {
    List<String> f = failures();
    if (!f.isEmpty()) {
      throw new RegularityException(
          "model '" + modelName + "': the theory does not apply: " + String.join("; ", f));
    }
  }
}
