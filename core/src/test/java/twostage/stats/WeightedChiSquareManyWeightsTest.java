package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

/**
 * The law with many weights (issue 13) against references that share no code with the contour:
 * Imhof's integral ({@link ImhofReference}), the exact χ² law ({@link ExactChiSquare}), Ruben's
 * series and a seeded Monte Carlo drawn through Gamma variables. Every case of the issue is here and
 * failed (threw or was off by ≥ 10⁻⁷) before the hyperbolic contour.
 */
class WeightedChiSquareManyWeightsTest {
  /** Isotropic weights of {@code limit gmm --K 4 --beta 2} (seed 1): each repeated d − 3 times. */
  private static final double[] ISOTROPIC_1000 = {
    2.514689929454798E-5, 4.989083580278272E-6, 3.0181270739021056E-6, 5.643026138836755E-21};
  private static final double[] INTRINSIC_1000 = {
    1.6992510612980442E-5, 1.3515466680872119E-5, 7.155850246070711E-6, 4.141800527743549E-6,
    3.3544576900623364E-6, 2.497066756875997E-6, 2.0794592669472518E-6, 1.4854636076078355E-6,
    1.0564201606459825E-6, 4.4507491012165317E-7, 3.5060341906763986E-7, 2.1030629183260313E-7};
  private static final double[] ISOTROPIC_5000 = {
    5.033402558256854E-6, 9.986148098097473E-7, 6.041082185514898E-7, 1.4653504551376885E-21};
  private static final double[] INTRINSIC_5000 = {
    3.4012203806425583E-6, 2.7052553784349102E-6, 1.4323147563120954E-6, 8.290226611220352E-7,
    6.714281439216954E-7, 4.998128021661427E-7, 4.1622450034276985E-7, 2.973303481734535E-7,
    2.1145302555621466E-7, 8.908617977040099E-8, 7.017676914351121E-8, 4.2094900644756704E-8};

  private static double[] mixture(double[] isotropic, int multiplicity, double[] intrinsic) {
    double[] w = new double[isotropic.length * multiplicity + intrinsic.length];
    int o = 0;
    for (double v : isotropic) {
      for (int i = 0; i < multiplicity; i++) {
        w[o++] = v;
      }
    }
    System.arraycopy(intrinsic, 0, w, o, intrinsic.length);
    return w;
  }

  /**
   * The weights of `limit gmm --K 4 --d 1000` and `--d 5000` (which exited 1 before): quantiles
   * from 10⁻⁶ to 1 − 10⁻⁶ satisfy F(q_p) = p by Imhof's integral to 10⁻¹², and the CDF agrees with
   * Imhof's within the reported error bound plus Imhof's own tolerance.
   */
  @Test
  void mixtureLawsWithMultiplicityOfTheDimensionMatchImhof() {
    double[][][] cases = {{ISOTROPIC_1000, INTRINSIC_1000}, {ISOTROPIC_5000, INTRINSIC_5000}};
    int[] multiplicity = {997, 4997};
    for (int c = 0; c < cases.length; c++) {
      double[] w = mixture(cases[c][0], multiplicity[c], cases[c][1]);
      WeightedChiSquare q = new WeightedChiSquare(w);
      assertThat(q.positiveWeights()).isEqualTo(w.length);
      assertThat(q.distinctWeights()).isEqualTo(16);
      ImhofReference imhof = ImhofReference.of(w, 1e-15);
      for (double p : new double[] {1e-6, 0.01, 0.1, 0.5, 0.9, 0.99, 1 - 1e-6}) {
        double x = q.quantile(p);
        double reference = p <= 0.5 ? imhof.cdf(x) : imhof.survival(x);
        double target = p <= 0.5 ? p : 1 - p;
        String at = "d-multiplicity " + multiplicity[c] + " p=" + p;
        assertThat(reference).as(at).isCloseTo(target, offset(1e-12));
        WeightedChiSquare.Bounded f = q.cdfWithError(x);
        assertThat(Math.abs(f.value() - imhof.cdf(x))).as(at)
            .isLessThanOrEqualTo(f.error() + 2e-14);
        assertThat(f.error()).as(at).isLessThan(1e-12);
      }
    }
  }

