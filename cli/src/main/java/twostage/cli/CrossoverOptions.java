package twostage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.theory.TangentRank;

/** Options of {@code twostage crossover MODEL}. */
public final class CrossoverOptions {
  @Option(names = "--alpha-range", split = ",", paramLabel = "A,B",
      description = "alpha = m/n range of the curves, 0 < A < B (default: alpha0/100 .. 100 alpha0).")
  double[] alphaRange;

  @Option(names = "--points", defaultValue = "121",
      description = "Points of the curves, log-spaced (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--band", split = ",", defaultValue = "0.1,0.9", paramLabel = "P,Q",
      description = "Quantile band of the two-stage law E_alpha (default: ${DEFAULT-VALUE}).")
  double[] band;

  @Option(names = "--baseline-n", split = ",", converter = Counts.class,
      description = "Labeled sample sizes of the simulated downstream-only baseline "
          + "(default: 10, 40, 160 x d_base for spectral/factor; none for gmm).")
  long[] baselineN;

  @Option(names = "--replicates", converter = Counts.class,
      description = "Replicates per baseline n; 0 skips the simulation (default: 200 spectral/factor, 0 gmm).")
  Long replicates;

  @Option(names = "--population", defaultValue = "20000", converter = Counts.class,
      description = "Population sample per replicate for R when it has no closed form (gmm) "
          + "(default: ${DEFAULT-VALUE}).")
  long population;

  @Option(names = "--rank-tolerance", defaultValue = "1e-9",
      description = "Relative eigenvalue tolerance for d_base (unit-diagonal Gram) (default: ${DEFAULT-VALUE}).")
  double rankTolerance = TangentRank.DEFAULT_TOLERANCE;

  @Option(names = "--out", required = true, description = "Output directory (JSON, CSV, PNG, SVG).")
  Path out;

  void validate(CommandSpec spec) {
    if (alphaRange != null) {
      Check.rule(spec, alphaRange.length == 2 && alphaRange[0] > 0 && alphaRange[1] > alphaRange[0]
              && Double.isFinite(alphaRange[1]),
          "--alpha-range must be two positive increasing numbers A,B (0 < A < B), got "
              + java.util.Arrays.toString(alphaRange));
    }
    Check.atLeast(spec, "--points", points, 2);
    Check.rule(spec, band.length == 2 && band[0] > 0 && band[0] < band[1] && band[1] < 1,
        "--band must be two increasing probabilities P,Q in (0, 1), got " + java.util.Arrays.toString(band));
    if (baselineN != null) {
      for (long n : baselineN) {
        Check.atLeast(spec, "--baseline-n", n, 1);
      }
    }
    if (replicates != null) {
      Check.rule(spec, replicates == 0 || replicates >= 2,
          "--replicates must be 0 (no simulation) or >= 2, got " + replicates);
    }
    Check.atLeast(spec, "--population", population, 100);
    Check.rule(spec, rankTolerance > 0 && rankTolerance < 1,
        "--rank-tolerance must be in (0, 1), got " + rankTolerance);
  }
}
