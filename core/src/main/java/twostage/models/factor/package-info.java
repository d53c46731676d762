/**
 * Factor-model pre-training (Section 6.2, Appendix I of the paper): x = A⋆h + µ, y = β⋆ᵀh + ν,
 * PPCA pre-training, features ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x.
 *
 * <p>Entry points: {@link twostage.models.factor.FactorCaseStudy} (the registered case study
 * {@code factor}), {@link twostage.models.factor.FactorInstance} (the data),
 * {@link twostage.models.factor.FactorLimit} (the limit exactly and by Monte Carlo),
 * {@link twostage.models.factor.FactorTwoStage} (PPCA in the finite-sample pipeline, the sample
 * covariance drawn from its Wishart law) and {@link twostage.models.factor.FactorBaseline}. The paper's
 * Corollary 6.4 and its σ² are audited in {@code twostage.errata.factor} (docs/errata.md §2).
 */
package twostage.models.factor;
