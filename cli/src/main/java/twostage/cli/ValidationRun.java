package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import twostage.report.ResultStore;
import twostage.report.ResumableTasks;
import twostage.report.ValidationCharts;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.Replicate;
import twostage.simulate.TwoStageModel;
import twostage.simulate.TwoStageSimulator;
import twostage.simulate.ValidationPoint;
import twostage.stats.Estimate;
import twostage.stats.Interval;
import twostage.theory.Interaction;
import twostage.theory.LimitLaw;

/**
 * The {@code validate} pipeline shared by the models: replicates as resumable keyed tasks (one JSON line
 * each in OUT/replicates.jsonl), then per n the summary of {@link ValidationPoint} against the exact CDF
 * of the limit law, written as OUT/validation.json, OUT/validation.csv and the charts.
 */
final class ValidationRun {
  /**
   * The limit law of Theorem 5.1 for the run.
   *
   * @param sigma2 σ²
   * @param interaction weights and d_eff
   * @param mean E‖L(Z)‖² with its standard error (0 when exact)
   * @param source how the interaction was computed (for the output)
   */
  record Limit(double sigma2, Interaction interaction, Estimate mean, String source) {}

  private final CommandSpec spec;
  private final ValidateOptions opts;
  private final TwoStageModel model;
  private final ObjectNode params;
  private final List<String> notes;

  ValidationRun(CommandSpec spec, ValidateOptions opts, TwoStageModel model, ObjectNode params, List<String> notes) {
    this.spec = spec;
    this.opts = opts;
    this.model = model;
    this.params = params;
    this.notes = notes;
  }

  /** Runs (or resumes) the replicates, summarises and writes everything; returns the exit code. */
  int run(long[] grid, int reps, Limit limit) {
    return run(grid, reps, limit, Json.object());
  }

  /**
   * As {@link #run(long[], int, Limit)}, recording how the limit was computed ({@code limitParams}:
   * not part of the replicates' identity, which is model, parameters, α and seed).
   */
  int run(long[] grid, int reps, Limit limit, ObjectNode limitParams) {
    PrintWriter out = spec.commandLine().getOut();
    double alpha = opts.alpha();
    ObjectNode identity = Json.object();
    identity.put("model", model.name());
    identity.set("params", params);
    identity.put("alpha", alpha);
    identity.put("seed", opts.seed);
    checkOutput(identity);
    TwoStageSimulator sim = new TwoStageSimulator(model, alpha, opts.seed);
    for (String note : notes) {
      out.println("note: " + note);
    }
    out.flush();
    long t0 = System.nanoTime();
    int computed;
    try (ResultStore store = new ResultStore(opts.out.resolve("replicates.jsonl"))) {
      List<ResumableTasks.Task> tasks = new ArrayList<>();
      // largest n first: the long tasks start early, the pool drains evenly
      for (int g = grid.length - 1; g >= 0; g--) {
        int n = (int) grid[g];
        for (int i = 0; i < reps; i++) {
          final int index = i;
          tasks.add(new ResumableTasks.Task(key(n, i), () -> toJson(sim.run(n, index))));
        }
      }
      computed = ResumableTasks.run(tasks, store, opts.threads(), "validate " + model.name(), !opts.noProgress);
      double wall = (System.nanoTime() - t0) / 1e9;
      ObjectNode result = summarise(store, grid, reps, limit, alpha, wall, computed);
      ((ObjectNode) result.get("limit")).set("computation", limitParams);
      write(opts.out.resolve("validation.json"), Json.pretty(result));
      write(opts.out.resolve("validation.csv"), csv(result));
      ValidationCharts.write(opts.out, model.name(), grid, reps, store, limit.sigma2() * limit.interaction().dEff(),
          pretrainingCdf(limit, alpha), totalCdf(limit, alpha), result);
      out.println(table(result));
      out.printf(Locale.ROOT, "%d replicates computed in this run, %.1f s wall; wrote %s%n",
          computed, wall, opts.out.resolve("validation.json"));
      out.flush();
    }
    return 0;
  }

  static String key(int n, int i) {
    return "n=" + n + "/i=" + i;
  }

