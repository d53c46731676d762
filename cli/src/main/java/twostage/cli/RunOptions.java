package twostage.cli;

import picocli.CommandLine.Option;

/** Options shared by the computing commands: seed, threads, output format. */
public final class RunOptions {
  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      description = "Worker threads (default: all available processors). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** The number of threads to use. */
  int threads() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
