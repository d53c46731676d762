package twostage.baseline;

/**
 * A parametric regression class F = {x ↦ f(x; φ) : φ ∈ R^P} for the downstream-only baseline (end of
 * Section 5): φ collects the readout θ and the representation parameters w, so that f(x; φ) =
 * ⟨θ, ψ(x, w)⟩. Implementations must be thread-safe (allocate scratch per call).
 */
public interface RegressionFamily {
  /** Dimension of x. */
  int inputDimension();

  /** P, the number of parameters. */
  int parameterDimension();

  /**
   * f(x_i; φ) for the {@code count} rows of {@code x} (row-major count×inputDimension) into
   * {@code values}.
   */
  void evaluate(double[] phi, double[] x, int count, double[] values);

  /**
   * Directional derivatives: {@code out[i·r + j]} = ∂/∂t f(x_i; φ + t·D_j) at t = 0 for the r columns
   * D_j of {@code directions} (row-major P×r). The default uses central differences with step
   * {@link #STEP} times max(1, ‖D_j‖∞·max|φ|); implementations override with analytic derivatives.
   */
  default void directionalDerivatives(
      double[] phi, double[] directions, int r, double[] x, int count, double[] out) {
    int p = parameterDimension();
    double scale = 1;
    for (double v : phi) {
      scale = Math.max(scale, Math.abs(v));
    }
    double[] plus = new double[count];
    double[] minus = new double[count];
    double[] shifted = new double[p];
    for (int j = 0; j < r; j++) {
      double norm = 0;
      for (int a = 0; a < p; a++) {
        norm = Math.max(norm, Math.abs(directions[a * r + j]));
      }
      if (norm == 0) {
        for (int i = 0; i < count; i++) {
          out[i * r + j] = 0;
        }
        continue;
      }
      double h = STEP * scale / norm;
      for (int a = 0; a < p; a++) {
        shifted[a] = phi[a] + h * directions[a * r + j];
      }
      evaluate(shifted, x, count, plus);
      for (int a = 0; a < p; a++) {
        shifted[a] = phi[a] - h * directions[a * r + j];
      }
      evaluate(shifted, x, count, minus);
      for (int i = 0; i < count; i++) {
        out[i * r + j] = (plus[i] - minus[i]) / (2 * h);
      }
    }
  }

  /** Relative step of the default central differences (error O(STEP²) ≈ 1e-10 relative). */
  double STEP = 1e-5;
}
