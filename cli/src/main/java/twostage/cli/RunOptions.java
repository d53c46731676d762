package twostage.cli;

import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Option;
import twostage.experiments.Progress;
import twostage.experiments.TaskExecutor;

/** Options shared by the computing commands: seed, threads, output format, progress. */
public final class RunOptions {
  @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all available processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
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

  /** Runs {@code study} on an executor of {@link #threads()} workers, reporting to this run's progress. */
  <T> T execute(BiFunction<TaskExecutor, Progress, T> study) {
    try (TaskExecutor ex = Main.executor(threads())) {
      return study.apply(ex, ConsoleProgress.of(this));
    }
  }

  /** Runs {@code study}, which reports no progress, on an executor of {@link #threads()} workers. */
  <T> T execute(Function<TaskExecutor, T> study) {
    try (TaskExecutor ex = Main.executor(threads())) {
      return study.apply(ex);
    }
  }

  /** True when the result is printed as JSON. */
  boolean json() {
    return format == OutputFormat.JSON;
  }
}
