package twostage.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import twostage.data.DataEstimate;
import twostage.data.DataSummary;
import twostage.experiments.DataPlanStudy;
import twostage.spi.PlugIn;
import twostage.stats.Interval;
import twostage.theory.EngineDiagnostics;
import twostage.theory.PretrainingPlan;

/**
 * How {@code plan} and {@code limit} show an estimate from data: every quantity with its bootstrap
 * interval, the assumption checks, and (for {@code plan}) the plan in words at the point estimate.
 */
public final class DataView {
  private DataView() {}

  /** The plan at the point estimate, with the data's m as the user's m. */
  public static PretrainingPlan plan(DataPlanStudy.Result r, DataSummary s) {
    return PretrainingPlan.of(r.point().crossover(), s.n(), s.targetRatio(), s.m(), r.point().horizontalDimension());
  }

  /** The assumption checks, in words (docs/data.md). */
  public static List<String> checks(DataPlanStudy.Result r, DataSummary s) {
    List<String> out = new ArrayList<>();
    PlugIn p = r.plugIn();
    Interval im = s.informationRatio();
    if (p.maximumLikelihood()) {
      boolean consistent = !(im.low() > 1 || im.high() < 1);
      out.add(String.format(Locale.ROOT, "information matrix: tr(H^-1 S)/h = %s, %s%% interval [%s, %s]: %s",
          Format.num(im.value()), Format.percent(s.level()), Format.num(im.low()), Format.num(im.high()),
          Double.isNaN(im.low()) ? "no bootstrap interval"
              : consistent ? "consistent with H = S (a well-specified likelihood)"
              : "H differs from S, a sign that the model is misspecified; the sandwich V = H^-1 S H^-1 is used"));
    }
    EngineDiagnostics d = r.interaction().diagnostics();
    out.add(String.format(Locale.ROOT, "pre-training Hessian off the orbit: smallest/largest eigenvalue %s "
        + "(> 0: the descriptor is locally identifiable)", Format.num(d.hessianMinEigenvalue() / d.hessianMaxEigenvalue())));
    out.add(String.format(Locale.ROOT, "d_eff = %d: smallest kept eigenvalue of the feature Gram %s", r.point().dEff(),
        Format.num(d.featureGramMinEigenvalue())));
    out.add(String.format(Locale.ROOT, "d_base = %d: eigenvalue gap at the cut %s (kept/dropped, relative)",
        r.dBase().rank(), Format.num(r.dBase().gap())));
    if (s.dEff().low() != s.dEff().high() || s.dBase().low() != s.dBase().high()) {
      out.add(String.format(Locale.ROOT, "ranks vary over the replicates: d_eff %s..%s, d_base %s..%s (a rank "
          + "near its tolerance)", (int) s.dEff().low(), (int) s.dEff().high(), (int) s.dBase().low(), (int) s.dBase().high()));
    }
    p.fit().forEach((k, v) -> {
      if (k.toLowerCase(Locale.ROOT).contains("eigengap")) {
        out.add("fit: " + k + " = " + Format.value(v));
      }
    });
    p.warnings().forEach(w -> out.add("WARNING " + w));
    if (s.failed() > 0) {
      DataEstimate first = r.failures().get(0);
      out.add(String.format(Locale.ROOT, "WARNING %d of %d bootstrap replicates failed and are left out of the "
          + "intervals (first: %s)", s.failed(), s.replicates(), first.failure()));
    }
    return out;
  }

