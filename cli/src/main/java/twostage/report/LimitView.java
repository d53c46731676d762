package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import twostage.experiments.LimitResult;
import twostage.spi.LimitEstimate;
import twostage.stats.Estimate;
import twostage.theory.EngineDiagnostics;

/**
 * How {@code twostage limit} shows a {@link LimitResult}: JSON (the fields documented in the
 * README) or a table for people, with the paper's claims about the instance beside it.
 */
public final class LimitView {
  private LimitView() {}

  /** The JSON of a limit, with the paper's claims (may be empty) as further top-level fields. */
  public static ObjectNode json(LimitResult r, Map<String, Object> claims) {
    LimitEstimate e = r.estimate();
    ObjectNode root = Json.object();
    root.put("model", r.model());
    root.set("params", Json.MAPPER.valueToTree(r.parameters()));
    root.set("settings", Json.MAPPER.valueToTree(r.settings()));
    root.put("dEff", e.interaction().dEff());
    root.put("sigma2", r.sigma2());
    root.put("alpha", r.alpha());
    ObjectNode inter = root.putObject("interaction");
    inter.put("mean", e.mean().value());
    inter.put("stdError", e.mean().stdError());
    inter.put("plugInMean", e.plugInMean());
    inter.set("weights", Json.array(e.interaction().weights()));
    ObjectNode lim = root.putObject("limit");
    lim.put("shift", r.law().shift());
    lim.put("mean", r.law().mean());
    lim.put("meanStdError", r.law().meanStdError());
    lim.put("variance", r.law().variance());
    ObjectNode q = lim.putObject("quantiles");
    for (int i = 0; i < r.law().levels().size(); i++) {
      q.put(Double.toString(r.law().levels().get(i)), r.law().quantiles().get(i));
    }
    ObjectNode s = root.putObject("samples");
    e.samples().forEach(s::put);
    root.put("seconds", r.seconds());
    ObjectNode diag = root.putObject("diagnostics");
    e.details().forEach((k, v) -> diag.set(k, Json.MAPPER.valueToTree(v)));
    engine(e.interaction().diagnostics()).forEach(diag::put);
    diag.put("horizontalDimension", e.interaction().horizontalDimension());
    JsonNode extra = Json.MAPPER.valueToTree(claims);
    extra.fields().forEachRemaining(f -> root.set(f.getKey(), f.getValue()));
    return root;
  }

  /** The table of a limit. */
  public static String table(LimitResult r, Map<String, Object> claims) {
    LimitEstimate e = r.estimate();
    StringBuilder b = new StringBuilder();
    b.append("twostage limit ").append(r.model()).append("  ").append(Format.jsonLine(r.parameters())).append('\n');
    b.append("  settings ").append(Format.jsonLine(r.settings())).append('\n');
    Format.row(b, "sigma^2", Format.num(r.sigma2()));
    Format.row(b, "alpha = m/n", Format.num(r.alpha()));
    Format.row(b, "d_eff", Integer.toString(e.interaction().dEff()));
    Format.row(b, "sigma^2 d_eff", Format.num(r.law().shift()));
    Format.row(b, "E||L(Z)||^2", Format.pm(e.mean())
        + (e.exact() ? "  (exact)" : "  (plug-in " + Format.num(e.plugInMean()) + ")"));
    Format.row(b, "limit mean", Format.pm(new Estimate(r.law().mean(), r.law().meanStdError())));
    Format.row(b, "limit sd", Format.num(Math.sqrt(r.law().variance())));
    StringBuilder qs = new StringBuilder();
    for (int i = 0; i < r.law().levels().size(); i++) {
      qs.append(String.format(Locale.ROOT, "%s%%: %s  ", Format.percent(r.law().levels().get(i)),
          Format.num(r.law().quantiles().get(i))));
    }
    Format.row(b, "limit quantiles", qs.toString().trim());
    Format.row(b, "weights lambda", Format.value(e.interaction().weights()));
    e.samples().forEach((k, v) -> Format.row(b, k.equals("jackknifeGroups") ? "jackknife groups" : k + " samples",
        Long.toString(v)));
    e.details().forEach((k, v) -> Format.row(b, k, Format.value(v)));
    engine(e.interaction().diagnostics()).forEach((k, v) -> Format.row(b, k, Format.num(v)));
    claims.forEach((k, v) -> flat(b, k, v));
    Format.row(b, "seconds", String.format(Locale.ROOT, "%.3f", r.seconds()));
    return b.toString();
  }

  /** The engine's diagnostics by name (the orbit checks only when the model has an orbit). */
  static Map<String, Double> engine(EngineDiagnostics d) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("hessianMaxEigenvalue", d.hessianMaxEigenvalue());
    m.put("hessianMinEigenvalue", d.hessianMinEigenvalue());
    if (d.hasOrbit()) {
      m.put("hessianOrbitResidual", d.hessianOrbitResidual());
      m.put("orbitInteraction", d.orbitInteraction());
    }
    m.put("weightClipped", d.weightClipped());
    m.put("featureGramMinEigenvalue", d.featureGramMinEigenvalue());
    return m;
  }

  /** Nested maps as dotted names, lists and arrays by their first four values (no JSON library: a text table stays cheap to start). */
  private static void flat(StringBuilder b, String name, Object v) {
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> flat(b, name + "." + k, x));
      return;
    }
    List<?> list = v instanceof double[] a ? java.util.Arrays.stream(a).boxed().toList()
        : v instanceof List<?> l ? l : null;
    if (list != null) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(4, list.size()); i++) {
        s.append(scalar(list.get(i))).append(' ');
      }
      Format.row(b, name, s.toString().trim() + (list.size() > 4 ? " ... (" + list.size() + " in all)" : ""));
      return;
    }
    Format.row(b, name, scalar(v));
  }

  private static String scalar(Object v) {
    if (v instanceof Number n) {
      return Format.num(n.doubleValue());
    }
    if (v == null || v instanceof String || v instanceof Boolean) {
      return String.valueOf(v);
    }
    JsonNode n = Json.MAPPER.valueToTree(v);
    return n.isNumber() ? Format.num(n.asDouble()) : n.toString();
  }
}
