package twostage.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import twostage.experiments.LimitResult;
import twostage.experiments.SweepStudy;

/** How {@code twostage sweep} shows its points: a row each (JSON, CSV, table). */
public final class SweepView {
  private SweepView() {}

  /** One point as a flat JSON row: the instance's scalar parameters, the estimate and its sizes. */
  public static ObjectNode row(LimitResult r) {
    ObjectNode o = Json.object();
    r.parameters().forEach((k, v) -> {
      if (scalar(v)) {
        o.set(k, Json.MAPPER.valueToTree(v));
      }
    });
    o.put("mean", r.estimate().mean().value());
    o.put("stdError", r.estimate().mean().stdError());
    o.put("plugInMean", r.estimate().plugInMean());
    o.put("dEff", r.estimate().interaction().dEff());
    r.estimate().samples().forEach(o::put);
    ObjectNode form = exactForm(r);
    if (form != null) {
      o.set("exactForm", form);
    }
    o.put("seconds", r.seconds());
    return o;
  }

  private static ObjectNode exactForm(LimitResult r) {
    Object f = r.estimate().details().get("exactForm");
    return f == null ? null : Json.MAPPER.valueToTree(f);
  }

  /** Writes one CSV row per point: its scalar parameters, mean, stdError, plugInMean, dEff, seconds. */
  public static void writeCsv(Path file, List<LimitResult> rows) {
    List<String> cols = new ArrayList<>();
    if (!rows.isEmpty()) {
      rows.get(0).parameters().forEach((k, v) -> {
        if (scalar(v)) {
          cols.add(k);
        }
      });
    }
    StringBuilder b = new StringBuilder(String.join(",", cols)).append(",mean,stdError,plugInMean,dEff,seconds\n");
    for (LimitResult r : rows) {
      for (String c : cols) {
        b.append(csv(r.parameters().get(c))).append(',');
      }
      b.append(r.estimate().mean().value()).append(',').append(r.estimate().mean().stdError()).append(',')
          .append(r.estimate().plugInMean()).append(',').append(r.estimate().interaction().dEff()).append(',')
          .append(r.seconds()).append('\n');
    }
    ReportFiles.write(file, b.toString());
  }

  /** A parameter that fits one cell: a number, a string or a boolean (not a list or a matrix). */
  private static boolean scalar(Object v) {
    return v instanceof Number || v instanceof String || v instanceof Boolean;
  }

  private static String csv(Object v) {
    String s = String.valueOf(v);
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** The table printed by {@code sweep}. */
  public static String table(SweepStudy.Result r, Path dir) {
    StringBuilder b = new StringBuilder();
    String vary = r.spec().vary();
    b.append(String.format(Locale.ROOT, "%-12s %-14s %-12s %-6s %s%n", vary, "E||L||^2", "std.err", "d_eff", "seconds"));
    for (int i = 0; i < r.points().size(); i++) {
      LimitResult p = r.points().get(i);
      String v = r.values().get(i);
      b.append(String.format(Locale.ROOT, "%-12s %-14.6g %-12.2g %-6d %.2f%n", v, p.estimate().mean().value(),
          p.estimate().mean().stdError(), p.estimate().interaction().dEff(), p.seconds()));
    }
    b.append(String.format(Locale.ROOT, "%d points (%d computed now, %d already stored) in %.1f s; results in %s",
        r.points().size(), r.computedNow(), r.points().size() - r.computedNow(), r.seconds(),
        dir.resolve("results.jsonl")));
    return b.toString();
  }
}
