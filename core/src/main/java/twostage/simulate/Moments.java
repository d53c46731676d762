package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Accumulate;
import twostage.linalg.Sym;
import twostage.random.Streams;
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
   * Population moments from N = {@code samples} draws. Two passes over the same draws (the stream is
   * re-created from a seed taken from {@code rng}): the first accumulates Σ and E[f⋆φ], the second the
   * squared residuals e² = (f⋆ − φᵀa)², so Rep is a mean of squares (its standard error from their
   * spread), never the cancelling difference E[f⋆²] − aᵀΣa.
   */
  public static PopulationMoments monteCarlo(FeatureSampler s, UniformRandomProvider rng, long samples) {
    if (samples < 2) {
      throw new IllegalArgumentException("need at least 2 population samples, got " + samples);
    }
    long seed = rng.nextLong();
    int p = s.featureDimension();
    double[] gram = new double[p * p];
    double[] cross = new double[p];
    UniformRandomProvider first = Streams.of(seed);
    long left = samples;
    double[] phi = new double[BLOCK * p];
    double[] f = new double[BLOCK];
    while (left > 0) {
      int c = (int) Math.min(BLOCK, left);
      s.draw(first, c, phi, f);
      Accumulate.gramLower(phi, c, p, gram);
      addCross(phi, f, c, p, cross);
      left -= c;
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
    UniformRandomProvider second = Streams.of(seed);
    left = samples;
    double sum = 0;
    double sumSq = 0;
    while (left > 0) {
      int c = (int) Math.min(BLOCK, left);
      s.draw(second, c, phi, f);
      for (int r = 0; r < c; r++) {
        double e = f[r];
        int o = r * p;
        for (int j = 0; j < p; j++) {
          e -= phi[o + j] * a[j];
        }
        double e2 = e * e;
        sum += e2;
        sumSq += e2 * e2;
      }
      left -= c;
    }
    double mean = sum / samples;
    double var = Math.max(sumSq / samples - mean * mean, 0) * samples / (samples - 1.0);
    return new PopulationMoments(g, a, new Estimate(mean, Math.sqrt(var / samples)), samples);
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
