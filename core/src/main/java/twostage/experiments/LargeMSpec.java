package twostage.experiments;

import java.io.Serializable;

/**
 * The large-m check of a model: R replicates of m·Rep(ŵ_m) for its pre-training estimator, which
 * Theorem 5.1 says is distributed as ‖L(Z)‖² for large m.
 *
 * @param model the model (its pipeline and limit settings included)
 * @param m pre-training sample size
 * @param reps replicates R
 * @param seed replicate i draws from {@code Streams.of(seed, i)}
 */
public record LargeMSpec(ModelSpec model, long m, int reps, long seed) implements Serializable {
  public LargeMSpec {
    int minM = model.pipeline().minimumPretrainingSize();
    if (m < Math.max(2, minM)) {
      throw new IllegalArgumentException("--m must be >= " + Math.max(2, minM) + " (" + model.model()
          + "'s pre-training needs it), got " + m);
    }
    if (m > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("--m must be <= 2147483639, got " + m);
    }
    if (reps < 2) {
      throw new IllegalArgumentException("--reps must be >= 2, got " + reps);
    }
  }
}