  /** Refuses an output directory that holds results of another specification. */
  private void checkOutput(ObjectNode identity) {
    Path file = opts.out.resolve("spec.json");
    try {
      Files.createDirectories(opts.out);
      if (Files.exists(file)) {
        JsonNode old = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode now = Json.MAPPER.readTree(Json.line(identity)); // same number types as read back
        Check.rule(spec, old.equals(now),
            "--out " + opts.out + " holds results of another specification (" + Json.line(old)
                + "); choose another --out or delete it");
      } else {
        write(file, Json.pretty(identity));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use --out " + opts.out, e);
    }
  }

  static ObjectNode toJson(Replicate.Timed t) {
    Replicate r = t.replicate();
    ObjectNode o = Json.object();
    o.put("n", r.n());
    o.put("m", r.m());
    o.put("i", r.index());
    o.put("pretraining", r.pretraining());
    o.put("pretrainingSE", r.pretrainingStdError());
    o.put("leakage", r.leakage());
    o.put("variance", r.variance());
    o.put("total", r.total());
    o.put("converged", r.fit().converged());
    o.put("otherBasin", r.fit().otherBasin());
    o.put("distance", r.fit().distance());
    o.put("passes", r.fit().passes());
    o.put("tPretraining", t.timings().pretraining());
    o.put("tDesign", t.timings().design());
    o.put("tPopulation", t.timings().population());
    return o;
  }

  static Replicate fromJson(JsonNode o) {
    return new Replicate(o.get("n").asInt(), o.get("m").asInt(), o.get("i").asInt(),
        o.get("pretraining").asDouble(), o.get("pretrainingSE").asDouble(), o.get("leakage").asDouble(),
        o.get("variance").asDouble(),
        new FitDiagnostics(o.get("converged").asBoolean(), o.get("otherBasin").asBoolean(),
            o.get("distance").asDouble(), o.get("passes").asInt()));
  }

  /** P(α⁻¹‖L(Z)‖² ≤ t), exact ({@link LimitLaw#pretrainingCdf}). */
  static DoubleUnaryOperator pretrainingCdf(Limit limit, double alpha) {
    return LimitLaw.of(limit.sigma2(), alpha, limit.interaction())::pretrainingCdf;
  }

  /** P(σ²d_eff + α⁻¹‖L(Z)‖² ≤ t), exact ({@link LimitLaw#cdf}). */
  static DoubleUnaryOperator totalCdf(Limit limit, double alpha) {
    return LimitLaw.of(limit.sigma2(), alpha, limit.interaction())::cdf;
  }

  private ObjectNode summarise(
      ResultStore store, long[] grid, int reps, Limit limit, double alpha, double wall, int computed) {
    double varLimit = limit.sigma2() * limit.interaction().dEff();
    double eps = 0.05 * varLimit;
    DoubleUnaryOperator fTot = totalCdf(limit, alpha);
    DoubleUnaryOperator fPre = pretrainingCdf(limit, alpha);
    ObjectNode root = Json.object();
    root.put("model", model.name());
    root.set("params", params);
    root.put("seed", opts.seed);
    ArrayNode nts = root.putArray("notes");
    notes.forEach(nts::add);
    ObjectNode lim = root.putObject("limit");
    lim.put("dEff", limit.interaction().dEff());
    lim.put("sigma2", limit.sigma2());
    lim.put("alpha", alpha);
    lim.put("varianceLimit", varLimit);
    ObjectNode inter = lim.putObject("interaction");
    inter.put("mean", limit.mean().value());
    inter.put("stdError", limit.mean().stdError());
    inter.put("source", limit.source());
    inter.set("weights", Json.array(limit.interaction().weights()));
    lim.put("pretrainingMean", limit.mean().value() / alpha);
    lim.put("totalMean", varLimit + limit.mean().value() / alpha);
    root.put("epsilon", eps);
    root.put("pVarDefinition", "P(|n Var_n - sigma^2 d_eff| > epsilon), epsilon = 0.05 sigma^2 d_eff (Appendix K)");
    ArrayNode points = root.putArray("points");
    double totalCpu = 0;
    long totalReps = 0;
    for (long nl : grid) {
      int n = (int) nl;
      List<Replicate> list = new ArrayList<>(reps);
      double tPre = 0;
      double tDes = 0;
      double tPop = 0;
      for (int i = 0; i < reps; i++) {
        JsonNode node = store.get(key(n, i));
        list.add(fromJson(node));
        tPre += node.get("tPretraining").asDouble() / reps;
        tDes += node.get("tDesign").asDouble() / reps;
        tPop += node.get("tPopulation").asDouble() / reps;
      }
      ValidationPoint p = ValidationPoint.of(list, fTot, fPre, varLimit, eps);
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
      secs.put("pretraining", tPre);
      secs.put("design", tDes);
      secs.put("population", tPop);
      secs.put("total", tPre + tDes + tPop);
      totalCpu += (tPre + tDes + tPop) * reps;
      totalReps += reps;
    }
    ObjectNode timing = root.putObject("timing");
    timing.put("wallSecondsThisRun", wall);
    timing.put("replicatesComputedThisRun", computed);
    timing.put("threads", opts.threads());
    timing.put("replicateCpuSecondsSum", totalCpu);
    timing.put("cpuSecondsPerCoreOn2Cores", totalCpu / 2);
    timing.put("replicates", totalReps);
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

  static String table(ObjectNode result) {
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
    String[] cols = {"n", "m", "reps", "ksTotal", "ksTotalLow", "ksTotalHigh", "ksPretraining",
        "ksPretrainingLow", "ksPretrainingHigh", "ksResolution", "pVar", "pVarLow", "pVarHigh",
        "meanTotal", "meanTotalSE", "meanPretraining", "meanPretrainingSE", "meanVariance",
        "meanVarianceSE", "meanLeakage", "meanLeakageSE", "failedFits", "notConverged", "otherBasin"};
    StringBuilder sb = new StringBuilder(String.join(",", cols)).append(",cpuSecondsPerReplicate\n");
    for (JsonNode p : result.get("points")) {
      for (String c : cols) {
        sb.append(p.get(c).asText()).append(',');
      }
      sb.append(p.get("cpuSecondsPerReplicate").get("total").asText()).append('\n');
    }
    return sb.toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
