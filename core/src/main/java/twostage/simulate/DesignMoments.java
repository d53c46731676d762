package twostage.simulate;

import org.ejml.data.DMatrixRMaj;

/**
 * Moments of the downstream design: Σ_n = (1/n) Σ φ(x_i)φ(x_i)ᵀ and (1/n) Σ f⋆(x_i)φ(x_i).
 *
 * @param gram Σ_n (p×p)
 * @param cross (1/n) Σ f⋆(x_i)φ(x_i) (length p)
 * @param n the number of design points
 */
public record DesignMoments(DMatrixRMaj gram, double[] cross, int n) {}
