package twostage.ad;

import twostage.theory.DownstreamSampler;
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
}
