package twostage.models.spectral;

import twostage.exec.Runner;
import twostage.linalg.SymmetricEigen;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloInteraction;

/**
 * The limit law ‖L(Z)‖² = Σλ_jχ²₁ of the linear spectral model through the generic engine, two ways:
 * exact (analytic Hessian, Isserlis score covariance, closed-form downstream moments) and Monte Carlo
 * (per-sample scores and Hessians, sampled downstream moments, jackknife standard error).
 */
public final class SpectralLimit {
  private SpectralLimit() {}

  /**
   * The exact interaction: mean tr(VG), weights, d_eff = k and the engine's diagnostics, by the
   * structured algebra of {@link SpectralExact} (seconds at q = kd in the thousands).
   */
  public static Interaction exact(SpectralInstance instance) {
    return SpectralExact.interaction(SpectralGeometry.of(instance));
  }

  /**
   * The exact interaction through a generic engine on the dense exact moments (q×q eigendecompositions:
   * the cross-check of {@link #exact(SpectralInstance)}, practical up to q of a few hundred).
   */
  public static Interaction exact(SpectralInstance instance, AsymptoticEngine engine) {
    SpectralGeometry g = SpectralGeometry.of(instance);
    return engine.evaluate(
        SpectralPopulation.pretraining(g), SpectralPopulation.downstream(g), g.orbitBasis());
  }

  /**
   * Both stages by Monte Carlo ({@link MonteCarloInteraction}): {@code preSamples} triples for H and S,
   * {@code downSamples} draws for the downstream moments, {@code groups} jackknife groups.
   */
  public static InteractionEstimate monteCarlo(
      SpectralInstance instance, long preSamples, long downSamples, int groups, long seed, Runner runner) {
    SpectralGeometry g = SpectralGeometry.of(instance);
    return MonteCarloInteraction.estimate(
        new AsymptoticEngine(),
        new SpectralScoreSampler(g),
        preSamples,
        new SpectralDownstreamSampler(g),
        downSamples,
        g.orbitBasis(),
        groups,
        seed,
        runner);
  }

  /**
   * E[Q] for Q the limit of m(L(M̂_m) − L(M⋆)) = ½ δᵀHδ, δ ~ N(0, V) on the horizontal space:
   * E[Q] = ½ tr(H_B⁻¹ S_B) (the quantity the paper writes as (H.41)), from the exact moments.
   */
  public static double excessLossMean(SpectralInstance instance) {
    return SpectralExact.excessLossMean(SpectralGeometry.of(instance));
  }

  /** Eigenvalues of the exact Hessian at A⋆ (largest first); k(k−1)/2 of them vanish. */
  public static double[] hessianEigenvalues(SpectralInstance instance) {
    SpectralGeometry g = SpectralGeometry.of(instance);
    return SymmetricEigen.of(SpectralPopulation.hessian(instance, g.aStar())).values();
  }
}
