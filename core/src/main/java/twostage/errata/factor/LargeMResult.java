package twostage.errata.factor;

import twostage.stats.Estimate;

/**
 * The large-m check: R replicates of m·Rep(M̂_m) for the PPCA estimator, set against a limit law.
 *
 * @param m pre-training sample size
 * @param replicates R
 * @param seed replicate i drew from {@code Streams.of(seed, i)}
 * @param scaledRep the sample m·Rep(M̂_m), replicate order
 * @param mean sample mean with standard error sd/√R
 * @param probabilities levels of {@link #quantiles}
 * @param quantiles empirical quantiles (type 7) of m·Rep at {@link #probabilities}
 * @param ksDistance sup |ECDF − limit CDF| (NaN when no limit CDF was supplied)
 * @param ksCritical5 the 5% critical value 1.358/√R
 * @param truncationBinds number of replicates in which the (λ_i − 1)₊ truncation bound
 */
public record LargeMResult(
    long m,
    int replicates,
    long seed,
    double[] scaledRep,
    Estimate mean,
    double[] probabilities,
    double[] quantiles,
    double ksDistance,
    double ksCritical5,
    int truncationBinds) {

  /** True when the Kolmogorov distance is below the 5% critical value. */
  public boolean consistentAt5Percent() {
    return ksDistance <= ksCritical5;
  }
}
