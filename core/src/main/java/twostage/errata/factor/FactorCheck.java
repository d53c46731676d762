package twostage.errata.factor;

import twostage.stats.Kolmogorov;
import twostage.exec.Runner;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.errata.ClosedFormLaw;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;

/** The large-m check of {@link LargeMCheck} against the exact engine's law and the printed law. */
public final class FactorCheck {
  /** Relative tolerance within which the engine's non-zero weights must be equal. */
  public static final double EQUAL_WEIGHT_TOLERANCE = 1e-8;

  private FactorCheck() {}

  /**
   * The engine's law as c²χ²_r: r = number of weights above {@code tol}·max, c² their mean; refuses
   * (IllegalStateException) when those weights are not equal within {@code tol} (then a general
   * weighted chi-square CDF is needed).
   */
  public static ClosedFormLaw engineLaw(Interaction interaction, double tol) {
    double[] w = interaction.weights();
    double top = 0;
    for (double v : w) {
      top = Math.max(top, v);
    }
    int r = 0;
    double sum = 0;
    for (double v : w) {
      if (v > tol * top) {
        r++;
        sum += v;
      }
    }
    double c2 = r == 0 ? 0 : sum / r;
    for (double v : w) {
      if (v > tol * top && Math.abs(v - c2) > tol * top) {
        throw new IllegalStateException(
            "the engine's non-zero weights are not equal (" + v + " vs mean " + c2
                + "): use a general weighted chi-square CDF");
      }
    }
    return ClosedFormLaw.scaledChiSquare("engine", "sum of the engine's weights lambda_j chi^2_1", c2, r);
  }

  /** Large-m replicates (replicate i from {@code Streams.of(seed, i)}) against the engine's and the printed law. */
  public static FactorCheckResult run(FactorInstance instance, long m, int replicates, long seed, Runner runner) {
    FactorClaims limit = FactorClaims.of(new AsymptoticEngine(), instance);
    ClosedFormLaw law = engineLaw(limit.exact(), EQUAL_WEIGHT_TOLERANCE);
    LargeMResult sample = LargeMCheck.run(instance, m, replicates, seed, runner, law::cdf);
    double ksPaper = Kolmogorov.distance(sample.scaledRep(), limit.paper()::cdf);
    double z = (sample.mean().value() - limit.exact().mean()) / sample.mean().stdError();
    return new FactorCheckResult(limit, law, sample, ksPaper, z);
  }
}
