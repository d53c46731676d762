package twostage.theory;

import java.io.Serializable;

/**
 * The regularity checks the {@link AsymptoticEngine} reports with every interaction (all
 * dimensionless).
 *
 * @param hessianMaxEigenvalue largest eigenvalue of H on the horizontal space
 * @param hessianMinEigenvalue smallest eigenvalue of H on the horizontal space (&gt; 0: the descriptor
 *     is locally identifiable)
 * @param hessianOrbitResidual ‖H O‖/‖H‖ for the orbit basis O (0 at the population minimiser); NaN
 *     when the model declares no orbit
 * @param orbitInteraction max_v vᵀGv/‖G‖ over unit orbit directions v (L vanishes there, Lemma 4.1);
 *     NaN when the model declares no orbit
 * @param weightClipped most negative eigenvalue of V^{1/2}GV^{1/2} before clipping, relative to the
 *     largest (round-off: ≈ 0)
 * @param featureGramMinEigenvalue smallest eigenvalue of E[ψψᵀ] counted in d_eff
 */
public record EngineDiagnostics(
    double hessianMaxEigenvalue,
    double hessianMinEigenvalue,
    double hessianOrbitResidual,
    double orbitInteraction,
    double weightClipped,
    double featureGramMinEigenvalue) implements Serializable {

  /** True when the model declared an orbit (the two orbit checks are defined). */
  public boolean hasOrbit() {
    return !Double.isNaN(hessianOrbitResidual);
  }
}
