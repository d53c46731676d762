package twostage.theory;

/**
 * The pre-training interaction ‖L(Z)‖² = Σ_j λ_j χ²₁(j) of Theorem 5.1 at one instance, with the
 * effective dimension d_eff of the downstream class (docs/math.md §3).
 *
 * @param mean E‖L(Z)‖² = tr(V G)
 * @param weights λ = eig(V^{1/2} G V^{1/2}), largest first, negative round-off clipped to 0
 * @param dEff rank of E[ψψᵀ]
 * @param horizontalDimension dimension of the tangent space of the quotient (q minus orbit directions)
 * @param diagnostics the engine's regularity checks
 */
public record Interaction(
    double mean, double[] weights, int dEff, int horizontalDimension, EngineDiagnostics diagnostics) implements java.io.Serializable {}
