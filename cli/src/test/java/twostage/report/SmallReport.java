package twostage.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.errata.PaperClaims;
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.spectral.SpectralPriorArt;
import twostage.experiments.CrossoverSpec;
import twostage.experiments.CrossoverStudy;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.LocalExecutor;
import twostage.experiments.Models;
import twostage.experiments.ModelSpec;
import twostage.experiments.Progress;
import twostage.experiments.ValidationSpec;
import twostage.experiments.ValidationStudy;

/**
 * A reproduction report made in seconds from real studies at small sizes: the spectral and factor
 * limits against the paper's closed forms, the prior-art plots, a factor validation with its four
 * figures and a spectral crossover, rendered as {@code reproduce} renders them.
 */
final class SmallReport {
  private SmallReport() {}

  /** Runs the studies into {@code out} and writes {@code out/index.html}; returns its path. */
  static Path write(Path out) {
    ReproduceReport.Results res = new ReproduceReport.Results();
    List<ReproduceReport.Step> steps = new ArrayList<>();
    long[] t = {System.nanoTime()};
    try (LocalExecutor ex = new LocalExecutor(Math.min(2, Runtime.getRuntime().availableProcessors()))) {
      ModelSpec sp = model("spectral", "--k", "2", "--d", "4");
      res.spectralLimit = LimitStudy.run(new LimitSpec(sp, 2.0, LimitSpec.DEFAULT_LEVELS, 1), ex.runner());
      res.spectralClaims = PaperClaims.limit(sp.instance());
      steps.add(step(t, "spectral-limit", "twostage limit spectral"));
      ModelSpec fa = model("factor", "--k", "3", "--d", "8");
      res.factorLimit = LimitStudy.run(new LimitSpec(fa, 2.0, LimitSpec.DEFAULT_LEVELS, 1), ex.runner());
      res.factorClaims = PaperClaims.limit(fa.instance());
      steps.add(step(t, "factor-limit", "twostage limit factor --k 3 --d 8"));

      Path plots = out.resolve("plots");
      PriorArtView.spectralPlot(SpectralPriorArt.grid(new int[] {1, 2}, new int[] {10, 20, 40},
          SpectralPriorArt.DEFAULT_ENGINE_CAP),
          plots.resolve("compare-spectral"));
      PriorArtView.factorPlots(FactorPriorArt.standardSweep(10, 2, 2.0, 1), 2, 10, 2.0, plots);
      steps.add(step(t, "compare",
          "twostage compare spectral --ks 1,2 --ds 10,20,40 --out plots; twostage compare factor --out plots"));

      ModelSpec vfa = model("factor", "--k", "3", "--d", "10");
      Path vdir = out.resolve("validate-factor");
      ValidationStudy.Outcome o = ValidationStudy.run(new ValidationSpec(vfa, 2.0, List.of(100L, 316L, 1000L), 60, 1),
          vdir, ex, Progress.NONE);
      ValidationView.write(vdir, o);
      res.validateFactor = o.result();
      steps.add(step(t, "validate-factor", "twostage validate factor --k 3 --d 10 --n 100,316,1000 --reps 60"));

      Path cdir = out.resolve("crossover-spectral");
      res.crossoverSpectral = CrossoverStudy.run(new CrossoverSpec(sp, List.of(), -1, 20_000, List.of(), 61,
          List.of(0.1, 0.9), 1e-9, 1), cdir.resolve("baseline"), ex, Progress.NONE);
      CrossoverView.write(cdir, res.crossoverSpectral);
      steps.add(step(t, "crossover-spectral", "twostage crossover spectral"));
    }
    Path index = out.resolve("index.html");
    ReportFiles.write(index, ReproduceReport.html(res, steps, true, out));
    ReportFiles.write(out.resolve("report.md"), ReproduceReport.markdown(res, steps, true, out));
    return index;
  }

  private static ModelSpec model(String name, String... options) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return ModelSpec.of(Models.registry().get(name), given, null, null);
  }

  /** A step that took the time since {@code t[0]} (which it resets). */
  private static ReproduceReport.Step step(long[] t, String name, String command) {
    long now = System.nanoTime();
    double seconds = (now - t[0]) / 1e9;
    t[0] = now;
    return new ReproduceReport.Step(name, name, command, seconds, false, null);
  }
}
