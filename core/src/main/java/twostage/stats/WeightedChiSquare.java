package twostage.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.Gamma;

/**
 * The law of Q = Σ_j λ_j χ²₁(j), independent, λ_j ≥ 0: the pre-training interaction ‖L(Z)‖² of
 * Theorem 5.1 (docs/math.md §3).
 *
 * <p><b>Method.</b> With λ = max λ_j, w_j = λ_j/λ and y = x/λ, the Laplace transform
 * φ(s) = E e^{−sQ/λ} = Π(1 + 2w_j s)^{−1/2} is the characteristic function continued to the complex plane;
 * it is analytic off the cut (−∞, −1/2]. By Bromwich inversion, moved onto a contour Γ that crosses
 * the real axis at c and wraps around the cut, P(Q ≤ x) = (1/2πi)∫_Γ e^{sy} φ(s) ds/s when c > 0
 * and P(Q > x) = −(1/2πi)∫_Γ e^{sy} φ(s) ds/s when −1/2 < c < 0 (the residue 1 of the pole at 0 is
 * passed). The crossing c is the saddle point of s ↦ sy + log φ(s) − log|s| on the branch that
 * yields the smaller of the two tails (c &gt; 0 when y &lt; E[Q]/λ, else c &lt; 0), so the
 * integrand is never much larger than the result and both tails are obtained with relative (not
 * only absolute) accuracy, down to the underflow limit. Γ is the parabola s(t) = c + it − at²,
 * whose curvature a ≤ 1/(4D) (D the distance from c to the nearest singularity on its left) keeps
 * it clear of the cut, and along which |e^{sy}| decays like e^{−ayt²}. The density is the same
 * integral without the factor 1/s.
 *
 * <p><b>Error control.</b> The integrand is analytic in a strip around the real t-axis whose
 * half-width is at least about the saddle-point scale σ = h''(c)^{−1/2} (the pole at 0 and the
 * branch point −1/2 are both ≳ σ away), so the trapezoidal rule with step h has error ≤
 * 2M/(e^{2πd/h} − 1), M the integrand's bound on the strip of half-width d (Trefethen &amp;
 * Weideman, SIAM Rev. 56 (2014), Thm 5.1): geometric convergence in 1/h. The rule is run on t = στ
 * with steps 0.5, 0.25, … (reusing nodes); since the error squares at every halving, the refined
 * value T_{h/2} is accepted once |T_h − T_{h/2}| ≤ 10⁻⁷|T_{h/2}|, leaving a relative error of order
 * 10⁻¹⁴. This test is an a-posteriori estimate resting on that theorem (d and M are not computed),
 * not a rigorous bound. Each sum is truncated once three consecutive terms beyond |τ| = 4 are below
 * 10⁻¹⁹ of the running sum. Measured against exact laws (equal weights: regularized Gamma; two
 * weights: closed forms and a conditional Gauss–Legendre integral) the relative error is ≲ 2·10⁻¹³
 * in either tail, absolute ≲ 10⁻¹³; non-convergence raises {@link ArithmeticException}. The cost is
 * 40–250 evaluations of φ, each O(number of distinct weights). When all positive weights are equal
 * the exact regularized Gamma function is used instead.
 *
 * <p>Zero weights are allowed and ignored; with no positive weight Q is the point mass at 0.
 * Immutable and thread-safe.
 */
public final class WeightedChiSquare {
  private static final double QUANTILE_RELATIVE_ACCURACY = 1e-15;

  private final double[] weights;
  private final double scale;
  private final double mean;
  private final double variance;
  private final double[] positive;
  private final double degrees;
  private final SaddlepointContour contour;
  private final boolean gammaShortcut;

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
    for (double v : positive) {
      s += v;
      s2 += v * v;
    }
    this.mean = s;
    this.variance = 2 * s2;
    if (positive.length == 0) {
      this.contour = null;
      this.gammaShortcut = false;
    } else {
      this.contour = distinctNormalised(positive);
      this.gammaShortcut = shortcut && positive[positive.length - 1] == scale;
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
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 0;
    }
    if (scale == 0) {
      return 1;
    }
    if (x == 0) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double y = x / scale;
    if (y == Double.POSITIVE_INFINITY) {
      return 1;
    }
    if (gammaShortcut) {
      return Gamma.regularizedGammaP(degrees / 2, y / 2);
    }
    return y < contour.mean() ? contour.lower(y) : 1 - contour.upper(y);
  }

  /** P(Q &gt; x), computed directly so that small upper tails keep their relative accuracy. */
  public double survival(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 1;
    }
    if (scale == 0) {
      return 0;
    }
    if (x == 0) {
      return 1;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double y = x / scale;
    if (y == Double.POSITIVE_INFINITY) {
      return 0;
    }
    if (gammaShortcut) {
      return Gamma.regularizedGammaQ(degrees / 2, y / 2);
    }
    return y < contour.mean() ? 1 - contour.lower(y) : contour.upper(y);
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
    return y == Double.POSITIVE_INFINITY ? 0 : contour.density(y) / scale;
  }

  /**
   * The p-quantile: the x with P(Q ≤ x) = p, found by Brent's method on cdf (p ≤ 1/2) or on
   * survival (p &gt; 1/2) to a relative accuracy of 10⁻¹⁵ in x.
   *
   * @param p in [0, 1]; 0 gives 0 and 1 gives +∞
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
    boolean lowerTail = p <= 0.5;
    double q = 1 - p;
    UnivariateFunction f = lowerTail ? x -> cdf(x) - p : x -> q - survival(x);
    double lo = 0;
    double hi = mean + Math.sqrt(variance);
    while (f.value(hi) < 0) {
      lo = hi;
      hi *= 2;
    }
    BrentSolver solver =
        new BrentSolver(QUANTILE_RELATIVE_ACCURACY, Double.MIN_NORMAL, Double.MIN_NORMAL);
    return solver.solve(10_000, f, lo, hi);
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
