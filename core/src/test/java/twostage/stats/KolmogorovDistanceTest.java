package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class KolmogorovDistanceTest {
  @Test
  void distanceMatchesTheDirectFormulaAndTheIntervalCoversTheTruth() {
    int covered = 0;
    int trials = 200;
    for (int t = 0; t < trials; t++) {
      UniformRandomProvider rng = Streams.of(3, t);
      double[] u = new double[300];
      for (int i = 0; i < u.length; i++) {
        u[i] = 0.95 * rng.nextDouble() + 0.05; // uniform on [0.05, 1]: distance to U(0,1) is 0.05
      }
      Interval iv = KolmogorovDistance.of(u, x -> Math.min(Math.max(x, 0), 1), 0.95);
      assertThat(iv.value()).isCloseTo(Kolmogorov.distance(u, x -> Math.min(Math.max(x, 0), 1)), offset(1e-15));
      if (iv.low() <= 0.05 && 0.05 <= iv.high()) {
        covered++;
      }
    }
    assertThat(covered).isGreaterThanOrEqualTo(trials * 95 / 100);
    assertThat(KolmogorovDistance.halfWidth(1000, 0.95)).isCloseTo(1.3581 / Math.sqrt(1000), offset(1e-4));
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
