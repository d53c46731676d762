package twostage.cli;

import picocli.CommandLine.Command;

/** {@code twostage compare spectral|factor}: the exact asymptotic term beside the prior bounds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Prior-art bounds (Cabannes et al. 2023; Ge et al. 2024) beside the exact asymptotic term.",
    subcommands = {CompareSpectralCommand.class, CompareFactorCommand.class})
public final class CompareCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: spectral or factor (the models the paper compares with prior art)");
  }
}
