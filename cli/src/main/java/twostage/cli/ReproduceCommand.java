package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.spectral.SpectralPriorArt;
import twostage.experiments.CrossoverSpec;
import twostage.experiments.CrossoverStudy;
import twostage.experiments.Figure2Study;
import twostage.experiments.LargeMSpec;
import twostage.experiments.LargeMStudy;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.Models;
import twostage.experiments.ModelSpec;
import twostage.experiments.Progress;
import twostage.experiments.Records;
import twostage.experiments.ResultStore;
import twostage.experiments.TaskExecutor;
import twostage.experiments.ValidationSpec;
import twostage.experiments.ValidationStudy;
import twostage.report.CrossoverView;
import twostage.report.Figure2View;
import twostage.report.Json;
import twostage.report.LargeMView;
import twostage.report.PriorArtView;
import twostage.report.ReportFiles;
import twostage.report.ReproduceReport;
import twostage.report.ValidationView;
import twostage.errata.PaperClaims;
import twostage.theory.TangentRank;

/**
 * {@code twostage reproduce}: the main job — a quick (or paper-size) reproduction of the paper's
 * results. Each step runs a study directly and its typed result is rendered into {@code report.md} and
 * {@code index.html}; steps with many tasks keep their own resumable stores in subdirectories, the
 * others are stored in the report directory's store, so an interrupted reproduction resumes.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Reproduces the paper's results and writes a report of them to --out.",
      "The report (report.md and index.html) covers Figure 2, Corollaries 6.3/6.4 against the estimators at "
          + "large m, the prior-art comparisons, the finite-sample validation and the crossover, each step's files "
          + "beside the report. An interrupted run resumes; a directory made with another --preset is refused."
    })
public final class ReproduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", paramLabel = "quick|paper",
      description = "quick (about a minute on a quiet 2-core machine, 5 minutes measured under load) or paper (the "
          + "paper's sizes; 16.5 minutes measured) (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--out", defaultValue = "report", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--no-progress", description = "No progress report on standard error.")
  boolean noProgress;

  private PrintWriter log;
  private ResultStore<JsonNode> store;
  private final List<ReproduceReport.Step> steps = new ArrayList<>();

  @Override
  public Integer call() {
    if (!preset.equals("quick") && !preset.equals("paper")) {
      throw new IllegalArgumentException("--preset must be quick or paper, got " + preset);
    }
    boolean quick = preset.equals("quick");
    int nThreads = RunOptions.threads(threads);
    OutputDirectory.usable("--out", out);
    log = spec.commandLine().getErr();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("command", "reproduce");
    manifest.put("preset", preset);
    ReproduceReport.Results res = new ReproduceReport.Results();
    Progress progress = ConsoleProgress.of(noProgress);
    try (ResultStore<JsonNode> s = ResultStore.open(out, manifest, JsonNode.class);
        TaskExecutor ex = Main.executor(nThreads)) {
      store = s;
      String fisher = "100000";
      String samples = "1000000";
      ModelSpec k2 = model("gmm", "--K", "2", "--d", "30", "--beta", "2", "--fisher-samples", fisher, "--samples", samples);
      ModelSpec k4 = model("gmm", "--K", "4", "--d", "30", "--beta", "2", "--fisher-samples", fisher, "--samples", samples);
      res.gmmK2 = limit("gmm-fig2a-K2", "Figure 2(a) point K = 2 (d = 30, beta = 2)", k2, ex);
      res.gmmK4 = limit("gmm-fig2a-K4", "Figure 2(a) point K = 4 (d = 30, beta = 2)", k4, ex);
      res.figure2 = run("figure2", "Figure 2: three sweeps with fits and the exact d-dependence",
          "twostage figure2 --preset " + preset + " --out " + out.resolve("figure2"), () -> {
            Figure2Study.Result r = Figure2Study.run(Figure2Study.Spec.of(preset, 1), out.resolve("figure2"), ex, progress);
            Figure2View.write(out.resolve("figure2"), r);
            return r;
          });
      ModelSpec vgmm = model("gmm", preset("gmm", quick), "--K", "4", "--d", "20", "--beta", "2", "--theta-norm", "10");
      res.validateGmm = validate("validate-gmm",
          "Figures 3-4: finite-sample validation, mixture (K = 4, d = 20, beta = 2, theta-norm = 10, alpha = 2)",
          vgmm, quick, quick ? 200 : 1000, ex, progress);
      ModelSpec sp = model("spectral", "--k", "2", "--d", "4");
      res.spectralLimit = limit("spectral-limit", "Corollary 6.3, (k, d) = (2, 4): limit", sp, ex);
      res.spectralClaims = PaperClaims.limit(sp.instance());
      res.spectralCheck = check("spectral-check", "Corollary 6.3, (k, d) = (2, 4): estimator at large m", sp,
          quick ? 100_000 : 1_000_000, 1000, ex, progress);
      Path examples = Path.of(System.getProperty("twostage.home", ".")).resolve("examples");
      ModelSpec corr = ModelSpec.of(Models.registry().get("spectral"), Map.of(),
          ModelFace.readInstance(examples.resolve("spectral-correlated.json")),
          examples.resolve("spectral-correlated.json").toString());
      res.correlatedLimit = limit("spectral-correlated",
          "A non-diagonal spectral instance (examples/spectral-correlated.json): limit", corr, ex);
      res.correlatedClaims = PaperClaims.limit(corr.instance());
      res.correlatedCheck = check("spectral-correlated-check", "The non-diagonal instance: estimator at large m",
          corr, quick ? 100_000 : 1_000_000, 1000, ex, progress);
      run("spectral-compare", "Cabannes et al. (2023) against the exact term, Corollary 6.3 grid",
          "twostage compare spectral --out " + out.resolve("plots"), () -> {
            var rows = SpectralPriorArt.grid(new int[] {1, 2, 4, 8}, new int[] {10, 20, 40, 80},
                SpectralPriorArt.DEFAULT_ENGINE_CAP);
            ReportFiles.write(out.resolve("plots").resolve("compare-spectral.json"),
                Json.pretty(PriorArtView.spectralJson(rows)) + "\n");
            PriorArtView.spectralPlot(rows, out.resolve("plots").resolve("compare-spectral"));
            return rows;
          });
      ModelSpec fa = model("factor", "--k", "3", "--d", "8");
      res.factorLimit = limit("factor-limit", "Corollary 6.4, generated instance k = 3, d = 8: limit", fa, ex);
      res.factorClaims = PaperClaims.limit(fa.instance());
      res.factorCheck = check("factor-check", "Corollary 6.4: PPCA at m = 1e6", fa, 1_000_000, 20_000, ex, progress);
      ModelSpec vfa = model("factor", "--k", "3", "--d", "10");
      res.validateFactor = validate("validate-factor", "Finite-sample validation, factor model (k = 3, d = 10)",
          vfa, quick, quick ? 300 : 1000, ex, progress);
      run("factor-compare", "Ge et al. (2024) against the exact term, factor model",
          "twostage compare factor --out " + out.resolve("plots"), () -> {
            var rows = FactorPriorArt.standardSweep(10, 2, 2.0, 1);
            ReportFiles.write(out.resolve("plots").resolve("compare-factor.json"),
                Json.pretty(PriorArtView.factorJson(rows, 2, 10, 2.0, 1)) + "\n");
            PriorArtView.factorPlots(rows, 2, 10, 2.0, out.resolve("plots"));
            return rows;
          });
      res.crossoverFactor = crossover("crossover-factor", "When does pre-training pay? Factor model (k = 3, d = 8)", fa,
          quick ? List.of(100L, 1000L) : List.of(100L, 1000L, 10_000L), quick ? 300 : 1000, ex, progress);
      res.crossoverSpectral = crossover("crossover-spectral",
          "When does pre-training pay? Corollary 6.3 instance (k = 2, d = 4)", sp, List.of(), -1, ex, progress);
      ModelSpec xg = model("gmm", "--K", "4", "--d", "20", "--beta", "2", "--method", "direct");
      res.crossoverGmm = crossover("crossover-gmm", "When does pre-training pay? Mixture (K = 4, d = 20, beta = 2)",
          xg, List.of(), -1, ex, progress);
      Path digits = examples.resolve("data").resolve("digits");
      int splits = quick ? 60 : 200;
      int boot = quick ? 50 : 200;
      String grid = "25,50,100,200,400,800,1197";
      LearningCurveCommand.Outcome lc = run("digits-learning-curve",
          "Real data: the plan on the UCI digits and the learning curve of the real pipeline",
          "twostage learning-curve factor --k 5 --unlabeled " + digits.resolve("unlabeled.csv") + " --labeled "
              + digits.resolve("labeled.csv") + " --n 100 --m-grid " + grid + " --splits " + splits
              + " --bootstrap " + boot + " --out " + out.resolve("digits"),
          () -> LearningCurveCommand.compute(Models.registry().get("factor"), Map.of("--k", "5"),
              digits.resolve("unlabeled.csv"), digits.resolve("labeled.csv"), 100,
              java.util.Arrays.stream(grid.split(",")).map(Integer::valueOf).toList(), splits, boot, 0.9, 1,
              out.resolve("digits"), ex, progress));
      if (lc != null) {
        res.digitsCurve = lc.curve();
        res.digitsPlan = twostage.data.DataSummary.of(lc.plan(), Double.NaN, 1.1, 0.9, LimitSpec.DEFAULT_LEVELS);
      }
    }
    String md = ReproduceReport.markdown(res, steps, quick, out);
    ReportFiles.write(out.resolve("report.md"), md);
    ReportFiles.write(out.resolve("index.html"), ReproduceReport.html(res, steps, quick, out));
    spec.commandLine().getOut().println(md);
    log.printf(Locale.ROOT, "[reproduce] report: %s and %s%n", out.resolve("report.md"), out.resolve("index.html"));
    long failed = steps.stream().filter(s -> s.error() != null).count();
    return failed == 0 ? 0 : 1;
  }

  private static Map<String, String> preset(String model, boolean quick) {
    return Models.registry().get(model).preset("validate", quick ? "quick" : "paper");
  }

  private static ModelSpec model(String name, String... options) {
    return model(name, Map.of(), options);
  }

  private static ModelSpec model(String name, Map<String, String> preset, String... options) {
    Map<String, String> given = new LinkedHashMap<>(preset);
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return ModelSpec.of(Models.registry().get(name), given, null, null);
  }

  private static String command(String verb, ModelSpec m, String... extra) {
    StringBuilder b = new StringBuilder("twostage ").append(verb).append(' ').append(m.model());
    if (m.instanceSource() != null) {
      b.append(" --instance ").append(m.instanceSource());
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    m.caseStudy().parameters().forEach(p -> defaults.put(p.name(), twostage.spi.Settings.canonical(p, p.defaultValue())));
    m.options().forEach((k, v) -> {
      if (!v.equals(defaults.get(k))) {
        b.append(' ').append(k).append(' ').append(v);
      }
    });
    for (String e : extra) {
      b.append(' ').append(e);
    }
    return b.toString();
  }

  private LimitResult limit(String name, String title, ModelSpec m, TaskExecutor ex) {
    LimitSpec ls = new LimitSpec(m, 2.0, LimitSpec.DEFAULT_LEVELS, 1);
    return cached(name, title, command("limit", m), ls, LimitResult.class, () -> LimitStudy.run(ls, ex.runner()));
  }

  private LargeMStudy.Result check(String name, String title, ModelSpec m, long mSize, int reps, TaskExecutor ex,
      Progress progress) {
    LargeMSpec ls = new LargeMSpec(m, mSize, reps, 1);
    Path dir = out.resolve(name);
    return run(name, title, command("check", m, "--m " + mSize, "--reps " + reps, "--out " + dir), () -> {
      LargeMStudy.Result r = LargeMStudy.run(ls, dir, ex, progress);
      ReportFiles.write(dir.resolve("check.json"), Json.pretty(LargeMView.json(r,
          PaperClaims.printedLaw(m.instance()), PaperClaims.largeMReferences(m.instance()))) + "\n");
      return r;
    });
  }

  private ValidationStudy.Result validate(String name, String title, ModelSpec m, boolean quick, int reps,
      TaskExecutor ex, Progress progress) {
    List<Long> grid = quick ? ValidateCommand.QUICK_GRID : ValidateCommand.PAPER_GRID;
    ValidationSpec vs = new ValidationSpec(m, 2.0, grid, reps, 1);
    Path dir = out.resolve(name);
    return run(name, title, command("validate", m, "--preset " + (quick ? "quick" : "paper"), "--reps " + reps,
        "--out " + dir), () -> {
          ValidationStudy.Outcome o = ValidationStudy.run(vs, dir, ex, progress);
          OutputDirectory.writeInstance(dir, m);
          ValidationView.write(dir, o);
          return o.result();
        });
  }

  private CrossoverStudy.Result crossover(String name, String title, ModelSpec m, List<Long> sizes, long reps,
      TaskExecutor ex, Progress progress) {
    CrossoverSpec cs = new CrossoverSpec(m, sizes, reps, 20_000, List.of(), 121, List.of(0.1, 0.9),
        TangentRank.DEFAULT_TOLERANCE, 1);
    Path dir = out.resolve(name);
    String extra = sizes.isEmpty() ? "" : "--baseline-n " + String.join(",", sizes.stream().map(String::valueOf).toList())
        + " --replicates " + reps;
    return run(name, title, command("crossover", m, extra, "--out " + dir), () -> {
      CrossoverStudy.Result r = CrossoverStudy.run(cs, dir.resolve("baseline"), ex, progress);
      OutputDirectory.writeInstance(dir, m);
      CrossoverView.write(dir, r);
      return r;
    });
  }

  /** A step whose result is kept in the report directory's store (it has no store of its own). */
  private <R> R cached(String name, String title, String command, Object stepSpec, Class<R> type, Supplier<R> compute) {
    JsonNode spec = Records.tree(stepSpec);
    JsonNode stored = store.get(name);
    if (stored != null && spec.equals(stored.get("spec"))) {
      log.printf(Locale.ROOT, "[reproduce] %-26s done already%n", name);
      steps.add(new ReproduceReport.Step(name, title, command, 0, true, null));
      return Records.read(stored.get("result"), type);
    }
    R r = run(name, title, command, compute);
    if (r != null) {
      ObjectNode rec = Records.MAPPER.createObjectNode();
      rec.set("spec", spec);
      rec.set("result", Records.tree(r));
      store.append(name, rec);
    }
    return r;
  }

  /** Runs a step, logging it; a failure is recorded and the reproduction goes on. */
  private <R> R run(String name, String title, String command, Supplier<R> compute) {
    log.printf(Locale.ROOT, "[reproduce] %-26s %s%n", name, command);
    log.flush();
    long t0 = System.nanoTime();
    try {
      R r = compute.get();
      double secs = (System.nanoTime() - t0) / 1e9;
      log.printf(Locale.ROOT, "[reproduce] %-26s %.1f s%n", name, secs);
      steps.add(new ReproduceReport.Step(name, title, command, secs, false, null));
      return r;
    } catch (RuntimeException e) {
      String why = e instanceof IllegalArgumentException ? e.getMessage() : "internal error: " + e;
      log.printf(Locale.ROOT, "[reproduce] %s FAILED: %s%n", name, why);
      steps.add(new ReproduceReport.Step(name, title, command, (System.nanoTime() - t0) / 1e9, false, why));
      return null;
    }
  }
}
