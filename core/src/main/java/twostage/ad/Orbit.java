package twostage.ad;

import org.ejml.data.DMatrixRMaj;

/**
 * The orbit tangent at w⋆ of the loss's continuous symmetry, with how it was found.
 *
 * @param basis orthonormal columns spanning the orbit tangent (q × o; o = 0 when there is none)
 * @param source where the directions come from
 * @param matrix the matrix whose spectrum is reported ("H", "H = S", or "sampled H on the null space of
 *     S")
 * @param tolerance relative eigenvalue tolerance of the null space
 * @param eigenvalues that spectrum divided by the largest eigenvalue of H, largest first
 * @param gap smallest kept |eigenvalue| / largest null one (+∞ when none is kept or none is null)
 * @param nullity the number of null directions found (the orbit's dimension unless declared)
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
    int nullity,
    double declaredMismatch) {

  /** Where the orbit directions come from. */
  public enum Source {
    /** Null space of H (exact H, or H = S for a declared MLE). */
    HESSIAN_NULL_SPACE,
    /**
     * When H is a Monte Carlo average of per-sample Hessians: the null space of H within the null space
     * of S (see {@link OrbitFinder}).
     */
    SCORE_NULL_SPACE,
    /** The model's declared generator directions, cross-checked against the null space. */
    DECLARED
  }

  /** o, the number of orbit directions. */
  public int dimension() {
    return basis.numCols;
  }
}
