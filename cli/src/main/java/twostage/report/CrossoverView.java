package twostage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import twostage.experiments.CrossoverStudy;
import twostage.theory.Crossover;
import twostage.theory.TangentRank;

/**
 * How {@code twostage crossover} shows a {@link CrossoverStudy.Result}: crossover.json, crossover.csv,
 * the plot and a summary.
 */
public final class CrossoverView {
  private CrossoverView() {}

  /** Writes crossover.json, crossover.csv and crossover.png/.svg into {@code dir}; returns the JSON. */
  public static ObjectNode write(Path dir, CrossoverStudy.Result r) {
    ObjectNode json = json(r);
    ReportFiles.write(dir.resolve("crossover.json"), Json.pretty(json) + "\n");
    CrossoverStudy.Curves c = r.curves();
    StringBuilder csv = new StringBuilder("alpha,twoStage,twoStageLower,twoStageUpper,downstreamOnly\n");
    for (int i = 0; i < c.alpha().length; i++) {
      csv.append(c.alpha()[i]).append(',').append(c.twoStage()[i]).append(',').append(c.lower()[i]).append(',')
          .append(c.upper()[i]).append(',').append(c.downstreamOnly()[i]).append('\n');
    }
    ReportFiles.write(dir.resolve("crossover.csv"), csv.toString());
    draw(dir, r.spec().model().model(), r.crossover(), c, r.simulation());
    return json;
  }

  /** Draws crossover.png/.svg. */
  public static void draw(Path dir, String model, Crossover x, CrossoverStudy.Curves c, CrossoverStudy.Simulation s) {
    CrossoverChart.save(dir.resolve("crossover"), model, x, c, s.points());
  }

  /** The JSON of a crossover. */
  public static ObjectNode json(CrossoverStudy.Result r) {
    Crossover c = r.crossover();
    ObjectNode json = Json.object();
    json.put("model", r.spec().model().model());
    json.set("params", Json.MAPPER.valueToTree(r.parameters()));
    json.put("seed", r.spec().seed());
    json.put("sigma2", c.sigma2());
    json.put("dEff", c.dEff());
    json.put("dBase", c.dBase());
    json.set("dBaseRank", rank(r.dBase()));
    json.put("reparametrisationOnly", c.reparametrisationOnly());
    ObjectNode inter = json.putObject("interaction");
    inter.put("mean", r.limit().mean().value());
    inter.put("stdError", r.limit().mean().stdError());
    inter.set("samples", Json.MAPPER.valueToTree(r.limit().samples()));
    inter.set("weights", Json.array(r.limit().interaction().weights()));
    json.put("alpha0", c.alpha0());
    json.put("alpha0StdError", r.alpha0StdError());
    json.put("floor", c.floor());
    json.put("downstreamOnly", c.downstreamOnly());
    json.put("note", c.reparametrisationOnly()
        ? "d_base = d_eff: pre-training only reparametrises the class (L = 0, Proposition G.23)"
        : "two-stage beats downstream-only least squares (asymptotically, in expectation) iff alpha > alpha0");
    CrossoverStudy.Curves cv = r.curves();
    ObjectNode curves = json.putObject("curves");
    curves.set("band", Json.MAPPER.valueToTree(cv.band()));
    curves.set("alpha", Json.array(cv.alpha()));
    curves.set("twoStage", Json.array(cv.twoStage()));
    curves.set("twoStageLower", Json.array(cv.lower()));
    curves.set("twoStageUpper", Json.array(cv.upper()));
    curves.set("downstreamOnly", Json.array(cv.downstreamOnly()));
    CrossoverStudy.Simulation s = r.simulation();
    ObjectNode sim = json.putObject("baselineSimulation");
    sim.put("estimator", "Levenberg-Marquardt (Hipparchus) over a local chart of F at (theta*, w*), "
        + "started at the truth: the local least-squares estimator of the asymptotics");
    sim.put("replicates", s.replicates());
    if (s.chartDimension() >= 0) {
      sim.put("chartDimension", s.chartDimension());
    }
    sim.put("risk", s.exactRisk() ? "exact (Gaussian design)" : "population sample of " + r.spec().population()
        + " draws per replicate");
    ArrayNode pts = sim.putArray("points");
    for (CrossoverStudy.BaselinePoint pt : s.points()) {
      ObjectNode o = pts.addObject();
      o.put("n", pt.n());
      o.put("scaledExcess", pt.scaledExcess().value());
      o.put("stdError", pt.scaledExcess().stdError());
      o.put("replicates", pt.replicates());
      o.put("notConverged", pt.notConverged());
      o.put("meanIterations", pt.meanIterations());
      o.put("zVsSigma2DBase", pt.zVsDownstreamOnly());
      if (!Double.isNaN(pt.leastSquaresExpectation())) {
        o.put("olsExactExpectation", pt.leastSquaresExpectation());
      }
    }
    json.put("replicatesComputedThisRun", r.computedNow());
    json.put("seconds", r.seconds());
    return json;
  }

  private static ObjectNode rank(TangentRank r) {
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

  /** The summary printed by the command. */
  public static String summary(CrossoverStudy.Result r, Path dir) {
    Crossover c = r.crossover();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "model            %s%n", r.spec().model().model()));
    b.append(String.format(Locale.ROOT, "sigma^2          %.6g%n", c.sigma2()));
    b.append(String.format(Locale.ROOT, "d_eff            %d%n", c.dEff()));
    b.append(String.format(Locale.ROOT, "d_base           %d   (tolerance %.1e; kept %.3e, dropped %.3e)%n",
        c.dBase(), r.dBase().tolerance(), r.dBase().lastKept(), r.dBase().firstDropped()));
    b.append(String.format(Locale.ROOT, "E||L(Z)||^2      %s%n", Format.pm(r.limit().mean())));
    if (c.reparametrisationOnly()) {
      b.append("alpha0           none: d_base = d_eff, pre-training only reparametrises (L = 0)\n");
    } else {
      b.append(String.format(Locale.ROOT, "alpha0           %s%n", Format.pm(new twostage.stats.Estimate(c.alpha0(),
          Double.isNaN(r.alpha0StdError()) ? 0 : r.alpha0StdError()))));
    }
    b.append(String.format(Locale.ROOT, "two-stage        %.6g + %.6g / alpha%n", c.floor(), c.interactionMean()));
    b.append(String.format(Locale.ROOT, "downstream-only  %.6g%n", c.downstreamOnly()));
    for (CrossoverStudy.BaselinePoint pt : r.simulation().points()) {
      b.append(String.format(
          "baseline n=%-7d n(R - sigma^2) = %.4g +- %.2g  (%d replicates, %d not converged, %.1f LM iterations)%n",
          pt.n(), pt.scaledExcess().value(), pt.scaledExcess().stdError(), pt.replicates(),
          pt.notConverged(), pt.meanIterations()));
    }
    b.append("files            ").append(dir.resolve("crossover.{json,csv,png,svg}"));
    return b.toString();
  }
}
