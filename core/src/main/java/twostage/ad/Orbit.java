package twostage.ad;

import org.ejml.data.DMatrixRMaj;

/**
 * The orbit tangent at w⋆ of the loss's continuous symmetry, with how it was found.
 *
 * @param basis orthonormal columns spanning the orbit tangent (q × o; o = 0 when there is none)
 * @param source where the directions come from
 * @param matrix the name of the matrix whose spectrum is reported ("H" or "S")
 * @param tolerance relative eigenvalue tolerance of the null space
 * @param eigenvalues that matrix's eigenvalues divided by the largest, largest first
 * @param gap smallest kept eigenvalue / largest null one (both relative; +∞ when o = 0 or o = q)
 * @param declaredMismatch for declared directions, the largest sine of the principal angles between
 *     the declared span and the null space found (0 when they agree, NaN when none was declared)
 */
public record Orbit(
    DMatrixRMaj basis,
    Source source,
    String matrix,
    double tolerance,
    double[] eigenvalues,
    double gap,
    double declaredMismatch) {

  /** Where the orbit directions come from. */
  public enum Source {
    /** Null space of H (exact H, or H = S for a declared MLE). */
    HESSIAN_NULL_SPACE,
    /**
     * Null space of S, when H is a Monte Carlo average of per-sample Hessians: per-sample scores are
     * exactly orthogonal to the orbit, while a sampled H is so only up to O(N^{-1/2}).
     */
    SCORE_NULL_SPACE,
    /** The model's declared generator directions, cross-checked against the null space. */
    DECLARED
  }

  /** o, the number of orbit directions. */
  public int dimension() {
    return basis.numCols;
  }

  /** Number of null eigenvalues of the reported matrix at the tolerance. */
  public int nullity() {
    int n = 0;
    for (double v : eigenvalues) {
      if (Math.abs(v) <= tolerance) {
        n++;
      }
    }
    return n;
  }
}
