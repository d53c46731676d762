package twostage.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of {@code twostage plan MODEL}. */
public final class PlanOptions {
  @Option(names = "--n", required = true, converter = Counts.class,
      description = "Number of labeled samples n (>= 1).")
  long n;

  @Option(names = "--target-ratio", defaultValue = "1.1",
      description = "Acceptable E[n(R - sigma^2)] / (sigma^2 d_eff), > 1 (default: ${DEFAULT-VALUE}).")
  double targetRatio;

  @Option(names = "--m", converter = Counts.class,
      description = "Your number of unlabeled samples m (>= 1): does pre-training pay at it?")
  Long m;

  @Option(names = "--rank-tolerance", defaultValue = "1e-9",
      description = "Relative eigenvalue tolerance for d_base (default: ${DEFAULT-VALUE}).")
  double rankTolerance;

  void validate(CommandSpec spec) {
    Check.atLeast(spec, "--n", n, 1);
    Check.rule(spec, targetRatio > 1 && Double.isFinite(targetRatio),
        "--target-ratio must be > 1, got " + targetRatio);
    if (m != null) {
      Check.atLeast(spec, "--m", m, 1);
    }
    Check.rule(spec, rankTolerance > 0 && rankTolerance < 1,
        "--rank-tolerance must be in (0, 1), got " + rankTolerance);
  }
}
