package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.experiments.GmmPoint;
import twostage.report.GmmSweep;
import twostage.theory.MonteCarloMoments;

/**
 * {@code twostage sweep gmm}: E‖L(Z)‖² of the Appendix K mixture along one parameter, one resumable
 * task per value.
 */
@Command(
    name = "gmm",
    mixinStandardHelpOptions = true,
    description = {
      "Sweep E||L(Z)||^2 of the Gaussian mixture (Appendix K) over K, d or beta.",
      "One task per value, run in parallel; each result is appended to DIR/results.jsonl as soon as it is "
          + "done, and a rerun with the same arguments computes only what is missing."
    })
public final class SweepGmmCommand implements Callable<Integer> {
  /** The swept parameter. */
  enum Param { K, d, beta }

  @Spec CommandSpec spec;

  @Option(names = "--vary", required = true, description = "Parameter to sweep: ${COMPLETION-CANDIDATES}.")
  Param vary;

  @Option(names = "--values", required = true,
      description = "Values: a list 2,3,5 | a range START..END | a geometric grid geom:A,B,N.")
  String values;

  @Option(names = "--K", description = "Number of components K (>= 2); required unless --vary K.")
  Integer k;

  @Option(names = "--d", description = "Ambient dimension d (>= K); required unless --vary d.")
  Integer d;

  @Option(names = "--beta", description = "Centre scale beta (> 0; default 2 unless --vary beta).")
  Double beta;

  @Option(names = "--theta-norm", defaultValue = "1", description = "Norm of theta* in ambient coordinates (default: ${DEFAULT-VALUE}).")
  double thetaNorm;

  @Option(names = "--sigma", defaultValue = "0.5", description = "Label-noise standard deviation (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--fisher-samples", defaultValue = "100000", converter = Counts.class,
      description = "Monte Carlo samples for the Fisher information (default: ${DEFAULT-VALUE}).")
  long fisherSamples;

  @Option(names = "--samples", defaultValue = "1000000", converter = Counts.class,
      description = "Monte Carlo samples for the downstream moments (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--method", defaultValue = "reduced",
      description = "reduced (exact dimension reduction, cost independent of d) or direct (all K*d "
          + "coordinates, for validation) (default: ${DEFAULT-VALUE}).")
  GmmPoint.Method method;

  @Option(names = "--out", required = true, description = "Output directory (results.jsonl, sweep.csv, manifest.json).")
  Path out;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Points computed at once (default: all processors). Results do not depend on it.")
  Integer threads;

  @Override
  public Integer call() {
    List<GmmPoint> points = points();
    GmmSweep.claim(out, manifest());
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    GmmSweep.Outcome o = GmmSweep.run(points, out, nThreads, "sweep gmm " + vary, !quiet);
    List<JsonNode> rows = new ArrayList<>(o.results());
    GmmSweep.writeCsv(out.resolve("sweep.csv"), rows);
    var w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%-6s %-6s %-10s %-14s %-12s %s%n", "K", "d", "beta", "E||L||^2", "std.err", "method");
    for (JsonNode r : rows) {
      w.printf(Locale.ROOT, "%-6d %-6d %-10.6g %-14.6g %-12.2g %s%n", r.get("K").asInt(),
          r.get("d").asInt(), r.get("beta").asDouble(), r.get("mean").asDouble(),
          r.get("stdError").asDouble(), r.get("method").asText());
    }
    w.printf(Locale.ROOT, "%d points (%d computed now, %d already stored) in %.1f s; results in %s%n",
        rows.size(), o.computed(), rows.size() - o.computed(), o.seconds(), out.resolve(GmmSweep.RESULTS));
    return 0;
  }

  /** The points, after validating every option (failures name the option and the rule). */
  List<GmmPoint> points() {
    Check.positive(spec, "--theta-norm", thetaNorm);
    Check.nonNegative(spec, "--sigma", sigma);
    Check.atLeast(spec, "--fisher-samples", fisherSamples, 2);
    Check.atLeast(spec, "--samples", samples, 2);
    Check.rule(spec, vary != Param.K || k == null, "--K must not be given with --vary K (it is swept)");
    Check.rule(spec, vary != Param.d || d == null, "--d must not be given with --vary d (it is swept)");
    Check.rule(spec, vary != Param.beta || beta == null, "--beta must not be given with --vary beta (it is swept)");
    Check.rule(spec, vary == Param.K || k != null, "--K is required unless --vary K");
    Check.rule(spec, vary == Param.d || d != null, "--d is required unless --vary d");
    List<Double> vals;
    try {
      vals = ValueSpec.parse(values, vary != Param.beta);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    double b = beta == null ? 2.0 : beta;
    if (vary != Param.beta) {
      Check.positive(spec, "--beta", b);
    }
    if (k != null) {
      Check.atLeast(spec, "--K", k, 2);
    }
    int groups = (int) Math.max(2, Math.min(MonteCarloMoments.DEFAULT_GROUPS, Math.min(fisherSamples, samples)));
    List<GmmPoint> points = new ArrayList<>();
    for (double v : vals) {
      int kk = vary == Param.K ? (int) v : k;
      int dd = vary == Param.d ? (int) v : d;
      double bb = vary == Param.beta ? v : b;
      if (vary == Param.K) {
        Check.rule(spec, kk >= 2, "--values: K must be >= 2, got " + kk);
      }
      if (vary == Param.beta) {
        Check.rule(spec, bb > 0, "--values: beta must be > 0, got " + bb);
      }
      Check.rule(spec, dd >= kk, (vary == Param.d ? "--values" : "--d")
          + ": d must be >= K (centres beta*e_i), got d=" + dd + ", K=" + kk);
      Check.rule(spec, method != GmmPoint.Method.DIRECT || (long) kk * dd <= 600,
          "--method direct needs K*d <= 600 (got K=" + kk + ", d=" + dd + "); use --method reduced");
      points.add(new GmmPoint(kk, dd, bb, thetaNorm, sigma, fisherSamples, samples, groups, seed, method));
    }
    return points;
  }

  private ObjectNode manifest() {
    ObjectNode m = Json.object();
    m.put("command", "sweep gmm");
    m.put("vary", vary.name());
    if (vary != Param.K) {
      m.put("K", k);
    }
    if (vary != Param.d) {
      m.put("d", d);
    }
    if (vary != Param.beta) {
      m.put("beta", beta == null ? 2.0 : beta);
    }
    m.put("thetaNorm", thetaNorm);
    m.put("sigma", sigma);
    m.put("fisherSamples", fisherSamples);
    m.put("samples", samples);
    m.put("seed", seed);
    m.put("method", method.name().toLowerCase(Locale.ROOT));
    return m;
  }
}
