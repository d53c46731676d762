package twostage.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.experiments.GmmPoint.Method;

class GmmPointTest {
  private static GmmPoint point(int d, long seed, Method m) {
    return new GmmPoint(3, d, 1.5, 1.0, 0.5, 4_000, 8_000, 10, seed, m);
  }

  @Test
  void keyEncodesEveryField() {
    GmmPoint p = point(7, 3, Method.REDUCED);
    assertThat(p.key()).isEqualTo(
        "gmm K=3 d=7 beta=1.5 thetaNorm=1.0 sigma=0.5 fisher=4000 samples=8000 groups=10 seed=3 method=reduced");
    assertThat(point(7, 4, Method.REDUCED).key()).isNotEqualTo(p.key());
    assertThat(point(8, 3, Method.REDUCED).key()).isNotEqualTo(p.key());
    assertThat(point(7, 3, Method.DIRECT).key()).isNotEqualTo(p.key());
  }

  @Test
  void resultIsAPureFunctionOfThePointWhateverTheThreads() {
    GmmPoint p = point(9, 5, Method.REDUCED);
    GmmPointResult a = p.compute(new SequentialRunner());
    GmmPointResult b;
    try (ThreadPoolRunner run = new ThreadPoolRunner(2)) {
      b = p.compute(run);
    }
    assertThat(b.mean()).isEqualTo(a.mean());
    assertThat(b.weights()).containsExactly(a.weights());
  }

  @Test
  void exactFormReproducesTheValueAtItsOwnD() {
    GmmPointResult r = point(12, 5, Method.REDUCED).compute(new SequentialRunner());
    double a = r.exactA().value();
    double b = r.exactB().value();
    assertThat((a + b * 12) / 13).isCloseTo(r.mean().value(), offset(1e-12));
    assertThat(r.multiplicity()).isEqualTo(12 - 2);
    assertThat(r.weights().length + r.isotropicWeights().length * r.multiplicity()).isEqualTo(3 * 12);
  }
}
