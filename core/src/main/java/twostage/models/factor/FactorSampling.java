package twostage.models.factor;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Small allocation-free helpers shared by the factor-model samplers (row-major flat matrices). */
final class FactorSampling {
  private FactorSampling() {}

  /** x = A h + µ with h ~ N(0, I_k), µ ~ N(0, I_d); h receives the latent factor. */
  static void drawX(ZigguratSampler.NormalizedGaussian g, double[] a, int d, int k, double[] h, double[] x) {
    for (int j = 0; j < k; j++) {
      h[j] = g.sample();
    }
    for (int i = 0; i < d; i++) {
      double v = g.sample();
      int o = i * k;
      for (int j = 0; j < k; j++) {
        v += a[o + j] * h[j];
      }
      x[i] = v;
    }
  }

  /** out = M v for a row-major rows×cols M. */
  static void multiply(double[] m, int rows, int cols, double[] v, double[] out) {
    for (int i = 0; i < rows; i++) {
      double s = 0;
      int o = i * cols;
      for (int j = 0; j < cols; j++) {
        s += m[o + j] * v[j];
      }
      out[i] = s;
    }
  }

  /** out = Mᵀ v for a row-major rows×cols M. */
  static void multiplyTransposed(double[] m, int rows, int cols, double[] v, double[] out) {
    java.util.Arrays.fill(out, 0, cols, 0.0);
    for (int i = 0; i < rows; i++) {
      double vi = v[i];
      int o = i * cols;
      for (int j = 0; j < cols; j++) {
        out[j] += m[o + j] * vi;
      }
    }
  }
}
