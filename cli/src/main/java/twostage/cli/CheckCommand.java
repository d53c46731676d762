package twostage.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.errata.ClosedFormLaw;
import twostage.errata.PaperClaims;
import twostage.experiments.LargeMSpec;
import twostage.experiments.LargeMStudy;
import twostage.experiments.ModelSpec;
import twostage.report.Json;
import twostage.report.LargeMView;
import twostage.report.ReportFiles;
import twostage.spi.CaseStudy;

/** {@code twostage check MODEL}: the pre-training estimator itself at large m against the law. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the pre-training estimator at large m against the law Theorem 5.1 gives it.",
      "R replicates of m*Rep(w_m), which Theorem 5.1 says is distributed as ||L(Z)||^2, are compared with "
          + "the engine's law (Kolmogorov distance, 5%% critical value) and with the paper's printed law where it"
          + " states one."
    })
public final class CheckCommand extends ModelCommand {
  /** The command, for every model. */
  public CheckCommand() {
    super(Face::new);
  }

  /** {@code twostage check MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--m", defaultValue = "1000000", converter = Counts.class, paramLabel = "M",
        description = "Pre-training sample size m (default: ${DEFAULT-VALUE}).")
    long m;

    @Option(names = "--reps", defaultValue = "1000", paramLabel = "R", description = "Replicates R (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Directory for check.json and the replicates (stored as they finish; a rerun resumes).")
    Path out;

    @Mixin RunOptions run;

    Face(CaseStudy study) {
      super(study, ALL_ROLES);
    }

    @Override
    public Integer call() {
      ModelSpec model = model();
      LargeMSpec ls = new LargeMSpec(model, m, reps, run.seed);
      if (out != null) {
        OutputDirectory.usable("--out", out);
      }
      LargeMStudy.Result r = run.execute((ex, progress) -> LargeMStudy.run(ls, out, ex, progress));
      Optional<ClosedFormLaw> printed = PaperClaims.printedLaw(model.instance());
      Map<String, Double> refs = PaperClaims.largeMReferences(model.instance());
      var json = LargeMView.json(r, printed, refs);
      if (out != null) {
        OutputDirectory.writeInstance(out, model);
        ReportFiles.write(out.resolve("check.json"), Json.pretty(json) + "\n");
      }
      spec.commandLine().getOut().println(run.json() ? Json.pretty(json) : LargeMView.table(r, printed, refs));
      return 0;
    }
  }
}
