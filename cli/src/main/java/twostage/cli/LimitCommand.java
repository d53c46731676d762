package twostage.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import twostage.errata.PaperClaims;
import twostage.data.DataSummary;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.ModelSpec;
import twostage.experiments.ReportingRunner;
import twostage.report.DataView;
import twostage.report.Json;
import twostage.report.LimitView;
import twostage.spi.CaseStudy;
import twostage.theory.TangentRank;

/** {@code twostage limit MODEL}: the limit law of E_α at one instance (Theorem 5.1, eq. 5.2). */
@Command(
    name = "limit",
    mixinStandardHelpOptions = true,
    description = {
      "The limit law of n(R - sigma^2) for one instance of a registered model.",
      "sigma^2 d_eff + E||L(Z)||^2/alpha, its weights lambda, quantiles and the engine's regularity checks;"
          + " 'limit moments' reads the moments of a model that lives elsewhere (PyTorch, JAX, R) from CSV files."
    },
    subcommands = {LimitMomentsCommand.class})
public final class LimitCommand extends ModelCommand {
  /** Estimated seconds beyond which a limit prints its estimate and a progress report per Monte Carlo stage. */
  static final double LONG_SECONDS = 30;

  /** The command, for every model. */
  public LimitCommand() {
    super(Face::new);
  }

  /** {@code twostage limit MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends DataFace {
    @Option(names = "--alpha", defaultValue = "2", paramLabel = "A", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--quantile", split = ",", paramLabel = "P",
        description = "Levels of the quantiles of E_alpha, in (0, 1) (default: 0.5,0.9,0.95,0.99).")
    List<Double> quantiles;

    @Option(names = "--export-moments", paramLabel = "DIR",
        description = "Also write the exact engine inputs (H, S, E[psi psi'], E[psi J'], E[J J'], orbit) as CSV "
            + "files into DIR, in the format 'limit moments' reads.")
    java.nio.file.Path exportMoments;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      if (data.given()) {
        DataPlanStudy.Result r = DataRun.run(this, data, run, TangentRank.DEFAULT_TOLERANCE, "--export-moments");
        boolean alphaTyped = typed("--alpha") != null;
        if (alphaTyped && !(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("--alpha must be > 0 and finite, got " + alpha);
        }
        DataSummary s = DataSummary.of(r, alphaTyped ? alpha : Double.NaN, 1.1, data.level,
            quantiles == null ? LimitSpec.DEFAULT_LEVELS : LimitSpec.checked(quantiles));
        spec.commandLine().getOut().println(run.json() ? Json.pretty(DataView.json(r, s, false))
            : DataView.table(r, s, false));
        return 0;
      }
      ModelSpec m = model();
      if (exportMoments != null) {
        var inputs = m.instance().exactInputs().orElseThrow(() -> new IllegalArgumentException(
            "--export-moments needs exact moments; model " + m.model() + " has Monte Carlo moments only"));
        OutputDirectory.usable("--export-moments", exportMoments);
        LimitMomentsCommand.write(exportMoments, inputs.pretraining(), inputs.downstream(), inputs.orbit());
      }
      LimitSpec ls = new LimitSpec(m, alpha, quantiles == null ? LimitSpec.DEFAULT_LEVELS : quantiles, run.seed);
      LimitStudy.check(m, run.threads());
      double secs = LimitStudy.estimatedSeconds(m, run.threads());
      boolean reportProgress = secs > LONG_SECONDS && !run.noProgress;
      if (reportProgress) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": estimated "
            + twostage.spi.Resources.duration(secs) + " on " + run.threads() + " threads (at 1e9 multiply-adds per second and thread)");
        spec.commandLine().getErr().flush();
      }
      String label = spec.qualifiedName().replaceFirst("^twostage ", "");
      LimitResult r = run.execute((ex, progress) -> LimitStudy.run(ls,
          reportProgress ? new ReportingRunner(ex.runner(), progress, label) : ex.runner()));
      Map<String, Object> claims = PaperClaims.limit(m.instance());
      spec.commandLine().getOut().println(run.json() ? Json.pretty(LimitView.json(r, claims)) : LimitView.table(r, claims));
      return 0;
    }
  }
}
