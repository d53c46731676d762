package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import twostage.experiments.LimitResult;
import twostage.experiments.ValidationStudy;
import twostage.simulate.ValidationPoint;
import twostage.stats.Estimate;
import twostage.stats.Interval;
import twostage.theory.LimitLaw;

/**
 * How {@code twostage validate} shows a {@link ValidationStudy.Result}: validation.json, validation.csv,
 * the charts of Figures 3–4 and a table.
 */
public final class ValidationView {
  private static final String[] CSV = {"n", "m", "reps", "ksTotal", "ksTotalLow", "ksTotalHigh", "ksPretraining",
    "ksPretrainingLow", "ksPretrainingHigh", "ksResolution", "pVar", "pVarLow", "pVarHigh", "meanTotal",
    "meanTotalSE", "meanPretraining", "meanPretrainingSE", "meanVariance", "meanVarianceSE", "meanLeakage",
    "meanLeakageSE", "failedFits", "notConverged", "otherBasin"};

  private ValidationView() {}

  /** Writes validation.json, validation.csv and the charts into {@code dir}; returns the JSON. */
  public static ObjectNode write(Path dir, ValidationStudy.Outcome outcome) {
    ValidationStudy.Result r = outcome.result();
    ObjectNode json = json(r);
    ReportFiles.write(dir.resolve("validation.json"), Json.pretty(json) + "\n");
    ReportFiles.write(dir.resolve("validation.csv"), csv(json));
    LimitLaw law = r.limit().limitLaw();
    ValidationCharts.write(dir, r.spec().model().model(), outcome.replicates(), law.shift(),
        law::pretrainingCdf, law::cdf, json);
    return json;
  }

  /** The JSON of a validation. */
  public static ObjectNode json(ValidationStudy.Result r) {
    ObjectNode root = Json.object();
    root.put("model", r.spec().model().model());
    root.set("params", Json.MAPPER.valueToTree(r.parameters()));
    root.set("settings", Json.MAPPER.valueToTree(r.spec().model().options()));
    root.put("alpha", r.spec().alpha());
    root.put("seed", r.spec().seed());
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    LimitResult l = r.limit();
    ObjectNode lim = root.putObject("limit");
    lim.put("dEff", l.estimate().interaction().dEff());
    lim.put("sigma2", l.sigma2());
    lim.put("alpha", l.alpha());
    lim.put("varianceLimit", l.law().shift());
    ObjectNode inter = lim.putObject("interaction");
    inter.put("mean", l.estimate().mean().value());
    inter.put("stdError", l.estimate().mean().stdError());
    inter.set("samples", Json.MAPPER.valueToTree(l.estimate().samples()));
    inter.set("weights", Json.array(l.estimate().interaction().weights()));
    lim.put("pretrainingMean", l.estimate().mean().value() / l.alpha());
    lim.put("totalMean", l.law().mean());
    root.put("epsilon", r.epsilon());
    root.put("pVarDefinition", "P(|n Var_n - sigma^2 d_eff| > epsilon), epsilon = 0.05 sigma^2 d_eff (Appendix K)");
    ArrayNode points = root.putArray("points");
    for (ValidationStudy.Point pt : r.points()) {
      ValidationPoint p = pt.summary();
      ObjectNode o = points.addObject();
      o.put("n", p.n());
      o.put("m", p.m());
      o.put("reps", p.reps());
      interval(o, "ksTotal", p.ksTotal());
      interval(o, "ksPretraining", p.ksPretraining());
      o.put("ksResolution", p.ksResolution());
      interval(o, "pVar", p.pVar());
      estimate(o, "meanTotal", p.meanTotal());
      estimate(o, "meanPretraining", p.meanPretraining());
      estimate(o, "meanVariance", p.meanVariance());
      estimate(o, "meanLeakage", p.meanLeakage());
      o.put("meanPretrainingMcError", p.meanPretrainingMcError());
      o.put("failedFits", p.failedFits());
      o.put("notConverged", p.notConverged());
      o.put("otherBasin", p.otherBasin());
      o.put("meanPasses", p.meanPasses());
      o.put("maxFitDistance", p.maxDistance());
      ObjectNode secs = o.putObject("cpuSecondsPerReplicate");
      secs.put("pretraining", pt.cpuSecondsPerReplicate().pretraining());
      secs.put("design", pt.cpuSecondsPerReplicate().design());
      secs.put("population", pt.cpuSecondsPerReplicate().population());
      secs.put("total", pt.cpuSecondsPerReplicate().total());
    }
    root.set("timing", Json.MAPPER.valueToTree(r.timing()));
    return root;
  }

