package twostage.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The values of a swept parameter, written as a list "2,3,5", an inclusive integer range "2..14"
 * (step 1) or a geometric grid "geom:A,B,N" (N points from A to B, both included). For integer
 * parameters the grid is rounded to the nearest integer and repeated values are dropped.
 */
public final class ValueSpec {
  private ValueSpec() {}

  /**
   * Parses {@code spec}.
   *
   * @param integer whether the parameter takes integer values
   * @throws IllegalArgumentException with a message that states the accepted forms
   */
  public static List<Double> parse(String spec, boolean integer) {
    String s = spec.trim();
    List<Double> raw = new ArrayList<>();
    if (s.startsWith("geom:")) {
      String[] parts = s.substring(5).split(",");
      if (parts.length != 3) {
        throw bad(spec, "geom:A,B,N needs three numbers");
      }
      double a = number(parts[0], spec);
      double b = number(parts[1], spec);
      double n = number(parts[2], spec);
      if (!(a > 0 && b > 0)) {
        throw bad(spec, "geom:A,B,N needs A > 0 and B > 0");
      }
      if (n != Math.rint(n) || n < 2 || n > 10_000) {
        throw bad(spec, "geom:A,B,N needs a whole N between 2 and 10000");
      }
      int count = (int) n;
      for (int i = 0; i < count; i++) {
        double t = (double) i / (count - 1);
        double v = i == count - 1 ? b : a * Math.pow(b / a, t);
        raw.add(v);
      }
    } else if (s.contains("..")) {
      String[] parts = s.split("\\.\\.", -1);
      if (parts.length != 2) {
        throw bad(spec, "a range is START..END");
      }
      double a = number(parts[0], spec);
      double b = number(parts[1], spec);
      if (a != Math.rint(a) || b != Math.rint(b)) {
        throw bad(spec, "a range START..END needs whole numbers (use a list or geom: otherwise)");
      }
      if (a > b) {
        throw bad(spec, "a range START..END needs START <= END");
      }
      if (b - a > 10_000) {
        throw bad(spec, "a range may hold at most 10001 values");
      }
      for (double v = a; v <= b; v++) {
        raw.add(v);
      }
    } else {
      for (String part : s.split(",")) {
        raw.add(number(part, spec));
      }
    }
    LinkedHashSet<Double> out = new LinkedHashSet<>();
    for (double v : raw) {
      if (integer) {
        double rounded = Math.rint(v);
        if (!s.startsWith("geom:") && rounded != v) {
          throw bad(spec, "this parameter takes whole numbers, got " + fmt(v));
        }
        out.add(rounded);
      } else {
        out.add(v);
      }
    }
    return new ArrayList<>(out);
  }

  private static double number(String text, String spec) {
    try {
      double v = Double.parseDouble(text.trim());
      if (!Double.isFinite(v)) {
        throw bad(spec, "'" + text.trim() + "' is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(spec, "'" + text.trim() + "' is not a number; use LIST (2,3,5), START..END or geom:A,B,N");
    }
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException("--values '" + spec + "': " + why);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }
}
