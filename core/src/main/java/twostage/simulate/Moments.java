package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.GramSum;
import twostage.linalg.Sym;
import twostage.stats.Estimate;

/** Design and Monte Carlo population moments from a {@link FeatureSampler}, streamed in blocks. */
public final class Moments {
  /** Rows per block: memory is O(block·p), independent of the sample size. */
  public static final int BLOCK = 4096;

  /** Relative eigenvalue threshold of the pseudo-inverses Σ⁺ and Σ_n⁺. */
  public static final double PINV_TOLERANCE = 1e-10;

  private Moments() {}

  /** Σ_n and (1/n)Σ f⋆φ over n fresh draws. */
  public static DesignMoments design(FeatureSampler s, UniformRandomProvider rng, int n) {
    int p = s.featureDimension();
    double[][] columns = buffer(DESIGN, p + 1, (int) Math.min(BLOCK, n));
    double[][] phi = java.util.Arrays.copyOf(columns, p);
    double[] joint;
    try (GramSum gram = GramSum.create(p + 1, columns[0].length)) {
      for (int left = n; left > 0; ) {
        int c = Math.min(columns[0].length, left);
        s.drawColumns(rng, c, phi, columns[p]);
        gram.addColumns(columns, c);
        left -= c;
      }
      joint = gram.toSymmetric();
    }
    return new DesignMoments(gram(joint, p, n), cross(joint, p, n), n);
  }

  /**
   * Population moments from N = {@code samples} draws. The draws are kept (N·(p+1) doubles, in buffers
   * reused by the calling thread) so that after Σ and E[f⋆φ] give a = Σ⁺E[f⋆φ], Rep is the mean of the
   * squared residuals e² = (f⋆ − φᵀa)² over the same draws (standard error from their spread), never the
   * cancelling difference E[f⋆²] − aᵀΣa. Σ and E[f⋆φ] come from one rank-k update per block of the
   * samples [φ, f⋆] ({@link GramSum}), which the sampler writes by coordinate.
   */
  public static PopulationMoments monteCarlo(FeatureSampler s, UniformRandomProvider rng, long samples) {
    if (samples < 2 || samples > Integer.MAX_VALUE / 64) {
      throw new IllegalArgumentException("population samples must be in [2, 2^25], got " + samples);
    }
    int count = (int) samples;
    int p = s.featureDimension();
    double[][] columns = buffer(POPULATION, p + 1, count);
    double[][] phi = java.util.Arrays.copyOf(columns, p);
    double[] f = columns[p];
    s.drawColumns(rng, count, phi, f);
    double[] joint;
    try (GramSum gram = GramSum.create(p + 1, BLOCK)) {
      for (int from = 0; from < count; from += BLOCK) {
        gram.addColumns(columns, from, Math.min(BLOCK, count - from));
      }
      joint = gram.toSymmetric();
    }
    DMatrixRMaj g = gram(joint, p, samples);
    double[] a = solve(g, cross(joint, p, samples));
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < count; r++) {
      double e = f[r];
      for (int j = 0; j < p; j++) {
        e -= phi[j][r] * a[j];
      }
      double e2 = e * e;
      sum += e2;
      sumSq += e2 * e2;
    }
    double mean = sum / samples;
    double var = Math.max(sumSq / samples - mean * mean, 0) * samples / (samples - 1.0);
    return new PopulationMoments(g, a, new Estimate(mean, Math.sqrt(var / samples)), samples);
  }

  /** Σ φφᵀ / n from the joint sum of [φ, f⋆] ((p+1)×(p+1), symmetric). */
  private static DMatrixRMaj gram(double[] joint, int p, double n) {
    DMatrixRMaj g = new DMatrixRMaj(p, p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        g.unsafe_set(i, j, joint[i * (p + 1) + j] / n);
      }
    }
    return g;
  }

  /** Σ f⋆φ / n from the joint sum of [φ, f⋆]. */
  private static double[] cross(double[] joint, int p, double n) {
    double[] c = new double[p];
    for (int j = 0; j < p; j++) {
      c[j] = joint[p * (p + 1) + j] / n;
    }
    return c;
  }

  private static final ThreadLocal<double[][]> POPULATION = ThreadLocal.withInitial(() -> new double[0][0]);
  private static final ThreadLocal<double[][]> DESIGN = ThreadLocal.withInitial(() -> new double[0][0]);

  /** Per-thread scratch: {@code rows} arrays of length at least {@code length} (contents unspecified). */
  private static double[][] buffer(ThreadLocal<double[][]> holder, int rows, int length) {
    double[][] h = holder.get();
    if (h.length != rows || h[0].length < length) {
      h = new double[rows][Math.max(length, h.length == rows ? h[0].length : 0)];
      holder.set(h);
    }
    return h;
  }

  /** Σ⁺ b (minimum-norm solution, eigenvalues below {@link #PINV_TOLERANCE}·max treated as 0). */
  public static double[] solve(DMatrixRMaj gram, double[] b) {
    DMatrixRMaj pinv = Sym.pinv(gram, PINV_TOLERANCE);
    int p = b.length;
    double[] out = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += pinv.unsafe_get(i, j) * b[j];
      }
      out[i] = s;
    }
    return out;
  }
}
