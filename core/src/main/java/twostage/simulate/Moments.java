package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Accumulate;
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
    double[] gram = new double[p * p];
    double[] cross = new double[p];
    accumulate(s, rng, n, gram, cross);
    DMatrixRMaj g = new DMatrixRMaj(p, p, true, gram);
    Sym.fillUpperFromLower(g);
    for (int i = 0; i < p * p; i++) {
      g.data[i] /= n;
    }
    for (int i = 0; i < p; i++) {
      cross[i] /= n;
    }
    return new DesignMoments(g, cross, n);
  }

  /**
   * Population moments from N = {@code samples} draws. The draws are kept (N·(p+1) doubles, in a buffer
   * reused by the calling thread) so that after Σ and E[f⋆φ] give a = Σ⁺E[f⋆φ], Rep is the mean of the
   * squared residuals e² = (f⋆ − φᵀa)² over the same draws (standard error from their spread), never the
   * cancelling difference E[f⋆²] − aᵀΣa.
   */
  public static PopulationMoments monteCarlo(FeatureSampler s, UniformRandomProvider rng, long samples) {
    if (samples < 2 || samples > Integer.MAX_VALUE / 64) {
      throw new IllegalArgumentException("population samples must be in [2, 2^25], got " + samples);
    }
    int count = (int) samples;
    int p = s.featureDimension();
    double[] phi = buffer(PHI, (long) count * p);
    double[] f = buffer(TARGET, count);
    s.draw(rng, count, phi, f);
    double[] gram = new double[p * p];
    double[] cross = new double[p];
    Accumulate.gramLower(phi, count, p, gram);
    for (int r = 0; r < count; r++) {
      double fr = f[r];
      int o = r * p;
      for (int j = 0; j < p; j++) {
        cross[j] += fr * phi[o + j];
      }
    }
    DMatrixRMaj g = new DMatrixRMaj(p, p, true, gram);
    Sym.fillUpperFromLower(g);
    for (int i = 0; i < p * p; i++) {
      g.data[i] /= samples;
    }
    for (int i = 0; i < p; i++) {
      cross[i] /= samples;
    }
    double[] a = solve(g, cross);
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < count; r++) {
      double e = f[r];
      int o = r * p;
      for (int j = 0; j < p; j++) {
        e -= phi[o + j] * a[j];
      }
      double e2 = e * e;
      sum += e2;
      sumSq += e2 * e2;
    }
    double mean = sum / samples;
    double var = Math.max(sumSq / samples - mean * mean, 0) * samples / (samples - 1.0);
    return new PopulationMoments(g, a, new Estimate(mean, Math.sqrt(var / samples)), samples);
  }

  private static final ThreadLocal<double[][]> PHI = ThreadLocal.withInitial(() -> new double[1][0]);
  private static final ThreadLocal<double[][]> TARGET = ThreadLocal.withInitial(() -> new double[1][0]);

  /** A per-thread scratch array of at least {@code size} doubles (contents unspecified). */
  private static double[] buffer(ThreadLocal<double[][]> holder, long size) {
    double[][] h = holder.get();
    if (h[0].length < size) {
      h[0] = new double[(int) size];
    }
    return h[0];
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

  private static void accumulate(
      FeatureSampler s, UniformRandomProvider rng, long count, double[] gram, double[] cross) {
    int p = s.featureDimension();
    int blk = (int) Math.min(BLOCK, count);
    double[] phi = new double[blk * p];
    double[] f = new double[blk];
    long left = count;
    while (left > 0) {
      int c = (int) Math.min(blk, left);
      s.draw(rng, c, phi, f);
      Accumulate.gramLower(phi, c, p, gram);
      addCross(phi, f, c, p, cross);
      left -= c;
    }
  }

  private static void addCross(double[] phi, double[] f, int c, int p, double[] cross) {
    for (int r = 0; r < c; r++) {
      double fr = f[r];
      int o = r * p;
      for (int j = 0; j < p; j++) {
        cross[j] += fr * phi[o + j];
      }
    }
  }
}
