package twostage.stats;

import java.io.Serializable;

/**
 * A Monte Carlo estimate with its standard error. An exact value has standard error 0.
 *
 * @param value the estimate
 * @param stdError its standard error (0 when the value is exact)
 */
public record Estimate(double value, double stdError) implements Serializable {
  /** An exact value (standard error 0). */
  public static Estimate exact(double value) {
    return new Estimate(value, 0.0);
  }

  /** This estimate scaled by a constant. */
  public Estimate times(double c) {
    return new Estimate(value * c, stdError * Math.abs(c));
  }

  @Override
  public String toString() {
    return stdError == 0.0 ? Double.toString(value) : value + " ± " + stdError;
  }
}