  /** The table of {@code plan} (true) or {@code limit} (false) on data. */
  public static String table(DataPlanStudy.Result r, DataSummary s, boolean plan) {
    StringBuilder b = new StringBuilder();
    var spec = r.spec();
    b.append("twostage ").append(plan ? "plan " : "limit ").append(spec.model()).append(" on data: ")
        .append(s.m()).append(" unlabeled rows (").append(spec.data().unlabeled().source()).append("), ")
        .append(s.n()).append(" labeled rows (").append(spec.data().labeled().source()).append(")\n");
    b.append("  options ").append(Json.line(spec.options())).append(", seed ").append(spec.seed()).append('\n');
    b.append(String.format(Locale.ROOT, "  bootstrap: %d replicates, %d failed; %s%% percentile intervals%n",
        s.replicates(), s.failed(), Format.percent(s.level())));
    String col = Format.percent(s.level()) + "% interval";
    b.append(String.format(Locale.ROOT, "  %-44s %-12s %s%n", "quantity", "estimate", col));
    row(b, "sigma^2 (residual variance)", s.sigma2());
    b.append(String.format(Locale.ROOT, "  %-44s %-12s %s%n", "d_eff, d_base", (int) s.dEff().value() + ", "
        + (int) s.dBase().value(), "replicates: " + range(s.dEff()) + ", " + range(s.dBase())));
    row(b, "E||L(Z)||^2", s.interactionMean());
    row(b, "floor sigma^2 d_eff", s.floor());
    row(b, String.format(Locale.ROOT, "E[n(R - sigma^2)] at alpha = %s", Format.num(s.alpha())), s.lawMean());
    for (int i = 0; i < s.levels().size(); i++) {
      row(b, "  quantile " + Format.percent(s.levels().get(i)) + "%", s.quantiles().get(i));
    }
    row(b, "alpha0 (pre-training pays beyond)", s.alpha0());
    row(b, "m crossover = alpha0 n", s.mCrossover());
    if (plan) {
      row(b, "alpha for ratio " + Format.num(s.targetRatio()), s.alphaNeeded());
      row(b, "m needed for ratio " + Format.num(s.targetRatio()), s.mNeeded());
    }
    if (r.plugIn().maximumLikelihood()) {
      row(b, "information ratio tr(H^-1 S)/h", s.informationRatio());
    }
    b.append("checks:\n");
    checks(r, s).forEach(c -> b.append("  ").append(c).append('\n'));
    if (plan) {
      b.append("at the point estimate:\n").append(plan(r, s).explain()).append('\n');
    }
    b.append("(Plug-in estimates of Theorem 5.1's limit at the fitted parameter; intervals resample the rows of both "
        + "files: docs/data.md.)");
    return b.toString();
  }

  private static String range(Interval i) {
    return i.low() == i.high() ? Integer.toString((int) i.low()) : (int) i.low() + ".." + (int) i.high();
  }

  private static void row(StringBuilder b, String name, Interval i) {
    b.append(String.format(Locale.ROOT, "  %-44s %-12s [%s, %s]%n", name, Format.num(i.value()),
        Format.num(i.low()), Format.num(i.high())));
  }

  /** The JSON of {@code plan} (true) or {@code limit} (false) on data. */
  public static ObjectNode json(DataPlanStudy.Result r, DataSummary s, boolean plan) {
    ObjectNode root = Json.object();
    var spec = r.spec();
    root.put("model", spec.model());
    ObjectNode data = root.putObject("data");
    data.put("unlabeled", spec.data().unlabeled().source());
    data.put("labeled", spec.data().labeled().source());
    data.put("m", s.m());
    data.put("n", s.n());
    data.put("columns", spec.data().d());
    data.put("digest", spec.data().digest());
    root.set("options", Json.MAPPER.valueToTree(spec.options()));
    root.put("seed", spec.seed());
    ObjectNode boot = root.putObject("bootstrap");
    boot.put("replicates", s.replicates());
    boot.put("failed", s.failed());
    boot.put("level", s.level());
    boot.put("interval", "percentile");
    root.set("sigma2", interval(s.sigma2()));
    root.set("dEff", interval(s.dEff()));
    root.set("dBase", interval(s.dBase()));
    root.set("interactionMean", interval(s.interactionMean()));
    root.put("interactionMeanUncorrected", r.point().uncorrectedMean());
    root.set("weights", Json.array(r.point().weights()));
    root.set("floor", interval(s.floor()));
    ObjectNode law = root.putObject("limit");
    law.put("alpha", s.alpha());
    law.set("mean", interval(s.lawMean()));
    ObjectNode q = law.putObject("quantiles");
    for (int i = 0; i < s.levels().size(); i++) {
      q.set(Double.toString(s.levels().get(i)), interval(s.quantiles().get(i)));
    }
    root.set("alpha0", interval(s.alpha0()));
    root.set("mCrossover", interval(s.mCrossover()));
    if (plan) {
      root.put("targetRatio", s.targetRatio());
      root.set("alphaNeeded", interval(s.alphaNeeded()));
      root.set("mNeeded", interval(s.mNeeded()));
    }
    root.set("informationRatio", interval(s.informationRatio()));
    root.set("fit", Json.MAPPER.valueToTree(r.plugIn().fit()));
    root.set("checks", Json.MAPPER.valueToTree(checks(r, s)));
    if (plan) {
      PretrainingPlan p = plan(r, s);
      root.set("warnings", Json.MAPPER.valueToTree(p.warnings()));
      root.put("explanation", p.explain());
    }
    return root;
  }

  private static ObjectNode interval(Interval i) {
    ObjectNode o = Json.object();
    o.put("estimate", i.value());
    o.put("low", i.low());
    o.put("high", i.high());
    return o;
  }
}
