package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import twostage.experiments.Figure2Study;
import twostage.experiments.LimitResult;
import twostage.stats.TrendFit;

/** How {@code twostage figure2} shows a {@link Figure2Study.Result}: figure2.json, a CSV and a plot per panel. */
public final class Figure2View {
  private Figure2View() {}

  /** Writes figure2.json, panel-{a,b,c}.csv and panel-{a,b,c}.png/.svg into {@code dir}; returns the JSON. */
  public static ObjectNode write(Path dir, Figure2Study.Result r) {
    ObjectNode root = json(r);
    JsonNode paper = paperDigitised();
    for (Figure2Study.Panel p : r.panels()) {
      SweepView.writeCsv(dir.resolve("panel-" + p.id() + ".csv"), p.points());
      JsonNode pts = paper.path(p.id()).path("points");
      Figure2Charts.draw(p, pts.isArray() ? pts : null, dir.resolve("panel-" + p.id()));
    }
    ReportFiles.write(dir.resolve("figure2.json"), Json.pretty(root) + "\n");
    return root;
  }

  /** The JSON of the figure. */
  public static ObjectNode json(Figure2Study.Result r) {
    ObjectNode root = Json.object();
    root.put("command", "figure2");
    root.put("preset", r.spec().preset());
    root.put("fisherSamples", r.spec().fisherSamples());
    root.put("samples", r.spec().samples());
    root.put("seed", r.spec().seed());
    root.put("method", "reduced");
    root.put("points", r.points());
    root.put("distinctPoints", r.distinctPoints());
    root.put("computedNow", r.computedNow());
    root.put("secondsThisRun", r.secondsThisRun());
    root.put("note", "method 'reduced' = exact dimension reduction (docs/gmm-dimension-reduction.md): intrinsic "
        + "K(K-1) coordinates + (d-K+1) isotropic copies; the point (K=4, d=30, beta=2) is shared by panels a and b");
    ObjectNode ps = root.putObject("panels");
    JsonNode paper = paperDigitised();
    for (Figure2Study.Panel p : r.panels()) {
      ObjectNode o = ps.putObject(p.id());
      o.put("title", p.title());
      o.put("vary", p.vary().substring(2));
      ArrayNode pts = o.putArray("points");
      for (LimitResult l : p.points()) {
        pts.add(SweepView.row(l));
      }
      ArrayNode fs = o.putArray("fits");
      p.fits().forEach(f -> fs.add(fit(f)));
      if (p.paperRangeFit() != null) {
        fs.add(fit(p.paperRangeFit()).put("range", "d <= 100 (the paper's plotted range)"));
      }
      JsonNode paperPts = paper.path(p.id()).path("points");
      if (paperPts.isArray()) {
        o.set("paperDigitised", paperPts);
      }
      if (p.exactFormK3() != null) {
        o.set("exactFormK3", exact(p.exactFormK3()));
      }
      if (p.exactForm() != null) {
        o.set("exactForm", exact(p.exactForm()));
        o.put("maxAbsDeviationFromExactInStdErrors", p.maxDeviationFromExact());
      }
    }
    return root;
  }

  private static ObjectNode exact(Figure2Study.ExactForm f) {
    ObjectNode o = Json.object();
    o.put("formula", "E||L||^2(d) = (a + b d)/(d + 1) at fixed K, beta");
    o.put("a", f.a().value());
    o.put("aStdError", f.a().stdError());
    o.put("b", f.b().value());
    o.put("bStdError", f.b().stdError());
    return o;
  }

  /** The JSON of one fit. */
  public static ObjectNode fit(TrendFit f) {
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
    try (var in = Figure2View.class.getResourceAsStream("/twostage/paper-figure2-digitised.json")) {
      return in == null ? Json.object() : Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the digitised paper values", e);
    }
  }
}
