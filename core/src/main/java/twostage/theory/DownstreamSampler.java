package twostage.theory;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo access to the downstream side at w⋆: draws x ~ µ_down and evaluates the features
 * ψ(x, w⋆) ∈ R^p and the Jacobian J(x) = ∇_w ⟨θ⋆, ψ(x, w)⟩|_{w⋆} ∈ R^q.
 * Implementations must be thread-safe (allocate scratch space per call).
 */
public interface DownstreamSampler {
  /** p, the number of features. */
  int featureDimension();

  /** q, the number of representative coordinates. */
  int parameterDimension();

  /**
   * Draws {@code count} samples x ~ µ_down.
   *
   * @param features receives ψ(x, w⋆), row-major {@code count × p}
   * @param jacobians receives J(x), row-major {@code count × q}
   */
  void sample(UniformRandomProvider rng, int count, double[] features, double[] jacobians);

  /**
   * Draws {@code count} samples as {@link #sample} does (the same draws from the same stream) and
   * writes them by coordinate: {@code columns[i][n]} is feature i (i &lt; p) or J_{i−p} (p ≤ i &lt; p + q)
   * of sample n. The layout the Monte Carlo moments sum (one rank-k update per block); the default
   * transposes {@link #sample}'s rows, a model may write it directly.
   *
   * @param columns p + q arrays of length at least {@code count}
   */
  default void sampleColumns(UniformRandomProvider rng, int count, double[][] columns) {
    int p = featureDimension();
    int q = parameterDimension();
    double[] features = new double[count * p];
    double[] jacobians = new double[count * q];
    sample(rng, count, features, jacobians);
    for (int i = 0; i < p; i++) {
      double[] c = columns[i];
      for (int n = 0; n < count; n++) {
        c[n] = features[n * p + i];
      }
    }
    for (int j = 0; j < q; j++) {
      double[] c = columns[p + j];
      for (int n = 0; n < count; n++) {
        c[n] = jacobians[n * q + j];
      }
    }
  }
}
