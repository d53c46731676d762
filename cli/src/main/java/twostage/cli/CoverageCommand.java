package twostage.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.experiments.DataCoverageStudy;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.ModelSpec;
import twostage.experiments.ResultStore;
import twostage.report.Format;
import twostage.report.Json;
import twostage.report.ReportFiles;
import twostage.spi.CaseStudy;

/**
 * {@code twostage coverage MODEL}: how often the bootstrap intervals of {@code plan --unlabeled
 * --labeled} contain the truth, on data sets drawn from a known instance (docs/data.md).
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "How often the bootstrap intervals of the estimate from data contain the truth.",
      "Draws --datasets data sets of --m unlabeled and --n labeled rows from a known instance, estimates each",
      "with --bootstrap replicates as 'plan MODEL --unlabeled --labeled' does, and reports the fraction of",
      "intervals that contain the true E||L(Z)||^2 and alpha0, with its binomial standard error. Resumable",
      "with --out."
    })
public final class CoverageCommand extends ModelCommand {
  /** The command, for the models with data. */
  public CoverageCommand() {
    super(Face::new, WITH_DATA);
  }

  /** {@code twostage coverage MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--m", required = true, converter = Counts.class, paramLabel = "M",
        description = "Unlabeled rows per data set.")
    long m;

    @Option(names = "--n", required = true, converter = Counts.class, paramLabel = "N",
        description = "Labeled rows per data set.")
    long n;

    @Option(names = "--datasets", defaultValue = "200", paramLabel = "D",
        description = "Data sets (default: ${DEFAULT-VALUE}).")
    int datasets;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "B",
        description = "Bootstrap replicates per data set (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--level", defaultValue = "0.9", paramLabel = "L",
        description = "Nominal coverage of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--out", paramLabel = "DIR", description = "Keep the data sets' results in DIR (resumable).")
    Path out;

    @Mixin RunOptions run;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    boolean takesData() {
      return true;
    }

    @Override
    public Integer call() {
      DataOptions.checkedLevel(level);
      if (m > Integer.MAX_VALUE / 1000 || n > Integer.MAX_VALUE / 1000) {
        throw new IllegalArgumentException("--m and --n must be at most " + Integer.MAX_VALUE / 1000);
      }
      ModelSpec model = model();
      Map<String, String> options = new LinkedHashMap<>();
      for (String name : DataPlanStudy.optionNames(study)) {
        String value = typed(name);
        if (value != null) {
          options.put(name, value);
        }
      }
      Map<String, String> canonical = twostage.spi.Settings.parse(
          DataPlanStudy.dataModel(study).dataParameters(), options).values();
      DataCoverageStudy.Spec cs = new DataCoverageStudy.Spec(model, canonical, (int) m, (int) n, datasets,
          bootstrap, run.seed);
      if (out != null) {
        OutputDirectory.usable("--out", out);
      }
      DataCoverageStudy.Outcome o = run.execute((ex, progress) -> {
        try (ResultStore<DataCoverageStudy.DataSetResult> store = out == null
            ? ResultStore.memory(DataCoverageStudy.DataSetResult.class)
            : ResultStore.open(out, DataCoverageStudy.manifest(cs), DataCoverageStudy.DataSetResult.class)) {
          return DataCoverageStudy.run(cs, level, ex, store, progress);
        }
      });
      String json = Json.pretty(Json.MAPPER.valueToTree(o));
      if (out != null) {
        ReportFiles.write(out.resolve("coverage.json"), json + "\n");
      }
      spec.commandLine().getOut().println(run.json() ? json : table(o));
      return 0;
    }
  }

  /** The coverage table. */
  static String table(DataCoverageStudy.Outcome o) {
    StringBuilder b = new StringBuilder();
    var s = o.spec();
    b.append(String.format(Locale.ROOT, "twostage coverage %s: %d data sets of m = %d, n = %d; %d bootstrap "
        + "replicates each; nominal %s%%%n", s.model().model(), s.datasets(), s.m(), s.n(), s.bootstrap(),
        Format.percent(o.level())));
    b.append("  instance (the truth) ").append(Json.line(s.model().options())).append('\n');
    b.append("  estimated with ").append(Json.line(s.options())).append(", seed ").append(s.seed()).append('\n');
    b.append(String.format(Locale.ROOT, "  truth: E||L||^2 = %s, alpha0 = %s, sigma^2 = %s, d_eff = %d, d_base = %d%n",
        Format.pm(o.truth().interaction()), Format.pm(o.truth().alpha0()), Format.num(o.truth().sigma2()),
        o.truth().dEff(), o.truth().dBase()));
    b.append(String.format(Locale.ROOT, "  estimates: mean E||L||^2 = %s (bias %s SE); sd over data sets %s, mean "
        + "bootstrap sd %s; mean alpha0 = %s%n", Format.pm(o.interactionMean()),
        String.format(Locale.ROOT, "%.2f", (o.interactionMean().value() - o.truth().interaction().value())
            / o.interactionMean().stdError()),
        Format.num(o.interactionSd()), Format.num(o.interactionBootstrapSd()), Format.pm(o.alpha0Mean())));
    b.append(String.format(Locale.ROOT, "  %-12s %-11s %-9s %s%n", "quantity", "interval", "covered", "coverage ± SE"));
    for (DataCoverageStudy.Coverage c : o.coverages()) {
      b.append(String.format(Locale.ROOT, "  %-12s %-11s %4d/%-4d %.3f ± %.3f%n", c.quantity(), c.method(),
          c.covered(), c.datasets(), c.coverage().value(), c.coverage().stdError()));
    }
    if (o.failedDatasets() > 0 || o.failedReplicates() > 0) {
      b.append(String.format(Locale.ROOT, "  failed: %d data sets, %d bootstrap replicates (left out)%n",
          o.failedDatasets(), o.failedReplicates()));
    }
    return b.toString().stripTrailing();
  }
}
