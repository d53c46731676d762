package twostage.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * A row-major m×d data matrix X copied once to native memory, for repeated products of blocks of its
 * rows with small matrices by OpenBLAS {@code dgemm} (one thread per call, as {@link GramSum}): the
 * two products of an EM pass over the data. Only when {@link Blas#available()}. Not thread-safe;
 * {@link #close()} frees the native memory.
 */
public final class NativeRows implements AutoCloseable {
  private final int m;
  private final int d;
  private final int maxRows;
  private final int maxCols;
  private final DoublePointer x;
  private final DoublePointer small;
  private final DoublePointer block;
  private final DoublePointer sum;

  /**
   * @param data row-major m×d
   * @param maxRows largest block of rows one product takes
   * @param maxCols largest k of the small k×d matrices
   */
  public NativeRows(double[] data, int m, int d, int maxRows, int maxCols) {
    if (!Blas.available()) {
      throw new IllegalStateException("NativeRows needs OpenBLAS: " + Blas.describe());
    }
    if (m < 1 || d < 1 || maxRows < 1 || maxCols < 1 || data.length < (long) m * d) {
      throw new IllegalArgumentException("need m, d, maxRows, maxCols >= 1 and m*d values, got m=" + m
          + ", d=" + d + ", maxRows=" + maxRows + ", maxCols=" + maxCols + ", " + data.length + " values");
    }
    this.m = m;
    this.d = d;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
    this.x = new DoublePointer((long) m * d);
    x.put(data, 0, m * d);
    this.small = new DoublePointer((long) maxCols * d);
    this.block = new DoublePointer((long) maxRows * maxCols);
    this.sum = new DoublePointer((long) maxCols * d);
  }

  /** out (rows×k, row-major) = X[from, from + rows) Aᵀ for A (k×d, row-major). */
  public void timesTransposed(int from, int rows, double[] a, int k, double[] out) {
    check(from, rows, k);
    small.put(a, 0, k * d);
    openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
        openblas_nolapack.CblasTrans, rows, k, d, 1.0, x.position((long) from * d), d, small, d, 0.0,
        block, k);
    x.position(0);
    block.get(out, 0, rows * k);
  }

  /** Starts a sum S (k×d) = 0 for {@link #addTransposedProduct}. */
  public void clearSum() {
    sum.zero();
  }

  /** S += Rᵀ X[from, from + rows) for R (rows×k, row-major). */
  public void addTransposedProduct(int from, int rows, double[] r, int k) {
    check(from, rows, k);
    block.put(r, 0, rows * k);
    openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans,
        openblas_nolapack.CblasNoTrans, k, d, rows, 1.0, block, k, x.position((long) from * d), d, 1.0,
        sum, d);
    x.position(0);
  }

  /** S (k×d, row-major) into {@code out}. */
  public void sum(int k, double[] out) {
    sum.get(out, 0, k * d);
  }

  private void check(int from, int rows, int k) {
    if (from < 0 || rows < 0 || rows > maxRows || from + rows > m || k < 1 || k > maxCols) {
      throw new IllegalArgumentException("block [" + from + ", " + (from + rows) + ") of " + m
          + " rows (at most " + maxRows + ") with k=" + k + " (at most " + maxCols + ")");
    }
  }

  @Override
  public void close() {
    x.close();
    small.close();
    block.close();
    sum.close();
  }
}
