package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.simulate.Moments;
import twostage.theory.AsymptoticEngine;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloInteraction;
import twostage.theory.RegularityException;

/**
 * Derives the law of Theorem 5.1 for a {@link DifferentiableModel}: finds w⋆ when it is not given,
 * resolves θ⋆ (given, or projected from f⋆), runs the pilot passes, finds the orbit, runs the
 * regularity checks and refuses an instance where the theory does not apply, then estimates ‖L(Z)‖²
 * from Monte Carlo moments of the derived scores, Hessians and Jacobians with a jackknife standard
 * error. A pure function of (model, options, seed).
 */
public final class ModelAnalysis {
  private static final long TRUTH_STAGE = 13;
  private static final long READOUT_STAGE = 14;

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
    if (start == null || start.length != q) {
      throw new IllegalArgumentException(model.name() + ": initialGuess() must have q=" + q + " entries");
    }
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
    if (!fit.converged()) {
      throw new RegularityException(model.name() + ": the search for w* did not converge in "
          + fit.iterations() + " Newton iterations (gradient norm " + fit.gradientNorm() + ")");
    }
    return new Truth(fit.w(), fit);
  }

  /** θ⋆: the model's readout, or the projection of f⋆ on ψ(·; w⋆) over {@code samples} draws. */
  public static Readout readout(
      DifferentiableModel model, Derivatives derivatives, double[] w, long samples, long seed) {
    double[] given = model.readout();
    int p = model.featureDimension();
    if (given != null) {
      if (given.length != p) {
        throw new IllegalArgumentException(
            model.name() + ": readout() must have p=" + p + " entries, got " + given.length);
      }
      return new Readout(given, false, 0, 0);
    }
    int dx = model.inputDimension();
    var sampler = new twostage.simulate.FeatureSampler() {
      @Override
      public int featureDimension() {
        return p;
      }

      @Override
      public void draw(org.apache.commons.rng.UniformRandomProvider rng, int count, double[] features,
          double[] target) {
        double[] x = new double[count * dx];
        model.sampleDownstream(rng, count, x);
        double[] xi = new double[dx];
        double[] psi = new double[p];
        for (int i = 0; i < count; i++) {
          System.arraycopy(x, i * dx, xi, 0, dx);
          derivatives.featureValues(w, xi, psi);
          System.arraycopy(psi, 0, features, i * p, p);
          target[i] = model.target(xi);
        }
      }
    };
    var pop = Moments.monteCarlo(sampler, Streams.of(seed, READOUT_STAGE), samples);
    double[] a = pop.coefficients();
    double fit = 0; // aᵀΣa, so that E[f⋆²] = Rep + aᵀΣa on the same sample
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        fit += a[i] * pop.gram().get(i, j) * a[j];
      }
    }
    double rep = pop.representationError().value();
    return new Readout(a, true, rep / Math.max(rep + fit, Double.MIN_NORMAL), samples);
  }

  /** The pilot passes, the orbit and the checks at (w⋆, θ⋆), without refusing anything. */
  public static ModelDiagnostics diagnose(
      DifferentiableModel model, Derivatives derivatives, double[] w, double[] theta, AnalysisOptions options,
      long seed, Runner runner) {
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
    return ModelChecks.evaluate(model.name(), pilot, orbit, theta, options.checkTolerance());
  }

  /**
   * Everything before the law: w⋆, θ⋆ and the checks, refusing a model where the theory does not apply.
   *
   * @throws RegularityException when a check fails (the message says which and why)
   */
  public static ResolvedModel resolve(DifferentiableModel model, AnalysisOptions options, long seed, Runner runner) {
    checkShapes(model);
    Derivatives derivatives = ModelAdapters.derivatives(model);
    Truth truth = truth(model, derivatives, options.truthSamples(), seed);
    Readout readout = readout(model, derivatives, truth.w(), options.pilotDownstream(), seed);
    if (!(readout.residual() <= options.checkTolerance())) {
      throw new RegularityException(String.format("model '%s': the theory does not apply: f* is not in the"
          + " span of the features at w* (relative residual %.3g > %.0e): the downstream model is not"
          + " well specified", model.name(), readout.residual(), options.checkTolerance()));
    }
    ModelDiagnostics diag = diagnose(model, derivatives, truth.w(), readout.theta(), options, seed, runner);
    diag.requireRegular();
    return new ResolvedModel(model, derivatives, truth.w(), truth.search(), readout, diag);
  }

  /**
   * The law, after the checks.
   *
   * @throws RegularityException when a check fails (the message says which and why)
   */
  public static ModelLaw run(DifferentiableModel model, AnalysisOptions options, long seed, Runner runner) {
    return law(resolve(model, options, seed, runner), options, seed, runner);
  }

  /** The law of a resolved model. */
  public static ModelLaw law(ResolvedModel r, AnalysisOptions options, long seed, Runner runner) {
    InteractionEstimate est = MonteCarloInteraction.estimate(
        new AsymptoticEngine(),
        r.scoreSampler(),
        options.pretrainingSamples(),
        r.downstreamSampler(),
        options.downstreamSamples(),
        r.diagnostics().orbit().basis(),
        options.groups(),
        seed,
        runner);
    return new ModelLaw(r.model().name(), r.truth(), r.truthSearch(), r.readout(), r.diagnostics(), est,
        r.model().noiseVariance());
  }

  /** Refuses a model whose declared dimensions or σ² are invalid. */
  static void checkShapes(DifferentiableModel model) {
    String n = model.name();
    if (model.parameterDimension() < 1 || model.featureDimension() < 1
        || model.sampleDimension() < 1 || model.inputDimension() < 1) {
      throw new IllegalArgumentException(n + ": every dimension (q, p, dim z, dim x) must be >= 1");
    }
    double s2 = model.noiseVariance();
    if (!(s2 >= 0) || Double.isInfinite(s2)) {
      throw new IllegalArgumentException(n + ": noiseVariance() must be finite and >= 0, got " + s2);
    }
  }
}
