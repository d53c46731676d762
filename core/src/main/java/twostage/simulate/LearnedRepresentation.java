package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;

/** The features φ(x) = ψ(x, ŵ_m) of one pre-training fit, with what Proposition B.1 needs of them. */
public interface LearnedRepresentation {
  /** How the pre-training fit went (convergence, basin). */
  FitDiagnostics diagnostics();

  /** Draws the downstream design x_1..x_n ~ µ_down and returns Σ_n and (1/n)Σ f⋆(x_i)φ(x_i). */
  DesignMoments design(UniformRandomProvider rng, int n);

  /**
   * Σ = E[φφᵀ], E[f⋆φ], a = Σ⁺E[f⋆φ] and Rep = E[(f⋆ − φᵀa)²] under µ_down: exactly where the model
   * allows, otherwise from one Monte Carlo sample drawn with {@code rng}.
   */
  PopulationMoments population(UniformRandomProvider rng);

  /**
   * Model-specific statistics of the fit for the large-m check, by name (e.g. the scaled excess loss
   * m(L(ŵ) − L(w⋆)) of an M-estimator, a final gradient norm); empty by default.
   */
  default java.util.Map<String, Double> statistics() {
    return java.util.Map.of();
  }
}
