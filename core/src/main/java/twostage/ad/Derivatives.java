package twostage.ad;

/**
 * Per-point derivatives of a {@link DifferentiableModel}: automatic ({@link AutomaticDerivatives}) or
 * hand-written (returned by {@link DifferentiableModel#handDerivatives()} to replace them for speed).
 * Implementations must be thread-safe.
 */
public interface Derivatives {
  /** ℓ(w; z). */
  double loss(double[] w, double[] z);

  /** ψ(x; w) into {@code psi} (length p). */
  void featureValues(double[] w, double[] x, double[] psi);

  /** ∇_w ℓ(w; z) into {@code out} (length q); returns ℓ(w; z). */
  double score(double[] w, double[] z, double[] out);

  /** ∇²_w ℓ(w; z) added into {@code out} (row-major q × q); the score goes into {@code score} when not null. */
  void addHessian(double[] w, double[] z, double[] out, double[] score);

  /**
   * ψ(x; w) into {@code psi} (length p) and its Jacobian K = ∂ψ/∂w into {@code jacobian} (row-major
   * p × q, K[a][b] = ∂ψ_a/∂w_b).
   */
  void features(double[] w, double[] x, double[] psi, double[] jacobian);
}
