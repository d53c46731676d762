package twostage.models.spectral;

import twostage.stats.Estimate;

/**
 * The large-m check: R replicates of m·Rep(M̂_m), to be compared with the limit law of ‖L(Z)‖²
 * (Theorem 5.1: m·Rep(M̂_m) ⇝ ‖L(Z)‖²).
 *
 * @param m pre-training sample size per replicate
 * @param replicates R
 * @param seed replicate r draws from {@code Streams.of(seed, r)}
 * @param scaledRisks m·Rep(M̂_m) per replicate, in replicate order
 * @param mean sample mean with its standard error s/√R
 * @param quantileLevels levels of {@code quantiles}
 * @param quantiles empirical quantiles (linear interpolation between order statistics)
 * @param ksDistance sup |F_R − F| against the supplied limit CDF (NaN when none was supplied)
 * @param ksCritical05 the asymptotic 5% critical value 1.358/√R of the one-sample Kolmogorov test
 * @param maxGradientNorm largest final gradient norm over replicates
 * @param maxIterations largest Newton iteration count over replicates
 * @param notConverged replicates whose optimiser stopped above the gradient tolerance
 * @param scaledExcessLoss mean ± SE of m(L(M̂_m) − L(M⋆)), whose limit mean is E[Q] (Appendix H.7)
 */
public record LargeMCheck(
    long m,
    int replicates,
    long seed,
    double[] scaledRisks,
    Estimate mean,
    double[] quantileLevels,
    double[] quantiles,
    double ksDistance,
    double ksCritical05,
    double maxGradientNorm,
    int maxIterations,
    int notConverged,
    Estimate scaledExcessLoss) {

  /** True when the Kolmogorov distance is below the 5% critical value. */
  public boolean consistentAt5Percent() {
    return ksDistance <= ksCritical05;
  }
}
