package twostage.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the {@code check} commands: the pre-training sample size and the number of replicates. */
public final class LargeMOptions {
  @Option(names = "--m", defaultValue = "1000000", converter = Counts.class,
      description = "Pre-training sample size m (default: ${DEFAULT-VALUE}).")
  long m;

  @Option(names = "--reps", defaultValue = "1000", description = "Replicates R (default: ${DEFAULT-VALUE}).")
  int reps;

  void validate(CommandSpec spec) {
    Check.atLeast(spec, "--m", m, 2);
    Check.atLeast(spec, "--reps", reps, 2);
  }
}
