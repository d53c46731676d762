package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * k-means++ seeding (Arthur and Vassilvitskii, 2007): the first centre uniformly among the data, each
 * next one with probability proportional to the squared distance to the nearest centre chosen so far.
 */
public final class KMeansPlusPlus {
  private KMeansPlusPlus() {}

  /** K seeds (K×d) from the m×d row-major sample {@code x}. */
  public static double[][] seeds(UniformRandomProvider rng, double[] x, int m, int d, int k) {
    if (m < k) {
      throw new IllegalArgumentException("k-means++ needs at least K=" + k + " points, got " + m);
    }
    double[][] c = new double[k][];
    c[0] = row(x, rng.nextInt(m), d);
    double[] dist = new double[m];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int i = 1; i < k; i++) {
      double total = 0;
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int a = 0; a < d; a++) {
          double v = x[j * d + a] - c[i - 1][a];
          s += v * v;
        }
        dist[j] = Math.min(dist[j], s);
        total += dist[j];
      }
      double target = rng.nextDouble() * total;
      int pick = m - 1;
      double run = 0;
      for (int j = 0; j < m; j++) {
        run += dist[j];
        if (run > target) {
          pick = j;
          break;
        }
      }
      c[i] = row(x, pick, d);
    }
    return c;
  }

  private static double[] row(double[] x, int j, int d) {
    double[] out = new double[d];
    System.arraycopy(x, j * d, out, 0, d);
    return out;
  }
}
