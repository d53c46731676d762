package twostage.models.factor;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * A closed-form law of the pre-training interaction of the form c²·χ²_r (all r weights equal), as in
 * Corollary 6.4.
 *
 * @param label where the formula comes from ("paper Corollary 6.4 as printed" or "corrected")
 * @param weight c², the common weight λ_j
 * @param degreesOfFreedom r = d − k, the number of non-zero weights
 * @param mean E‖L(Z)‖² = c²·r
 * @param formula the formula in words, for printing
 */
public record ClosedFormLaw(
    String label, double weight, int degreesOfFreedom, double mean, String formula) {

  /** The law c²χ²_r. */
  public static ClosedFormLaw of(String label, double weight, int degreesOfFreedom, String formula) {
    return new ClosedFormLaw(label, weight, degreesOfFreedom, weight * degreesOfFreedom, formula);
  }

  /** Variance 2c⁴r. */
  public double variance() {
    return 2 * weight * weight * degreesOfFreedom;
  }

  /** The weights padded with zeros to {@code length} entries, largest first (to set beside the engine's). */
  public double[] weights(int length) {
    double[] w = new double[Math.max(length, degreesOfFreedom)];
    Arrays.fill(w, 0, degreesOfFreedom, weight);
    return w;
  }

  /** P(c²χ²_r ≤ t). */
  public double cdf(double t) {
    if (t < 0) {
      return 0;
    }
    if (degreesOfFreedom == 0 || weight == 0) {
      return 1;
    }
    return new ChiSquaredDistribution(degreesOfFreedom).cumulativeProbability(t / weight);
  }

  /** The quantile of level p ∈ (0, 1). */
  public double quantile(double p) {
    if (degreesOfFreedom == 0 || weight == 0) {
      return 0;
    }
    return weight * new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(p);
  }
}
