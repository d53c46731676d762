package twostage.errata.spectral;

/**
 * One (k, d) of the prior-art comparison on the Corollary 6.3 instance (Appendix H.7): the pre-training
 * term of Cabannes et al. (2023, Thm. 4) as the paper instantiates it, ‖R^{-1/2}β⋆‖²·E[Q], beside the
 * interaction E‖L(Z)‖² of Theorem 5.1, each as the paper prints it and as corrected.
 *
 * @param k representation dimension
 * @param d input dimension
 * @param conditioningFactor ‖R^{-1/2}β⋆‖² = Σ_{i≤k} i
 * @param excessLossPaper E[Q] by (H.41) as printed
 * @param excessLossCorrected E[Q] by the corrected closed form
 * @param excessLossExact E[Q] = ½tr(H⁻¹S) from the exact engine moments (NaN when kd exceeded the cap)
 * @param priorArtPaper conditioningFactor · excessLossPaper
 * @param priorArtCorrected conditioningFactor · excessLossCorrected
 * @param mainTextBound the rate quoted in Section 6.1, k(d − k)‖C⁻¹A⋆ᵀβ⋆‖² = k(d − k) Σ_{i≤k} i
 * @param interactionPaper E‖L(Z)‖² by Corollary 6.3 as printed
 * @param interactionCorrected E‖L(Z)‖² by the corrected Corollary 6.3
 * @param interactionExact E‖L(Z)‖² = tr(VG) from the exact engine (NaN when kd exceeded the cap)
 * @param ratioPaper priorArtPaper / interactionPaper
 * @param ratioCorrected priorArtCorrected / interactionCorrected
 */
public record SpectralPriorArtRow(
    int k,
    int d,
    double conditioningFactor,
    double excessLossPaper,
    double excessLossCorrected,
    double excessLossExact,
    double priorArtPaper,
    double priorArtCorrected,
    double mainTextBound,
    double interactionPaper,
    double interactionCorrected,
    double interactionExact,
    double ratioPaper,
    double ratioCorrected) {}
