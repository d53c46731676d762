package twostage.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class GramSumTest {

  private static double[] rows(int count, int dim, long seed) {
    UniformRandomProvider rng = Streams.of(seed);
    double[] x = new double[count * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() * 2 - 1;
    }
    return x;
  }

  /** Σ_r x_r x_rᵀ by the definition, one product at a time. */
  private static double[] reference(double[] x, int count, int dim) {
    double[] s = new double[dim * dim];
    for (int r = 0; r < count; r++) {
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          s[i * dim + j] += x[r * dim + i] * x[r * dim + j];
        }
      }
    }
    return s;
  }

  private static void assertClose(double[] actual, double[] expected, int count) {
    // each entry sums `count` products of numbers in [-1, 1]: rounding error below count·ulp(count)
    double tol = count * Math.ulp((double) count) * 4;
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i])).as("entry %d", i).isLessThanOrEqualTo(tol);
    }
  }

  @Test
  void bothKernelsAgreeWithTheDefinitionToRounding() {
    for (int dim : new int[] {1, 7, 96}) {
      double[] a = rows(515, dim, dim);
      double[] b = rows(300, dim, dim + 1);
      double[] all = new double[(515 + 300) * dim];
      System.arraycopy(a, 0, all, 0, a.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      double[] expected = reference(all, 515 + 300, dim);
      try (GramSum def = GramSum.create(dim, 515); GramSum java = GramSum.createJava(dim, 515)) {
        for (GramSum g : new GramSum[] {def, java}) {
          g.add(a, 515);
          g.add(b, 300);
          g.add(b, 0);
          assertClose(g.toSymmetric(), expected, 815);
        }
      }
    }
  }

  /** A block stored by coordinate gives the Gram of its rows: to rounding natively, bit for bit in Java. */
  @Test
  void columnsGiveTheGramOfTheRows() {
    for (int dim : new int[] {1, 7, 96}) {
      int n = 301;
      double[] x = rows(n, dim, 40 + dim);
      double[][] columns = new double[dim][n + 5];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < dim; i++) {
          columns[i][r] = x[r * dim + i];
        }
      }
      try (GramSum def = GramSum.create(dim, n); GramSum java = GramSum.createJava(dim, n);
          GramSum javaRows = GramSum.createJava(dim, n)) {
        def.addColumns(columns, n);
        def.addColumns(columns, 0);
        java.addColumns(columns, n);
        javaRows.add(x, n);
        assertClose(def.toSymmetric(), reference(x, n, dim), n);
        assertThat(java.toSymmetric()).containsExactly(javaRows.toSymmetric());
      }
    }
  }

  /** Rows [a_r, b_r] given as two blocks: to rounding natively, bit for bit with the joined rows in Java. */
  @Test
  void concatenatedBlocksGiveTheGramOfTheJoinedRows() {
    int n = 301;
    int p = 5;
    int q = 9;
    double[] a = rows(n, p, 60);
    double[] b = rows(n, q, 61);
    double[] joined = new double[n * (p + q)];
    for (int r = 0; r < n; r++) {
      System.arraycopy(a, r * p, joined, r * (p + q), p);
      System.arraycopy(b, r * q, joined, r * (p + q) + p, q);
    }
    try (GramSum def = GramSum.create(p + q, n); GramSum java = GramSum.createJava(p + q, n);
        GramSum javaRows = GramSum.createJava(p + q, n)) {
      def.addConcatenated(a, p, b, q, n);
      java.addConcatenated(a, p, b, q, n);
      javaRows.add(joined, n);
      assertClose(def.toSymmetric(), reference(joined, n, p + q), n);
      assertThat(java.toSymmetric()).containsExactly(javaRows.toSymmetric());
      assertThatThrownBy(() -> java.addConcatenated(a, p, b, q - 1, n))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("p + q must equal dim=14");
    }
  }

  /** On the platforms whose jars are shipped the tuned kernel must load, or the fallback hides a packaging bug. */
  @Test
  void openBlasLoadsOnLinuxX86() {
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch");
    boolean forcedJava = "java".equals(System.getProperty(Blas.PROPERTY));
    if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")) && !forcedJava) {
      assertThat(Blas.describe()).startsWith("OpenBLAS");
      assertThat(Blas.available()).isTrue();
    }
  }

  @Test
  void rejectsBlocksLargerThanDeclared() {
    try (GramSum g = GramSum.create(3, 4)) {
      assertThatThrownBy(() -> g.add(new double[15], 5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("count");
      assertThatThrownBy(() -> g.addColumns(new double[2][4], 4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dim=3");
    }
  }
}
