package twostage.cli;

import picocli.CommandLine.Command;

/** {@code twostage limit MODEL}: the limit law of the scaled excess risk (Theorem 5.1). */
@Command(
    name = "limit",
    mixinStandardHelpOptions = true,
    description = "Limit law of n(R - sigma^2): sigma^2 d_eff + ||L(Z)||^2 / alpha (Theorem 5.1).",
    subcommands = {LimitGmmCommand.class, LimitSpectralCommand.class, LimitFactorCommand.class,
      LimitMomentsCommand.class, LimitFactorAdCommand.class})
public final class LimitCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: gmm, spectral, factor, factor-ad or moments");
  }
}
