package twostage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twostage sweep}: resumable parameter sweeps. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Resumable parameter sweeps of the pre-training interaction E||L(Z)||^2.",
    subcommands = {SweepGmmCommand.class})
public final class SweepCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
