package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A case study as the simulator sees it: a pre-training estimator that turns m fresh samples from
 * µ_pre into learned features, and the label-noise variance σ² of the downstream task.
 */
public interface TwoStageModel {
  /** Short name used in reports ("gmm", "factor", "spectral"). */
  String name();

  /** p, the number of downstream features ψ(x, ŵ). */
  int featureDimension();

  /** σ² = Var(y | x) of the downstream labels (averaged analytically, never sampled). */
  double noiseVariance();

  /**
   * Draws m samples from µ_pre with {@code rng}, fits the pre-training estimator (3.2) and returns the
   * learned representation x ↦ ψ(x, ŵ_m).
   */
  LearnedRepresentation pretrain(UniformRandomProvider rng, int m);

  /** The smallest m the pre-training estimator accepts (e.g. d for a d-dimensional moment fit). */
  default int minimumPretrainingSize() {
    return 1;
  }

  /** How the pipeline runs, in a few sentences for reports (estimator, start, what is exact). */
  default java.util.List<String> notes() {
    return java.util.List.of();
  }
}
