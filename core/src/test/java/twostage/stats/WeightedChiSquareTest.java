package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class WeightedChiSquareTest {
  private static final double[] SPREAD = {3, 1, 0.5, 0.01, 1e-6};
  private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

  /** Points spanning both tails of c·χ²_k: its p-quantiles for p from 1e-12 to 1 − 1e-12. */
  private static double[] chiSquarePoints(int k, double c) {
    double[] logp = {-12, -9, -6, -3, -2, -1};
    double[] x = new double[2 * logp.length + 5];
    int i = 0;
    ChiSquaredDistribution chi = new ChiSquaredDistribution(k);
    for (double lp : logp) {
      x[i++] = c * chi.inverseCumulativeProbability(Math.pow(10, lp));
      x[i++] = c * chi.inverseCumulativeProbability(1 - Math.pow(10, lp));
    }
    for (double p : new double[] {0.25, 0.5, 0.75}) {
      x[i++] = c * chi.inverseCumulativeProbability(p);
    }
    x[i++] = c * k;
    x[i] = c * 1e-20;
    return x;
  }

  @Test
  void equalWeightsGeneralPathMatchesScaledChiSquare() {
    double c = 2.5;
    for (int k : new int[] {1, 2, 3, 5, 20, 500}) {
      double[] w = new double[k];
      Arrays.fill(w, c);
      WeightedChiSquare general = new WeightedChiSquare(w, false);
      WeightedChiSquare shortcut = new WeightedChiSquare(w);
      ChiSquaredDistribution chi = new ChiSquaredDistribution(k);
      for (double x : chiSquarePoints(k, c)) {
        double cdf = chi.cumulativeProbability(x / c);
        double sf = Gamma.regularizedGammaQ(k / 2.0, x / (2 * c));
        assertThat(general.cdf(x)).as("k=%d x=%g", k, x).isCloseTo(cdf, within(1e-12 + 1e-9 * cdf));
        assertThat(general.survival(x)).as("k=%d x=%g", k, x)
            .isCloseTo(sf, within(1e-12 + 1e-9 * sf));
        assertThat(shortcut.cdf(x)).isCloseTo(cdf, within(1e-14 + 1e-12 * cdf));
        assertThat(shortcut.survival(x)).isCloseTo(sf, within(1e-14 + 1e-12 * sf));
      }
    }
  }

  @Test
  void densityMatchesChiSquareOne() {
    WeightedChiSquare q = new WeightedChiSquare(new double[] {2}, false);
    for (double x : new double[] {1e-12, 1e-6, 0.01, 0.5, 2, 10, 60, 300}) {
      double exact = Math.exp(-x / 4) / Math.sqrt(4 * Math.PI * x);
      assertThat(q.density(x)).isCloseTo(exact, within(1e-10 * exact));
    }
    assertThat(q.density(0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(new WeightedChiSquare(new double[] {3, 1}).density(0))
        .isCloseTo(0.5 / Math.sqrt(3), within(1e-15));
    assertThat(new WeightedChiSquare(SPREAD).density(0)).isZero();
    assertThat(q.density(-1)).isZero();
  }

  @Test
  void densityIntegratesToCdfIncrements() {
    WeightedChiSquare q = new WeightedChiSquare(SPREAD);
    double a = 1;
    double b = 9;
    double integral = GAUSS.legendre(40, a, b).integrate(q::density);
    assertThat(integral).isCloseTo(q.cdf(b) - q.cdf(a), within(1e-12));
  }

  /** λ₁χ²₂ + λ₂χ²₂ has survival (λ₁e^{−x/2λ₁} − λ₂e^{−x/2λ₂})/(λ₁ − λ₂). */
  @Test
  void twoDistinctWeightsWithTwoDegreesEachMatchClosedForm() {
    double l1 = 3;
    double l2 = 0.7;
    WeightedChiSquare q = new WeightedChiSquare(new double[] {l2, l1, l2, l1});
    for (double x : new double[] {1e-8, 1e-3, 0.1, 1, 3, 7.4, 15, 40, 80, 150, 400}) {
      double sf = (l1 * Math.exp(-x / (2 * l1)) - l2 * Math.exp(-x / (2 * l2))) / (l1 - l2);
      double cdf = (-l1 * Math.expm1(-x / (2 * l1)) + l2 * Math.expm1(-x / (2 * l2))) / (l1 - l2);
      assertThat(q.survival(x)).as("x=%g", x).isCloseTo(sf, within(1e-8 * sf));
      assertThat(q.cdf(x)).as("x=%g", x).isCloseTo(cdf, within(1e-13));
    }
  }

  /**
   * λ₁Z₁² + λ₂Z₂² (λ₁ ≥ λ₂) by conditioning on Z₂: P(Q ≤ x) = 2∫₀^{z*} φ(z) erf(√((x − λ₂z²)/2λ₁))
   * dz, z* = √(x/λ₂), integrated by composite Gauss–Legendre (after z = z* sin θ when z* is small).
   * Returns {cdf, survival}.
   */
  private static double[] conditionedOnSmallerWeight(double l1, double l2, double x) {
    double zMax = Math.sqrt(x / l2);
    double c = Math.sqrt(2 / Math.PI);
    if (zMax <= 40) {
      double r = Math.sqrt(x / (2 * l1));
      DoubleUnaryOperator base =
          t -> c * Math.exp(-0.5 * sq(zMax * Math.sin(t))) * zMax * Math.cos(t);
      double cdf = composite(t -> base.applyAsDouble(t) * Erf.erf(r * Math.cos(t)), 0, Math.PI / 2);
      double sf = composite(t -> base.applyAsDouble(t) * Erf.erfc(r * Math.cos(t)), 0, Math.PI / 2)
          + Erf.erfc(zMax / Math.sqrt(2));
      return new double[] {cdf, sf};
    }
    DoubleUnaryOperator arg = z -> Math.sqrt((x - l2 * z * z) / (2 * l1));
    double cdf = composite(z -> c * Math.exp(-0.5 * z * z) * Erf.erf(arg.applyAsDouble(z)), 0, 40);
    double sf = composite(z -> c * Math.exp(-0.5 * z * z) * Erf.erfc(arg.applyAsDouble(z)), 0, 40);
    return new double[] {cdf, sf};
  }

  private static double composite(DoubleUnaryOperator f, double a, double b) {
    int panels = 100;
    double width = (b - a) / panels;
    double s = 0;
    for (int i = 0; i < panels; i++) {
      s += GAUSS.legendre(20, a + i * width, a + (i + 1) * width).integrate(f::applyAsDouble);
    }
    return s;
  }

  private static double sq(double v) {
    return v * v;
  }

  @Test
  void twoDistinctWeightsMatchConditionalIntegral() {
    double[][] cases = {{3, 1}, {1, 0.999}, {1e3, 1e-12}, {1, 1e-6}};
    for (double[] l : cases) {
      WeightedChiSquare q = new WeightedChiSquare(l);
      for (double f : new double[] {1e-12, 1e-6, 1e-3, 0.1, 0.5, 1, 2, 5, 12, 30, 60}) {
        double x = f * q.mean();
        double[] exact = conditionedOnSmallerWeight(l[0], l[1], x);
        String at = Arrays.toString(l) + " x=" + x;
        assertThat(q.cdf(x)).as(at).isCloseTo(exact[0], within(1e-13 + 1e-8 * exact[0]));
        assertThat(q.survival(x)).as(at).isCloseTo(exact[1], within(1e-13 + 1e-8 * exact[1]));
      }
    }
  }

  /** Ruben's series ({@link RubenSeries}) with regularized Gamma functions for the χ² laws; {cdf, survival}. */
  private static double[] rubenSeries(double[] lambda, double x) {
    double beta = Arrays.stream(lambda).min().orElseThrow();
    return RubenSeries.at(lambda, 2000, 1e-16, 1e-14, k -> {
      double shape = (lambda.length + 2.0 * k) / 2;
      return new double[] {Gamma.regularizedGammaP(shape, x / (2 * beta)), Gamma.regularizedGammaQ(shape, x / (2 * beta))};
    });
  }

  @Test
  void fourDistinctWeightsMatchRubenSeries() {
    double[] lambda = {3, 1, 0.5, 0.2};
    WeightedChiSquare q = new WeightedChiSquare(lambda);
    for (double x : new double[] {1e-6, 0.01, 0.3, 1, 2.5, 4.7, 8, 15, 30, 60}) {
      double[] exact = rubenSeries(lambda, x);
      assertThat(q.cdf(x)).as("x=%g", x).isCloseTo(exact[0], within(1e-14 + 1e-9 * exact[0]));
      assertThat(q.survival(x)).as("x=%g", x).isCloseTo(exact[1], within(1e-14 + 1e-9 * exact[1]));
    }
  }

  @Test
  void lowerAndUpperContoursAgreeForManyDistinctWeights() {
    double[] w = new double[500];
    double[] m = new double[500];
    for (int j = 0; j < w.length; j++) {
      w[j] = 1.0 / sq(j + 1);
      m[j] = 1;
    }
    SaddlepointContour contour = new SaddlepointContour(w, m);
    for (double f : new double[] {0.6, 0.9, 1, 1.2, 2}) {
      double y = f * contour.mean();
      assertThat(contour.lower(y) + contour.upper(y)).isCloseTo(1, within(1e-12));
    }
    WeightedChiSquare q = new WeightedChiSquare(w);
    assertThat(q.cdf(q.mean()) + q.survival(q.mean())).isCloseTo(1, within(1e-15));
  }

  @Test
  void upperTailNearOneInHundredMillionHasSmallRelativeError() {
    for (int k : new int[] {1, 3}) {
      double[] w = new double[k];
      Arrays.fill(w, 0.8);
      WeightedChiSquare general = new WeightedChiSquare(w, false);
      double x = 0.8 * new ChiSquaredDistribution(k).inverseCumulativeProbability(1 - 1e-8);
      double exact = Gamma.regularizedGammaQ(k / 2.0, x / 1.6);
      assertThat(exact).isBetween(0.9e-8, 1.1e-8);
      assertThat(general.survival(x) / exact - 1).isCloseTo(0, within(1e-4));
    }
  }

  @Test
  void quantileInvertsCdf() {
    double[] eighty = new double[80];
    for (int j = 0; j < eighty.length; j++) {
      eighty[j] = Math.pow(j + 1, -1.5);
    }
    WeightedChiSquare[] laws = {
      new WeightedChiSquare(SPREAD), new WeightedChiSquare(new double[] {1.7}, false),
      new WeightedChiSquare(eighty), new WeightedChiSquare(new double[] {1e3, 1e-12})
    };
    for (WeightedChiSquare q : laws) {
      for (double p : new double[] {1e-6, 0.01, 0.5, 0.9, 0.99, 1 - 1e-6}) {
        double x = q.quantile(p);
        assertThat(q.cdf(x)).as("%s p=%g", q, p).isCloseTo(p, within(1e-9));
        if (p > 0.5) {
          assertThat(q.survival(x)).isCloseTo(1 - p, within(1e-9 * (1 - p)));
        } else {
          assertThat(q.cdf(x)).isCloseTo(p, within(1e-9 * p));
        }
      }
    }
    WeightedChiSquare q = laws[0];
    assertThat(q.quantile(0)).isZero();
    assertThat(q.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> q.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Fixed seed, N = 10⁶ draws, 20 points; the bound 4.2·SE has two-sided normal tail 2.7·10⁻⁵ per
   * point, so a correct implementation fails with probability &lt; 20 · 2.7·10⁻⁵ &lt; 10⁻³ (union
   * bound). At the outer points 4.2·SE &lt; 10⁻³, so a CDF off by 10⁻³ would fail (checked below).
   */
  @Test
  void monteCarloEmpiricalCdfAgreesWithinStandardErrors() {
    int n = 1_000_000;
    WeightedChiSquare q = new WeightedChiSquare(SPREAD);
    double[] draws = new double[n];
    q.sample(Streams.of(20261128L, 1), draws);
    Arrays.sort(draws);
    EmpiricalCdfAssert.agrees(q, draws, 20, 0.01, 1e-3);
  }

  @Test
  void momentsAndSampleMoments() {
    double[] w = {0.5, 0, 3, 1e-6, 1, 0.01};
    WeightedChiSquare q = new WeightedChiSquare(w);
    assertThat(q.mean()).isCloseTo(4.510001, within(1e-12));
    assertThat(q.variance()).isCloseTo(2 * (9 + 1 + 0.25 + 1e-4 + 1e-12), within(1e-12));
    assertThat(q.weights()).containsExactly(3, 1, 0.5, 0.01, 1e-6, 0);
    q.weights()[0] = 99;
    assertThat(q.weights()[0]).isEqualTo(3);

    int n = 200_000;
    double[] draws = new double[n];
    q.sample(Streams.of(7L, 2), draws);
    double mean = Arrays.stream(draws).average().orElseThrow();
    double var = Arrays.stream(draws).map(d -> sq(d - mean)).sum() / (n - 1);
    double m4 = Arrays.stream(draws).map(d -> sq(sq(d - mean))).sum() / n;
    assertThat(mean).isCloseTo(q.mean(), within(4 * Math.sqrt(q.variance() / n)));
    assertThat(var).isCloseTo(q.variance(), within(4 * Math.sqrt((m4 - var * var) / n)));

    UniformRandomProvider a = Streams.of(3L);
    UniformRandomProvider b = Streams.of(3L);
    assertThat(q.sample(a)).isEqualTo(q.sample(b)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void edgeArguments() {
    WeightedChiSquare q = new WeightedChiSquare(SPREAD);
    assertThat(q.cdf(-1)).isZero();
    assertThat(q.cdf(0)).isZero();
    assertThat(q.survival(0)).isEqualTo(1);
    assertThat(q.survival(-3)).isEqualTo(1);
    assertThat(q.cdf(1e308)).isEqualTo(1);
    assertThat(q.survival(1e308)).isZero();
    assertThat(q.survival(Double.POSITIVE_INFINITY)).isZero();
    assertThat(q.survival(1e4)).isZero();
    assertThat(q.cdf(Double.NaN)).isNaN();
    double tiny = new WeightedChiSquare(new double[] {1}, false).cdf(1e-200);
    assertThat(tiny).isCloseTo(Math.sqrt(2e-200 / Math.PI), within(1e-12 * tiny));
  }

  @Test
  void zeroWeightsAreIgnoredAndAllZeroIsPointMassAtZero() {
    WeightedChiSquare with = new WeightedChiSquare(new double[] {0, 2, 0, 0.5});
    WeightedChiSquare without = new WeightedChiSquare(new double[] {2, 0.5});
    for (double x : new double[] {0.1, 1, 5, 20}) {
      assertThat(with.cdf(x)).isEqualTo(without.cdf(x));
    }
    for (WeightedChiSquare zero : new WeightedChiSquare[] {
        new WeightedChiSquare(new double[] {0, 0}), new WeightedChiSquare(new double[0])}) {
      assertThat(zero.cdf(-1e-9)).isZero();
      assertThat(zero.cdf(0)).isEqualTo(1);
      assertThat(zero.survival(0)).isZero();
      assertThat(zero.mean()).isZero();
      assertThat(zero.variance()).isZero();
      assertThat(zero.quantile(0.7)).isZero();
      assertThat(zero.sample(Streams.of(1L))).isZero();
    }
  }

  @Test
  void rejectsBadWeights() {
    for (double bad : new double[] {-1e-300, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new WeightedChiSquare(new double[] {1, bad}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("finite and non-negative")
          .hasMessageContaining("weights[1]");
    }
    assertThatThrownBy(() -> new WeightedChiSquare(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }
}