  private static void interval(ObjectNode o, String name, Interval v) {
    o.put(name, v.value());
    o.put(name + "Low", v.low());
    o.put(name + "High", v.high());
  }

  private static void estimate(ObjectNode o, String name, Estimate e) {
    o.put(name, e.value());
    o.put(name + "SE", e.stdError());
  }

  /** The table printed by the command. */
  public static String table(JsonNode result) {
    StringBuilder sb = new StringBuilder();
    JsonNode lim = result.get("limit");
    sb.append(String.format(Locale.ROOT,
        "%s: limit sigma^2 d_eff = %.4f (d_eff = %d), E||L(Z)||^2 = %.4f +- %.4f, alpha = %.3g, "
            + "limit mean of total = %.4f, epsilon = %.4f%n",
        result.get("model").asText(), lim.get("varianceLimit").asDouble(), lim.get("dEff").asInt(),
        lim.get("interaction").get("mean").asDouble(), lim.get("interaction").get("stdError").asDouble(),
        lim.get("alpha").asDouble(), lim.get("totalMean").asDouble(), result.get("epsilon").asDouble()));
    sb.append(String.format(Locale.ROOT, "%8s %8s %5s  %-22s %-22s %-22s %-16s %-16s %-16s %8s %6s %9s%n",
        "n", "m", "reps", "KS total [95%]", "KS pretrain [95%]", "p_var [95%]", "mean total",
        "mean n.Rep", "mean n.Var", "n.Leak", "failed", "cpu s/rep"));
    for (JsonNode p : result.get("points")) {
      sb.append(String.format(Locale.ROOT,
          "%8d %8d %5d  %-22s %-22s %-22s %-16s %-16s %-16s %8.4f %6d %9.4f%n",
          p.get("n").asInt(), p.get("m").asInt(), p.get("reps").asInt(),
          iv(p, "ksTotal"), iv(p, "ksPretraining"), iv(p, "pVar"),
          pm(p, "meanTotal"), pm(p, "meanPretraining"), pm(p, "meanVariance"),
          p.get("meanLeakage").asDouble(), p.get("failedFits").asInt(),
          p.get("cpuSecondsPerReplicate").get("total").asDouble()));
    }
    JsonNode first = result.get("points").get(0);
    sb.append(String.format(Locale.ROOT,
        "KS intervals: D +- 1.358/sqrt(R) (DKW, 95%%, conservative); resolution of %d replicates: %.4f",
        first.get("reps").asInt(), first.get("ksResolution").asDouble()));
    return sb.toString();
  }

  private static String iv(JsonNode p, String name) {
    return String.format(Locale.ROOT, "%.3f [%.3f,%.3f]",
        p.get(name).asDouble(), p.get(name + "Low").asDouble(), p.get(name + "High").asDouble());
  }

  private static String pm(JsonNode p, String name) {
    return String.format(Locale.ROOT, "%.3f+-%.3f", p.get(name).asDouble(), p.get(name + "SE").asDouble());
  }

  private static String csv(ObjectNode result) {
    StringBuilder sb = new StringBuilder(String.join(",", CSV)).append(",cpuSecondsPerReplicate\n");
    for (JsonNode p : result.get("points")) {
      for (String c : CSV) {
        sb.append(p.get(c).asText()).append(',');
      }
      sb.append(p.get("cpuSecondsPerReplicate").get("total").asText()).append('\n');
    }
    return sb.toString();
  }
}
