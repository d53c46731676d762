package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** A law's CDF against the empirical CDF of a seeded sample, within 4.2 standard errors per point. */
final class EmpiricalCdfAssert {
  private EmpiricalCdfAssert() {}

  /**
   * At {@code points} quantiles evenly spaced from probability {@code first} to 1 − {@code first},
   * |F̂(x) − F(x)| ≤ 4.2·sqrt(F(1 − F)/n) (two-sided normal tail 2.7·10⁻⁵ per point); and the check has
   * power: a CDF off by ±{@code shift} would fail at some point.
   *
   * @param sorted the n draws, sorted
   */
  static void agrees(WeightedChiSquare q, double[] sorted, int points, double first, double shift) {
    int n = sorted.length;
    boolean detectsShift = false;
    for (int i = 0; i < points; i++) {
      double p = first + (1 - 2 * first) * i / (points - 1);
      double x = q.quantile(p);
      double f = q.cdf(x);
      double empirical = upperIndex(sorted, x) / (double) n;
      double bound = 4.2 * Math.sqrt(f * (1 - f) / n);
      assertThat(Math.abs(empirical - f)).as("p=%g x=%g F=%g", p, x, f).isLessThanOrEqualTo(bound);
      detectsShift |= Math.abs(empirical - (f + shift)) > bound && Math.abs(empirical - (f - shift)) > bound;
    }
    assertThat(detectsShift).as("a CDF off by %g would be detected", shift).isTrue();
  }

  /** The number of draws ≤ x. */
  private static int upperIndex(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
