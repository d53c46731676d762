package twostage.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a parsed instance file (JSON objects become maps, arrays lists, numbers
 * {@link Number}s) with errors that name the file, the field and the rule.
 */
public final class InstanceFile {
  private final Map<String, Object> fields;
  private final String source;

  /**
   * @param fields the parsed file
   * @param source its name, for messages
   */
  public InstanceFile(Map<String, Object> fields, String source) {
    this.fields = fields;
    this.source = source;
  }

  /** A vector as a file field (a list of numbers). */
  public static List<Double> list(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double x : v) {
      l.add(x);
    }
    return l;
  }

  /** A matrix as a file field (a list of rows). */
  public static List<List<Double>> rows(double[][] m) {
    List<List<Double>> l = new ArrayList<>(m.length);
    for (double[] r : m) {
      l.add(list(r));
    }
    return l;
  }

  /** The file name. */
  public String source() {
    return source;
  }

  /** True when the field is present. */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /**
   * Refuses fields outside {@code known} (and {@code "comment"}, free text allowed in every instance
   * file): a misspelt field would otherwise be silently ignored.
   *
   * @throws IllegalArgumentException naming the unknown fields and the known ones
   */
  public void onlyFields(String... known) {
    Set<String> unknown = new LinkedHashSet<>(fields.keySet());
    unknown.removeAll(List.of(known));
    unknown.remove("comment");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(where() + ": unknown field" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + " (known: " + String.join(", ", known) + ")");
    }
  }

  /**
   * A required field as parsed (a number, a string, a list or a map), for fields of a kind the typed
   * getters do not cover.
   */
  public Object value(String field) {
    return required(field);
  }

  /** A required finite number. */
  public double number(String field) {
    return number(required(field), field);
  }

  /** An optional finite number. */
  public double number(String field, double fallback) {
    return has(field) ? number(field) : fallback;
  }

  /** A required whole number. */
  public int integer(String field) {
    double v = number(field);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where(field) + " must be a whole number, got " + v);
    }
    return (int) v;
  }

  /** A required array of finite numbers. */
  public double[] vector(String field) {
    return vector(required(field), field);
  }

  /** A required non-empty array of equal-length number arrays. */
  public double[][] matrix(String field) {
    Object a = required(field);
    if (!(a instanceof List<?> rows) || rows.isEmpty()) {
      throw new IllegalArgumentException(where(field) + " must be a non-empty array of rows");
    }
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vector(rows.get(i), field + "[" + i + "]");
      if (out[i].length != out[0].length) {
        throw new IllegalArgumentException(where(field) + ": all rows must have the same length (row 0 has "
            + out[0].length + ", row " + i + " has " + out[i].length + ")");
      }
    }
    return out;
  }

  private Object required(String field) {
    if (!fields.containsKey(field)) {
      throw new IllegalArgumentException(where(field) + " is required");
    }
    return fields.get(field);
  }

  private double number(Object v, String field) {
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(where(field) + " must be a number, got " + v);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(where(field) + " must be finite, got " + d);
    }
    return d;
  }

  private double[] vector(Object a, String field) {
    if (!(a instanceof List<?> list)) {
      throw new IllegalArgumentException(where(field) + " must be an array of numbers");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(list.get(i), field + "[" + i + "]");
    }
    return out;
  }

  private String where() {
    return "--instance " + source;
  }

  private String where(String field) {
    return where() + ": field '" + field + "'";
  }
}
