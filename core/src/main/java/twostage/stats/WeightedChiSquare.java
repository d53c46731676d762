package twostage.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * The law of Q = Σ_j λ_j χ²₁(j), independent, λ_j ≥ 0: the pre-training interaction ‖L(Z)‖² of
 * Theorem 5.1. Correct for any number of weights (10⁵ and more), equal, nearly equal or spread
 * over many decades; the derivation, the bound and the measurements are in
 * docs/weighted-chi-square.md.
 *
 * <p><b>Grouping.</b> Equal weights are merged into (weight, multiplicity) pairs, so one evaluation
 * of the transform costs O(number of distinct weights). When a single distinct positive weight λ
 * remains (multiplicity ν) the law is λχ²_ν and the regularized Gamma function P(ν/2, x/2λ) is used
 * ({@link RegularizedGamma}, accurate for large ν where the usual prefactor loses digits). Nearly
 * equal weights are not merged; they cost nothing special.
 *
 * <p><b>Inversion.</b> With λ = max λ_j, w_j = λ_j/λ and y = x/λ, φ(s) = E e^{−sQ/λ} = Π(1 +
 * 2w_j s)^{−m_j/2} is analytic off the cut (−∞, −1/2]. P(Q ≤ x) = (1/2πi)∫_Γ e^{sy}φ(s) ds/s for a
 * contour crossing the real axis at c &gt; 0, and P(Q &gt; x) is minus the same integral for c ∈
 * (−1/2, 0). The crossing is the saddle point of h(s) = sy + log φ(s) − log|s| on the branch that
 * gives the smaller tail (y below or above E[Q]/λ), so both tails keep their relative accuracy.
 * Γ is the hyperbola s = c + it − (√(t² + T²) − T), T = c + 1/2 the distance to the branch point:
 * every point has arg(s − c) ∈ [π/2, 3π/4], a sector in which each factor (1 + 2w_j s)^{−m_j/2}
 * with its share of e^{(s−c)y} is bounded by its value at c, whatever w_j and m_j. So the integrand
 * never exceeds its value at the saddle (no cancellation, however many weights and however
 * spread), the contour never meets the cut or the pole, and the tail of the integral has an
 * explicit bound. The trapezoidal rule in t/σ (σ = h''(c)^{−1/2}; the integrand is analytic in
 * a strip of half-width ≳ 0.7 in these units) converges geometrically.
 *
 * <p><b>Error bound.</b> {@link #cdfWithError} and {@link #survivalWithError} return the value and
 * a bound on its absolute error: (i) the truncation of the contour, bounded rigorously; (ii) the
 * discretisation, estimated a posteriori from successive halvings of the step by the square law of
 * Trefethen &amp; Weideman (SIAM Rev. 56 (2014), Thm 5.1), which over-estimates once in the geometric
 * regime; (iii) the rounding floor, from the sizes of all the terms summed (and of the saddle-point
 * exponent, which carries the conditioning of F at x). Measured against exact laws, Imhof's
 * integral and Ruben's series, the relative error of either tail is ≲ 10⁻¹³ (≲ 10⁻¹² when the
 * exponent is large, as the conditioning dictates) and below the returned bound. No valid input
 * raises an exception: a failure to converge within the node budget is reported by a large bound.
 *
 * <p><b>Quantiles</b> are found by Newton's method (on log F against log x in the lower half, on
 * log P(Q &gt; x) against x in the upper half; one contour gives both the tail and the density),
 * safeguarded by a bracket from explicit bounds (Laurent–Massart's deviation bounds and the
 * small-ball bound F(x) ≤ x^{ν/2}/(Γ(ν/2 + 1)Π(2λ_j)^{1/2})).
 *
 * <p>Zero weights are allowed and ignored; with no positive weight Q is the point mass at 0.
 * Immutable and thread-safe.
 */
public final class WeightedChiSquare {
  private static final double EPS = 0x1p-52;

