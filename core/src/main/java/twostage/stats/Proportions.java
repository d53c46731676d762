package twostage.stats;

/** Binomial proportions with the Wilson score interval. */
public final class Proportions {
  private Proportions() {}

  /** k/n with the Wilson interval at normal quantile z (1.96 for 95%). */
  public static Interval wilson(int k, int n, double z) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, n > 0; got k=" + k + ", n=" + n);
    }
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    double lo = k == 0 ? 0 : Math.max(0, centre - half);
    double hi = k == n ? 1 : Math.min(1, centre + half);
    return new Interval(p, lo, hi);
  }

  /** Mean with its standard error sd/√n. */
  public static Estimate mean(double[] v) {
    int n = v.length;
    double s = 0;
    for (double x : v) {
      s += x;
    }
    double mean = s / n;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new Estimate(mean, n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN);
  }
}
