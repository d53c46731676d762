package twostage.spi;

import java.io.Serializable;
import java.util.List;

/**
 * An option that a {@link CaseStudy} declares: its command-line name, the kind of value, the default
 * and what it means. Every command that uses the role shows it with the same name and default, so
 * {@code limit}, {@code validate}, {@code check}, {@code crossover}, {@code plan} and {@code sweep}
 * read a model the same way.
 *
 * @param name the option as typed on the command line, e.g. {@code --K}
 * @param kind what values it takes
 * @param defaultValue the default, as the user would type it
 * @param choices the accepted values of a {@link Kind#CHOICE} (empty otherwise)
 * @param role which part of the computation it configures
 * @param description one line of help (without the default, which is appended)
 * @param min smallest accepted value of a number (−∞ when unbounded)
 * @param max largest accepted value of a number (+∞ when unbounded)
 */
public record Parameter(
    String name, Kind kind, String defaultValue, List<String> choices, Role role, String description,
    double min, double max) implements Serializable {

  /** What values a parameter takes. */
  public enum Kind {
    /** A whole number in the int range. */
    INTEGER,
    /** A finite real number. */
    REAL,
    /** A non-negative sample count, written as an integer or in scientific notation ("1e6"). */
    COUNT,
    /** One of {@link #choices()}. */
    CHOICE
  }

  /** Which part of the computation a parameter configures. */
  public enum Role {
    /** Defines the instance (the population): part of every command. */
    INSTANCE,
    /** How the limit law is computed (method, Monte Carlo sizes). */
    LIMIT,
    /** How the finite-sample pipeline runs (estimator options, population sample sizes). */
    PIPELINE
  }

  public Parameter {
    if (name == null || !name.startsWith("--")) {
      throw new IllegalArgumentException("a parameter name starts with --, got " + name);
    }
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (kind == Kind.CHOICE && !choices.contains(defaultValue)) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + choices);
    }
    if (!(min <= max)) {
      throw new IllegalArgumentException(name + ": the range [" + min + ", " + max + "] is empty");
    }
  }

  /** An unbounded parameter. */
  public Parameter(
      String name, Kind kind, String defaultValue, List<String> choices, Role role, String description) {
    this(name, kind, defaultValue, choices, role, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * This parameter accepting only values in [lo, hi] (numbers large or small enough to overflow or
   * underflow the model's arithmetic are refused naming the option and the range).
   */
  public Parameter range(double lo, double hi) {
    return new Parameter(name, kind, defaultValue, choices, role, description, lo, hi);
  }

  /** An instance parameter taking whole numbers. */
  public static Parameter integer(String name, int defaultValue, String description) {
    return new Parameter(name, Kind.INTEGER, Integer.toString(defaultValue), List.of(), Role.INSTANCE,
        description);
  }

  /** An instance parameter taking real numbers. */
  public static Parameter real(String name, double defaultValue, String description) {
    return new Parameter(name, Kind.REAL, format(defaultValue), List.of(), Role.INSTANCE, description);
  }

  /** A sample count with the given role. */
  public static Parameter count(String name, long defaultValue, Role role, String description) {
    return new Parameter(name, Kind.COUNT, Long.toString(defaultValue), List.of(), role, description);
  }

  /** A choice with the given role. */
  public static Parameter choice(
      String name, String defaultValue, List<String> choices, Role role, String description) {
    return new Parameter(name, Kind.CHOICE, defaultValue, choices, role, description);
  }

  /** True for the kinds that a sweep can vary (numbers). */
  public boolean numeric() {
    return kind != Kind.CHOICE;
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
