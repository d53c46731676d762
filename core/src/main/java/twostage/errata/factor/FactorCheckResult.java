package twostage.errata.factor;

import twostage.errata.ClosedFormLaw;

/**
 * Everything {@code twostage check factor} prints: the large-m sample of m·Rep(M̂_m) set against the
 * engine's law and against Corollary 6.4 as printed.
 *
 * @param limit the exact limit (engine, paper and corrected closed forms, σ²)
 * @param engineLaw the engine's law Σλ_jχ²₁ written as c²χ²_r (its non-zero weights are equal)
 * @param sample the large-m replicates and their summary; its {@code ksDistance} is against engineLaw
 * @param ksPaper Kolmogorov distance of the sample to the printed law
 * @param meanZ (sample mean − engine mean) / standard error of the sample mean
 */
public record FactorCheckResult(
    FactorClaims limit, ClosedFormLaw engineLaw, LargeMResult sample, double ksPaper, double meanZ) {}
