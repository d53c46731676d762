package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.CalculusFieldElement;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;

/**
 * A two-stage model written once, as ordinary code over Hipparchus's differentiable scalars: the
 * per-sample pre-training loss ℓ(w; z), the feature map ψ(x; w), samplers for z ~ µ_pre and
 * x ~ µ_down, the readout θ⋆ and the label-noise variance σ² (Section 3 of the paper).
 *
 * <p>twostage derives everything else: the scores ∇ℓ(w⋆; z), the per-sample Hessians ∇²ℓ(w⋆; z)
 * (skipped for a declared well-specified MLE, where H = S), the feature Jacobian ∂ψ/∂w and
 * J(x) = ∇_w⟨θ⋆, ψ(x, w)⟩ at w⋆, the orbit directions of a continuous symmetry (null space of H),
 * the regularity checks, the default pre-training estimator and every adapter the studies need
 * ({@link ModelAdapters}). See {@code docs/own-model.md}.
 *
 * <p>The two generic methods are called with {@code T} = {@code Gradient} (first derivatives),
 * {@code DerivativeStructure} (second derivatives) and possibly other {@link CalculusFieldElement}s:
 * they must use only field operations on {@code T} (constants through {@code w[0].newInstance(c)} or
 * {@code w[0].getField().getZero()}) and must be pure functions of their arguments. Implementations
 * must be thread-safe.
 */
public interface DifferentiableModel {
  /** Short name used in reports and in the registry. */
  String name();

  /** q, the number of representative coordinates w ∈ R^q. */
  int parameterDimension();

  /** p, the number of features ψ(x; w) ∈ R^p. */
  int featureDimension();

  /** Length of one pre-training sample z. */
  int sampleDimension();

  /** Length of one downstream input x. */
  int inputDimension();

  /** ℓ(w; z), the per-sample pre-training loss (eq. 3.2 minimises its empirical mean). */
  <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z);

  /** ψ(x; w) ∈ R^p, the downstream features (a new array of length p). */
  <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x);

  /** Draws {@code count} samples z ~ µ_pre into {@code out} (row-major count × sampleDimension). */
  void samplePretraining(UniformRandomProvider rng, int count, double[] out);

  /** Draws {@code count} inputs x ~ µ_down into {@code out} (row-major count × inputDimension). */
  void sampleDownstream(UniformRandomProvider rng, int count, double[] out);

  /**
   * θ⋆ ∈ R^p: the target is f⋆(x) = ⟨θ⋆, ψ(x; w⋆)⟩ (the well-specified setting of Section 5); or null
   * when the model gives f⋆ through {@link #target(double[])} instead, in which case
   * θ⋆ = E[ψψᵀ]⁺E[ψ f⋆] at w⋆ and f⋆ must lie in the span of ψ(·; w⋆). θ⋆ belongs to the
   * representative {@link #truth()}: when w⋆ is found by a search, give f⋆.
   */
  double[] readout();

  /** f⋆(x) = E[y | x]; used only when {@link #readout()} is null. */
  default double target(double[] x) {
    throw new UnsupportedOperationException(name() + ": readout() is null and no target(x) is given");
  }

  /** σ² = Var(y | x) of the downstream labels. */
  double noiseVariance();

  /**
   * w⋆, a minimiser of the population loss E ℓ(w; z); null when twostage should find it by minimising
   * the loss on a large sample from {@link #initialGuess()} ({@link TruthSearch}).
   */
  double[] truth();

  /** Where the search for w⋆ starts when {@link #truth()} is null. */
  default double[] initialGuess() {
    throw new UnsupportedOperationException(name() + ": truth() is null and no initialGuess() is given");
  }

  /**
   * True when ℓ is a well-specified negative log-likelihood, so that H = S (Fisher information) and no
   * per-sample Hessian is computed.
   */
  default boolean isMaximumLikelihood() {
    return false;
  }

  /**
   * A summary through which the empirical loss depends on the data (e.g. a sample covariance), or
   * null. With it the default estimator costs O(1) in m per iteration and, when the population mean
   * of the statistic is known, H is exact.
   */
  default SufficientStatistic sufficientStatistic() {
    return null;
  }

  /**
   * Declared orbit tangent at w: the columns (row-major q × o) are the directions X_i·w of the group
   * generators X_i, or null to find the orbit as a null space ({@link OrbitFinder}). Declared
   * directions are cross-checked against H.
   */
  default double[] orbitTangent(double[] w) {
    return null;
  }

  /**
   * The learned representation x ↦ ψ(x; ŵ) of a fit ({@code fitted}) with the target
   * f⋆ = ⟨θ⋆, ψ(·; w⋆)⟩ ({@code readout}, {@code truth}), exactly where the model allows (e.g. linear
   * features of Gaussian inputs), or null for the default Monte Carlo one
   * ({@link AdTwoStageModel}).
   */
  default LearnedRepresentation representation(
      double[] fitted, double[] truth, double[] readout, FitDiagnostics diagnostics) {
    return null;
  }

  /**
   * The model's own pre-training estimator (a closed form, EM, ...) for w⋆ and the orbit tangent at w⋆
   * (q × o), or null for the default damped Newton on the empirical loss
   * ({@link EmpiricalRiskEstimator}).
   */
  default PretrainingEstimator estimator(double[] truth, org.ejml.data.DMatrixRMaj orbit) {
    return null;
  }

  /** Hand-written derivatives that replace the automatic ones (for speed), or null. */
  default Derivatives handDerivatives() {
    return null;
  }
}
