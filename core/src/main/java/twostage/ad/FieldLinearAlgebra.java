package twostage.ad;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.util.MathArrays;

/**
 * Small dense linear algebra over any {@link CalculusFieldElement}, for writing losses and features
 * once (log-determinants, solves, quadratic forms of symmetric positive definite matrices). Matrices
 * are {@code T[rows][cols]}; nothing is modified in place.
 */
public final class FieldLinearAlgebra {
  private FieldLinearAlgebra() {}

  /** The lower Cholesky factor L of a symmetric positive definite m = L Lᵀ. */
  public static <T extends CalculusFieldElement<T>> T[][] cholesky(T[][] m) {
    int n = m.length;
    T[][] l = MathArrays.buildArray(m[0][0].getField(), n, n);
    for (int j = 0; j < n; j++) {
      T s = m[j][j];
      for (int k = 0; k < j; k++) {
        s = s.subtract(l[j][k].multiply(l[j][k]));
      }
      if (!(s.getReal() > 0)) {
        throw new ArithmeticException("matrix is not positive definite (pivot " + j + " is " + s.getReal() + ")");
      }
      l[j][j] = s.sqrt();
      for (int i = j + 1; i < n; i++) {
        T t = m[i][j];
        for (int k = 0; k < j; k++) {
          t = t.subtract(l[i][k].multiply(l[j][k]));
        }
        l[i][j] = t.divide(l[j][j]);
      }
    }
    return l;
  }

  /** log det m for a symmetric positive definite m (twice the sum of log diag of its Cholesky factor). */
  public static <T extends CalculusFieldElement<T>> T logDet(T[][] m) {
    T[][] l = cholesky(m);
    T s = l[0][0].getField().getZero();
    for (int i = 0; i < l.length; i++) {
      s = s.add(l[i][i].log());
    }
    return s.multiply(2);
  }

  /** m⁻¹ b for a symmetric positive definite m, by Cholesky. */
  public static <T extends CalculusFieldElement<T>> T[] solve(T[][] m, T[] b) {
    return solveCholesky(cholesky(m), b);
  }

  /** m⁻¹ b given the Cholesky factor L of m. */
  public static <T extends CalculusFieldElement<T>> T[] solveCholesky(T[][] l, T[] b) {
    int n = l.length;
    T[] y = MathArrays.buildArray(l[0][0].getField(), n);
    for (int i = 0; i < n; i++) {
      T t = b[i];
      for (int k = 0; k < i; k++) {
        t = t.subtract(l[i][k].multiply(y[k]));
      }
      y[i] = t.divide(l[i][i]);
    }
    for (int i = n - 1; i >= 0; i--) {
      T t = y[i];
      for (int k = i + 1; k < n; k++) {
        t = t.subtract(l[k][i].multiply(y[k]));
      }
      y[i] = t.divide(l[i][i]);
    }
    return y;
  }

  /** aᵀ a for a (rows × cols): cols × cols. */
  public static <T extends CalculusFieldElement<T>> T[][] gram(T[][] a) {
    int r = a.length;
    int c = a[0].length;
    T[][] g = MathArrays.buildArray(a[0][0].getField(), c, c);
    for (int i = 0; i < c; i++) {
      for (int j = 0; j <= i; j++) {
        T s = a[0][i].multiply(a[0][j]);
        for (int k = 1; k < r; k++) {
          s = s.add(a[k][i].multiply(a[k][j]));
        }
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    return g;
  }

  /** aᵀ x for a (rows × cols) and a constant x (length rows). */
  public static <T extends CalculusFieldElement<T>> T[] transposeTimes(T[][] a, double[] x) {
    int r = a.length;
    int c = a[0].length;
    T[] out = MathArrays.buildArray(a[0][0].getField(), c);
    for (int j = 0; j < c; j++) {
      T s = a[0][j].multiply(x[0]);
      for (int k = 1; k < r; k++) {
        s = s.add(a[k][j].multiply(x[k]));
      }
      out[j] = s;
    }
    return out;
  }

  /** a x for a (rows × cols) and a constant x (length cols). */
  public static <T extends CalculusFieldElement<T>> T[] times(T[][] a, double[] x) {
    int r = a.length;
    int c = a[0].length;
    T[] out = MathArrays.buildArray(a[0][0].getField(), r);
    for (int i = 0; i < r; i++) {
      T s = a[i][0].multiply(x[0]);
      for (int k = 1; k < c; k++) {
        s = s.add(a[i][k].multiply(x[k]));
      }
      out[i] = s;
    }
    return out;
  }

  /** The vector w (length rows·cols, row-major) as a rows × cols matrix (no copy of the elements). */
  public static <T extends CalculusFieldElement<T>> T[][] matrix(T[] w, int rows, int cols) {
    if (w.length != rows * cols) {
      throw new IllegalArgumentException("need " + rows + "x" + cols + " = " + rows * cols + " entries, got " + w.length);
    }
    T[][] m = MathArrays.buildArray(w[0].getField(), rows, cols);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(w, i * cols, m[i], 0, cols);
    }
    return m;
  }

  /** Σ_i a_i b_i. */
  public static <T extends CalculusFieldElement<T>> T dot(T[] a, T[] b) {
    T s = a[0].multiply(b[0]);
    for (int i = 1; i < a.length; i++) {
      s = s.add(a[i].multiply(b[i]));
    }
    return s;
  }
}
