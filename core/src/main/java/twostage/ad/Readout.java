package twostage.ad;

/**
 * θ⋆ as used by the law, given by the model or projected from f⋆.
 *
 * @param theta θ⋆ (length p)
 * @param projected θ⋆ = E[ψψᵀ]⁺E[ψ f⋆] from a sample rather than given
 * @param residual E[(f⋆ − ⟨θ⋆, ψ⟩)²] / E[f⋆²] on that sample (0 when given): 0 in the well-specified
 *     setting
 * @param samples the sample size of the projection (0 when given)
 */
public record Readout(double[] theta, boolean projected, double residual, long samples) {
  public Readout {
    theta = theta.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }
}
