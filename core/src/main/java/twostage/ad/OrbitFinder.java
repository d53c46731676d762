package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * Finds the orbit tangent at w⋆ as a null space (Section 4.1: orbit directions lie in the kernel of
 * H), or takes the model's declared generator directions and cross-checks them against it.
 *
 * <p>When H is exact (sufficient statistic) or equals S (declared MLE, where every per-sample score is
 * exactly orthogonal to the orbit), its null space is read at a relative eigenvalue tolerance. When H is
 * a Monte Carlo average of per-sample Hessians its orbit eigenvalues are only O(N^{-1/2}) (differentiating
 * ℓ(g·w; z) = ℓ(w; z) twice gives ∇²ℓ·Xw = −Xᵀ∇ℓ, which vanishes on average only), so the search runs
 * in two steps: the null space of S (exact, since each score is orthogonal to the orbit, but possibly
 * larger than the orbit), then the null space of H restricted to it, where an eigenvalue counts as zero
 * within {@link #STANDARD_ERRORS} standard errors (from the spread of H over the pilot's groups).
 */
public final class OrbitFinder {
  /** Default relative eigenvalue tolerance of the null space. */
  public static final double DEFAULT_TOLERANCE = 1e-8;

  /** Standard errors within which an eigenvalue of a sampled H counts as zero. */
  public static final double STANDARD_ERRORS = 5;

  private OrbitFinder() {}

  /**
   * The orbit from the pilot moments.
   *
   * @param declared declared directions (q × o, any basis) or null
   */
  public static Orbit find(PilotMoments pilot, boolean maximumLikelihood, DMatrixRMaj declared, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("orbit tolerance must be in (0, 1), got " + tolerance);
    }
    boolean sampled = !pilot.hessianGroups().isEmpty();
    DMatrixRMaj h = pilot.hessian();
    int q = h.numRows;
    DMatrixRMaj nullSpace;
    double[] rel;
    double gap;
    String name;
    if (!sampled) {
      NullSpace ns = NullSpace.of(h, tolerance);
      nullSpace = ns.basis;
      rel = ns.relative;
      gap = ns.gap;
      name = pilot.hessianExact() ? "H" : "H = S";
    } else {
      NullSpace sNull = NullSpace.of(pilot.scoreCovariance(), tolerance);
      DMatrixRMaj n = sNull.basis;
      double hTop = Math.max(Math.abs(SymmetricEigen.of(h).values()[0]), Double.MIN_NORMAL);
      SymmetricEigen inner = SymmetricEigen.of(Sym.congruence(n, h));
      int dim = n.numCols;
      rel = new double[dim];
      boolean[] zero = new boolean[dim];
      int nullity = 0;
      double smallestKept = Double.POSITIVE_INFINITY;
      double largestNull = 0;
      DMatrixRMaj v = new DMatrixRMaj(q, dim);
      CommonOps_DDRM.mult(n, inner.vectors(), v);
      for (int i = 0; i < dim; i++) {
        double mu = inner.values()[i];
        rel[i] = mu / hTop;
        double se = pilot.hessianStdError(column(v, i));
        zero[i] = Math.abs(mu) <= Math.max(tolerance * hTop, STANDARD_ERRORS * se);
        if (zero[i]) {
          nullity++;
          largestNull = Math.max(largestNull, Math.abs(rel[i]));
        } else {
          smallestKept = Math.min(smallestKept, Math.abs(rel[i]));
        }
      }
      nullSpace = new DMatrixRMaj(q, nullity);
      int c = 0;
      for (int i = 0; i < dim; i++) {
        if (zero[i]) {
          for (int r = 0; r < q; r++) {
            nullSpace.set(r, c, v.get(r, i));
          }
          c++;
        }
      }
      gap = nullity == 0 || nullity == dim ? Double.POSITIVE_INFINITY
          : smallestKept / Math.max(largestNull, Double.MIN_NORMAL);
      name = "sampled H on the null space of S";
    }
    if (declared == null) {
      return new Orbit(nullSpace, sampled ? Orbit.Source.SCORE_NULL_SPACE : Orbit.Source.HESSIAN_NULL_SPACE,
          name, tolerance, rel, gap, nullSpace.numCols, Double.NaN);
    }
    if (declared.numRows != q) {
      throw new IllegalArgumentException(
          "declared orbit directions must have q=" + q + " rows, got " + declared.numRows);
    }
    DMatrixRMaj o = orthonormal(declared);
    return new Orbit(o, Orbit.Source.DECLARED, name, tolerance, rel, gap, nullSpace.numCols, mismatch(o, nullSpace));
  }

  /** The eigenvectors of a symmetric matrix whose |λ| ≤ tolerance·max|λ|, with the spectrum and gap. */
  private record NullSpace(DMatrixRMaj basis, double[] relative, double gap) {
    static NullSpace of(DMatrixRMaj m, double tolerance) {
      SymmetricEigen eig = SymmetricEigen.of(m);
      double[] values = eig.values();
      double top = 0;
      for (double x : values) {
        top = Math.max(top, Math.abs(x));
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
      double gap = nullity == 0 || nullity == values.length ? Double.POSITIVE_INFINITY
          : smallestKept / Math.max(largestNull, Double.MIN_NORMAL);
      DMatrixRMaj basis = new DMatrixRMaj(m.numRows, nullity);
      int c = 0;
      for (int i = 0; i < values.length; i++) {
        if (Math.abs(rel[i]) <= tolerance) {
          for (int r = 0; r < m.numRows; r++) {
            basis.set(r, c, eig.vectors().get(r, i));
          }
          c++;
        }
      }
      return new NullSpace(basis, rel, gap);
    }
  }

  static double[] column(DMatrixRMaj m, int j) {
    double[] out = new double[m.numRows];
    for (int i = 0; i < m.numRows; i++) {
      out[i] = m.get(i, j);
    }
    return out;
  }

  /** Largest sine of the principal angles of span(o) against span(n): max over unit v ∈ span(o) of ‖(I − NNᵀ)v‖. */
  static double mismatch(DMatrixRMaj o, DMatrixRMaj n) {
    if (o.numCols == 0) {
      return 0;
    }
    int q = o.numRows;
    DMatrixRMaj proj = CommonOps_DDRM.identity(q);
    if (n.numCols > 0) {
      CommonOps_DDRM.multAddTransB(-1, n, n, proj);
    }
    DMatrixRMaj r = new DMatrixRMaj(q, o.numCols);
    CommonOps_DDRM.mult(proj, o, r);
    DMatrixRMaj rr = new DMatrixRMaj(o.numCols, o.numCols);
    CommonOps_DDRM.multTransA(r, r, rr);
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
