package twostage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.LearningCurveStudy;
import twostage.experiments.ResultStore;
import twostage.experiments.TaskExecutor;
import twostage.report.Format;
import twostage.report.Json;
import twostage.report.LearningCurveChart;
import twostage.report.ReportFiles;
import twostage.spi.CaseStudy;
import twostage.stats.Estimate;
import twostage.theory.TangentRank;

/**
 * {@code twostage learning-curve MODEL --unlabeled F --labeled F --n N}: the held-out error of the real
 * two-stage pipeline as m grows at fixed n, against the plug-in prediction from the same files
 * (docs/data.md).
 */
@Command(
    name = "learning-curve",
    mixinStandardHelpOptions = true,
    description = {
      "Tests the estimate from data against the data itself.",
      "The held-out error of the two-stage pipeline (pre-train on m unlabeled rows, least squares on n labeled",
      "rows, error on the other labeled rows) over --m-grid, averaged over --splits random splits, against",
      "sigma^2 (1 + d_eff/n) + E||L||^2/m estimated by 'plan' from both files. Writes learning-curve.json,",
      "learning-curve.csv and learning-curve.png/.svg to --out (resumable)."
    })
public final class LearningCurveCommand extends ModelCommand {
  /** The command, for the models with data. */
  public LearningCurveCommand() {
    super(Face::new, WITH_DATA);
  }

  /** {@code twostage learning-curve MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends DataFace {
    @Option(names = "--n", required = true, paramLabel = "N",
        description = "Labeled training rows per split; the other labeled rows are the test rows.")
    int n;

    @Option(names = "--m-grid", required = true, split = ",", paramLabel = "M,...",
        description = "Unlabeled row counts, increasing, at most the rows of --unlabeled.")
    List<Integer> grid;

    @Option(names = "--splits", defaultValue = "100", paramLabel = "S",
        description = "Random splits (default: ${DEFAULT-VALUE}).")
    int splits;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      if (!data.given()) {
        throw new IllegalArgumentException("--unlabeled and --labeled are required");
      }
      if (data.out == null) {
        throw new IllegalArgumentException("--out is required (the directory of the curve, its plot and its stores)");
      }
      DataOptions.checkedLevel(data.level);
      java.util.Map<String, String> options = dataOptions();
      LearningCurveStudy.Curve c = run.execute((ex, progress) -> compute(study, options, data.unlabeled,
          data.labeled, n, grid, splits, data.bootstrap, data.level, run.seed, data.out, ex, progress).curve());
      this.spec.commandLine().getOut().println(run.json()
          ? Json.pretty(Json.MAPPER.valueToTree(summary(c))) : table(c));
      return 0;
    }
  }

  /**
   * The plan on both files and the learning curve.
   *
   * @param plan the estimate from the whole files (the prediction)
   * @param curve the measured curve against it
   */
  record Outcome(DataPlanStudy.Result plan, LearningCurveStudy.Curve curve) {}

  /**
   * Runs the plan (stored in {@code out}/plan) and the splits (in {@code out}/curve), and writes
   * learning-curve.json, .csv and .png/.svg to {@code out}.
   */
  static Outcome compute(CaseStudy study, java.util.Map<String, String> options, Path unlabeled, Path labeled, int n,
      List<Integer> grid, int splits, int bootstrap, double level, long seed, Path out, TaskExecutor ex,
      twostage.experiments.Progress progress) {
    OutputDirectory.usable("--out", out);
    DataPlanStudy.Result plan = DataRun.run(study, options, unlabeled, labeled, bootstrap, seed,
        TangentRank.DEFAULT_TOLERANCE, out.resolve("plan"), ex, progress);
    LearningCurveStudy.Spec spec = new LearningCurveStudy.Spec(study.name(), plan.spec().options(),
        plan.spec().data(), n, grid, splits, seed);
    LearningCurveStudy.Curve c;
    try (ResultStore<LearningCurveStudy.Point> store = ResultStore.open(out.resolve("curve"),
        LearningCurveStudy.manifest(spec), LearningCurveStudy.Point.class)) {
      c = LearningCurveStudy.run(spec, plan, level, ex, store, progress);
    }
    write(out, c, plan);
    LearningCurveChart.save(out.resolve("learning-curve"), "Learning curve on " + labeled.getFileName() + " ("
        + study.name() + " " + Json.line(spec.options()) + ")", c);
    return new Outcome(plan, c);
  }

  /** The curve without the data (which the spec carries). */
  static java.util.Map<String, Object> summary(LearningCurveStudy.Curve c) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("model", c.spec().model());
    m.put("options", c.spec().options());
    m.put("unlabeled", c.spec().data().unlabeled().source());
    m.put("labeled", c.spec().data().labeled().source());
    m.put("n", c.spec().n());
    m.put("testRows", c.spec().data().n() - c.spec().n());
    m.put("splits", c.spec().splits());
    m.put("seed", c.spec().seed());
    m.put("mGrid", c.spec().mGrid());
    m.put("mse", c.mse());
    m.put("predicted", c.predicted());
    m.put("predictedLow", c.predictedLow());
    m.put("predictedHigh", c.predictedHigh());
    m.put("measuredSlope", c.measuredSlope());
    m.put("measuredIntercept", c.measuredIntercept());
    m.put("interaction", c.interaction());
    m.put("level", c.level());
    return m;
  }

  private static void write(Path out, LearningCurveStudy.Curve c, DataPlanStudy.Result plan) {
    ReportFiles.write(out.resolve("learning-curve.json"), Json.pretty(Json.MAPPER.valueToTree(summary(c))) + "\n");
    StringBuilder csv = new StringBuilder("m,mse,mse_se,predicted,predicted_low,predicted_high\n");
    for (int i = 0; i < c.spec().mGrid().size(); i++) {
      Estimate e = c.mse().get(i);
      csv.append(String.format(Locale.ROOT, "%d,%.10g,%.4g,%.10g,%.10g,%.10g%n", c.spec().mGrid().get(i), e.value(),
          e.stdError(), c.predicted()[i], c.predictedLow()[i], c.predictedHigh()[i]));
    }
    ReportFiles.write(out.resolve("learning-curve.csv"), csv.toString());
  }

  /** The table. */
  static String table(LearningCurveStudy.Curve c) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "learning curve %s %s: n = %d training rows, %d test rows, %d splits%n",
        c.spec().model(), Json.line(c.spec().options()), c.spec().n(), c.spec().data().n() - c.spec().n(),
        c.spec().splits()));
    b.append(String.format(Locale.ROOT, "  %-7s %-22s %-12s %s%n", "m", "held-out error ± SE", "predicted",
        Format.percent(c.level()) + "% band"));
    for (int i = 0; i < c.spec().mGrid().size(); i++) {
      b.append(String.format(Locale.ROOT, "  %-7d %-22s %-12s [%s, %s]%n", c.spec().mGrid().get(i),
          Format.pm(c.mse().get(i)), Format.num(c.predicted()[i]), Format.num(c.predictedLow()[i]),
          Format.num(c.predictedHigh()[i])));
    }
    b.append(String.format(Locale.ROOT, "  measured a + b/m: b = %s (plug-in E||L||^2 = %s, %s%% interval [%s, %s]), "
        + "a = %s%n", Format.pm(c.measuredSlope()), Format.num(c.interaction()[0]), Format.percent(c.level()),
        Format.num(c.interaction()[1]), Format.num(c.interaction()[2]), Format.pm(c.measuredIntercept())));
    return b.toString().stripTrailing();
  }
}
