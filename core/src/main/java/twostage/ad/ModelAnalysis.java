package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.theory.AsymptoticEngine;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloInteraction;

/**
 * Derives the law of Theorem 5.1 for a {@link DifferentiableModel}: finds w⋆ when it is not given,
 * runs the pilot passes, finds the orbit, runs the regularity checks and refuses an instance where the
 * theory does not apply, then estimates ‖L(Z)‖² from Monte Carlo moments of the derived scores,
 * Hessians and Jacobians, with a jackknife standard error. A pure function of (model, options, seed).
 */
public final class ModelAnalysis {
  private static final long TRUTH_STAGE = 13;

  private ModelAnalysis() {}

  /** w⋆ with the search that found it (null search when the model gives w⋆). */
  public record Truth(double[] w, PretrainingFit search) {}

  /** w⋆: the model's, or the minimiser of the population loss (exact mean loss or a large sample). */
  public static Truth truth(DifferentiableModel model, Derivatives derivatives, long samples, long seed) {
    double[] given = model.truth();
    int q = model.parameterDimension();
    if (given != null) {
      if (given.length != q) {
        throw new IllegalArgumentException(
            model.name() + ": truth() has " + given.length + " entries, parameterDimension() is " + q);
      }
      return new Truth(given.clone(), null);
    }
    double[] start = model.initialGuess();
    SufficientStatistic stat = model.sufficientStatistic();
    Objective f;
    if (stat != null && stat.populationMean() != null) {
      f = Objective.of(stat, stat.populationMean(), q);
    } else {
      if (samples > Integer.MAX_VALUE / Math.max(1, model.sampleDimension())) {
        throw new IllegalArgumentException("truthSamples too large to hold in memory: " + samples);
      }
      int m = (int) samples;
      double[] z = new double[m * model.sampleDimension()];
      model.samplePretraining(Streams.of(seed, TRUTH_STAGE), m, z);
      f = Objective.empirical(derivatives, z, m, model.sampleDimension(), q);
    }
    PretrainingFit fit = new NewtonMinimizer().minimise(f, start, null);
    return new Truth(fit.w(), fit);
  }

  /** The pilot passes, the orbit and the checks at w⋆, without refusing anything. */
  public static ModelDiagnostics diagnose(
      DifferentiableModel model, double[] w, AnalysisOptions options, long seed, Runner runner) {
    Derivatives derivatives = ModelAdapters.derivatives(model);
    return diagnose(model, derivatives, w, options, seed, runner);
  }

  private static ModelDiagnostics diagnose(
      DifferentiableModel model, Derivatives derivatives, double[] w, AnalysisOptions options, long seed,
      Runner runner) {
    checkShapes(model);
    PilotMoments pilot = PilotMoments.run(
        model, derivatives, w, options.pilotPretraining(), options.pilotDownstream(), seed, runner);
    double[] declared = model.orbitTangent(w);
    DMatrixRMaj dec = null;
    if (declared != null) {
      int q = model.parameterDimension();
      if (declared.length % q != 0) {
        throw new IllegalArgumentException(
            model.name() + ": orbitTangent() must hold q=" + q + " rows, got " + declared.length + " entries");
      }
      dec = DMatrixRMaj.wrap(q, declared.length / q, declared.clone());
    }
    Orbit orbit = OrbitFinder.find(pilot, model.isMaximumLikelihood(), dec, options.orbitTolerance());
    return ModelChecks.evaluate(model.name(), pilot, orbit, model.readout(), options.checkTolerance());
  }

  /**
   * The law, after the checks.
   *
   * @throws twostage.theory.RegularityException when a check fails (the message says which and why)
   */
  public static ModelLaw run(DifferentiableModel model, AnalysisOptions options, long seed, Runner runner) {
    Derivatives derivatives = ModelAdapters.derivatives(model);
    Truth truth = truth(model, derivatives, options.truthSamples(), seed);
    ModelDiagnostics diag = diagnose(model, derivatives, truth.w(), options, seed, runner);
    diag.requireRegular();
    InteractionEstimate est = MonteCarloInteraction.estimate(
        new AsymptoticEngine(),
        ModelAdapters.scores(model, derivatives, truth.w()),
        options.pretrainingSamples(),
        ModelAdapters.downstream(model, derivatives, truth.w(), model.readout()),
        options.downstreamSamples(),
        diag.orbit().basis(),
        options.groups(),
        seed,
        runner);
    return new ModelLaw(model.name(), truth.w(), truth.search(), diag, est, model.noiseVariance());
  }

  /** Refuses a model whose declared dimensions disagree with its θ⋆, σ² or truth. */
  static void checkShapes(DifferentiableModel model) {
    String n = model.name();
    if (model.parameterDimension() < 1 || model.featureDimension() < 1
        || model.sampleDimension() < 1 || model.inputDimension() < 1) {
      throw new IllegalArgumentException(n + ": every dimension (q, p, dim z, dim x) must be >= 1");
    }
    double[] theta = model.readout();
    if (theta == null || theta.length != model.featureDimension()) {
      throw new IllegalArgumentException(n + ": readout() must have p=" + model.featureDimension()
          + " entries, got " + (theta == null ? "null" : theta.length));
    }
    double s2 = model.noiseVariance();
    if (!(s2 >= 0) || Double.isInfinite(s2)) {
      throw new IllegalArgumentException(n + ": noiseVariance() must be finite and >= 0, got " + s2);
    }
  }
}
