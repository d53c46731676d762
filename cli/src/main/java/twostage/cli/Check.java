package twostage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Validation of option values: each failure names the option, the value and the rule. */
public final class Check {
  private Check() {}

  private static CommandLine.ParameterException fail(CommandSpec spec, String msg) {
    return new CommandLine.ParameterException(spec.commandLine(), msg);
  }

  /** Requires {@code value >= min}. */
  public static void atLeast(CommandSpec spec, String option, long value, long min) {
    if (value < min) {
      throw fail(spec, option + " must be >= " + min + ", got " + value);
    }
  }

  /** Requires {@code value > 0} and finite. */
  public static void positive(CommandSpec spec, String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw fail(spec, option + " must be > 0, got " + value);
    }
  }

  /** Requires {@code value >= 0} and finite. */
  public static void nonNegative(CommandSpec spec, String option, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw fail(spec, option + " must be >= 0, got " + value);
    }
  }

  /** Requires a condition, with a message that states the rule. */
  public static void rule(CommandSpec spec, boolean ok, String message) {
    if (!ok) {
      throw fail(spec, message);
    }
  }
}
