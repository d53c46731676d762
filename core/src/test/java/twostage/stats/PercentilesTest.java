package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Type-7 quantiles (R's default) and the percentile and basic bootstrap intervals built on them. */
class PercentilesTest {
  @Test
  void quantilesInterpolateBetweenOrderStatisticsAndSkipNonFiniteValues() {
    double[] v = {4, Double.NaN, 1, 3, 2, Double.POSITIVE_INFINITY};
    // R: quantile(c(1,2,3,4), c(0, 0.25, 0.5, 0.9, 1)) = 1, 1.75, 2.5, 3.7, 4
    assertThat(Percentiles.quantile(v, 0)).isEqualTo(1);
    assertThat(Percentiles.quantile(v, 0.25)).isCloseTo(1.75, offset(1e-15));
    assertThat(Percentiles.quantile(v, 0.5)).isCloseTo(2.5, offset(1e-15));
    assertThat(Percentiles.quantile(v, 0.9)).isCloseTo(3.7, offset(1e-15));
    assertThat(Percentiles.quantile(v, 1)).isEqualTo(4);
    assertThat(Percentiles.quantile(new double[] {Double.NaN}, 0.5)).isNaN();
  }

  @Test
  void theBasicIntervalReflectsThePercentileOneAboutTheEstimate() {
    double[] reps = new double[101];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = i; // quantiles 5 and 95 at level 0.9
    }
    Interval p = Percentiles.percentile(40, reps, 0.9);
    assertThat(p.low()).isCloseTo(5, offset(1e-12));
    assertThat(p.high()).isCloseTo(95, offset(1e-12));
    Interval b = Percentiles.basic(40, reps, 0.9);
    assertThat(b.low()).isCloseTo(2 * 40 - 95, offset(1e-12));
    assertThat(b.high()).isCloseTo(2 * 40 - 5, offset(1e-12));
  }
}
