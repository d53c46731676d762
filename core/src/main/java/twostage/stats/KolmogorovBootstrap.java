package twostage.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The one-sample Kolmogorov distance D = sup_t |F_R(t) − F(t)| of a sample to a continuous CDF F, with a
 * bias-corrected percentile bootstrap interval (Efron's BC) over resamples of the sample. F is evaluated once per sample point (a
 * resample only reweights the same points), so the bootstrap costs O(B·R) after one sort.
 */
public final class KolmogorovBootstrap {
  private KolmogorovBootstrap() {}

  /** D with a {@code level} (e.g. 0.95) bias-corrected percentile interval from {@code resamples} bootstrap resamples. */
  public static Interval of(
      double[] sample, DoubleUnaryOperator cdf, int resamples, double level, UniformRandomProvider rng) {
    int r = sample.length;
    if (r == 0) {
      throw new IllegalArgumentException("empty sample");
    }
    double[] x = sample.clone();
    Arrays.sort(x);
    double[] f = new double[r];
    for (int i = 0; i < r; i++) {
      f[i] = cdf.applyAsDouble(x[i]);
    }
    int[] ones = new int[r];
    Arrays.fill(ones, 1);
    double d = distance(f, ones, r);
    if (resamples < 1) {
      return new Interval(d, Double.NaN, Double.NaN);
    }
    double[] boot = new double[resamples];
    int[] counts = new int[r];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < r; i++) {
        counts[rng.nextInt(r)]++;
      }
      boot[b] = distance(f, counts, r);
    }
    Arrays.sort(boot);
    // bias-corrected percentile interval: the bootstrap distribution of a sup-distance sits above the
    // estimate (resampling adds its own discrepancy), which the plain percentile interval would inherit
    int below = 0;
    for (double v : boot) {
      below += v < d ? 2 : v == d ? 1 : 0;
    }
    double p0 = Math.min(Math.max(below / (2.0 * resamples), 0.5 / resamples), 1 - 0.5 / resamples);
    NormalDistribution normal = new NormalDistribution(0, 1);
    double z0 = normal.inverseCumulativeProbability(p0);
    double z = normal.inverseCumulativeProbability((1 + level) / 2);
    double lo = quantile(boot, normal.cumulativeProbability(2 * z0 - z));
    double hi = quantile(boot, normal.cumulativeProbability(2 * z0 + z));
    return new Interval(d, lo, hi);
  }

  /** sup |F_R − F| for sorted points with CDF values f and multiplicities counts (sum r). */
  private static double distance(double[] f, int[] counts, int r) {
    double dist = 0;
    int below = 0;
    for (int i = 0; i < f.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      dist = Math.max(dist, f[i] - (double) below / r);
      below += counts[i];
      dist = Math.max(dist, (double) below / r - f[i]);
    }
    return dist;
  }

  /** The 95% critical value 1.358/√R of the one-sample Kolmogorov distance: what R draws can resolve. */
  public static double resolution(int r) {
    return 1.3581 / Math.sqrt(r);
  }

  /** Type-7 quantile of a sorted array. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
