package twostage.stats;

import java.util.Arrays;

/** Empirical quantiles and bootstrap intervals from replicate values. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The p-quantile of the finite values (linear interpolation between order statistics, Hyndman and
   * Fan's type 7); NaN when there are none.
   */
  public static double quantile(double[] values, double p) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    return v.length == 0 ? Double.NaN : Kolmogorov.quantile(v, p);
  }

  /**
   * The percentile bootstrap interval at {@code level}: the (1 − level)/2 and (1 + level)/2 quantiles
   * of the replicate values around the point estimate {@code value} (Efron and Tibshirani, 1993, §13.3).
   */
  public static Interval percentile(double value, double[] replicates, double level) {
    check(level);
    return new Interval(value, quantile(replicates, (1 - level) / 2), quantile(replicates, (1 + level) / 2));
  }

  /**
   * The basic (reverse-percentile) bootstrap interval [2θ̂ − q_hi, 2θ̂ − q_lo] (Davison and Hinkley, 1997,
   * §5.2), which corrects a percentile interval for a bias of the estimator to first order.
   */
  public static Interval basic(double value, double[] replicates, double level) {
    Interval p = percentile(value, replicates, level);
    return new Interval(value, 2 * value - p.high(), 2 * value - p.low());
  }

  private static void check(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be in (0, 1), got " + level);
    }
  }
}
