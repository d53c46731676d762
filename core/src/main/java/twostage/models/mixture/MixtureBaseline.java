package twostage.models.mixture;

import twostage.baseline.BaselineProblem;


/**
 * The downstream-only baseline problem of the mixture: x from the same mixture, y = f⋆(x) + σ·N(0, 1),
 * the class {@link MixtureFamily} at φ⋆ = (B⋆ᵀθ_i, b_i, U⋆). The excess risk is computed on a
 * population sample (no closed form).
 */
public final class MixtureBaseline {
  private MixtureBaseline() {}

  /** The problem for one instance. */
  public static BaselineProblem problem(MixtureInstance instance) {
    double[][] u = instance.centres();
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    MixtureFamily family = new MixtureFamily(u.length, u[0].length, geo.basis());
    MixtureSampling sampling = new MixtureSampling(u);
    return new BaselineProblem(
        family, family.truth(instance.theta(), instance.bias(), u), sampling::draw, instance.sigma(),
        null);
  }
}
