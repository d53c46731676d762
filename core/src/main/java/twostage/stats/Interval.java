package twostage.stats;

/**
 * A point estimate with a two-sided interval.
 *
 * @param value the estimate
 * @param low lower end
 * @param high upper end
 */
public record Interval(double value, double low, double high) {
  @Override
  public String toString() {
    return String.format("%.4f [%.4f, %.4f]", value, low, high);
  }
}
