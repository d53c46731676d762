package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class RegularizedGammaTest {

  /** Integer shapes against the 50-digit Poisson sum, from a = 1 to a = 5·10⁴, both tails. */
  @Test
  void integerShapesMatchExactPoissonSums() {
    for (int a : new int[] {1, 3, 10, 37, 500, 2500, 50_000}) {
      double sd = Math.sqrt(a);
      for (double zScore : new double[] {-6, -3, -1, -0.1, 0, 0.7, 2, 5, 9}) {
        double x = Math.max(a + zScore * sd, 1e-3 * a);
        double[] exact = ExactChiSquare.cdfAndSurvival(a, x);
        String at = "a=" + a + " x=" + x;
        assertThat(RegularizedGamma.p(a, x)).as(at).isCloseTo(exact[0], offset(tolerance(a, x, exact[0])));
        assertThat(RegularizedGamma.q(a, x)).as(at).isCloseTo(exact[1], offset(tolerance(a, x, exact[1])));
      }
    }
  }

  /** 3·10⁻¹⁵ relative plus the rounding of the prefactor exponent, (|x − a| + a|log(x/a)|)·ulp. */
  private static double tolerance(double a, double x, double value) {
    return value * (3e-15 + 4e-16 * (Math.abs(x - a) + a * Math.abs(Math.log(x / a)) + Math.log(a + 1)));
  }

  /** Half-integer shapes below the Stirling threshold against Hipparchus (accurate there). */
  @Test
  void smallShapesAgreeWithHipparchus() {
    for (double a : new double[] {0.5, 1.5, 2.5, 4.5, 9.5}) {
      for (double x : new double[] {1e-8, 0.01, 0.4, 1, 3, 9, 20}) {
        assertThat(RegularizedGamma.p(a, x)).isCloseTo(Gamma.regularizedGammaP(a, x),
            offset(1e-14 * Gamma.regularizedGammaP(a, x)));
        assertThat(RegularizedGamma.q(a, x)).isCloseTo(Gamma.regularizedGammaQ(a, x),
            offset(1e-14 * Gamma.regularizedGammaQ(a, x)));
      }
    }
  }

  @Test
  void densityIsTheDerivativeOfP() {
    for (double a : new double[] {0.5, 3, 40, 2500}) {
      double x = a + 0.5 * Math.sqrt(a);
      double h = 1e-4 * Math.sqrt(a);
      double numeric = (RegularizedGamma.p(a, x + h) - RegularizedGamma.p(a, x - h)) / (2 * h);
      assertThat(RegularizedGamma.density(a, x)).isCloseTo(numeric, offset(1e-7 * numeric));
    }
  }

  @Test
  void log1pMinusXIsAccurateNearZero() {
    for (double eta : new double[] {1e-12, -1e-8, 3e-5, -0.01, 0.3, -0.49}) {
      double series = 0;
      double power = eta;
      for (int k = 2; k < 200; k++) {
        power *= -eta;
        series += power / k;
      }
      assertThat(RegularizedGamma.log1pMinusX(eta)).isCloseTo(series, offset(4e-16 * Math.abs(series)));
    }
  }
}
