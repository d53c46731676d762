package twostage.experiments;

import java.io.Serializable;
import java.util.List;

/**
 * The limit law of one instance: which model, α = m/n, the quantile levels to report and the seed
 * of any Monte Carlo computation.
 *
 * @param model the model
 * @param alpha α = lim m/n, finite and &gt; 0
 * @param levels probabilities in (0, 1) at which quantiles of E_α are reported
 * @param seed random seed
 */
public record LimitSpec(ModelSpec model, double alpha, List<Double> levels, long seed) implements Serializable {
  /** The levels reported unless asked otherwise. */
  public static final List<Double> DEFAULT_LEVELS = List.of(0.5, 0.9, 0.95, 0.99);

  public LimitSpec {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("--alpha must be > 0 and finite, got " + alpha);
    }
    if (alpha < 1e-12 || alpha > 1e12) {
      throw new IllegalArgumentException("--alpha must be between 1e-12 and 1e12 (E_alpha = sigma^2 d_eff "
          + "+ E||L||^2/alpha), got " + alpha);
    }
    levels = checked(levels);
  }

  /**
   * The quantile levels, checked.
   *
   * @throws IllegalArgumentException unless every level is in (0, 1)
   */
  public static List<Double> checked(List<Double> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("--quantile needs at least one level in (0, 1)");
    }
    for (double p : levels) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("--quantile levels must be in (0, 1), got " + p);
      }
    }
    return List.copyOf(levels);
  }
}
