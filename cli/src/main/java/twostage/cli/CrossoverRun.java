package twostage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import twostage.baseline.BaselineSimulation;
import twostage.baseline.LocalChart;
import twostage.exec.ThreadPoolRunner;
import twostage.experiments.CrossoverSetup;
import twostage.models.factor.FactorBaseline;
import twostage.report.CrossoverChart;
import twostage.theory.Crossover;
import twostage.theory.LimitLaw;
import twostage.theory.TangentRank;

/** The body of {@code twostage crossover MODEL}: curves, band, baseline simulation, files, summary. */
final class CrossoverRun {
  /** Default baseline sizes for the linear models, as multiples of d_base. */
  static final long[] LINEAR_MULTIPLES = {10, 40, 160};

  /** Default replicates for the linear models. */
  static final long LINEAR_REPLICATES = 200;

  private CrossoverRun() {}

  static int execute(
      CommandSpec spec, CrossoverSetup s, ObjectNode params, CrossoverOptions opts, RunOptions run,
      long t0) {
    Crossover c = s.crossover();
    boolean linear = !s.model().equals("gmm");
    long[] sizes = opts.baselineN;
    if (sizes == null) {
      sizes = new long[linear ? LINEAR_MULTIPLES.length : 0];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = LINEAR_MULTIPLES[i] * c.dBase();
      }
    }
    long reps = opts.replicates != null ? opts.replicates : linear ? LINEAR_REPLICATES : 0;
    for (long n : sizes) {
      Check.rule(spec, n > c.dBase() + 1,
          "--baseline-n values must exceed d_base + 1 = " + (c.dBase() + 1) + ", got " + n);
    }
    double[] range = opts.alphaRange != null ? opts.alphaRange : defaultRange(c);
    double[] alpha = logSpace(range[0], range[1], opts.points);
    double qLow = interactionQuantile(s, opts.band[0]);
    double qHigh = interactionQuantile(s, opts.band[1]);

