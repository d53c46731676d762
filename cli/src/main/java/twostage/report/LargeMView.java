package twostage.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import twostage.errata.ClosedFormLaw;
import twostage.experiments.LargeMStudy;
import twostage.stats.Estimate;
import twostage.stats.Kolmogorov;

/**
 * How {@code twostage check} shows a {@link LargeMStudy.Result}: the sample of m·Rep(ŵ_m) against
 * the law of ‖L(Z)‖², and against the paper's printed law where it states one.
 */
public final class LargeMView {
  private LargeMView() {}

  /**
   * The JSON of a check.
   *
   * @param printed the paper's printed law of ‖L(Z)‖², if any
   * @param references limits of the model statistics (e.g. E[Q] for the scaled excess loss)
   */
  public static ObjectNode json(LargeMStudy.Result r, Optional<ClosedFormLaw> printed, Map<String, Double> references) {
    ObjectNode root = Json.object();
    root.put("model", r.spec().model().model());
    root.set("params", params(r));
    ObjectNode sample = root.putObject("scaledRep");
    sample.put("mean", r.mean().value());
    sample.put("stdError", r.mean().stdError());
    ObjectNode q = sample.putObject("quantiles");
    ObjectNode lq = Json.object();
    for (int i = 0; i < r.levels().size(); i++) {
      q.put(Double.toString(r.levels().get(i)), r.sampleQuantiles().get(i));
      lq.put(Double.toString(r.levels().get(i)), r.lawQuantiles().get(i));
    }
    ObjectNode eng = root.putObject("engine");
    eng.put("mean", r.limit().estimate().mean().value());
    eng.put("stdError", r.limit().estimate().mean().stdError());
    eng.set("quantiles", lq);
    eng.put("ks", r.ks());
    eng.put("meanZ", r.meanZ());
    printed.ifPresent(law -> {
      ObjectNode pap = root.putObject("paper");
      pap.put("label", law.label());
      pap.put("source", law.source());
      pap.put("mean", law.mean());
      pap.put("ks", printedKs(r, law));
    });
    root.put("ksCritical5", r.ksCritical5());
    root.put("consistentWithEngine", r.consistentAt5Percent());
    ObjectNode fits = root.putObject("fits");
    fits.put("notConverged", r.notConverged());
    fits.put("otherBasin", r.otherBasin());
    fits.put("maxPasses", r.maxPasses());
    ObjectNode stats = root.putObject("statistics");
    r.statistics().forEach((k, e) -> {
      ObjectNode s = stats.putObject(k);
      s.put("mean", e.value());
      s.put("stdError", e.stdError());
      if (references.containsKey(k)) {
        s.put("limit", references.get(k));
      }
    });
    root.put("replicatesComputedThisRun", r.computedNow());
    root.put("seconds", r.seconds());
    return root;
  }

  /** The instance's parameters with the check's m, replicates and seed. */
  private static ObjectNode params(LargeMStudy.Result r) {
    ObjectNode params = Json.MAPPER.valueToTree(r.parameters());
    params.put("m", r.spec().m());
    params.put("reps", r.spec().reps());
    params.put("seed", r.spec().seed());
    return params;
  }

  /** Kolmogorov distance of the sample to a printed law. */
  public static double printedKs(LargeMStudy.Result r, ClosedFormLaw law) {
    double[] sorted = r.scaledRep().clone();
    Arrays.sort(sorted);
    return Kolmogorov.distance(sorted, law::cdf);
  }

  /** The table of a check. */
  public static String table(LargeMStudy.Result r, Optional<ClosedFormLaw> printed, Map<String, Double> references) {
    StringBuilder b = new StringBuilder();
    b.append("twostage check ").append(r.spec().model().model()).append("  ").append(Json.line(params(r))).append('\n');
    Estimate lim = r.limit().estimate().mean();
    Format.row(b, "m*Rep(w_m) mean", Format.pm(r.mean()) + "  (R = " + r.spec().reps() + ")");
    Format.row(b, "engine E||L(Z)||^2", Format.pm(lim) + String.format(Locale.ROOT, "   (z = %.2f)", r.meanZ()));
    printed.ifPresent(law -> Format.row(b, "paper's law mean", Format.num(law.mean()) + "   (" + law.label() + ")"));
    for (int i = 0; i < r.levels().size(); i++) {
      Format.row(b, "quantile " + r.levels().get(i), String.format(Locale.ROOT, "sample %-11s engine %s",
          Format.num(r.sampleQuantiles().get(i)), Format.num(r.lawQuantiles().get(i))));
    }
    Format.row(b, "Kolmogorov vs engine", String.format(Locale.ROOT, "%.4f   (5%% critical %.4f: %s)", r.ks(),
        r.ksCritical5(), r.consistentAt5Percent() ? "consistent" : "REJECTED"));
    printed.ifPresent(law -> Format.row(b, "Kolmogorov vs paper", String.format(Locale.ROOT, "%.4f", printedKs(r, law))));
    r.statistics().forEach((k, e) -> Format.row(b, k + " mean", Format.pm(e)
        + (references.containsKey(k) ? "   (limit " + Format.num(references.get(k)) + ")" : "")));
    Format.row(b, "fits", String.format(Locale.ROOT, "%d not converged, %d in another basin, at most %d passes",
        r.notConverged(), r.otherBasin(), r.maxPasses()));
    Format.row(b, "seconds", String.format(Locale.ROOT, "%.2f (%d replicates computed now)", r.seconds(), r.computedNow()));
    return b.toString();
  }
}
