package twostage.linalg;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a symmetric matrix, eigenvalues sorted from largest to smallest.
 *
 * @param values eigenvalues, largest first
 * @param vectors n×n matrix whose column {@code j} is the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

  /** Decomposes the symmetric part (A + Aᵀ)/2 of {@code a}; {@code a} is not modified. */
  public static SymmetricEigen of(DMatrixRMaj a) {
    int n = a.numRows;
    if (a.numCols != n) {
      throw new IllegalArgumentException("matrix must be square, got " + n + "x" + a.numCols);
    }
    if (n == 0) {
      return new SymmetricEigen(new double[0], new DMatrixRMaj(0, 0));
    }
    DMatrixRMaj s = Sym.symmetrized(a);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(s)) {
      throw new ArithmeticException("symmetric eigen-decomposition failed (n=" + n + ")");
    }
    Integer[] order = new Integer[n];
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      raw[i] = eig.getEigenvalue(i).real;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
    double[] values = new double[n];
    DMatrixRMaj vectors = new DMatrixRMaj(n, n);
    for (int j = 0; j < n; j++) {
      values[j] = raw[order[j]];
      DMatrixRMaj v = eig.getEigenVector(order[j]);
      double norm = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementPower(v, 2.0, null));
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        vectors.set(i, j, v.get(i) / norm);
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * The eigenvalues of a matrix positive semidefinite up to round-off, largest first, with the negative
   * round-off set to 0 (a new array).
   */
  public double[] clippedValues() {
    double[] w = values.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(w[i], 0);
    }
    return w;
  }

  /** Number of eigenvalues above {@code relTol · max(|λ|)} (0 for the zero matrix). */
  public int rank(double relTol) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    int r = 0;
    for (double v : values) {
      if (v > relTol * max && max > 0) {
        r++;
      }
    }
    return r;
  }

  /** The n×k matrix of the eigenvectors of the k largest eigenvalues. */
  public DMatrixRMaj leading(int k) {
    DMatrixRMaj out = new DMatrixRMaj(vectors.numRows, k);
    CommonOps_DDRM.extract(vectors, 0, vectors.numRows, 0, k, out, 0, 0);
    return out;
  }

  /** The n×(n−k) matrix of the eigenvectors of all but the k largest eigenvalues. */
  public DMatrixRMaj trailing(int k) {
    int n = vectors.numRows;
    DMatrixRMaj out = new DMatrixRMaj(n, n - k);
    CommonOps_DDRM.extract(vectors, 0, n, k, n, out, 0, 0);
    return out;
  }
}
