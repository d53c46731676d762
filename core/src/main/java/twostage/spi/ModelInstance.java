package twostage.spi;

import java.util.Map;
import twostage.exec.Runner;
import twostage.simulate.TwoStageModel;

/**
 * One instance of a {@link CaseStudy}: everything the studies need, computed on demand.
 * Implementations are immutable and thread-safe.
 */
public interface ModelInstance {
  /** The case study's {@link CaseStudy#name()}. */
  String model();

  /**
   * What people read about the instance (dimensions, parameters, singular values, ...), in display
   * order; values are numbers, strings, booleans or arrays of numbers.
   */
  Map<String, Object> description();

  /** The instance as an instance file: {@link CaseStudy#read} of it gives this instance back. */
  Map<String, Object> toFile();

  /** σ² = Var(y | x), the downstream label noise. */
  double sigma2();

  /**
   * The interaction ‖L(Z)‖² of Theorem 5.1 at this instance, exactly or by Monte Carlo as the
   * {@link Parameter.Role#LIMIT} values of {@code settings} say.
   *
   * @param seed the random streams of a Monte Carlo computation
   * @param runner runs its independent groups
   */
  LimitEstimate limit(Settings settings, long seed, Runner runner);

  /**
   * The engine's inputs in closed form (H, S, Σψ, C, E[JJᵀ], orbit), when the model has them; empty for
   * models whose moments are Monte Carlo estimates.
   */
  default java.util.Optional<twostage.theory.LimitInputs> exactInputs() {
    return java.util.Optional.empty();
  }

  /**
   * Expected cost of {@link #limit} with these settings in floating-point multiply-adds (the expensive
   * points of a sweep start first; a command warns of a long computation and refuses an impossible
   * one). The default treats every instance alike.
   */
  default double limitCost(Settings settings) {
    return 1.0;
  }

  /** Expected peak memory of {@link #limit} in bytes (refused when it exceeds the heap); 0 when unknown. */
  default double limitMemory(Settings settings) {
    return 0;
  }

  /** The finite-sample two-stage pipeline, configured by the {@link Parameter.Role#PIPELINE} values. */
  TwoStageModel pipeline(Settings settings);

  /**
   * The downstream-only baseline: the regression problem over the whole class, d_base and a local
   * chart (end of Section 5).
   *
   * @param rankTolerance relative eigenvalue tolerance of d_base
   */
  Baseline baseline(Settings settings, double rankTolerance, long seed, Runner runner);
}
