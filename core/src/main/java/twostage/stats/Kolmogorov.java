package twostage.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Kolmogorov–Smirnov distances and their large-sample critical values: the one implementation the
 * large-m checks and the validation share.
 */
public final class Kolmogorov {
  private Kolmogorov() {}

  /** sup_t |F_R(t) − F(t)| for the empirical CDF F_R of {@code sample}. */
  public static double distance(double[] sample, DoubleUnaryOperator cdf) {
    double[] x = sample.clone();
    Arrays.sort(x);
    int n = x.length;
    double dist = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(x[i]);
      dist = Math.max(dist, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return dist;
  }

  /** sup_t |F_a(t) − F_b(t)| for two empirical CDFs. */
  public static double twoSampleDistance(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double dist = 0;
    while (i < x.length && j < y.length) {
      double t = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= t) {
        i++;
      }
      while (j < y.length && y[j] <= t) {
        j++;
      }
      dist = Math.max(dist, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return dist;
  }

  /** c(α)/√R with c(α) = √(−½ ln(α/2)): the asymptotic one-sample critical value at level α (1.36/√R at 5%). */
  public static double criticalValue(int r, double level) {
    return Math.sqrt(-0.5 * Math.log(level / 2)) / Math.sqrt(r);
  }

  /** The two-sample critical value c(α)√((a + b)/(ab)). */
  public static double twoSampleCriticalValue(int a, int b, double level) {
    return Math.sqrt(-0.5 * Math.log(level / 2)) * Math.sqrt((a + b) / ((double) a * b));
  }

  /** The type-7 (linear interpolation) quantile of level p of a sorted sample. */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
