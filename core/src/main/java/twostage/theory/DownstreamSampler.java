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
}