    List<BaselineSimulation.Point> points = new ArrayList<>();
    LocalChart chart = null;
    if (reps > 0 && sizes.length > 0) {
      chart = s.chart().get();
      try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
        points = BaselineSimulation.run(s.baseline(), chart, sizes, (int) reps,
            (int) Math.min(opts.population, Integer.MAX_VALUE), run.seed, runner);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    ObjectNode json = Json.object();
    json.put("model", s.model());
    json.set("params", params);
    json.put("sigma2", c.sigma2());
    json.put("dEff", c.dEff());
    json.put("dBase", c.dBase());
    json.set("dBaseRank", rankJson(s.base()));
    json.put("reparametrisationOnly", c.reparametrisationOnly());
    ObjectNode inter = json.putObject("interaction");
    inter.put("mean", s.interactionMean().value());
    inter.put("stdError", s.interactionMean().stdError());
    inter.set("weights", Json.array(s.interaction().weights()));
    json.put("alpha0", c.alpha0());
    json.put("alpha0StdError", c.reparametrisationOnly() ? Double.NaN
        : s.interactionMean().stdError() / (c.sigma2() * (c.dBase() - c.dEff())));
    json.put("floor", c.floor());
    json.put("downstreamOnly", c.downstreamOnly());
    json.put("note", c.reparametrisationOnly()
        ? "d_base = d_eff: pre-training only reparametrises the class (L = 0, Proposition G.23)"
        : "two-stage beats downstream-only least squares (asymptotically, in expectation) iff alpha > alpha0");
    ObjectNode curves = json.putObject("curves");
    double[] two = new double[alpha.length];
    double[] lo = new double[alpha.length];
    double[] hi = new double[alpha.length];
    double[] base = new double[alpha.length];
    for (int i = 0; i < alpha.length; i++) {
      two[i] = c.twoStage(alpha[i]);
      lo[i] = c.floor() + qLow / alpha[i];
      hi[i] = c.floor() + qHigh / alpha[i];
      base[i] = c.downstreamOnly();
    }
    curves.set("band", Json.array(opts.band));
    curves.set("alpha", Json.array(alpha));
    curves.set("twoStage", Json.array(two));
    curves.set("twoStageLower", Json.array(lo));
    curves.set("twoStageUpper", Json.array(hi));
    curves.set("downstreamOnly", Json.array(base));
    ObjectNode sim = json.putObject("baselineSimulation");
    sim.put("estimator", "Levenberg-Marquardt (Hipparchus) over a local chart of F at (theta*, w*), "
        + "started at the truth: the local least-squares estimator of the asymptotics");
    sim.put("replicates", reps);
    if (chart != null) {
      sim.put("chartDimension", chart.dimension());
      sim.set("chartRank", rankJson(chart.rank()));
    }
    sim.put("risk", linear ? "exact (Gaussian design)" : "population sample of " + opts.population
        + " draws per replicate");
    ArrayNode pts = sim.putArray("points");
    for (BaselineSimulation.Point pt : points) {
      ObjectNode o = pts.addObject();
      o.put("n", pt.n());
      o.put("scaledExcess", pt.scaledExcess().value());
      o.put("stdError", pt.scaledExcess().stdError());
      o.put("replicates", pt.replicates());
      o.put("notConverged", pt.notConverged());
      o.put("meanIterations", pt.meanIterations());
      o.put("zVsSigma2DBase",
          (pt.scaledExcess().value() - c.downstreamOnly()) / pt.scaledExcess().stdError());
      if (linear) {
        o.put("olsExactExpectation",
            FactorBaseline.olsExpectedScaledExcess(pt.n(), c.dBase(), c.sigma2()));
      }
    }
    json.put("seconds", seconds);

    write(opts, "crossover.json", Json.pretty(json));
    StringBuilder csv = new StringBuilder("alpha,twoStage,twoStageLower,twoStageUpper,downstreamOnly\n");
    for (int i = 0; i < alpha.length; i++) {
      csv.append(alpha[i]).append(',').append(two[i]).append(',').append(lo[i]).append(',')
          .append(hi[i]).append(',').append(base[i]).append('\n');
    }
    write(opts, "crossover.csv", csv.toString());
    CrossoverChart.save(opts.out.resolve("crossover"), s.model(), c, alpha, two, lo, hi, opts.band,
        points);

    if (run.format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.pretty(json));
    } else {
      spec.commandLine().getOut().println(summary(s, c, points, opts));
    }
    return 0;
  }

  private static ObjectNode rankJson(TangentRank r) {
    ObjectNode o = Json.object();
    o.put("rank", r.rank());
    o.put("tolerance", r.tolerance());
    o.put("lastKept", r.lastKept());
    o.put("firstDropped", r.firstDropped());
    o.put("gap", r.gap());
    o.put("zeroFunctionsDropped", r.droppedCoordinates());
    o.set("eigenvalues", Json.array(r.eigenvalues()));
    return o;
  }

  /** Quantile of ‖L(Z)‖² (α = 1, no shift); 0 when the interaction vanishes. */
  private static double interactionQuantile(CrossoverSetup s, double p) {
    double top = 0;
    for (double w : s.interaction().weights()) {
      top = Math.max(top, w);
    }
    if (top == 0) {
      return 0;
    }
    LimitLaw law = new LimitLaw(0.0, 0, 1.0, s.interaction().weights());
    return law.quantile(p);
  }

  private static double[] defaultRange(Crossover c) {
    double a0 = c.alpha0();
    if (Double.isFinite(a0) && a0 > 0) {
      return new double[] {a0 / 100, a0 * 100};
    }
    return new double[] {0.01, 100};
  }

  static double[] logSpace(double a, double b, int count) {
    double[] out = new double[count];
    double la = Math.log(a);
    double lb = Math.log(b);
    for (int i = 0; i < count; i++) {
      out[i] = Math.exp(la + (lb - la) * i / (count - 1));
    }
    return out;
  }

  private static void write(CrossoverOptions opts, String name, String text) {
    try {
      Files.createDirectories(opts.out);
      Files.writeString(opts.out.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + opts.out.resolve(name), e);
    }
  }

  private static String summary(
      CrossoverSetup s, Crossover c, List<BaselineSimulation.Point> points, CrossoverOptions opts) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("model            %s%n", s.model()));
    b.append(String.format("sigma^2          %.6g%n", c.sigma2()));
    b.append(String.format("d_eff            %d%n", c.dEff()));
    b.append(String.format("d_base           %d   (tolerance %.1e; kept %.3e, dropped %.3e)%n",
        c.dBase(), s.base().tolerance(), s.base().lastKept(), s.base().firstDropped()));
    b.append(String.format("E||L(Z)||^2      %s%n", s.interactionMean()));
    if (c.reparametrisationOnly()) {
      b.append("alpha0           none: d_base = d_eff, pre-training only reparametrises (L = 0)\n");
    } else {
      b.append(String.format("alpha0           %.6g%n", c.alpha0()));
    }
    b.append(String.format("two-stage        %.6g + %.6g / alpha%n", c.floor(), c.interactionMean()));
    b.append(String.format("downstream-only  %.6g%n", c.downstreamOnly()));
    for (BaselineSimulation.Point pt : points) {
      b.append(String.format(
          "baseline n=%-7d n(R - sigma^2) = %.4g +- %.2g  (%d replicates, %d not converged, %.1f LM iterations)%n",
          pt.n(), pt.scaledExcess().value(), pt.scaledExcess().stdError(), pt.replicates(),
          pt.notConverged(), pt.meanIterations()));
    }
    b.append("files            ").append(opts.out.resolve("crossover.{json,csv,png,svg}"));
    return b.toString();
  }
}
