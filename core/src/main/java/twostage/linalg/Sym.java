package twostage.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Operations on symmetric matrices that EJML does not offer in one call. */
public final class Sym {
  private Sym() {}

  /** (A + Aᵀ)/2 as a new matrix. */
  public static DMatrixRMaj symmetrized(DMatrixRMaj a) {
    int n = a.numRows;
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s.unsafe_set(i, j, 0.5 * (a.unsafe_get(i, j) + a.unsafe_get(j, i)));
      }
    }
    return s;
  }

  /** Copies the lower triangle of {@code a} onto its upper triangle, in place. */
  public static void fillUpperFromLower(DMatrixRMaj a) {
    int n = a.numRows;
    double[] d = a.data;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        d[j * n + i] = d[i * n + j];
      }
    }
  }

  /**
   * Moore–Penrose pseudo-inverse of a symmetric matrix, treating eigenvalues at or below
   * {@code relTol · max|λ|} as zero.
   */
  public static DMatrixRMaj pinv(DMatrixRMaj a, double relTol) {
    return function(SymmetricEigen.of(a), relTol, v -> 1.0 / v);
  }

  /** Symmetric square root of a positive semi-definite matrix (negative eigenvalues clipped to 0). */
  public static DMatrixRMaj sqrtPsd(DMatrixRMaj a) {
    return function(SymmetricEigen.of(a), -1.0, v -> Math.sqrt(Math.max(v, 0.0)));
  }

  /** V f(Λ) Vᵀ over the eigenvalues above {@code relTol · max|λ|} (all of them when relTol &lt; 0). */
  public static DMatrixRMaj function(
      SymmetricEigen e, double relTol, java.util.function.DoubleUnaryOperator f) {
    int n = e.values().length;
    double max = 0;
    for (double v : e.values()) {
      max = Math.max(max, Math.abs(v));
    }
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    DMatrixRMaj q = e.vectors();
    for (int k = 0; k < n; k++) {
      double v = e.values()[k];
      if (relTol >= 0 && !(v > relTol * max)) {
        continue;
      }
      double fv = f.applyAsDouble(v);
      for (int i = 0; i < n; i++) {
        double qi = q.unsafe_get(i, k) * fv;
        if (qi == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          out.unsafe_set(i, j, out.unsafe_get(i, j) + qi * q.unsafe_get(j, k));
        }
      }
    }
    return out;
  }

  /** Bᵀ A B for a symmetric A. */
  public static DMatrixRMaj congruence(DMatrixRMaj b, DMatrixRMaj a) {
    DMatrixRMaj ab = new DMatrixRMaj(a.numRows, b.numCols);
    CommonOps_DDRM.mult(a, b, ab);
    DMatrixRMaj out = new DMatrixRMaj(b.numCols, b.numCols);
    CommonOps_DDRM.multTransA(b, ab, out);
    return symmetrized(out);
  }

  /** tr(AB) for A n×m and B m×n, without forming AB. */
  public static double traceOfProduct(DMatrixRMaj a, DMatrixRMaj b) {
    double t = 0;
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        t += a.unsafe_get(i, j) * b.unsafe_get(j, i);
      }
    }
    return t;
  }

  /** Largest absolute entry. */
  public static double maxAbs(DMatrixRMaj a) {
    return CommonOps_DDRM.elementMaxAbs(a);
  }
}
