package twostage.errata;

import java.util.Arrays;
import twostage.stats.WeightedChiSquare;

/**
 * A closed-form law of the pre-training interaction ‖L(Z)‖² = Σ_j w_j χ²₁(j), as the paper prints it
 * or as corrected: the one type for Corollary 6.3, (H.39), the paper's general spectral route and
 * Corollary 6.4 (whose weights are all equal, c²·χ²_r).
 *
 * @param label "paper" (as printed) or "corrected" (our derivation, docs/errata.md)
 * @param source the equations or formula it implements, e.g. "(H.39)"
 * @param weights w_j ≥ 0, largest first
 */
public record ClosedFormLaw(String label, String source, double[] weights) {

  public ClosedFormLaw {
    weights = descending(weights);
  }

  /** The law Σ w_j χ²₁ with the weights in any order. */
  public static ClosedFormLaw of(String label, String source, double[] weights) {
    return new ClosedFormLaw(label, source, weights);
  }

  /** c²·χ²_r: r equal weights c². */
  public static ClosedFormLaw scaledChiSquare(String label, String source, double c2, int r) {
    double[] w = new double[r];
    Arrays.fill(w, c2);
    return new ClosedFormLaw(label, source, w);
  }

  /** E‖L(Z)‖² = Σ w_j. */
  public double mean() {
    double s = 0;
    for (int j = weights.length - 1; j >= 0; j--) {
      s += weights[j];
    }
    return s;
  }

  /** Var ‖L(Z)‖² = 2 Σ w_j². */
  public double variance() {
    double s = 0;
    for (double w : weights) {
      s += 2 * w * w;
    }
    return s;
  }

  /** The number r of positive weights. */
  public int degreesOfFreedom() {
    int r = 0;
    for (double w : weights) {
      r += w > 0 ? 1 : 0;
    }
    return r;
  }

  /** c² when the positive weights are all equal (the c²χ²_r form), else NaN. */
  public double commonWeight() {
    double c2 = 0;
    for (double w : weights) {
      if (w > 0) {
        if (c2 > 0 && w != c2) {
          return Double.NaN;
        }
        c2 = w;
      }
    }
    return c2;
  }

  /** The weights padded with zeros to at least {@code length} entries, largest first. */
  public double[] weights(int length) {
    return Arrays.copyOf(weights, Math.max(length, weights.length));
  }

  /** The law as a {@link WeightedChiSquare}. */
  public WeightedChiSquare law() {
    return new WeightedChiSquare(weights);
  }

  /** P(‖L(Z)‖² ≤ t). */
  public double cdf(double t) {
    return law().cdf(t);
  }

  /** The quantile of level p ∈ (0, 1). */
  public double quantile(double p) {
    return law().quantile(p);
  }

  /** max_j |λ_j − w_j| / max_j λ_j against an engine's weights λ (largest first). */
  public double relativeWeightError(double[] engineWeights) {
    double[] w = weights(engineWeights.length);
    double top = 0;
    for (double v : engineWeights) {
      top = Math.max(top, Math.abs(v));
    }
    double err = 0;
    for (int j = 0; j < w.length; j++) {
      double e = j < engineWeights.length ? engineWeights[j] : 0;
      err = Math.max(err, Math.abs(e - w[j]));
    }
    return top == 0 ? err : err / top;
  }

  private static double[] descending(double[] w) {
    double[] s = w.clone();
    Arrays.sort(s);
    for (int i = 0, j = s.length - 1; i < j; i++, j--) {
      double t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  }
}
