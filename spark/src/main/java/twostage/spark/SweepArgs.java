package twostage.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import twostage.experiments.GmmPoint;
import twostage.theory.MonteCarloMoments;

/**
 * The options of {@link SparkSweepMain}, a subset of {@code twostage sweep gmm}: {@code --vary K|d|beta
 * --values a,b,c}, the fixed {@code --K --d --beta --theta-norm --sigma}, {@code --fisher-samples
 * --samples --seed --method} and {@code --out FILE}; optionally {@code --master URL}.
 *
 * @param vary the swept parameter: "K", "d" or "beta"
 * @param points one point per value, in the order of the values
 * @param out the JSON-lines file to write
 * @param master the Spark master, or null to take it from spark-submit
 */
public record SweepArgs(String vary, List<GmmPoint> points, String out, String master) {
  private static final Set<String> OPTIONS = Set.of("--vary", "--values", "--K", "--d", "--beta",
      "--theta-norm", "--sigma", "--fisher-samples", "--samples", "--seed", "--method", "--out",
      "--master");

  /** Usage text. */
  public static final String USAGE = String.join("\n",
      "usage: SparkSweepMain --vary K|d|beta --values v1,v2,... --out FILE",
      "         [--K k] [--d d] [--beta b] [--theta-norm 1] [--sigma 0.5]",
      "         [--fisher-samples 100000] [--samples 1000000] [--seed 1] [--method reduced|direct]",
      "         [--master URL]",
      "  --K is required unless --vary K, --d unless --vary d; --beta defaults to 2.");

  /**
   * Parses and validates {@code args}.
   *
   * @throws IllegalArgumentException naming the option, the value and the rule
   */
  public static SweepArgs parse(String[] args) {
    Map<String, String> o = options(args);
    String vary = required(o, "--vary");
    if (!vary.equals("K") && !vary.equals("d") && !vary.equals("beta")) {
      throw new IllegalArgumentException("--vary must be K, d or beta, got " + vary);
    }
    List<Double> values = values(required(o, "--values"), !vary.equals("beta"));
    String out = required(o, "--out");
    for (String fixed : List.of("K", "d", "beta")) {
      if (vary.equals(fixed) && o.containsKey("--" + fixed)) {
        throw new IllegalArgumentException("--" + fixed + " must not be given with --vary " + fixed
            + " (it is swept)");
      }
      if (!vary.equals(fixed) && !fixed.equals("beta") && !o.containsKey("--" + fixed)) {
        throw new IllegalArgumentException("--" + fixed + " is required unless --vary " + fixed);
      }
    }
    int k = vary.equals("K") ? 0 : (int) integer(o, "--K", "0");
    int d = vary.equals("d") ? 0 : (int) integer(o, "--d", "0");
    double beta = number(o, "--beta", "2");
    double thetaNorm = number(o, "--theta-norm", "1");
    double sigma = number(o, "--sigma", "0.5");
    long fisher = integer(o, "--fisher-samples", "100000");
    long samples = integer(o, "--samples", "1000000");
    long seed = integer(o, "--seed", "1");
    GmmPoint.Method method = method(o.getOrDefault("--method", "reduced"));
    rule(fisher >= 2, "--fisher-samples must be >= 2, got " + fisher);
    rule(samples >= 2, "--samples must be >= 2, got " + samples);
    rule(sigma >= 0 && Double.isFinite(sigma), "--sigma must be >= 0 and finite, got " + sigma);
    rule(thetaNorm > 0 && Double.isFinite(thetaNorm), "--theta-norm must be > 0, got " + thetaNorm);
    int groups = (int) Math.max(2, Math.min(MonteCarloMoments.DEFAULT_GROUPS, Math.min(fisher, samples)));
    List<GmmPoint> points = new ArrayList<>();
    for (double v : values) {
      int kk = vary.equals("K") ? (int) v : k;
      int dd = vary.equals("d") ? (int) v : d;
      double bb = vary.equals("beta") ? v : beta;
      rule(kk >= 2, "K must be >= 2, got " + kk);
      rule(bb > 0 && Double.isFinite(bb), "beta must be > 0 and finite, got " + bb);
      rule(dd >= kk, "d must be >= K (centres beta*e_i), got d=" + dd + ", K=" + kk);
      rule(method != GmmPoint.Method.DIRECT || (long) kk * dd <= 600,
          "--method direct needs K*d <= 600 (got K=" + kk + ", d=" + dd + "); use --method reduced");
      points.add(new GmmPoint(kk, dd, bb, thetaNorm, sigma, fisher, samples, groups, seed, method));
    }
    return new SweepArgs(vary, List.copyOf(points), out, o.get("--master"));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      if (o.put(name, args[i + 1]) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    return o;
  }

  private static List<Double> values(String spec, boolean integer) {
    List<Double> out = new ArrayList<>();
    for (String s : spec.split(",", -1)) {
      double v = parseNumber("--values", s.trim());
      rule(!integer || v == Math.rint(v), "--values: " + s.trim() + " is not a whole number");
      out.add(v);
    }
    return out;
  }

  private static GmmPoint.Method method(String s) {
    try {
      return GmmPoint.Method.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--method must be reduced or direct, got " + s, e);
    }
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  private static double number(Map<String, String> o, String name, String fallback) {
    return parseNumber(name, o.getOrDefault(name, fallback));
  }

  private static long integer(Map<String, String> o, String name, String fallback) {
    String s = o.getOrDefault(name, fallback).replace("_", "");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + s, e);
    }
  }

  private static double parseNumber(String name, String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + s + "'", e);
    }
  }

  private static void rule(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
