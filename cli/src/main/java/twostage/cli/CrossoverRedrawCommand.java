package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.baseline.BaselineSimulation;
import twostage.report.CrossoverChart;
import twostage.stats.Estimate;
import twostage.theory.Crossover;

/** {@code twostage crossover redraw --out DIR}: redraws crossover.png/.svg from DIR/crossover.json. */
@Command(name = "redraw", mixinStandardHelpOptions = true,
    description = "Redraw crossover.png/.svg from an existing crossover.json (no recomputation).")
final class CrossoverRedrawCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "Directory holding crossover.json.")
  Path out;

  @Override
  public Integer call() {
    Path file = out.resolve("crossover.json");
    Check.rule(spec, Files.isRegularFile(file), "--out must contain crossover.json, not found: " + file);
    JsonNode j;
    try {
      j = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Crossover c = new Crossover(j.get("sigma2").asDouble(), j.get("dEff").asInt(),
        j.get("dBase").asInt(), Math.max(j.get("interaction").get("mean").asDouble(), 0));
    JsonNode curves = j.get("curves");
    List<BaselineSimulation.Point> points = new ArrayList<>();
    for (JsonNode p : j.get("baselineSimulation").get("points")) {
      points.add(new BaselineSimulation.Point(p.get("n").asLong(),
          new Estimate(p.get("scaledExcess").asDouble(), p.get("stdError").asDouble()),
          p.get("replicates").asInt(), p.get("notConverged").asInt(), p.get("meanIterations").asDouble()));
    }
    CrossoverChart.save(out.resolve("crossover"), j.get("model").asText(), c,
        numbers(curves.get("alpha")), numbers(curves.get("twoStage")),
        numbers(curves.get("twoStageLower")), numbers(curves.get("twoStageUpper")),
        numbers(curves.get("band")), points);
    spec.commandLine().getOut().println("redrawn " + out.resolve("crossover.{png,svg}"));
    return 0;
  }

  private static double[] numbers(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }
}
