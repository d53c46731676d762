package twostage.models.factor;

import twostage.exec.Runner;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloInteraction;

/** The limit of Theorem 5.1 for the factor model, exactly and by Monte Carlo. */
public final class FactorLimit {
  private FactorLimit() {}

  /** Exact Fisher information and exact Gaussian downstream moments through the engine. */
  public static Interaction exactInteraction(AsymptoticEngine engine, FactorModel model) {
    return engine.evaluate(
        FactorPretraining.moments(model),
        FactorDownstream.moments(model),
        FactorPretraining.orbitBasis(model));
  }

  /**
   * Both stages by Monte Carlo: per-sample scores of the Gaussian likelihood ({@code preSamples}) and
   * per-sample ψ, J ({@code downSamples}), with a jackknife standard error over {@code groups}.
   */
  public static InteractionEstimate monteCarlo(
      AsymptoticEngine engine,
      FactorInstance instance,
      long preSamples,
      long downSamples,
      int groups,
      long seed,
      Runner runner) {
    FactorModel model = FactorModel.of(instance);
    return MonteCarloInteraction.estimate(
        engine,
        FactorPretraining.scoreSampler(model),
        preSamples,
        FactorDownstream.sampler(model),
        downSamples,
        FactorPretraining.orbitBasis(model),
        groups,
        seed,
        runner);
  }
}
