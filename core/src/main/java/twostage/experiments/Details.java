package twostage.experiments;

import java.util.Map;
import twostage.stats.Estimate;

/** Reads the model-specific details of a {@link twostage.spi.LimitEstimate}, fresh or read back from JSON. */
public final class Details {
  private Details() {}

  /** An {@link Estimate} detail (a map {value, stdError} once read back), or null. */
  public static Estimate estimate(Object o) {
    if (o instanceof Estimate e) {
      return e;
    }
    if (o instanceof Map<?, ?> m && m.get("value") instanceof Number v && m.get("stdError") instanceof Number s) {
      return new Estimate(v.doubleValue(), s.doubleValue());
    }
    return null;
  }

  /** A map detail, or null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }
}
