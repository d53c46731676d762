package twostage.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options shared by the {@code validate} commands. Unset options take the preset's value. */
public final class ValidateOptions {
  @Option(names = "--preset", description = "quick | paper (default: none; then --n and --reps are required).")
  Preset preset;

  @Option(names = "--alpha", description = "alpha = m/n; m = floor(alpha n) (default: 2).")
  Double alpha;

  @Option(names = "--n", split = ",", converter = Counts.class,
      description = "Downstream sample sizes, comma-separated (e.g. 100,1000,1e4).")
  List<Long> n;

  @Option(names = "--reps", description = "Replicates per n.")
  Integer reps;

  @Option(names = "--out", required = true, description = "Output directory (results are resumed from it).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Worker threads (default: all processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** α, from the option or 2 (all presets use α = 2). */
  double alpha() {
    return alpha == null ? 2.0 : alpha;
  }

  /** The n grid: the option, else the preset's. */
  long[] grid(long[] quick, long[] paper) {
    if (n != null) {
      return n.stream().mapToLong(Long::longValue).toArray();
    }
    return preset == null ? null : (preset == Preset.PAPER ? paper : quick);
  }

  /** Replicates: the option, else the preset's. */
  Integer reps(int quick, int paper) {
    if (reps != null) {
      return reps;
    }
    return preset == null ? null : (preset == Preset.PAPER ? paper : quick);
  }

  int threads() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** Checks the shared rules; failures name the option. */
  void validate(CommandSpec spec, long[] grid, Integer r) {
    Check.positive(spec, "--alpha", alpha());
    Check.rule(spec, grid != null, "--n is required (or choose --preset quick|paper)");
    Check.rule(spec, r != null, "--reps is required (or choose --preset quick|paper)");
    Check.atLeast(spec, "--reps", r, 2);
    Check.rule(spec, grid.length > 0, "--n needs at least one value");
    for (long v : grid) {
      Check.atLeast(spec, "--n", v, 1);
      Check.rule(spec, v <= 50_000_000L, "--n must be <= 5e7, got " + v);
      Check.rule(spec, Math.floor(alpha() * v) >= 1,
          "--alpha times --n must be >= 1 (m = floor(alpha n) pre-training samples), got alpha="
              + alpha() + ", n=" + v);
      Check.rule(spec, alpha() * v <= 1e9, "--alpha times --n must be <= 1e9, got " + alpha() * v);
    }
    for (int i = 0; i < grid.length; i++) {
      for (int j = i + 1; j < grid.length; j++) {
        Check.rule(spec, grid[i] != grid[j], "--n values must be distinct, " + grid[i] + " repeats");
      }
    }
    if (threads != null) {
      Check.atLeast(spec, "--threads", threads, 1);
    }
  }
}
