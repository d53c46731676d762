package twostage.spi;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a case study's {@link Parameter}s, each in a canonical text form (so that two runs
 * with the same values have equal specs, whatever the user typed: {@code 1e6} and {@code 1000000} are
 * one count). Immutable; the typed getters parse the canonical form.
 */
public final class Settings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Counts above this do not fit the sample-size arithmetic (a long with headroom). */
  public static final double MAX_COUNT = 9e18;

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Reads user input: every declared parameter gets its given value or its default, each checked
   * against its kind.
   *
   * @param declared the parameters (in display order)
   * @param given raw values by option name (a subset of the declared names)
   * @throws IllegalArgumentException naming the option and the rule when a value is not of its kind
   *     or an option is not declared
   */
  public static Settings parse(List<Parameter> declared, Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : given.keySet()) {
      if (declared.stream().noneMatch(p -> p.name().equals(name))) {
        throw new IllegalArgumentException("unknown option " + name + "; the declared options: "
            + String.join(", ", declared.stream().map(Parameter::name).toList()));
      }
    }
    for (Parameter p : declared) {
      String raw = given.getOrDefault(p.name(), p.defaultValue());
      out.put(p.name(), canonical(p, raw));
    }
    return new Settings(out);
  }

  /** Settings from canonical values (as stored in a spec). */
  public static Settings of(Map<String, String> canonical) {
    return new Settings(canonical);
  }

  /** The canonical values by option name. */
  public Map<String, String> values() {
    return values;
  }

  /** These settings with one value replaced (checked against its kind). */
  public Settings with(Parameter p, String raw) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(p.name(), canonical(p, raw));
    return new Settings(m);
  }

  /** A whole-number option. */
  public int integer(String name) {
    return Integer.parseInt(get(name));
  }

  /** A real option. */
  public double real(String name) {
    return Double.parseDouble(get(name));
  }

  /** A count option. */
  public long count(String name) {
    return Long.parseLong(get(name));
  }

  /**
   * A count option that must be at least {@code min}.
   *
   * @param why the reason for the minimum, for the message
   */
  public long count(String name, long min, String why) {
    long v = count(name);
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + " (" + why + "), got " + v);
    }
    return v;
  }

  /** A choice option (lower case). */
  public String choice(String name) {
    return get(name);
  }

  private String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("option " + name + " is not part of these settings " + values.keySet());
    }
    return v;
  }

  /** The canonical text of {@code raw} for {@code p}, or an error naming the option and the rule. */
  public static String canonical(Parameter p, String raw) {
    String c = kind(p, raw == null ? "" : raw.trim());
    if (p.kind() != Parameter.Kind.CHOICE) {
      double v = Double.parseDouble(c);
      if (v < p.min() || v > p.max()) {
        throw new IllegalArgumentException(p.name() + " must be " + (Double.isInfinite(p.max())
            ? ">= " + bound(p.min()) : Double.isInfinite(p.min()) ? "<= " + bound(p.max())
            : "between " + bound(p.min()) + " and " + bound(p.max())) + ", got " + raw.trim());
      }
    }
    return c;
  }

  private static String bound(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.0e", v);
  }

  private static String kind(Parameter p, String s) {
    switch (p.kind()) {
      case INTEGER -> {
        double v = number(p, s);
        if (v != Math.rint(v)) {
          throw new IllegalArgumentException(p.name() + " must be a whole number, got " + s);
        }
        if (Math.abs(v) > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              p.name() + " must be between -2147483648 and 2147483647, got " + s);
        }
        return Integer.toString((int) v);
      }
      case REAL -> {
        return Double.toString(number(p, s));
      }
      case COUNT -> {
        double v = number(p, s);
        if (v != Math.rint(v) || v < 0) {
          throw new IllegalArgumentException(
              p.name() + " must be a whole, non-negative number of samples (e.g. 1e6), got " + s);
        }
        if (v > MAX_COUNT) {
          throw new IllegalArgumentException(p.name() + " must be at most 9e18, got " + s);
        }
        return Long.toString((long) v);
      }
      case CHOICE -> {
        String lower = s.toLowerCase(Locale.ROOT);
        if (!p.choices().contains(lower)) {
          throw new IllegalArgumentException(
              p.name() + " must be one of " + String.join(", ", p.choices()) + ", got " + s);
        }
        return lower;
      }
      default -> throw new IllegalStateException("kind " + p.kind());
    }
  }

  private static double number(Parameter p, String s) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(p.name() + " must be a number, got '" + s + "'");
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(p.name() + " must be a finite number, got " + s);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
