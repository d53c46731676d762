package twostage.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * A running sum Σ_r x_r x_rᵀ of outer products of rows (the rank-k updates behind every Monte Carlo
 * second moment), kept on the lower triangle. Samples come in blocks, as rows or stored by
 * coordinate; a sample that concatenates two vectors [a_r, b_r] gives E[aaᵀ], E[baᵀ] and E[bbᵀ] in one
 * update.
 *
 * <p>Two kernels: OpenBLAS {@code cblas_dsyrk} on a native copy of each block when {@link Blas} is
 * available, otherwise {@link Accumulate#gramLower}. Both sum each entry over the rows of a block and
 * then over blocks in order, so a sum depends only on its rows and the kernel, never on the thread
 * count. Not thread-safe; {@link #close()} frees the native buffers.
 */
public abstract class GramSum implements AutoCloseable {
  final int dim;
  final double[] staging;

  private GramSum(int dim, int maxRows) {
    if (dim < 1 || maxRows < 1) {
      throw new IllegalArgumentException("dim and maxRows must be >= 1, got " + dim + ", " + maxRows);
    }
    this.dim = dim;
    this.staging = new double[Math.multiplyExact(dim, maxRows)];
  }

  /** A sum of {@code dim × dim} outer products taking blocks of at most {@code maxRows} rows. */
  public static GramSum create(int dim, int maxRows) {
    return Blas.available() ? new Native(dim, maxRows) : new Java(dim, maxRows);
  }

  /** A sum that uses the pure-Java kernel whatever {@link Blas} says (for tests and benchmarks). */
  public static GramSum createJava(int dim, int maxRows) {
    return new Java(dim, maxRows);
  }

  /** Adds the rows of the row-major {@code count × dim} array {@code rows}. */
  public void add(double[] rows, int count) {
    checkCount(count);
    addRows(rows, count);
  }

  /**
   * Adds the samples stored by coordinate: {@code columns[i][r]} is coordinate i of sample r, for
   * i &lt; dim and r &lt; {@code count}. The native kernel sums the block as it is stored
   * ({@code cblas_dsyrk} without transposition, about 10% faster than on rows); the pure-Java kernel
   * transposes it to rows first, so its bits are those of {@link #add}.
   */
  public void addColumns(double[][] columns, int count) {
    addColumns(columns, 0, count);
  }

  /** As {@link #addColumns(double[][], int)} for the samples {@code from .. from + count − 1}. */
  public void addColumns(double[][] columns, int from, int count) {
    checkCount(count);
    if (columns.length != dim) {
      throw new IllegalArgumentException("columns must hold dim=" + dim + " arrays, got " + columns.length);
    }
    if (from < 0) {
      throw new IllegalArgumentException("from must be >= 0, got " + from);
    }
    addColumnBlock(columns, from, count);
  }

  /**
   * Adds the rows [a_r, b_r], a_r and b_r rows of the row-major {@code count × p} and
   * {@code count × q} arrays, p + q = dim.
   */
  public void addConcatenated(double[] a, int p, double[] b, int q, int count) {
    checkCount(count);
    if (p + q != dim) {
      throw new IllegalArgumentException("p + q must equal dim=" + dim + ", got " + p + " + " + q);
    }
    for (int r = 0; r < count; r++) {
      System.arraycopy(a, r * p, staging, r * dim, p);
      System.arraycopy(b, r * q, staging, r * dim + p, q);
    }
    addRows(staging, count);
  }

  /** The sum so far as a full symmetric row-major {@code dim × dim} array. */
  public double[] toSymmetric() {
    double[] s = lower();
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < i; j++) {
        s[j * dim + i] = s[i * dim + j];
      }
    }
    return s;
  }

  @Override
  public void close() {}

  abstract void addRows(double[] rows, int count);

  abstract void addColumnBlock(double[][] columns, int from, int count);

  /** A copy of the sum; only the lower triangle (j ≤ i) is meaningful. */
  abstract double[] lower();

  private void checkCount(int count) {
    if (count < 0 || (long) count * dim > staging.length) {
      throw new IllegalArgumentException(
          "count must be in [0, " + staging.length / dim + "], got " + count);
    }
  }

  private static final class Java extends GramSum {
    private final double[] sum;

    Java(int dim, int maxRows) {
      super(dim, maxRows);
      this.sum = new double[dim * dim];
    }

    @Override
    void addRows(double[] rows, int count) {
      Accumulate.gramLower(rows, count, dim, sum);
    }

    @Override
    void addColumnBlock(double[][] columns, int from, int count) {
      for (int i = 0; i < dim; i++) {
        double[] c = columns[i];
        for (int r = 0; r < count; r++) {
          staging[r * dim + i] = c[from + r];
        }
      }
      Accumulate.gramLower(staging, count, dim, sum);
    }

    @Override
    double[] lower() {
      return sum.clone();
    }
  }

  private static final class Native extends GramSum {
    private final DoublePointer rowsBuffer;
    private final DoublePointer sum;

    Native(int dim, int maxRows) {
      super(dim, maxRows);
      this.rowsBuffer = new DoublePointer(staging.length);
      this.sum = new DoublePointer((long) dim * dim);
      sum.zero();
    }

    @Override
    void addRows(double[] rows, int count) {
      if (count == 0) {
        return;
      }
      rowsBuffer.put(rows, 0, count * dim);
      Blas.syrkLower(rowsBuffer, count, dim, sum);
    }

    @Override
    void addColumnBlock(double[][] columns, int from, int count) {
      if (count == 0) {
        return;
      }
      for (int i = 0; i < dim; i++) {
        rowsBuffer.position((long) i * count).put(columns[i], from, count);
      }
      rowsBuffer.position(0);
      Blas.syrkLowerColumns(rowsBuffer, count, dim, count, sum);
    }

    @Override
    double[] lower() {
      double[] out = new double[dim * dim];
      sum.get(out);
      return out;
    }

    @Override
    public void close() {
      rowsBuffer.close();
      sum.close();
    }
  }
}
