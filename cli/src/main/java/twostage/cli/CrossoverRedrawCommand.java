package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.experiments.CrossoverStudy;
import twostage.report.CrossoverView;
import twostage.report.Json;
import twostage.stats.Estimate;
import twostage.theory.Crossover;

/** {@code twostage crossover redraw --out DIR}: redraws crossover.png/.svg from DIR/crossover.json. */
@Command(name = "redraw", mixinStandardHelpOptions = true,
    description = "Redraw crossover.png/.svg from an existing crossover.json (no recomputation).")
final class CrossoverRedrawCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory holding crossover.json.")
  Path out;

  @Override
  public Integer call() {
    Path file = out.resolve("crossover.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--out must contain crossover.json, not found: " + file);
    }
    JsonNode j;
    try {
      j = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    try {
      Crossover c = new Crossover(need(j, "sigma2").asDouble(), need(j, "dEff").asInt(), need(j, "dBase").asInt(),
          Math.max(need(need(j, "interaction"), "mean").asDouble(), 0));
      JsonNode curves = need(j, "curves");
      List<CrossoverStudy.BaselinePoint> points = new ArrayList<>();
      for (JsonNode p : need(need(j, "baselineSimulation"), "points")) {
        points.add(new CrossoverStudy.BaselinePoint(need(p, "n").asLong(),
            new Estimate(need(p, "scaledExcess").asDouble(), need(p, "stdError").asDouble()),
            need(p, "replicates").asInt(), need(p, "notConverged").asInt(), need(p, "meanIterations").asDouble(),
            Double.NaN, Double.NaN));
      }
      List<Double> band = List.of(need(curves, "band").get(0).asDouble(), need(curves, "band").get(1).asDouble());
      CrossoverStudy.Curves cv = new CrossoverStudy.Curves(band, numbers(need(curves, "alpha")),
          numbers(need(curves, "twoStage")), numbers(need(curves, "twoStageLower")),
          numbers(need(curves, "twoStageUpper")), numbers(need(curves, "downstreamOnly")));
      CrossoverView.draw(out, need(j, "model").asText(), c, cv, new CrossoverStudy.Simulation(0, -1, false, points));
    } catch (IllegalStateException | NullPointerException e) {
      throw new IllegalArgumentException(file + " is incomplete: " + e.getMessage());
    }
    spec.commandLine().getOut().println("redrawn " + out.resolve("crossover.{png,svg}"));
    return 0;
  }

  private static JsonNode need(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalStateException("field '" + field + "' is missing");
    }
    return v;
  }

  private static double[] numbers(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }
}
