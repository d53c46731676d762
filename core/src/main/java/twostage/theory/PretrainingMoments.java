package twostage.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * Second-order description of the pre-training M-estimator at w⋆, in representative coordinates
 * w ∈ R^q (docs/math.md §3): the Hessian H = E[∇²ℓ(w⋆; z)] and the score covariance S = E[∇ℓ ∇ℓᵀ].
 * Orbit directions of the symmetry group lie in the kernel of the population H.
 *
 * @param hessian H (q×q, symmetric)
 * @param scoreCovariance S (q×q, symmetric positive semi-definite)
 */
public record PretrainingMoments(DMatrixRMaj hessian, DMatrixRMaj scoreCovariance) {
  public PretrainingMoments {
    int q = hessian.numRows;
    if (hessian.numCols != q || scoreCovariance.numRows != q || scoreCovariance.numCols != q) {
      throw new IllegalArgumentException("hessian and scoreCovariance must both be q×q");
    }
  }

  /** A well-specified maximum-likelihood estimator: H = S = Fisher information, so V = H⁻¹. */
  public static PretrainingMoments fisher(DMatrixRMaj fisherInformation) {
    return new PretrainingMoments(fisherInformation, fisherInformation);
  }

  /** q, the number of representative coordinates. */
  public int dimension() {
    return hessian.numRows;
  }
}
