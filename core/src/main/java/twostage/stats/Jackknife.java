package twostage.stats;

/**
 * Delete-one-group jackknife for a smooth function of sample means: standard error and first-order bias
 * correction. With B groups, leave-one-out estimates θ₋g and their mean θ̄:
 * se² = (B−1)/B Σ(θ₋g − θ̄)², bias-corrected θ = Bθ̂ − (B−1)θ̄.
 *
 * @param estimate θ̂, the plug-in estimate from all samples
 * @param biasCorrected Bθ̂ − (B−1)θ̄
 * @param stdError jackknife standard error
 * @param groups B
 */
public record Jackknife(double estimate, double biasCorrected, double stdError, int groups) {

  /** Combines the full-sample estimate with the leave-one-group-out estimates. */
  public static Jackknife of(double full, double[] leaveOneOut) {
    int b = leaveOneOut.length;
    if (b < 2) {
      throw new IllegalArgumentException("the jackknife needs at least 2 groups, got " + b);
    }
    double mean = 0;
    for (double v : leaveOneOut) {
      mean += v;
    }
    mean /= b;
    double ss = 0;
    for (double v : leaveOneOut) {
      ss += (v - mean) * (v - mean);
    }
    return new Jackknife(full, b * full - (b - 1) * mean, Math.sqrt((b - 1.0) / b * ss), b);
  }

  /** The bias-corrected value with its standard error. */
  public Estimate corrected() {
    return new Estimate(biasCorrected, stdError);
  }
}
