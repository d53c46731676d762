package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class TrendFitTest {
  private static final double[] X = {2, 3, 5, 8, 13, 21, 34, 55};

  private static double[] map(java.util.function.DoubleUnaryOperator f) {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = f.applyAsDouble(X[i]);
    }
    return y;
  }

  @Test
  void recoversExactCoefficients() {
    TrendFit q = TrendFit.quadratic(X, map(x -> -0.3 * x * x + 2 * x + 0.5));
    assertThat(q.coefficients()).containsExactly(new double[] {-0.3, 2, 0.5}, offset(1e-9));
    assertThat(q.rSquared()).isCloseTo(1.0, offset(1e-12));
    TrendFit l = TrendFit.logarithmic(X, map(x -> 0.01 + 0.002 * Math.log(x)));
    assertThat(l.coefficients()).containsExactly(new double[] {0.01, 0.002}, offset(1e-12));
    TrendFit p = TrendFit.power(X, map(x -> 3.5 * Math.pow(x, -2.25)));
    assertThat(p.coefficients()).containsExactly(new double[] {3.5, -2.25}, offset(1e-9));
    // the exponent is p: alpha is m/n in every table of the report
    assertThat(p.names()).containsExactly("C", "p");
    assertThat(p.formula()).isEqualTo("C*x^p");
    TrendFit r = TrendFit.rational(X, map(x -> (-0.046 + 0.033 * x) / (x + 1)));
    assertThat(r.coefficients()).containsExactly(new double[] {-0.046, 0.033}, offset(1e-12));
    assertThat(r.at(1000)).isCloseTo((-0.046 + 0.033 * 1000) / 1001, offset(1e-12));
  }

  @Test
  void rSquaredOfANoisyFitIsBelowOneAndMatchesDefinition() {
    double[] y = map(x -> 1 + 0.5 * x);
    y[3] += 2;
    TrendFit q = TrendFit.quadratic(X, y);
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double res = 0;
    double tot = 0;
    for (int i = 0; i < X.length; i++) {
      res += Math.pow(y[i] - q.at(X[i]), 2);
      tot += Math.pow(y[i] - mean, 2);
    }
    assertThat(q.rSquared()).isCloseTo(1 - res / tot, offset(1e-12)).isLessThan(1.0);
  }

  @Test
  void refusesTooFewPointsAndNonPositivePowerData() {
    assertThatThrownBy(() -> TrendFit.quadratic(new double[] {1, 2}, new double[] {1, 2}))
        .hasMessageContaining("at least 3");
    assertThatThrownBy(() -> TrendFit.power(new double[] {1, 2}, new double[] {1, -2}))
        .hasMessageContaining("positive");
  }
}
