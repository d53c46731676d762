/**
 * Factor-model pre-training (Section 6.2, Appendix I of the paper): x = A⋆h + µ, y = β⋆ᵀh + ν,
 * PPCA pre-training, features ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x.
 *
 * <p>Entry points: {@link twostage.models.factor.FactorInstance} (the data),
 * {@link twostage.models.factor.FactorLimit} (the limit exactly and by Monte Carlo, beside
 * {@link twostage.models.factor.Corollary64} as printed and corrected),
 * {@link twostage.models.factor.FactorCheck} / {@link twostage.models.factor.LargeMCheck} (the PPCA
 * estimator at large m, the arbiter) and {@link twostage.models.factor.FactorPriorArt} (Ge et al.,
 * 2024). The paper's Corollary 6.4 and its σ² are wrong; see {@code docs/errata.md (section 2)}.
 */
package twostage.models.factor;
