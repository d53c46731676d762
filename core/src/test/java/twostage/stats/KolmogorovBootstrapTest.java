package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import twostage.models.factor.Kolmogorov;
import twostage.random.Streams;

class KolmogorovBootstrapTest {
  @Test
  void distanceMatchesTheDirectFormulaAndIntervalsCoverUnderTheNull() {
    int covered = 0;
    int trials = 40;
    for (int t = 0; t < trials; t++) {
      UniformRandomProvider rng = Streams.of(3, t);
      double[] u = new double[500];
      for (int i = 0; i < u.length; i++) {
        u[i] = rng.nextDouble();
      }
      Interval iv = KolmogorovBootstrap.of(u, x -> Math.min(Math.max(x, 0), 1), 300, 0.95, Streams.of(4, t));
      assertThat(iv.value()).isCloseTo(Kolmogorov.distance(u, x -> x), offset(1e-15));
      assertThat(iv.low()).isLessThanOrEqualTo(iv.high());
      // under the null the distance is of order 1/sqrt(R): its interval should reach that scale
      if (iv.low() <= 0.87 / Math.sqrt(u.length) && iv.high() >= 0.87 / Math.sqrt(u.length) * 0.5) {
        covered++;
      }
    }
    assertThat(covered).isGreaterThan(trials * 3 / 4);
  }

  @Test
  void shiftedSampleIsResolved() {
    UniformRandomProvider rng = Streams.of(5);
    double[] u = new double[1000];
    for (int i = 0; i < u.length; i++) {
      u[i] = 0.9 * rng.nextDouble() + 0.1; // uniform on [0.1, 1]: D = 0.1
    }
    Interval iv = KolmogorovBootstrap.of(u, x -> Math.min(Math.max(x, 0), 1), 400, 0.95, Streams.of(6));
    assertThat(iv.value()).isCloseTo(0.1, offset(0.03));
    assertThat(iv.low()).isGreaterThan(0.05);
    assertThat(iv.high()).isLessThan(0.16);
  }

  @Test
  void wilsonInterval() {
    Interval w = Proportions.wilson(0, 1000, 1.959964);
    assertThat(w.value()).isZero();
    assertThat(w.low()).isZero();
    assertThat(w.high()).isCloseTo(0.00383, offset(1e-4));
    Interval h = Proportions.wilson(500, 1000, 1.959964);
    assertThat(h.low()).isCloseTo(0.469, offset(1e-3));
    assertThat(h.high()).isCloseTo(0.531, offset(1e-3));
  }
}
