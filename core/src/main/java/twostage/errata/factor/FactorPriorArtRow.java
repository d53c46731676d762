package twostage.errata.factor;

/**
 * One instance of the comparison with Ge et al. (2024, Thm. 4.4) at sample-size ratio α = m/n. All
 * "terms" are on the scale of E_mn = n(R − σ²); constants of the ≲ bounds are set to 1.
 *
 * @param label how the instance was built
 * @param opNorm ‖A⋆‖_op
 * @param sigmaMin σ_min(A⋆), the smallest singular value
 * @param betaNorm ‖β⋆‖
 * @param bigD D = max{‖A⋆‖_op, ‖β⋆‖, 1}
 * @param alpha α
 * @param sigmaSquared σ² derived (Var(y | x))
 * @param geBound D⁴k + α⁻¹D¹²(D⁴ + σ_min⁻⁴)d, Ge et al. as the paper reads it (Section 6.2)
 * @param exactMean σ²d_eff + α⁻¹E‖L(Z)‖², the exact engine
 * @param paperMean σ²k + α⁻¹·(Corollary 6.4 as printed, mean), σ² derived
 * @param correctedMean σ²k + α⁻¹·(corrected closed form, mean)
 * @param paperSharperBound (σν² + D²)k + α⁻¹D²(d − k), the bound the paper derives from Cor. 6.4
 * @param correctedSharperBound (σν² + ‖β⋆‖²/(1 + σ_min²))k + α⁻¹‖β⋆‖²(d − k)/(σ_min²(1 + σ_min²)),
 *     the bound that follows from the corrected form
 */
public record FactorPriorArtRow(
    String label,
    double opNorm,
    double sigmaMin,
    double betaNorm,
    double bigD,
    double alpha,
    double sigmaSquared,
    double geBound,
    double exactMean,
    double paperMean,
    double correctedMean,
    double paperSharperBound,
    double correctedSharperBound) {

  /** exactMean / paperSharperBound: above 1 means the paper's "sharper bound" fails. */
  public double exactOverPaperSharper() {
    return exactMean / paperSharperBound;
  }

  /** exactMean / geBound (below 1: Ge et al.'s bound holds with constant 1). */
  public double exactOverGe() {
    return exactMean / geBound;
  }
}
