package twostage.experiments;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;

/**
 * The finite-sample validation of a model (Appendix K, Figures 3–4): replicates of the two-stage
 * pipeline at each downstream size n with m = ⌊αn⌋, against the limit law.
 *
 * @param model the model (its pipeline and limit settings included)
 * @param alpha α = m/n
 * @param n the downstream sizes
 * @param reps replicates per n
 * @param seed random seed (replicate i at n draws from streams derived from (seed, n, i))
 */
public record ValidationSpec(ModelSpec model, double alpha, List<Long> n, int reps, long seed)
    implements Serializable {

  /** Largest n: the design moments are accumulated per point. */
  public static final long MAX_N = 50_000_000L;

  public ValidationSpec {
    n = List.copyOf(n);
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("--alpha must be > 0 and finite, got " + alpha);
    }
    if (n.isEmpty()) {
      throw new IllegalArgumentException("--n needs at least one value");
    }
    if (reps < 2) {
      throw new IllegalArgumentException("--reps must be >= 2, got " + reps);
    }
    if (new HashSet<>(n).size() != n.size()) {
      throw new IllegalArgumentException("--n values must be distinct, got " + n);
    }
    int minM = model.pipeline().minimumPretrainingSize();
    for (long v : n) {
      if (v < 1 || v > MAX_N) {
        throw new IllegalArgumentException("--n values must be in [1, 5e7], got " + v);
      }
      double m = Math.floor(alpha * v);
      if (m < minM) {
        throw new IllegalArgumentException("--alpha times --n must give m = floor(alpha n) >= " + minM
            + " (" + model.model() + "'s pre-training needs it), got alpha=" + alpha + ", n=" + v);
      }
      if (m > 1e9) {
        throw new IllegalArgumentException("--alpha times --n must be <= 1e9, got " + alpha * v);
      }
    }
  }
}
