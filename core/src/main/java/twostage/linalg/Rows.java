package twostage.linalg;

import org.ejml.data.DMatrixRMaj;

/** Dense matrices as arrays of their rows, the form of instance files and model constructors. */
public final class Rows {
  private Rows() {}

  /** The rows of {@code m} (a copy: m.numRows arrays of length m.numCols). */
  public static double[][] of(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        out[i][j] = m.get(i, j);
      }
    }
    return out;
  }
}
