package twostage.linalg;

/**
 * Streaming accumulation of second moments over blocks of row-major samples. Written by hand because
 * EJML has no in-place "add AᵀA of a block to a running sum" for flat arrays; the loops are arranged so
 * that the JIT vectorises the innermost axpy and four rows share one pass over the target. Also the
 * pure-Java fallback of {@link GramSum}, which uses OpenBLAS when it loads.
 */
public final class Accumulate {
  private Accumulate() {}

  /**
   * Adds Σ_r x_r x_rᵀ (lower triangle, j ≤ i) into {@code sum}, where x_r is row r of the row-major
   * {@code count × dim} array {@code rows}. Call {@link Sym#fillUpperFromLower} on the final sum.
   */
  public static void gramLower(double[] rows, int count, int dim, double[] sum) {
    int r = 0;
    for (; r + 3 < count; r += 4) {
      int o0 = r * dim;
      int o1 = o0 + dim;
      int o2 = o1 + dim;
      int o3 = o2 + dim;
      for (int i = 0; i < dim; i++) {
        double a0 = rows[o0 + i];
        double a1 = rows[o1 + i];
        double a2 = rows[o2 + i];
        double a3 = rows[o3 + i];
        int t = i * dim;
        for (int j = 0; j <= i; j++) {
          sum[t + j] += a0 * rows[o0 + j] + a1 * rows[o1 + j] + a2 * rows[o2 + j] + a3 * rows[o3 + j];
        }
      }
    }
    for (; r < count; r++) {
      int o = r * dim;
      for (int i = 0; i < dim; i++) {
        double a = rows[o + i];
        int t = i * dim;
        for (int j = 0; j <= i; j++) {
          sum[t + j] += a * rows[o + j];
        }
      }
    }
  }

  /**
   * Adds Σ_r a_r b_rᵀ into the row-major {@code p × q} array {@code sum}, where a_r and b_r are rows r
   * of the row-major {@code count × p} and {@code count × q} arrays.
   */
  public static void cross(double[] a, int p, double[] b, int q, int count, double[] sum) {
    int r = 0;
    for (; r + 3 < count; r += 4) {
      int a0 = r * p;
      int b0 = r * q;
      int b1 = b0 + q;
      int b2 = b1 + q;
      int b3 = b2 + q;
      for (int i = 0; i < p; i++) {
        double x0 = a[a0 + i];
        double x1 = a[a0 + p + i];
        double x2 = a[a0 + 2 * p + i];
        double x3 = a[a0 + 3 * p + i];
        int t = i * q;
        for (int j = 0; j < q; j++) {
          sum[t + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
        }
      }
    }
    for (; r < count; r++) {
      int ao = r * p;
      int bo = r * q;
      for (int i = 0; i < p; i++) {
        double x = a[ao + i];
        int t = i * q;
        for (int j = 0; j < q; j++) {
          sum[t + j] += x * b[bo + j];
        }
      }
    }
  }
}
