package twostage.models.mixture;

import twostage.exec.Runner;
import twostage.theory.AsymptoticEngine;
import twostage.theory.DownstreamSampler;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloInteraction;

/**
 * The limit of Theorem 5.1 for the mixture: Fisher information of the K·d centre coordinates and the
 * downstream moments by Monte Carlo, the engine for V = F⁻¹ (no continuous orbit: S_K is discrete),
 * G and the weights, with a jackknife standard error.
 */
public final class MixtureLimit {
  private MixtureLimit() {}

  /**
   * @param fisherSamples draws for the Fisher information
   * @param samples draws for the downstream moments Σψ, C, E[JJᵀ]
   * @param groups jackknife groups (each group holds samples/groups draws of each stage)
   */
  public static Result compute(
      MixtureInstance instance, long fisherSamples, long samples, int groups, long seed, Runner runner) {
    return compute(
        instance, new MixtureDownstreamSampler(instance), fisherSamples, samples, groups, seed, runner);
  }

  /** As {@link #compute(MixtureInstance, long, long, int, long, Runner)} with a given ψ/J sampler. */
  public static Result compute(
      MixtureInstance instance,
      DownstreamSampler down,
      long fisherSamples,
      long samples,
      int groups,
      long seed,
      Runner runner) {
    InteractionEstimate est =
        MonteCarloInteraction.estimate(
            new AsymptoticEngine(),
            new MixtureScoreSampler(instance),
            fisherSamples,
            down,
            samples,
            null,
            groups,
            seed,
            runner);
    SubspaceGeometry geo = SubspaceGeometry.atTruth(instance.centres());
    return new Result(est, geo.rank(), geo.eigengap(), down.featureDimension());
  }

  /**
   * @param estimate the interaction with its jackknife
   * @param subspaceRank r⋆ = rank S(U⋆)
   * @param eigengap λ_{r⋆}(S(U⋆)) − λ_{r⋆+1}(S(U⋆)) (Assumption 6.5(ii))
   * @param featureDimension K(r⋆ + 1)
   */
  public record Result(
      InteractionEstimate estimate, int subspaceRank, double eigengap, int featureDimension) {}
}
