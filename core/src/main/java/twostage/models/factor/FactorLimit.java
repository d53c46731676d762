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

  /** The exact law beside Corollary 6.4 (printed and corrected) and both σ². */
  public static FactorLimitResult exact(AsymptoticEngine engine, FactorInstance instance) {
    FactorModel model = FactorModel.of(instance);
    Interaction exact = exactInteraction(engine, model);
    ClosedFormLaw paper = Corollary64.paper(model);
    ClosedFormLaw corrected = Corollary64.corrected(model);
    int k = model.k();
    return new FactorLimitResult(
        model.d(),
        k,
        model.d() * k,
        k * (k - 1) / 2,
        model.sigmaSquared(),
        model.paperSigmaSquared(),
        exact,
        paper,
        corrected,
        weightError(exact.weights(), corrected),
        weightError(exact.weights(), paper));
  }

  /** {@link #exact(AsymptoticEngine, FactorInstance)} with the default engine. */
  public static FactorLimitResult exact(FactorInstance instance) {
    return exact(new AsymptoticEngine(), instance);
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

  /** max_j |λ_j − λ_j(law)| / max_j λ_j over the engine's weights (largest first). */
  static double weightError(double[] weights, ClosedFormLaw law) {
    double[] w = law.weights(weights.length);
    double top = 0;
    for (double v : weights) {
      top = Math.max(top, Math.abs(v));
    }
    double err = 0;
    for (int j = 0; j < w.length; j++) {
      double e = j < weights.length ? weights[j] : 0;
      err = Math.max(err, Math.abs(e - w[j]));
    }
    return top == 0 ? err : err / top;
  }
}