  private final double[] weights;
  private final double scale;
  private final double mean;
  private final double variance;
  private final double[] positive;
  private final double degrees;
  private final int distinct;
  private final double sumLogTwoLambda;
  private final SaddlepointContour contour;
  private final boolean gammaShortcut;

  /** A probability and a bound on its absolute error. */
  public record Bounded(double value, double error) {}

  /**
   * The law of Σ λ_j χ²₁(j).
   *
   * @param weights λ_j; each must be finite and ≥ 0
   * @throws IllegalArgumentException if a weight is negative, NaN or infinite
   */
  public WeightedChiSquare(double[] weights) {
    this(weights, true);
  }

  /** As the public constructor; {@code shortcut = false} forces the contour path for equal weights. */
  WeightedChiSquare(double[] weights, boolean shortcut) {
    if (weights == null) {
      throw new IllegalArgumentException("weights must not be null");
    }
    for (int j = 0; j < weights.length; j++) {
      double v = weights[j];
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            "weights must be finite and non-negative, got weights[" + j + "] = " + v);
      }
    }
    this.weights = sortedDescending(weights);
    this.positive = Arrays.stream(this.weights).filter(v -> v > 0).toArray();
    this.degrees = positive.length;
    this.scale = positive.length == 0 ? 0 : positive[0];
    double s = 0;
    double s2 = 0;
    double logs = 0;
    for (double v : positive) {
      s += v;
      s2 += v * v;
      logs += Math.log(2 * v);
    }
    this.mean = s;
    this.variance = 2 * s2;
    this.sumLogTwoLambda = logs;
    if (positive.length == 0) {
      this.contour = null;
      this.gammaShortcut = false;
      this.distinct = 0;
    } else {
      this.contour = distinctNormalised(positive);
      this.distinct = contour.size();
      this.gammaShortcut = shortcut && distinct == 1;
    }
  }

  private static double[] sortedDescending(double[] v) {
    double[] out = v.clone();
    Arrays.sort(out);
    for (int i = 0, j = out.length - 1; i < j; i++, j--) {
      double t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** Distinct values of w_j = λ_j/λ_max (descending) with their multiplicities. */
  private static SaddlepointContour distinctNormalised(double[] desc) {
    double[] w = new double[desc.length];
    double[] m = new double[desc.length];
    int k = -1;
    for (int i = 0; i < desc.length; i++) {
      if (i > 0 && desc[i] == desc[i - 1]) {
        m[k]++;
      } else {
        k++;
        w[k] = desc[i] / desc[0];
        m[k] = 1;
      }
    }
    w[0] = 1;
    return new SaddlepointContour(Arrays.copyOf(w, k + 1), Arrays.copyOf(m, k + 1));
  }

  /** The weights as given, zeros included, largest first (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** Number of positive weights (the degrees of freedom ν). */
  public int positiveWeights() {
    return positive.length;
  }

  /** Number of distinct positive weights: the cost of one evaluation of the transform. */
  public int distinctWeights() {
    return distinct;
  }

  /** E[Q] = Σ λ_j. */
  public double mean() {
    return mean;
  }

  /** Var[Q] = 2 Σ λ_j². */
  public double variance() {
    return variance;
  }

  /** P(Q ≤ x). */
  public double cdf(double x) {
    return cdfWithError(x).value();
  }

  /** P(Q &gt; x), computed directly so that small upper tails keep their relative accuracy. */
  public double survival(double x) {
    return survivalWithError(x).value();
  }

  /** P(Q ≤ x) with a bound on its absolute error (see the class comment for what it covers). */
  public Bounded cdfWithError(double x) {
    return tail(x, true);
  }

  /** P(Q &gt; x) with a bound on its absolute error, relative to itself in the upper tail. */
  public Bounded survivalWithError(double x) {
    return tail(x, false);
  }

  private Bounded tail(double x, boolean lower) {
    if (Double.isNaN(x)) {
      return new Bounded(Double.NaN, Double.NaN);
    }
    if (x <= 0 || scale == 0 || x == Double.POSITIVE_INFINITY) {
      boolean below = x < 0 || (x == 0 && scale > 0);
      double cdf = below ? 0 : 1;
      return new Bounded(lower ? cdf : 1 - cdf, 0);
    }
    double y = x / scale;
    if (y == Double.POSITIVE_INFINITY) {
      return new Bounded(lower ? 1 : 0, 0);
    }
    if (gammaShortcut) {
      double a = degrees / 2;
      double v = lower ? RegularizedGamma.p(a, y / 2) : RegularizedGamma.q(a, y / 2);
      // rounding of the prefactor exponent, and of x itself (x·f(x) times one ulp)
      double xf = RegularizedGamma.density(a, y / 2) * y / 2;
      double exponent = Math.abs(y / 2 - a) + a * Math.abs(Math.log(y / (2 * a)));
      return new Bounded(v, EPS * ((exponent + 32) * v + 2 * xf));
    }
    boolean direct = y < contour.mean() == lower;
    SaddlepointContour.Value t =
        y < contour.mean() ? contour.lowerValue(y) : contour.upperValue(y);
    return direct ? clamp(t.value(), t.error()) : clamp(1 - t.value(), t.error() + EPS);
  }

  private static Bounded clamp(double v, double error) {
    if (Double.isNaN(v)) {
      return new Bounded(0.5, 0.5);
    }
    return new Bounded(Math.min(1, Math.max(0, v)), Math.min(error, 1));
  }

  /**
   * The density of Q at x (Lebesgue part): +∞ at 0 with one positive weight, 1/(2√(λ₁λ₂)) at 0 with
   * two, 0 at 0 with more; NaN for the point mass at 0.
   */
  public double density(double x) {
    if (Double.isNaN(x) || scale == 0) {
      return Double.NaN;
    }
    if (x < 0 || x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    if (x == 0) {
      return positive.length == 1
          ? Double.POSITIVE_INFINITY
          : positive.length == 2 ? 0.5 / Math.sqrt(positive[0] * positive[1]) : 0;
    }
    double y = x / scale;
    if (y == Double.POSITIVE_INFINITY) {
      return 0;
    }
    if (gammaShortcut) {
      return RegularizedGamma.density(degrees / 2, y / 2) / (2 * scale);
    }
    return Math.max(0, contour.densityValue(y).value()) / scale;
  }

  /**
   * The p-quantile: the x with P(Q ≤ x) = p. Safeguarded Newton iteration, on log P(Q ≤ x) against
   * log x when p ≤ 1/2 and on log P(Q &gt; x) against x when p &gt; 1/2 (so upper quantiles are
   * solved against the survival function, |P(Q &gt; x) − (1 − p)| small relative to 1 − p), inside a
   * bracket from explicit tail bounds; it stops when the step falls below 10⁻¹⁵ relative or the
   * residual is within the error bound of the tail. Never throws for p in (0, 1).
   *
   * @param p in [0, 1]; 0 gives 0 and 1 gives +∞ (the support of Q is [0, ∞))
   * @throws IllegalArgumentException if p is outside [0, 1] or NaN
   */
  public double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    if (p == 0 || scale == 0) {
      return 0;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    boolean lower = p <= 0.5;
    double target = lower ? p : 1 - p;
    double logTarget = Math.log(target);
    double hi = upperBracket(p);
    double lo = lowerBracket(p);
    if (!(lo < hi)) {
      lo = 0;
    }
    double x = Math.min(Math.max(initialGuess(p), lo), hi);
    if (!(x > lo && x < hi)) {
      x = SaddlepointContour.middle(lo, hi);
    }
    double previous = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 300; it++) {
      double[] e = tailAndDensity(x, lower);
      double t = e[0];
      double error = e[1];
      double f = e[2];
      boolean below = lower ? t < target : t > target;
      if (below) {
        lo = x;
      } else {
        hi = x;
      }
      double g = Math.log(t) - logTarget;
      if (Math.abs(t - target) <= Math.max(error, 0.5 * EPS * target)) {
        return x;
      }
      double next = lower ? x * Math.exp(-g * t / (x * f)) : x + g * t / f;
      boolean slow = Math.abs(g) > 0.5 * previous;
      previous = Math.abs(g);
      if (!(next > lo && next < hi) || !(t > 0) || !(f > 0) || slow) {
        next = SaddlepointContour.middle(lo, hi);
        previous = Double.POSITIVE_INFINITY;
      }
      if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 4 * Math.ulp(hi)) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** {tail, its error bound, density} at x &gt; 0; the tail is P(Q ≤ x) if lower, else P(Q &gt; x). */
  private double[] tailAndDensity(double x, boolean lower) {
    double y = x / scale;
    if (gammaShortcut) {
      Bounded t = tail(x, lower);
      return new double[] {t.value(), t.error(), density(x)};
    }
    SaddlepointContour.TailAndDensity r = contour.tailAndDensity(y);
    double v = r.tail().value();
    double err = r.tail().error();
    if (r.lower() != lower) {
      v = 1 - v;
      err += EPS;
    }
    return new double[] {v, err, r.density().value() / scale};
  }

  /**
   * An x with P(Q ≤ x) ≤ p: the larger of Laurent–Massart's lower deviation point
   * E[Q] − 2√(Σλ_j² log(1/p)) and the small-ball point, where x^{ν/2}/(Γ(ν/2 + 1)Π(2λ_j)^{1/2})
   * (an upper bound on P(Q ≤ x), from the Dirichlet integral of the Gamma densities) equals p.
   */
  private double lowerBracket(double p) {
    double lm = mean - 2 * Math.sqrt(variance / 2 * -Math.log(p));
    double logBall = (Math.log(p) + Gamma.logGamma(degrees / 2 + 1) + 0.5 * sumLogTwoLambda)
        / (degrees / 2);
    return Math.max(0, Math.max(lm, Math.exp(logBall)));
  }

  /**
   * An x with P(Q &gt; x) ≤ 1 − p (Laurent &amp; Massart, Ann. Statist. 28 (2000), Lemma 1):
   * E[Q] + 2√(Σλ_j² t) + 2 max λ_j t with t = −log(1 − p).
   */
  private double upperBracket(double p) {
    double t = -Math.log1p(-p);
    return mean + 2 * Math.sqrt(variance / 2 * t) + 2 * scale * t + Double.MIN_NORMAL;
  }

  /** Wilson–Hilferty's cube-root normal quantile of Satterthwaite's scaled χ² with Q's two moments. */
  private double initialGuess(double p) {
    double g = variance / (2 * mean);
    double h = mean / g;
    double z = p < 0.5 ? -Math.sqrt(2) * Erf.erfcInv(2 * p) : Math.sqrt(2) * Erf.erfcInv(2 * (1 - p));
    double cube = 1 - 2 / (9 * h) + z * Math.sqrt(2 / (9 * h));
    return cube > 0 ? g * h * cube * cube * cube : 0;
  }

  /** One draw of Q. */
  public double sample(UniformRandomProvider rng) {
    return draw(ZigguratSampler.NormalizedGaussian.of(rng));
  }

  /** Fills {@code out} with independent draws of Q. */
  public void sample(UniformRandomProvider rng, double[] out) {
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < out.length; i++) {
      out[i] = draw(gauss);
    }
  }

  private double draw(ZigguratSampler.NormalizedGaussian gauss) {
    double s = 0;
    for (double v : positive) {
      double z = gauss.sample();
      s += v * z * z;
    }
    return s;
  }

  @Override
  public String toString() {
    return "WeightedChiSquare" + Arrays.toString(weights);
  }
}
