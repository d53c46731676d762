package twostage.theory;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo access to the pre-training loss at w⋆: draws z ~ µ_pre and evaluates the per-sample score
 * ∇ℓ(w⋆; z) and, for M-estimators that are not well-specified MLEs, the per-sample Hessian.
 * Implementations must be thread-safe (allocate scratch space per call).
 */
public interface ScoreSampler {
  /** q, the number of representative coordinates. */
  int parameterDimension();

  /**
   * True when the loss is a well-specified negative log-likelihood, so that H = S (Fisher information)
   * and no per-sample Hessian is needed.
   */
  boolean isMaximumLikelihood();

  /**
   * Draws {@code count} samples z ~ µ_pre.
   *
   * @param scores receives the scores, row-major {@code count × q}
   * @param hessianSum when not null (and the model is not an MLE), the per-sample Hessians ∇²ℓ(w⋆; z)
   *     of the drawn samples are added into this row-major q×q array
   */
  void sample(UniformRandomProvider rng, int count, double[] scores, double[] hessianSum);

  /**
   * The scores of {@link #sample} (the same draws from the same stream, no Hessians) stored by
   * coordinate: {@code columns[j][n]} is coordinate j of the score of sample n. The default transposes
   * {@link #sample}'s rows; a model may write them directly.
   *
   * @param columns q arrays of length at least {@code count}
   */
  default void sampleColumns(UniformRandomProvider rng, int count, double[][] columns) {
    int q = parameterDimension();
    double[] rows = new double[count * q];
    sample(rng, count, rows, null);
    for (int j = 0; j < q; j++) {
      double[] c = columns[j];
      for (int n = 0; n < count; n++) {
        c[n] = rows[n * q + j];
      }
    }
  }
}
