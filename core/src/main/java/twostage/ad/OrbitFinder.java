package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.SymmetricEigen;

/**
 * Finds the orbit tangent at w⋆ as a null space (Section 4.1: orbit directions lie in the kernel of
 * H), or takes the model's declared generator directions and cross-checks them against it.
 */
public final class OrbitFinder {
  /** Default relative eigenvalue tolerance of the null space. */
  public static final double DEFAULT_TOLERANCE = 1e-8;

  private OrbitFinder() {}

  /**
   * The orbit from the pilot moments: null space of H when H is exact or equals S (MLE), else of S.
   *
   * @param declared declared directions (q × o, any basis) or null
   */
  public static Orbit find(PilotMoments pilot, boolean maximumLikelihood, DMatrixRMaj declared, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("orbit tolerance must be in (0, 1), got " + tolerance);
    }
    boolean useH = pilot.hessianExact() || maximumLikelihood;
    DMatrixRMaj m = useH ? pilot.hessian() : pilot.scoreCovariance();
    SymmetricEigen eig = SymmetricEigen.of(m);
    double[] values = eig.values();
    double top = 0;
    for (double v : values) {
      top = Math.max(top, Math.abs(v));
    }
    double[] rel = new double[values.length];
    int nullity = 0;
    double smallestKept = Double.POSITIVE_INFINITY;
    double largestNull = 0;
    for (int i = 0; i < values.length; i++) {
      rel[i] = top > 0 ? values[i] / top : 0;
      if (Math.abs(rel[i]) > tolerance) {
        smallestKept = Math.min(smallestKept, Math.abs(rel[i]));
      } else {
        nullity++;
        largestNull = Math.max(largestNull, Math.abs(rel[i]));
      }
    }
    double gap = nullity == 0 || nullity == values.length
        ? Double.POSITIVE_INFINITY
        : smallestKept / Math.max(largestNull, Double.MIN_NORMAL);
    DMatrixRMaj nullSpace = new DMatrixRMaj(m.numRows, nullity);
    int c = 0;
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(rel[i]) <= tolerance) {
        for (int r = 0; r < m.numRows; r++) {
          nullSpace.set(r, c, eig.vectors().get(r, i));
        }
        c++;
      }
    }
    String name = useH ? "H" : "S";
    if (declared == null) {
      return new Orbit(nullSpace, useH ? Orbit.Source.HESSIAN_NULL_SPACE : Orbit.Source.SCORE_NULL_SPACE,
          name, tolerance, rel, gap, Double.NaN);
    }
    if (declared.numRows != m.numRows) {
      throw new IllegalArgumentException(
          "declared orbit directions must have q=" + m.numRows + " rows, got " + declared.numRows);
    }
    DMatrixRMaj o = orthonormal(declared);
    return new Orbit(o, Orbit.Source.DECLARED, name, tolerance, rel, gap, mismatch(o, nullSpace));
  }

  /** Largest sine of the principal angles of span(o) against span(n): max over unit v ∈ span(o) of ‖(I − NNᵀ)v‖. */
  static double mismatch(DMatrixRMaj o, DMatrixRMaj n) {
    int q = o.numRows;
    DMatrixRMaj proj = CommonOps_DDRM.identity(q);
    if (n.numCols > 0) {
      CommonOps_DDRM.multAddTransB(-1, n, n, proj);
    }
    DMatrixRMaj r = new DMatrixRMaj(q, o.numCols);
    CommonOps_DDRM.mult(proj, o, r);
    DMatrixRMaj rr = new DMatrixRMaj(o.numCols, o.numCols);
    CommonOps_DDRM.multTransA(r, r, rr);
    if (o.numCols == 0) {
      return 0;
    }
    return Math.sqrt(Math.max(SymmetricEigen.of(rr).values()[0], 0));
  }

  /** Orthonormal columns spanning the columns of a (which must be independent). */
  static DMatrixRMaj orthonormal(DMatrixRMaj a) {
    if (a.numCols == 0) {
      return a.copy();
    }
    DMatrixRMaj aat = new DMatrixRMaj(a.numRows, a.numRows);
    CommonOps_DDRM.multTransB(a, a, aat);
    SymmetricEigen e = SymmetricEigen.of(aat);
    int r = e.rank(1e-10);
    if (r < a.numCols) {
      throw new IllegalArgumentException(
          "declared orbit directions are dependent (rank " + r + " < " + a.numCols + " columns)");
    }
    return e.leading(r);
  }
}
