package twostage.theory;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.stats.WeightedChiSquare;

/**
 * The limit law of the scaled excess risk, E_α = σ² d_eff + α⁻¹ Q with Q = ‖L(Z)‖² = Σ_j λ_j χ²₁(j)
 * (Theorem 5.1, eq. 5.2; regular case, d_act = d_eff, docs/math.md §3). Its CDF is that of Q after the
 * affine map t ↦ α(t − σ² d_eff), computed by {@link WeightedChiSquare}.
 */
public final class LimitLaw {
  private final double shift;
  private final double alpha;
  private final WeightedChiSquare interaction;

  /**
   * @param sigma2 downstream noise variance σ², finite and ≥ 0
   * @param dEff effective dimension d_eff = rank E[ψψᵀ], ≥ 0
   * @param alpha α = lim m/n, finite and &gt; 0
   * @param weights λ_j = eig(V^{1/2} G V^{1/2}), finite and ≥ 0
   * @throws IllegalArgumentException naming the offending parameter and the rule it breaks
   */
  public LimitLaw(double sigma2, int dEff, double alpha, double[] weights) {
    if (!(sigma2 >= 0 && sigma2 < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("sigma2 must be finite and >= 0, got " + sigma2);
    }
    if (dEff < 0) {
      throw new IllegalArgumentException("dEff must be >= 0, got " + dEff);
    }
    if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
    }
    this.shift = sigma2 * dEff;
    this.alpha = alpha;
    this.interaction = new WeightedChiSquare(weights);
  }

  /** The limit law at an evaluated instance: σ² d_eff + α⁻¹ Σ λ_j χ²₁ with its d_eff and λ. */
  public static LimitLaw of(double sigma2, double alpha, Interaction instance) {
    return new LimitLaw(sigma2, instance.dEff(), alpha, instance.weights());
  }

  /** σ² d_eff, the downstream (variance) part of eq. (5.2). */
  public double shift() {
    return shift;
  }

  /** α = lim m/n. */
  public double alpha() {
    return alpha;
  }

  /** The law of Q = ‖L(Z)‖², the pre-training interaction. */
  public WeightedChiSquare interaction() {
    return interaction;
  }

  /** E[E_α] = σ² d_eff + α⁻¹ Σ λ_j. */
  public double mean() {
    return shift + interaction.mean() / alpha;
  }

  /** Var[E_α] = 2 α⁻² Σ λ_j². */
  public double variance() {
    return interaction.variance() / (alpha * alpha);
  }

  /** P(E_α ≤ t) = P(Q ≤ α(t − σ² d_eff)). */
  public double cdf(double t) {
    return interaction.cdf(alpha * (t - shift));
  }

  /** P(E_α &gt; t), accurate in the upper tail (not computed as 1 − cdf). */
  public double survival(double t) {
    return interaction.survival(alpha * (t - shift));
  }

  /** The density of E_α at t: α times the density of Q at α(t − σ² d_eff). */
  public double density(double t) {
    return alpha * interaction.density(alpha * (t - shift));
  }

  /** The p-quantile σ² d_eff + α⁻¹ q_Q(p); p = 1 − δ gives the high-probability bound t(δ). */
  public double quantile(double p) {
    return shift + interaction.quantile(p) / alpha;
  }

  /** One draw of E_α. */
  public double sample(UniformRandomProvider rng) {
    return shift + interaction.sample(rng) / alpha;
  }

  /** P(α⁻¹ Q ≤ t): the law of the pre-training part of eq. (5.2) alone. */
  public double pretrainingCdf(double t) {
    return interaction.cdf(alpha * t);
  }

  @Override
  public String toString() {
    return "LimitLaw[shift=" + shift + ", alpha=" + alpha + ", " + interaction + "]";
  }
}
