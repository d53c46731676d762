package twostage.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The one-sample Kolmogorov distance D = sup_t |F_R(t) − F(t)| of R draws from a law G to a continuous
 * CDF F, with a confidence interval for the distance sup_t |G(t) − F(t)| between the laws themselves.
 *
 * <p>The interval is [D − ε, D + ε] ∩ [0, 1] with ε = √(ln(2/(1 − level))/(2R)), the
 * Dvoretzky–Kiefer–Wolfowitz bound with Massart's constant: P(sup|F_R − G| &gt; ε) ≤ 2e^{−2Rε²} for
 * every R, so by the triangle inequality the interval covers sup|G − F| with probability ≥ level. It is
 * conservative (non-asymptotic), and ε is also what R draws can resolve: a lower end of 0 means the
 * sample cannot tell G from F. (A bootstrap of D is unsuited here: resampling adds its own discrepancy,
 * so the bootstrap law of D sits above D, the more so the closer G is to F.)
 */
public final class KolmogorovDistance {
  private KolmogorovDistance() {}

  /** D with its DKW interval at {@code level} (e.g. 0.95). */
  public static Interval of(double[] sample, DoubleUnaryOperator cdf, double level) {
    int r = sample.length;
    if (r == 0) {
      throw new IllegalArgumentException("empty sample");
    }
    double d = Kolmogorov.distance(sample, cdf);
    double eps = halfWidth(r, level);
    return new Interval(d, Math.max(0, d - eps), Math.min(1, d + eps));
  }

  /** ε = √(ln(2/(1 − level))/(2R)); 1.358/√R at level 0.95. */
  public static double halfWidth(int r, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    return Math.sqrt(Math.log(2 / (1 - level)) / (2.0 * r));
  }
}
