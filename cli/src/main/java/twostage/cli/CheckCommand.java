package twostage.cli;

import picocli.CommandLine.Command;

/** {@code twostage check MODEL}: the estimator at large m against the engine's law. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Simulate the pre-training estimator at large m: m*Rep(M_m) against the law of ||L(Z)||^2.",
    subcommands = {CheckSpectralCommand.class, CheckFactorCommand.class})
public final class CheckCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: spectral or factor");
  }
}
