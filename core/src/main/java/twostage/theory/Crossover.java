package twostage.theory;

/**
 * Two-stage learning against the downstream-only baseline, in the scaled excess risk n(R − σ²)
 * (end of Section 5, Figure 1; docs/math.md §4).
 *
 * <ul>
 *   <li>two-stage: E[E_α] = σ² d_eff + α⁻¹ E‖L(Z)‖² (Theorem 5.1, eq. 5.2, regular case B₀ = {0});
 *   <li>downstream-only least squares over the full class F: σ² d_base;
 *   <li>the crossover α₀ = E‖L(Z)‖² / (σ² (d_base − d_eff)): pre-training plus fine-tuning has the
 *       smaller asymptotic expected risk exactly when α = m/n &gt; α₀.
 * </ul>
 *
 * When d_base = d_eff, Proposition G.23 gives L ≡ 0: pre-training only reparametrises the class, both
 * procedures have the limit σ² d_eff and α₀ is undefined ({@link #alpha0()} is NaN).
 *
 * @param sigma2 σ², the label-noise variance Var(y | x)
 * @param dEff d_eff = rank E[ψψᵀ]
 * @param dBase d_base = rank E[[ψ; J][ψ; J]ᵀ] ({@link TangentRank})
 * @param interactionMean E‖L(Z)‖² = tr(VG)
 */
public record Crossover(double sigma2, int dEff, int dBase, double interactionMean) {

  public Crossover {
    if (!(sigma2 >= 0) || Double.isInfinite(sigma2)) {
      throw new IllegalArgumentException("sigma2 must be finite and >= 0, got " + sigma2);
    }
    if (dEff < 0 || dBase < dEff) {
      throw new IllegalArgumentException(
          "need 0 <= d_eff <= d_base (Proposition G.23), got d_eff=" + dEff + ", d_base=" + dBase);
    }
    if (!(interactionMean >= 0) || Double.isInfinite(interactionMean)) {
      throw new IllegalArgumentException(
          "interaction mean E||L(Z)||^2 must be finite and >= 0, got " + interactionMean);
    }
  }

  /**
   * From the engine's interaction, the tangent rank and σ². A negative round-off value of tr(VG)
   * (which is ≥ 0 in exact arithmetic) is clipped to 0.
   */
  public static Crossover of(double sigma2, Interaction interaction, TangentRank base) {
    return new Crossover(sigma2, interaction.dEff(), base.rank(), Math.max(interaction.mean(), 0));
  }

  /** True when d_base = d_eff: L ≡ 0 and pre-training only reparametrises (Proposition G.23). */
  public boolean reparametrisationOnly() {
    return dBase == dEff;
  }

  /** The floor σ² d_eff that two-stage learning approaches as α → ∞. */
  public double floor() {
    return sigma2 * dEff;
  }

  /** σ² d_base, the limit of n(R − σ²) for downstream-only least squares over F. */
  public double downstreamOnly() {
    return sigma2 * dBase;
  }

  /** E[E_α] = σ² d_eff + E‖L(Z)‖²/α (eq. 5.2). */
  public double twoStage(double alpha) {
    requirePositive(alpha, "alpha");
    return floor() + interactionMean / alpha;
  }

  /**
   * α₀ = E‖L(Z)‖² / (σ²(d_base − d_eff)). NaN when d_base = d_eff (no crossover: the two limits
   * coincide); +∞ when σ² = 0 and E‖L‖² &gt; 0 (the baseline is then exact and never beaten).
   */
  public double alpha0() {
    if (reparametrisationOnly()) {
      return Double.NaN;
    }
    double gapRisk = sigma2 * (dBase - dEff);
    if (gapRisk == 0) {
      return interactionMean > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    return interactionMean / gapRisk;
  }

  /** True when two-stage learning has strictly smaller asymptotic expected risk at this α. */
  public boolean pretrainingPays(double alpha) {
    return twoStage(alpha) < downstreamOnly();
  }

  /**
   * The α at which E[E_α] = ratio · σ² d_eff, i.e. α = E‖L‖² / ((ratio − 1) σ² d_eff): from this α on
   * the expected excess risk is within {@code ratio} of the floor. 0 when E‖L‖² = 0; +∞ when the floor
   * is 0 but E‖L‖² &gt; 0.
   */
  public double alphaForRatio(double ratio) {
    if (!(ratio > 1) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("target ratio must be > 1 and finite, got " + ratio);
    }
    if (interactionMean == 0) {
      return 0.0;
    }
    double slack = (ratio - 1) * floor();
    return slack == 0 ? Double.POSITIVE_INFINITY : interactionMean / slack;
  }

  private static void requirePositive(double v, String name) {
    if (!(v > 0) || Double.isNaN(v)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }
}
