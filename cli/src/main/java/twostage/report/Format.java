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

  /**
   * A one-line JSON rendering of maps, lists, arrays, numbers, strings and booleans, as Jackson writes
   * them ({@link Json#line} for anything else): the tables print instance descriptions without starting
   * a JSON library.
   */
  public static String jsonLine(Object v) {
    StringBuilder b = new StringBuilder();
    json(b, v);
    return b.toString();
  }

  private static void json(StringBuilder b, Object v) {
    if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
      b.append(v);
    } else if (v instanceof Double d && Double.isFinite(d)) {
      b.append(d);
    } else if (v instanceof String s) {
      b.append('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          case '\r' -> b.append("\\r");
          default -> {
            if (c < 0x20) {
              b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      b.append('"');
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(sep);
        json(b, String.valueOf(e.getKey()));
        b.append(':');
        json(b, e.getValue());
        sep = ",";
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        b.append(i > 0 ? "," : "");
        json(b, l.get(i));
      }
      b.append(']');
    } else if (v instanceof double[] a) {
      json(b, java.util.Arrays.stream(a).boxed().toList());
    } else {
      b.append(Json.line(v));
    }
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
