package twostage.experiments;

import java.io.Serializable;
import java.util.Map;
import twostage.exec.Runner;
import twostage.spi.Baseline;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.theory.Crossover;
import twostage.theory.PretrainingPlan;
import twostage.theory.TangentRank;

/**
 * How many unlabeled samples a user with n labeled ones needs (Theorem 5.1 and the end of Section 5):
 * m = αn with α = E‖L‖²/((ratio − 1)σ² d_eff), and whether pre-training beats downstream-only least
 * squares at the user's m.
 */
public final class PlanStudy {
  private PlanStudy() {}

  /**
   * The question.
   *
   * @param model the model
   * @param n labeled samples
   * @param targetRatio acceptable E[n(R − σ²)]/(σ² d_eff), &gt; 1
   * @param m the user's unlabeled samples, or −1
   * @param rankTolerance relative eigenvalue tolerance of d_base
   * @param seed random seed of any Monte Carlo computation
   */
  public record Spec(ModelSpec model, long n, double targetRatio, long m, double rankTolerance, long seed)
      implements Serializable {
    public Spec {
      if (n < 1) {
        throw new IllegalArgumentException("--n must be >= 1, got " + n);
      }
      if (!(targetRatio > 1) || Double.isInfinite(targetRatio)) {
        throw new IllegalArgumentException("--target-ratio must be > 1 and finite, got " + targetRatio);
      }
      if (m != -1 && m < 1) {
        throw new IllegalArgumentException("--m must be >= 1, got " + m);
      }
      if (!(rankTolerance > 0 && rankTolerance < 1)) {
        throw new IllegalArgumentException("--rank-tolerance must be in (0, 1), got " + rankTolerance);
      }
    }
  }

  /**
   * The answer.
   *
   * @param spec the question
   * @param parameters the instance's description
   * @param plan α, m and the comparison at the user's m
   * @param limit the interaction with its standard error
   * @param dBase d_base with its eigenvalue gap
   */
  public record Result(Spec spec, Map<String, Object> parameters, PretrainingPlan plan, LimitEstimate limit,
      TangentRank dBase) {}

  /** Answers the question. */
  public static Result run(Spec spec, Runner runner) {
    ModelInstance m = spec.model().instance();
    LimitEstimate limit = m.limit(spec.model().settings(), spec.seed(), runner);
    Baseline b = m.baseline(spec.model().settings(), spec.rankTolerance(), spec.seed(), runner);
    Crossover c = limit.crossover(m.sigma2(), b);
    PretrainingPlan plan = PretrainingPlan.of(c, spec.n(), spec.targetRatio(), spec.m(),
        limit.interaction().horizontalDimension());
    return new Result(spec, m.description(), plan, limit, b.dBase());
  }
}
