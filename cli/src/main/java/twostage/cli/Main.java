package twostage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code twostage} command line. */
@Command(
    name = "twostage",
    mixinStandardHelpOptions = true,
    version = "twostage 0.1.0",
    description = "Asymptotic excess risk of pre-training + downstream least squares (Tinati & Tu, COLT 2026).",
    subcommands = {ReproduceCommand.class, LimitCommand.class, CheckCommand.class, CompareCommand.class,
      SweepCommand.class, Figure2Command.class, BenchCommand.class, ValidateCommand.class,
      CrossoverCommand.class, PlanCommand.class, LawCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code (0 ok, 2 bad input, 1 failure). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line (exposed for tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Main::badInput);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof IllegalArgumentException) {
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.flush();
            return 2;
          }
          err.println(commandLine.getCommandSpec().qualifiedName() + ": failed: " + ex);
          if (System.getenv("TWOSTAGE_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    return cl;
  }

  private static int badInput(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
        + " (see --help)");
    err.flush();
    return 2;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
