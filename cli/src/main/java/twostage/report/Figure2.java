package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import twostage.cli.Json;
import twostage.experiments.GmmPoint;
import twostage.stats.TrendFit;
import twostage.cli.Method;

/**
 * The three panels of the paper's Figure 2 (Section 6.3, Appendix K): (a) K = 2..14 at d = 30, β = 2;
 * (b) d on a 30-point geometric grid from 5 to 1000 (rounded), plus d = 30 (the point shared with
 * panel (a)), at K = 4, β = 2; (c) β on a 20-point
 * geometric grid from 0.5 to 5 at K = 4, d = 20. Points, the paper's descriptive fits
 * (aK² + bK + c, a + b log d, Cβ^α) with R², and for (b) the exact form (a + b d)/(d + 1) with a and b
 * computed by the dimension reduction.
 */
public final class Figure2 {
  private Figure2() {}

  /**
   * One panel.
   *
   * @param id "a", "b" or "c"
   * @param title the panel title
   * @param vary the swept parameter ("K", "d" or "beta")
   * @param points its points, in order of the swept value
   */
  public record Panel(String id, String title, String vary, List<GmmPoint> points) {
    /** The swept value of a result row. */
    public double x(JsonNode row) {
      return row.get(vary).asDouble();
    }
  }

  /** The panels with the given sample sizes, seed and method. */
  public static List<Panel> panels(long fisher, long samples, int groups, long seed, GmmPoint.Method method) {
    List<Panel> out = new ArrayList<>();
    List<GmmPoint> a = new ArrayList<>();
    for (int k = 2; k <= 14; k++) {
      a.add(new GmmPoint(k, 30, 2.0, 1.0, 0.5, fisher, samples, groups, seed, method));
    }
    out.add(new Panel("a", "(a) d = 30, β = 2", "K", a));
    List<GmmPoint> b = new ArrayList<>();
    List<Double> ds = geometric(5, 1000, 30, true);
    // d = 30 is not on the grid; it is added so that (b) at d = 30 can be checked against (a) at K = 4
    ds.add(30.0);
    ds.sort(null);
    for (double d : ds) {
      b.add(new GmmPoint(4, (int) d, 2.0, 1.0, 0.5, fisher, samples, groups, seed, method));
    }
    out.add(new Panel("b", "(b) K = 4, β = 2", "d", b));
    List<GmmPoint> c = new ArrayList<>();
    for (double beta : geometric(0.5, 5, 20, false)) {
      c.add(new GmmPoint(4, 20, beta, 1.0, 0.5, fisher, samples, groups, seed, method));
    }
    out.add(new Panel("c", "(c) K = 4, d = 20", "beta", c));
    return out;
  }

