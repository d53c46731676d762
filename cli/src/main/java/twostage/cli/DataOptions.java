package twostage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of a command that estimates from data instead of a known population (docs/data.md). */
public final class DataOptions {
  @Option(names = "--unlabeled", paramLabel = "FILE",
      description = "CSV file (with a header) of unlabeled inputs x for pre-training: estimate from data instead "
          + "of a known population (needs --labeled).")
  Path unlabeled;

  @Option(names = "--labeled", paramLabel = "FILE",
      description = "CSV file (with a header) of labeled rows: a column y, the other columns the same x as "
          + "--unlabeled.")
  Path labeled;

  @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "B",
      description = "With data: bootstrap replicates (rows of both files resampled) for the intervals "
          + "(default: ${DEFAULT-VALUE}; 0 for the point estimate alone).")
  int bootstrap;

  @Option(names = "--level", defaultValue = "0.9", paramLabel = "L",
      description = "With data: coverage of the percentile bootstrap intervals (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--out", paramLabel = "DIR",
      description = "With data: keep the bootstrap replicates in DIR (resumable; a rerun with more --bootstrap "
          + "adds replicates).")
  Path out;

  /**
   * {@code level}, the coverage of the bootstrap intervals.
   *
   * @throws IllegalArgumentException unless it lies in (0, 1)
   */
  static double checkedLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be in (0, 1), got " + level);
    }
    return level;
  }

  /** True when data were given. */
  boolean given() {
    if ((unlabeled == null) != (labeled == null)) {
      throw new IllegalArgumentException(unlabeled == null
          ? "--labeled needs --unlabeled (the unlabeled inputs for pre-training)"
          : "--unlabeled needs --labeled (the labeled rows, with a column y)");
    }
    return unlabeled != null;
  }
}