  /**
   * Seeded Monte Carlo of the d = 1000 mixture drawn as Σ λ_j·2Γ(m_j/2) (not through the contour
   * nor through {@link WeightedChiSquare#sample}): at 15 quantiles the empirical CDF is within
   * 4.2 binomial standard errors (two-sided 2.7·10⁻⁵ each, union bound &lt; 5·10⁻⁴), and a CDF
   * shifted by 3·10⁻³ would fail.
   */
  @Test
  void mixtureLawAgreesWithGammaMonteCarlo() {
    double[] distinct = new double[16];
    double[] m = new double[16];
    for (int j = 0; j < 4; j++) {
      distinct[j] = ISOTROPIC_1000[j];
      m[j] = 997;
    }
    for (int j = 0; j < 12; j++) {
      distinct[4 + j] = INTRINSIC_1000[j];
      m[4 + j] = 1;
    }
    WeightedChiSquare q = new WeightedChiSquare(mixture(ISOTROPIC_1000, 997, INTRINSIC_1000));
    UniformRandomProvider rng = Streams.of(20261130L, 13);
    ContinuousSampler[] gamma = new ContinuousSampler[16];
    for (int j = 0; j < 16; j++) {
      gamma[j] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, m[j] / 2, 1);
    }
    int n = 400_000;
    double[] draws = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < 16; j++) {
        s += distinct[j] * 2 * gamma[j].sample();
      }
      draws[i] = s;
    }
    Arrays.sort(draws);
    EmpiricalCdfAssert.agrees(q, draws, 15, 0.02, 3e-3);
  }

  /**
   * 1000 distinct weights 1 + 10⁻⁹j (whose median threw after 21 s): Ruben's series with
   * β = min λ_j, whose mixing weights c_k fall like (5·10⁻⁷)^k, summed over exact χ²_{1000+2k}
   * laws, is an exact reference; the median and the 10⁻⁴, 0.99 quantiles match it to 10⁻¹³.
   */
  @Test
  void nearlyEqualWeightsMatchRubenSeries() {
    double[] w = new double[1000];
    for (int j = 0; j < w.length; j++) {
      w[j] = 1 + 1e-9 * (j + 1);
    }
    WeightedChiSquare q = new WeightedChiSquare(w);
    assertThat(q.distinctWeights()).isEqualTo(1000);
    for (double p : new double[] {1e-4, 0.5, 0.99}) {
      double x = q.quantile(p);
      double[] ruben = rubenWithExactChiSquare(w, x);
      if (p <= 0.5) {
        assertThat(ruben[0]).as("p=%g", p).isCloseTo(p, offset(1e-13 * p));
      } else {
        assertThat(ruben[1]).as("p=%g", p).isCloseTo(1 - p, offset(1e-13 * (1 - p)));
      }
    }
  }

  /**
   * Ruben's series ({@link RubenSeries}) until 1 − Σc_k &lt; 10⁻¹⁸, the χ² laws exact by
   * {@link ExactChiSquare} (n even). Returns {cdf, survival}.
   */
  private static double[] rubenWithExactChiSquare(double[] lambda, double x) {
    double beta = Arrays.stream(lambda).min().orElseThrow();
    return RubenSeries.at(lambda, 40, 1e-18, 1e-15,
        k -> ExactChiSquare.cdfAndSurvival(lambda.length / 2 + k, x / (2 * beta)));
  }

  /**
   * 1000 equal weights forced through the contour (whose median was off by 2.5·10⁻⁷): against the
   * exact χ²₁₀₀₀ law (50-digit Poisson sum) at quantiles from 10⁻¹² to 1 − 10⁻¹², relative error
   * ≤ 10⁻¹³ in the computed tail and within the reported bound; the same for 5000 equal weights
   * (the multiplicity of the d = 5000 mixture) and for 2 and 40.
   */
  @Test
  void equalWeightsThroughTheContourMatchTheExactLawWithinTheirBound() {
    for (int nu : new int[] {2, 40, 1000, 5000}) {
      double lambda = 2;
      double[] w = new double[nu];
      Arrays.fill(w, lambda);
      WeightedChiSquare general = new WeightedChiSquare(w, false);
      WeightedChiSquare exactPath = new WeightedChiSquare(w);
      for (double p : new double[] {1e-12, 1e-4, 0.3, 0.5, 0.9, 1 - 1e-6, 1 - 1e-12}) {
        double x = general.quantile(p);
        double[] exact = ExactChiSquare.cdfAndSurvival(nu / 2, x / (2 * lambda));
        boolean lowerTail = p <= 0.5;
        WeightedChiSquare.Bounded f =
            lowerTail ? general.cdfWithError(x) : general.survivalWithError(x);
        double reference = lowerTail ? exact[0] : exact[1];
        String at = "nu=" + nu + " p=" + p;
        assertThat(Math.abs(f.value() - reference)).as(at).isLessThanOrEqualTo(f.error());
        assertThat(f.value()).as(at).isCloseTo(reference, offset(1e-13 * reference));
        assertThat(reference).as(at).isCloseTo(lowerTail ? p : 1 - p,
            offset(2e-13 * (lowerTail ? p : 1 - p)));
        WeightedChiSquare.Bounded g =
            lowerTail ? exactPath.cdfWithError(x) : exactPath.survivalWithError(x);
        assertThat(Math.abs(g.value() - reference)).as(at).isLessThanOrEqualTo(g.error());
      }
    }
  }

  /**
   * 10 000 distinct weights uniform on (0, 1) (the median threw after 54 s, as 4 of 12 quantiles
   * of the generic weights did after ~65 s each): every quantile is
   * returned, monotone in p, F(q_p) = p to 10⁻¹³ relative by the engine's own CDF and, at the
   * median, to 10⁻¹² by Imhof's integral.
   */
  @Test
  void tenThousandGenericWeightsAnswerEveryQuantile() {
    SplittableRandom rng = new SplittableRandom(13);
    double[] w = new double[10_000];
    for (int j = 0; j < w.length; j++) {
      w[j] = rng.nextDouble();
    }
    WeightedChiSquare q = new WeightedChiSquare(w);
    double[] ps = {1e-10, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-10};
    double previous = 0;
    for (double p : ps) {
      double x = q.quantile(p);
      assertThat(x).as("p=%g", p).isGreaterThan(previous);
      previous = x;
      WeightedChiSquare.Bounded f = p <= 0.5 ? q.cdfWithError(x) : q.survivalWithError(x);
      double target = p <= 0.5 ? p : 1 - p;
      assertThat(f.value()).as("p=%g", p).isCloseTo(target, offset(Math.max(1e-13 * target, f.error())));
    }
    double median = q.quantile(0.5);
    assertThat(ImhofReference.of(w, 1e-15).cdf(median)).isCloseTo(0.5, offset(1e-12));
  }

  /**
   * 2000 weights spread over twelve decades, 10^{−12j/1999}: CDF against Imhof's integral at
   * points across the law, within the reported bound plus Imhof's tolerance; the two tails add up.
   */
  @Test
  void weightsSpanningTwelveDecadesMatchImhof() {
    double[] w = new double[2000];
    for (int j = 0; j < w.length; j++) {
      w[j] = Math.pow(10, -12.0 * j / (w.length - 1));
    }
    WeightedChiSquare q = new WeightedChiSquare(w);
    ImhofReference imhof = ImhofReference.of(w, 1e-15);
    for (double f : new double[] {0.5, 0.8, 0.95, 1, 1.05, 1.3, 2}) {
      double x = f * q.mean();
      WeightedChiSquare.Bounded c = q.cdfWithError(x);
      WeightedChiSquare.Bounded s = q.survivalWithError(x);
      double ref = imhof.cdf(x);
      assertThat(Math.abs(c.value() - ref)).as("x=%g", x).isLessThanOrEqualTo(c.error() + 2e-14);
      assertThat(c.value() + s.value()).as("x=%g", x).isCloseTo(1, offset(1e-14));
    }
  }

  /** Probabilities at the ends of the double range give a valid quantile and never an exception. */
  @Test
  void extremeProbabilitiesNeverThrow() {
    double[] spread = {3, 1, 0.5, 0.01, 1e-6};
    double[] many = new double[3000];
    Arrays.fill(many, 0.3);
    many[0] = 1;
    for (double[] w : new double[][] {spread, many, {1}, {2, 2}}) {
      for (boolean shortcut : new boolean[] {true, false}) {
        WeightedChiSquare q = new WeightedChiSquare(w, shortcut);
        for (double p : new double[] {Double.MIN_VALUE, 1e-300, 1e-100, 1e-20, 0.5, 1 - 1e-16,
            Math.nextDown(1.0)}) {
          assertThatCode(() -> q.quantile(p)).as("%s p=%g", Arrays.toString(Arrays.copyOf(w, 2)), p)
              .doesNotThrowAnyException();
          double x = q.quantile(p);
          assertThat(x).isGreaterThanOrEqualTo(0).isLessThan(Double.POSITIVE_INFINITY);
        }
        assertThat(q.quantile(1e-20)).isLessThanOrEqualTo(q.quantile(1e-10));
        assertThat(q.quantile(1 - 1e-16)).isGreaterThan(q.quantile(0.999));
      }
    }
  }
}
