package twostage.cli;

import picocli.CommandLine.Command;

/** {@code twostage validate MODEL}: finite-sample two-stage simulation against the limit law. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate the two-stage pipeline (m = floor(alpha n) pre-training samples, n downstream) and",
      "compare n(R - sigma^2), n Rep and n Var_n with the limit law (Proposition B.1, Theorem 5.1,",
      "Figures 3-4). Results are stored per replicate in OUT/replicates.jsonl; a rerun resumes."
    },
    subcommands = {ValidateGmmCommand.class, ValidateFactorCommand.class, ValidateSpectralCommand.class})
public final class ValidateCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: gmm, spectral or factor");
  }
}
