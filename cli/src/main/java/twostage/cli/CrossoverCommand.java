package twostage.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.experiments.CrossoverSpec;
import twostage.experiments.CrossoverStudy;
import twostage.experiments.ModelSpec;
import twostage.report.CrossoverView;
import twostage.report.Json;
import twostage.spi.CaseStudy;

/**
 * {@code twostage crossover MODEL}: two-stage learning against downstream-only least squares over α
 * (end of Section 5, Figure 1).
 */
@Command(
    name = "crossover",
    mixinStandardHelpOptions = true,
    description = {
      "When does pre-training pay? Two-stage against downstream-only least squares.",
      "sigma^2 d_eff + E||L||^2/alpha (two-stage) against sigma^2 d_base (downstream-only least squares "
          + "over the whole class), the crossover alpha0, the quantile band of the two-stage law and a simulated "
          + "downstream-only baseline.",
      "Writes crossover.json, crossover.csv and crossover.png/.svg to --out; baseline replicates are stored"
          + " as they finish and a rerun resumes."
    },
    subcommands = {CrossoverRedrawCommand.class})
public final class CrossoverCommand extends ModelCommand {
  /** The command, for every model. */
  public CrossoverCommand() {
    super(Face::new);
  }

  /** {@code twostage crossover MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--alpha-range", split = ",", paramLabel = "A,B",
        description = "alpha = m/n range of the curves, 0 < A < B (default: alpha0/100 .. 100 alpha0).")
    List<Double> alphaRange;

    @Option(names = "--points", defaultValue = "121", paramLabel = "N",
        description = "Points of the curves, log-spaced (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--band", split = ",", defaultValue = "0.1,0.9", paramLabel = "P,Q",
        description = "Quantile band of the two-stage law E_alpha (default: ${DEFAULT-VALUE}).")
    List<Double> band;

    @Option(names = "--baseline-n", split = ",", converter = Counts.class, paramLabel = "N",
        description = "Labeled sample sizes of the simulated downstream-only baseline (default: 10, 40, 160 "
            + "x d_base when the model's risk is exact, as for spectral and factor; none otherwise).")
    List<Long> baselineN;

    @Option(names = "--replicates", converter = Counts.class, paramLabel = "R",
        description = "Replicates per baseline n; 0 skips the simulation (default: 200 when the risk is exact, else 0).")
    Long replicates;

    @Option(names = "--population", defaultValue = "20000", converter = Counts.class, paramLabel = "N",
        description = "Population sample per replicate for R when it has no closed form (default: ${DEFAULT-VALUE}).")
    long population;

    @Option(names = "--rank-tolerance", defaultValue = "1e-9", paramLabel = "T",
        description = "Relative eigenvalue tolerance for d_base (unit-diagonal Gram) (default: ${DEFAULT-VALUE}).")
    double rankTolerance;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (JSON, CSV, PNG, SVG).")
    Path out;

    @Mixin RunOptions run;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      ModelSpec m = model();
      CrossoverSpec cs = new CrossoverSpec(m, baselineN == null ? List.of() : baselineN,
          replicates == null ? -1 : replicates, population, alphaRange == null ? List.of() : alphaRange, points,
          band, rankTolerance, run.seed);
      OutputDirectory.usable("--out", out);
      CrossoverStudy.Result r = run.execute((ex, progress) -> CrossoverStudy.run(cs, out.resolve("baseline"), ex,
          progress));
      OutputDirectory.writeInstance(out, m);
      var json = CrossoverView.write(out, r);
      spec.commandLine().getOut().println(run.json() ? Json.pretty(json) : CrossoverView.summary(r, out));
      return 0;
    }
  }
}
