package twostage.experiments;

import java.io.Serializable;
import java.util.List;

/**
 * When does pre-training pay (end of Section 5, Figure 1)? Two-stage learning against
 * downstream-only least squares over α, with a simulated baseline.
 *
 * @param model the model (its limit settings included)
 * @param baselineN labeled sizes of the simulated baseline; empty for the default (10, 40, 160 ×
 *     d_base when a replicate is cheap, i.e. its risk is exact; none otherwise)
 * @param replicates replicates per size; −1 for the default (200 when cheap, else 0)
 * @param population population sample per replicate when the risk has no closed form
 * @param alphaRange α range of the curves [A, B]; empty for α₀/100 … 100α₀
 * @param points points of the curves (log-spaced)
 * @param band quantile band [P, Q] of the two-stage law
 * @param rankTolerance relative eigenvalue tolerance of d_base
 * @param seed random seed
 */
public record CrossoverSpec(
    ModelSpec model, List<Long> baselineN, long replicates, long population, List<Double> alphaRange,
    int points, List<Double> band, double rankTolerance, long seed) implements Serializable {

  /** Default baseline sizes, as multiples of d_base, when a replicate is cheap. */
  public static final List<Long> CHEAP_MULTIPLES = List.of(10L, 40L, 160L);

  /** Default replicates when a replicate is cheap. */
  public static final long CHEAP_REPLICATES = 200;

  public CrossoverSpec {
    baselineN = List.copyOf(baselineN);
    alphaRange = List.copyOf(alphaRange);
    band = List.copyOf(band);
    for (long n : baselineN) {
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--baseline-n values must be in [1, 2^31-1], got " + n);
      }
    }
    if (replicates != -1 && replicates != 0 && (replicates < 2 || replicates > 10_000_000)) {
      throw new IllegalArgumentException("--replicates must be 0 (no simulation) or in [2, 1e7], got " + replicates);
    }
    if (population < 100 || population > (1L << 25)) {
      throw new IllegalArgumentException("--population must be in [100, 2^25], got " + population);
    }
    if (!alphaRange.isEmpty() && (alphaRange.size() != 2 || !(alphaRange.get(0) > 0)
        || !(alphaRange.get(1) > alphaRange.get(0)) || Double.isInfinite(alphaRange.get(1)))) {
      throw new IllegalArgumentException(
          "--alpha-range must be two positive increasing numbers A,B (0 < A < B), got " + alphaRange);
    }
    if (points < 2 || points > 100_000) {
      throw new IllegalArgumentException("--points must be in [2, 100000], got " + points);
    }
    if (band.size() != 2 || !(band.get(0) > 0) || !(band.get(0) < band.get(1)) || !(band.get(1) < 1)) {
      throw new IllegalArgumentException("--band must be two increasing probabilities P,Q in (0, 1), got " + band);
    }
    if (!(rankTolerance > 0 && rankTolerance < 1)) {
      throw new IllegalArgumentException("--rank-tolerance must be in (0, 1), got " + rankTolerance);
    }
  }
}
