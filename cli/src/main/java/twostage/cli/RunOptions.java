package twostage.cli;

import picocli.CommandLine.Option;

/** Options shared by the computing commands: seed, threads, output format, progress. */
public final class RunOptions {
  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all available processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--format", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--no-progress",
      description = "No progress report on standard error (default: a bar on a terminal, a line per 10%% otherwise).")
  boolean noProgress;

  /** The number of threads to use. */
  int threads() {
    return threads(threads);
  }

  /** {@code requested} threads (all processors when null), checked. */
  static int threads(Integer requested) {
    if (requested != null && (requested < 1 || requested > 1024)) {
      throw new IllegalArgumentException("--threads must be between 1 and 1024, got " + requested);
    }
    return requested == null ? Runtime.getRuntime().availableProcessors() : requested;
  }

  /** True when the result is printed as JSON. */
  boolean json() {
    return format == OutputFormat.JSON;
  }
}
