package twostage.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

/** The two block products of an EM pass against their definitions, to rounding. */
class NativeRowsTest {
  private static double[] random(int n, long seed) {
    UniformRandomProvider rng = Streams.of(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble() * 2 - 1;
    }
    return x;
  }

  @Test
  void blockProductsMatchTheDefinitions() {
    assumeThat(Blas.available()).as("OpenBLAS loaded").isTrue();
    int m = 301;
    int d = 7;
    int k = 3;
    double[] x = random(m * d, 1);
    double[] a = random(k * d, 2);
    double[] r = random(m * k, 3);
    try (NativeRows rows = new NativeRows(x, m, d, 128, k)) {
      rows.clearSum();
      double[] expectedSum = new double[k * d];
      for (int from = 0; from < m; from += 128) {
        int c = Math.min(128, m - from);
        double[] out = new double[c * k];
        rows.timesTransposed(from, c, a, k, out);
        for (int n = 0; n < c; n++) {
          for (int i = 0; i < k; i++) {
            double s = 0;
            for (int e = 0; e < d; e++) {
              s += x[(from + n) * d + e] * a[i * d + e];
            }
            assertThat(out[n * k + i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-13));
          }
        }
        double[] block = new double[c * k];
        System.arraycopy(r, from * k, block, 0, c * k);
        rows.addTransposedProduct(from, c, block, k);
        for (int n = 0; n < c; n++) {
          for (int i = 0; i < k; i++) {
            for (int e = 0; e < d; e++) {
              expectedSum[i * d + e] += r[(from + n) * k + i] * x[(from + n) * d + e];
            }
          }
        }
      }
      double[] sum = new double[k * d];
      rows.sum(k, sum);
      for (int i = 0; i < k * d; i++) {
        assertThat(sum[i]).isCloseTo(expectedSum[i], org.assertj.core.data.Offset.offset(1e-11));
      }
    }
  }

  @Test
  void rejectsBlocksOutsideTheData() {
    assumeThat(Blas.available()).as("OpenBLAS loaded").isTrue();
    try (NativeRows rows = new NativeRows(new double[20], 10, 2, 4, 1)) {
      assertThatThrownBy(() -> rows.timesTransposed(8, 4, new double[2], 1, new double[4]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block [8, 12)");
      assertThatThrownBy(() -> rows.addTransposedProduct(0, 5, new double[5], 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4");
    }
  }
}