  /** n geometrically spaced values from a to b (rounded and without repeats when integer). */
  static List<Double> geometric(double a, double b, int n, boolean integer) {
    LinkedHashSet<Double> v = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      double x = i == n - 1 ? b : a * Math.pow(b / a, (double) i / (n - 1));
      v.add(integer ? Math.rint(x) : x);
    }
    return new ArrayList<>(v);
  }

  /** All points of all panels (the shared point (K = 4, d = 30, β = 2) appears twice). */
  public static List<GmmPoint> allPoints(List<Panel> panels) {
    List<GmmPoint> all = new ArrayList<>();
    panels.forEach(p -> all.addAll(p.points()));
    return all;
  }

  /** The fits of a panel, in the order they are drawn. */
  public static List<TrendFit> fits(Panel panel, List<JsonNode> rows) {
    double[] x = column(rows, panel::x);
    double[] y = column(rows, r -> r.get("mean").asDouble());
    List<TrendFit> fits = new ArrayList<>();
    switch (panel.id()) {
      case "a" -> fits.add(TrendFit.quadratic(x, y));
      case "b" -> {
        fits.add(TrendFit.logarithmic(x, y));
        fits.add(TrendFit.rational(x, y));
      }
      default -> fits.add(TrendFit.power(x, y));
    }
    return fits;
  }

  /** The log fit of panel (b) restricted to the paper's plotted range d ≤ 100. */
  public static TrendFit logFitPaperRange(Panel panel, List<JsonNode> rows) {
    List<JsonNode> in = rows.stream().filter(r -> panel.x(r) <= 100).toList();
    return TrendFit.logarithmic(column(in, panel::x), column(in, r -> r.get("mean").asDouble()));
  }

  /**
   * The computed exact form of panel (b): a and b from the reduction at the row nearest d = 30 (every
   * reduced row of the panel gives the same a and b: the intrinsic problem does not depend on d), or
   * null when the panel was computed directly.
   */
  public static JsonNode exactForm(List<JsonNode> rows) {
    JsonNode best = null;
    for (JsonNode r : rows) {
      if (r.has("exactForm") && (best == null
          || Math.abs(r.get("d").asInt() - 30) < Math.abs(best.get("d").asInt() - 30))) {
        best = r;
      }
    }
    return best == null ? null : best.get("exactForm");
  }

  /** The JSON of one fit. */
  public static ObjectNode json(TrendFit f) {
    ObjectNode o = Json.object();
    o.put("model", f.model());
    o.put("formula", f.formula());
    ObjectNode c = o.putObject("coefficients");
    for (int i = 0; i < f.names().length; i++) {
      c.put(f.names()[i], f.coefficients()[i]);
    }
    o.put("rSquared", f.rSquared());
    if (f.model().equals("power")) {
      o.put("rSquaredScale", "log-log");
    }
    return o;
  }

  /** The paper's Figure 2 values, digitised from its vector graphics (docs/figure2.md), by panel. */
  public static JsonNode paperDigitised() {
    try (var in = Figure2.class.getResourceAsStream("/twostage/paper-figure2-digitised.json")) {
      return in == null ? Json.object() : Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the digitised paper values", e);
    }
  }

  /** Writes figure2.json, one CSV per panel and the charts; returns the JSON written. */
  public static ObjectNode write(Path dir, List<Panel> panels, List<List<JsonNode>> rows, ObjectNode header) {
    ObjectNode root = header.deepCopy();
    ObjectNode ps = root.putObject("panels");
    JsonNode paper = paperDigitised();
    for (int i = 0; i < panels.size(); i++) {
      Panel p = panels.get(i);
      List<JsonNode> r = rows.get(i);
      ObjectNode o = ps.putObject(p.id());
      o.put("title", p.title());
      o.put("vary", p.vary());
      ArrayNode pts = o.putArray("points");
      r.forEach(pts::add);
      List<TrendFit> fits = fits(p, r);
      ArrayNode fs = o.putArray("fits");
      fits.forEach(f -> fs.add(json(f)));
      JsonNode exact = null;
      JsonNode exactK3 = null;
      TrendFit paperRange = null;
      JsonNode paperPts = paper.path(p.id()).path("points");
      if (paperPts.isArray()) {
        o.set("paperDigitised", paperPts);
      }
      if (p.id().equals("b")) {
        paperRange = logFitPaperRange(p, r);
        fs.add(json(paperRange).put("range", "d <= 100 (the paper's plotted range)"));
        exact = exactForm(r);
        // the paper's panel (b) follows the K = 3 curve (docs/figure2.md): draw it from panel (a)
        for (JsonNode ra : rows.get(0)) {
          if (ra.get("K").asInt() == 3 && ra.get("beta").asDouble() == 2.0 && ra.has("exactForm")) {
            exactK3 = ra.get("exactForm");
            o.set("exactFormK3", exactK3);
          }
        }
        if (exact != null) {
          o.set("exactForm", exact);
          o.put("maxAbsDeviationFromExactInStdErrors", maxDeviation(r, exact));
        }
      }
      GmmSweep.writeCsv(dir.resolve("panel-" + p.id() + ".csv"), r);
      Figure2Charts.draw(p, r, fits, exact, paperRange, exactK3,
          paperPts.isArray() ? paperPts : null, dir.resolve("panel-" + p.id()));
    }
    try {
      Files.writeString(dir.resolve("figure2.json"), Json.pretty(root) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figure2.json", e);
    }
    return root;
  }

  private static double maxDeviation(List<JsonNode> rows, JsonNode exact) {
    double a = exact.get("a").asDouble();
    double b = exact.get("b").asDouble();
    double worst = 0;
    for (JsonNode r : rows) {
      double d = r.get("d").asDouble();
      double se = r.get("stdError").asDouble();
      double dev = Math.abs(r.get("mean").asDouble() - (a + b * d) / (d + 1));
      worst = Math.max(worst, se > 0 ? dev / se : dev == 0 ? 0 : Double.POSITIVE_INFINITY);
    }
    return worst;
  }

  static double[] column(List<JsonNode> rows, ToDoubleFunction<JsonNode> f) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(rows.get(i));
    }
    return out;
  }
}
