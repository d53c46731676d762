package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import twostage.stats.Estimate;
import twostage.theory.Interaction;
import twostage.theory.LimitLaw;

/**
 * The result of a {@code limit} command: the interaction ‖L(Z)‖² and the law of
 * E_α = σ² d_eff + α⁻¹‖L(Z)‖² (eq. 5.2), as JSON (machine) or a table (people).
 *
 * @param model model name
 * @param params the instance parameters as given
 * @param sigma2 σ²
 * @param alpha α = lim m/n
 * @param interaction weights, d_eff and engine diagnostics
 * @param mean E‖L(Z)‖² with its standard error (0 when exact)
 * @param plugInMean the uncorrected plug-in mean (equal to mean when exact)
 * @param samples named sample counts behind the estimate (empty when exact)
 * @param seconds wall-clock time of the computation
 * @param diagnostics model diagnostics, merged with the engine's
 * @param extra further top-level JSON fields (e.g. the paper's and the corrected closed forms), or null
 */
public record LimitReport(
    String model,
    ObjectNode params,
    double sigma2,
    double alpha,
    Interaction interaction,
    Estimate mean,
    double plugInMean,
    Map<String, Long> samples,
    double seconds,
    Map<String, Object> diagnostics,
    ObjectNode extra) {

  /** Probabilities at which quantiles of E_α are reported. */
  public static final double[] LEVELS = {0.5, 0.9, 0.95, 0.99};

  /** The limit law built from the estimated weights. */
  public LimitLaw law() {
    return new LimitLaw(sigma2, interaction.dEff(), alpha, interaction.weights());
  }

  /** JSON with the fields documented in the README. */
  public ObjectNode json() {
    LimitLaw law = law();
    ObjectNode root = Json.object();
    root.put("model", model);
    root.set("params", params);
    root.put("dEff", interaction.dEff());
    root.put("sigma2", sigma2);
    root.put("alpha", alpha);
    ObjectNode inter = root.putObject("interaction");
    inter.put("mean", mean.value());
    inter.put("stdError", mean.stdError());
    inter.put("plugInMean", plugInMean);
    inter.set("weights", Json.array(interaction.weights()));
    ObjectNode lim = root.putObject("limit");
    lim.put("shift", law.shift());
    lim.put("mean", sigma2 * interaction.dEff() + mean.value() / alpha);
    lim.put("meanStdError", mean.stdError() / alpha);
    lim.put("variance", law.variance());
    ObjectNode q = lim.putObject("quantiles");
    for (double p : LEVELS) {
      q.put(Double.toString(p), law.quantile(p));
    }
    ObjectNode s = root.putObject("samples");
    samples.forEach(s::put);
    root.put("seconds", seconds);
    ObjectNode diag = root.putObject("diagnostics");
    diagnostics.forEach((k, v) -> diag.set(k, Json.MAPPER.valueToTree(v)));
    interaction.diagnostics().forEach(diag::put);
    diag.put("horizontalDimension", interaction.horizontalDimension());
    if (extra != null) {
      root.setAll(extra);
    }
    return root;
  }

  /** A table for people: the same numbers, with ± standard errors. */
  public String table() {
    LimitLaw law = law();
    StringBuilder b = new StringBuilder();
    b.append("twostage limit ").append(model).append("  ").append(Json.line(params)).append('\n');
    row(b, "sigma^2", fmt(sigma2));
    row(b, "alpha = m/n", fmt(alpha));
    row(b, "d_eff", Integer.toString(interaction.dEff()));
    row(b, "sigma^2 d_eff", fmt(law.shift()));
    row(b, "E||L(Z)||^2", pm(mean) + (mean.stdError() > 0 ? "  (plug-in " + fmt(plugInMean) + ")" : "  (exact)"));
    row(b, "limit mean", pm(new Estimate(law.shift() + mean.value() / alpha, mean.stdError() / alpha)));
    row(b, "limit sd", fmt(Math.sqrt(law.variance())));
    StringBuilder qs = new StringBuilder();
    for (double p : LEVELS) {
      qs.append(String.format(Locale.ROOT, "%s%%: %s  ", trim(100 * p), fmt(law.quantile(p))));
    }
    row(b, "limit quantiles", qs.toString().trim());
    double[] w = interaction.weights();
    StringBuilder ws = new StringBuilder();
    for (int i = 0; i < Math.min(6, w.length); i++) {
      ws.append(fmt(w[i])).append(' ');
    }
    if (w.length > 6) {
      ws.append("... (").append(w.length).append(" in all)");
    }
    row(b, "weights lambda", ws.toString().trim());
    samples.forEach((k, v) -> row(b, k.equals("jackknifeGroups") ? "jackknife groups" : k + " samples", Long.toString(v)));
    diagnostics.forEach((k, v) -> row(b, k, v instanceof Double dv ? fmt(dv) : v instanceof Estimate e ? pm(e) : String.valueOf(v)));
    interaction.diagnostics().forEach((k, v) -> row(b, k, fmt(v)));
    if (extra != null) {
      extra.fields().forEachRemaining(e -> flat(b, e.getKey(), e.getValue()));
    }
    row(b, "seconds", String.format(Locale.ROOT, "%.3f", seconds));
    return b.toString();
  }

  private static void flat(StringBuilder b, String name, com.fasterxml.jackson.databind.JsonNode v) {
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> flat(b, name + "." + e.getKey(), e.getValue()));
    } else if (v.isArray()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(4, v.size()); i++) {
        s.append(v.get(i).isNumber() ? fmt(v.get(i).asDouble()) : v.get(i).asText()).append(' ');
      }
      row(b, name, s.toString().trim() + (v.size() > 4 ? " ... (" + v.size() + " in all)" : ""));
    } else {
      row(b, name, v.isNumber() ? fmt(v.asDouble()) : v.asText());
    }
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append(String.format(Locale.ROOT, "  %-36s %s%n", name, value));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  static String pm(Estimate e) {
    return e.stdError() > 0 ? fmt(e.value()) + " ± " + String.format(Locale.ROOT, "%.2g", e.stdError())
        : fmt(e.value());
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
