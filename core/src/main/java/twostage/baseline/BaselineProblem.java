package twostage.baseline;

/**
 * A downstream-only regression problem: the class F, a regular realisation φ⋆ of f⋆ = f(·; φ⋆), the
 * design law µ_down and the label noise σ (y = f⋆(x) + σ·N(0, 1), which is the exact conditional law
 * for the Gaussian factor model and the stated noise model of the mixture).
 *
 * @param family the class F
 * @param truth φ⋆ (length P)
 * @param design x ~ µ_down
 * @param sigma label-noise standard deviation
 * @param excess exact excess risk E[(f(X; φ) − f⋆(X))²] when available, else null (a population
 *     sample is then used)
 */
public record BaselineProblem(
    RegressionFamily family, double[] truth, DesignSampler design, double sigma, ExcessRisk excess) {
  public BaselineProblem {
    if (truth.length != family.parameterDimension()) {
      throw new IllegalArgumentException(
          "truth has " + truth.length + " entries, family has P=" + family.parameterDimension());
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
    }
    truth = truth.clone();
  }

  /** σ². */
  public double sigma2() {
    return sigma * sigma;
  }

  /** Exact excess risk of a fitted parameter. */
  @FunctionalInterface
  public interface ExcessRisk {
    /** E[(f(X; φ) − f⋆(X))²] under µ_down. */
    double of(double[] phi);
  }
}
