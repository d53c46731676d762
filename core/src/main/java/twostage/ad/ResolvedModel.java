package twostage.ad;

import twostage.baseline.BaselineProblem;
import twostage.baseline.LocalChart;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.stats.GroupedSums;
import twostage.theory.DownstreamMoments;
import twostage.theory.DownstreamSampler;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;
import twostage.theory.ScoreSampler;

/**
 * A {@link DifferentiableModel} with w⋆ and θ⋆ fixed and its regularity checks passed: the adapters
 * every generic study needs (Monte Carlo moments for limit and plan, the simulator's model for validate
 * and the large-m check, the downstream-only class for crossover, see {@link AdBaseline}).
 *
 * @param model the model
 * @param derivatives the derivatives used (automatic or hand-written)
 * @param truth w⋆
 * @param truthSearch the search that found w⋆, or null when given
 * @param readout θ⋆
 * @param diagnostics the checks (passed)
 */
public record ResolvedModel(
    DifferentiableModel model,
    Derivatives derivatives,
    double[] truth,
    PretrainingFit truthSearch,
    Readout readout,
    ModelDiagnostics diagnostics) {

  /** Per-sample scores (and Hessians) at w⋆. */
  public ScoreSampler scoreSampler() {
    return ModelAdapters.scores(model, derivatives, truth);
  }

  /** Per-sample ψ(x; w⋆) and J(x) at w⋆. */
  public DownstreamSampler downstreamSampler() {
    return ModelAdapters.downstream(model, derivatives, truth, readout.theta());
  }

  /** The orbit tangent at w⋆ (q × o). */
  public org.ejml.data.DMatrixRMaj orbit() {
    return diagnostics.orbit().basis();
  }

  /**
   * The model's own estimator when it has one, else the default: damped Newton on the empirical loss
   * from w⋆ on the horizontal slice.
   */
  public PretrainingEstimator defaultEstimator() {
    PretrainingEstimator own = model.estimator(truth.clone(), orbit().copy());
    return own != null ? own : new EmpiricalRiskEstimator(model, derivatives, truth, orbit(), new NewtonMinimizer());
  }

  /** The model in the simulator with {@link #defaultEstimator()}. */
  public AdTwoStageModel twoStage(long populationSamples) {
    return twoStage(defaultEstimator(), populationSamples);
  }

  /** The model in the simulator with a given estimator. */
  public AdTwoStageModel twoStage(PretrainingEstimator estimator, long populationSamples) {
    return new AdTwoStageModel(model, derivatives, truth, readout.theta(), estimator, populationSamples);
  }

  /** Σψ, C and E[JJᵀ] at w⋆ from {@code samples} Monte Carlo draws (the law's downstream stream). */
  public DownstreamMoments downstreamMoments(long samples, long seed, Runner runner) {
    GroupedSums sums = MonteCarloMoments.downstream(
        downstreamSampler(), samples, MonteCarloMoments.DEFAULT_GROUPS, seed, runner);
    return MonteCarloMoments.toDownstream(sums.mean(), model.featureDimension(), model.parameterDimension());
  }

  /** d_base, the rank of the joint Gram of [ψ; J] (end of Section 5), from {@code samples} draws. */
  public TangentRank baseRank(long samples, double tolerance, long seed, Runner runner) {
    return TangentRank.baseline(downstreamMoments(samples, seed, runner), tolerance);
  }

  /** The downstream-only baseline problem of {@link AdBaseline} at (θ⋆, w⋆). */
  public BaselineProblem baseline() {
    return AdBaseline.problem(this);
  }

  /** The local chart of the downstream-only class at (θ⋆, w⋆) from {@code samples} design points. */
  public LocalChart chart(int samples, double tolerance, long seed) {
    return LocalChart.at(baseline(), samples, tolerance, Streams.of(seed, 31));
  }
}
