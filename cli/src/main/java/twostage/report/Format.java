package twostage.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import twostage.stats.Estimate;

/** Number formatting shared by the tables: six significant digits, estimates with ± standard error. */
public final class Format {
  private Format() {}

  /** Six significant digits. */
  public static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** "v ± se" (two significant digits of se), or "v" when exact. */
  public static String pm(Estimate e) {
    return e.stdError() > 0 ? num(e.value()) + " ± " + String.format(Locale.ROOT, "%.2g", e.stdError())
        : num(e.value());
  }

  /** A table row "  name   value". */
  public static void row(StringBuilder b, String name, String value) {
    b.append(String.format(Locale.ROOT, "  %-36s %s%n", name, value));
  }

  /** A value of a description or details map, for a table. */
  public static String value(Object v) {
    if (v instanceof Estimate e) {
      return pm(e);
    }
    if (v instanceof Double d) {
      return num(d);
    }
    if (v instanceof Float f) {
      return num(f);
    }
    if (v instanceof double[] a) {
      return list(java.util.Arrays.stream(a).boxed().toList());
    }
    if (v instanceof List<?> l) {
      return list(l);
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder s = new StringBuilder();
      m.forEach((k, x) -> s.append(k).append('=').append(value(x)).append(' '));
      return s.toString().trim();
    }
    return String.valueOf(v);
  }

  private static String list(List<?> l) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(6, l.size()); i++) {
      s.append(value(l.get(i))).append(' ');
    }
    if (l.size() > 6) {
      s.append("... (").append(l.size()).append(" in all)");
    }
    return s.toString().trim();
  }

  /** A probability as a percentage without trailing zeros ("50", "97.5"). */
  public static String percent(double p) {
    double v = 100 * p;
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", (float) v);
  }
}
