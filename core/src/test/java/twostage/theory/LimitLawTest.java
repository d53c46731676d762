package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;
import twostage.stats.WeightedChiSquare;

class LimitLawTest {
  private static final double[] WEIGHTS = {2, 0.6, 0.05};
  private static final double SIGMA2 = 0.5;
  private static final int D_EFF = 4;
  private static final double ALPHA = 2.5;

  private final LimitLaw law = new LimitLaw(SIGMA2, D_EFF, ALPHA, WEIGHTS);
  private final WeightedChiSquare q = new WeightedChiSquare(WEIGHTS);

  @Test
  void cdfIsTheInteractionLawShiftedAndScaled() {
    assertThat(law.shift()).isEqualTo(2.0);
    assertThat(law.alpha()).isEqualTo(ALPHA);
    for (double t : new double[] {-1, 1.9, 2, 2.01, 2.5, 3, 5, 20}) {
      double arg = ALPHA * (t - SIGMA2 * D_EFF);
      assertThat(law.cdf(t)).isEqualTo(q.cdf(arg));
      assertThat(law.survival(t)).isEqualTo(q.survival(arg));
      assertThat(law.density(t)).isEqualTo(ALPHA * q.density(arg));
      assertThat(law.pretrainingCdf(t)).isEqualTo(q.cdf(ALPHA * t));
    }
    assertThat(law.cdf(2)).isZero();
    assertThat(law.interaction().weights()).containsExactly(WEIGHTS);
  }

  @Test
  void meanVarianceAndQuantileAreConsistent() {
    assertThat(law.mean()).isCloseTo(2 + 2.65 / ALPHA, offset(1e-14));
    assertThat(law.variance()).isCloseTo(2 * (4 + 0.36 + 0.0025) / (ALPHA * ALPHA), offset(1e-14));
    for (double p : new double[] {1e-6, 0.01, 0.5, 0.9, 0.99, 1 - 1e-6}) {
      double t = law.quantile(p);
      assertThat(t).isCloseTo(2 + q.quantile(p) / ALPHA, offset(1e-12));
      assertThat(law.cdf(t)).isCloseTo(p, offset(1e-9));
    }
    double delta = 1e-4;
    assertThat(law.survival(law.quantile(1 - delta))).isCloseTo(delta, offset(1e-9 * delta));
  }

  @Test
  void sampleMeanWithinFourStandardErrors() {
    int n = 200_000;
    UniformRandomProvider rng = Streams.of(11L, 5);
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double e = law.sample(rng);
      sum += e;
      min = Math.min(min, e);
    }
    assertThat(sum / n).isCloseTo(law.mean(), offset(4 * Math.sqrt(law.variance() / n)));
    assertThat(min).isGreaterThanOrEqualTo(law.shift());
  }

  @Test
  void noInteractionIsPointMassAtTheShift() {
    LimitLaw point = new LimitLaw(1.5, 3, 1, new double[] {0, 0});
    assertThat(point.cdf(4.5 - 1e-12)).isZero();
    assertThat(point.cdf(4.5)).isEqualTo(1);
    assertThat(point.quantile(0.3)).isEqualTo(4.5);
    assertThat(point.variance()).isZero();
  }

  @Test
  void builtFromAnEvaluatedInstance() {
    Interaction instance = new Interaction(2.65, WEIGHTS.clone(), D_EFF, 3,
        new EngineDiagnostics(1, 1, Double.NaN, Double.NaN, 0, 1));
    LimitLaw fromInstance = LimitLaw.of(SIGMA2, ALPHA, instance);
    assertThat(fromInstance.mean()).isEqualTo(law.mean());
    assertThat(fromInstance.cdf(3)).isEqualTo(law.cdf(3));
  }

  @Test
  void rejectsInvalidParameters() {
    assertThatThrownBy(() -> new LimitLaw(-0.1, 1, 1, WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigma2")
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new LimitLaw(Double.NaN, 1, 1, WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma2");
    assertThatThrownBy(() -> new LimitLaw(1, -1, 1, WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dEff")
        .hasMessageContaining(">= 0");
    for (double alpha : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new LimitLaw(1, 1, alpha, WEIGHTS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("alpha")
          .hasMessageContaining("> 0");
    }
    assertThatThrownBy(() -> new LimitLaw(1, 1, 1, new double[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
  }
}
