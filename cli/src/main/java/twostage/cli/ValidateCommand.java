package twostage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.experiments.ModelSpec;
import twostage.experiments.ValidationSpec;
import twostage.experiments.ValidationStudy;
import twostage.report.Json;
import twostage.report.ValidationView;
import twostage.spi.CaseStudy;

/** {@code twostage validate MODEL}: the finite-sample distributional validation (Figures 3–4). */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the real two-stage pipeline at each n and compares it with the limit law.",
      "The pre-training estimator, min-norm OLS and the exact conditional risk of Proposition B.1; "
          + "Kolmogorov distances, p_var and means (Appendix K, Figures 3-4). Results are stored per replicate in"
          + " --out; a rerun resumes."
    })
public final class ValidateCommand extends ModelCommand {
  /** round(geomspace(100, 1e5, 10)) (Appendix K). */
  static final List<Long> PAPER_GRID = grid(100, 100_000, 10);

  /** round(geomspace(100, 3162, 4)): 100, 316, 1000, 3162. */
  static final List<Long> QUICK_GRID = grid(100, 3162, 4);

  /** The command, for every model. */
  public ValidateCommand() {
    super(Face::new);
  }

  /** Named sizes of a validation. */
  enum Preset {
    /** n = 100, 316, 1000, 3162 and 200 replicates (about a minute for the mixture). */
    quick,
    /** n = round(geomspace(100, 1e5, 10)) and 1000 replicates (Appendix K). */
    paper
  }

  /** {@code twostage validate MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--preset", paramLabel = "quick|paper",
        description = "quick: n = 100..3162 (4 sizes), 200 replicates; paper: n = 100..1e5 (10 sizes), 1000 "
            + "replicates, and the model's paper-size Monte Carlo settings. Explicit options win.")
    Preset preset;

    @Option(names = "--alpha", defaultValue = "2", paramLabel = "A",
        description = "alpha = m/n; m = floor(alpha n) (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--n", split = ",", converter = Counts.class, paramLabel = "N",
        description = "Downstream sample sizes, comma-separated (e.g. 100,1000,1e4).")
    List<Long> n;

    @Option(names = "--reps", paramLabel = "R", description = "Replicates per n (>= 2).")
    Integer reps;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Output directory (results are stored per replicate and resumed from it).")
    Path out;

    @Mixin RunOptions run;

    Face(CaseStudy study) {
      super(study, ALL_ROLES);
    }

    @Override
    public Integer call() {
      List<Long> grid = n != null ? n : preset == null ? null : preset == Preset.paper ? PAPER_GRID : QUICK_GRID;
      Integer r = reps != null ? reps : preset == null ? null : preset == Preset.paper ? 1000 : 200;
      if (grid == null || r == null) {
        throw new IllegalArgumentException("--n and --reps are required unless --preset quick|paper is given");
      }
      ModelSpec m = model(preset == null ? java.util.Map.of() : study.preset("validate", preset.name()));
      ValidationSpec vs = new ValidationSpec(m, alpha, grid, r, run.seed);
      OutputDirectory.usable("--out", out);
      ValidationStudy.Outcome o = run.execute((ex, progress) -> ValidationStudy.run(vs, out, ex, progress));
      OutputDirectory.writeInstance(out, m);
      var json = ValidationView.write(out, o);
      var w = spec.commandLine().getOut();
      if (run.json()) {
        w.println(Json.pretty(json));
      } else {
        o.result().notes().forEach(note -> w.println("note: " + note));
        w.println(ValidationView.table(json));
        w.printf(Locale.ROOT, "%d replicates computed in this run, %.1f s wall; wrote %s%n",
            o.result().timing().replicatesComputedThisRun(), o.result().timing().wallSecondsThisRun(),
            out.resolve("validation.json"));
      }
      return 0;
    }
  }

  /** round(geomspace(lo, hi, count)). */
  static List<Long> grid(double lo, double hi, int count) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (count - 1))));
    }
    return List.copyOf(out);
  }
}
