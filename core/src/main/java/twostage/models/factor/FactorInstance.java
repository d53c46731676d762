package twostage.models.factor;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.SymmetricEigen;
import twostage.random.Streams;

/**
 * One instance of the factor model of Section 6.2: x = A⋆h + µ, y = β⋆ᵀh + ν with h ~ N(0, I_k),
 * µ ~ N(0, I_d), ν ~ N(0, σν²) independent.
 *
 * @param a the loading matrix A⋆ (d rows of k numbers, full column rank k ≤ d)
 * @param beta β⋆ ∈ R^k
 * @param sigmaNu σν ≥ 0, the standard deviation of the label noise ν
 */
public record FactorInstance(double[][] a, double[] beta, double sigmaNu) {
  /** The label-noise standard deviation used by {@link #generated(int, int, long)}. */
  public static final double DEFAULT_SIGMA_NU = 0.5;

  /** Relative singular-value threshold below which A⋆ is refused as rank deficient. */
  public static final double RANK_TOLERANCE = 1e-10;

  /** Validates shapes, finiteness, σν ≥ 0 and the full column rank of A⋆; copies the arrays. */
  public FactorInstance {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException("A must have at least one row (d >= 1)");
    }
    int k = a[0] == null ? 0 : a[0].length;
    if (k == 0) {
      throw new IllegalArgumentException("A must have at least one column (k >= 1)");
    }
    int d = a.length;
    if (k > d) {
      throw new IllegalArgumentException(
          "A must have at least as many rows as columns (k <= d), got d=" + d + ", k=" + k);
    }
    double[][] copy = new double[d][];
    for (int i = 0; i < d; i++) {
      if (a[i] == null || a[i].length != k) {
        throw new IllegalArgumentException(
            "A must be rectangular: row " + i + " has " + (a[i] == null ? 0 : a[i].length)
                + " entries, row 0 has " + k);
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException("A[" + i + "][" + j + "] must be finite, got " + a[i][j]);
        }
      }
      copy[i] = a[i].clone();
    }
    if (beta == null || beta.length != k) {
      throw new IllegalArgumentException(
          "beta must have k=" + k + " entries (one per column of A), got "
              + (beta == null ? 0 : beta.length));
    }
    for (int j = 0; j < k; j++) {
      if (!Double.isFinite(beta[j])) {
        throw new IllegalArgumentException("beta[" + j + "] must be finite, got " + beta[j]);
      }
    }
    if (!(sigmaNu >= 0) || Double.isInfinite(sigmaNu)) {
      throw new IllegalArgumentException("sigmaNu must be finite and >= 0, got " + sigmaNu);
    }
    double[] s = singularValues(copy);
    if (!(s[k - 1] > RANK_TOLERANCE * s[0])) {
      throw new IllegalArgumentException(
          "A must have full column rank k=" + k + ": smallest singular value " + s[k - 1]
              + " <= " + RANK_TOLERANCE + " x largest " + s[0]);
    }
    a = copy;
    beta = beta.clone();
  }

  /** The instance read from arrays (the CLI's JSON file: {@code A}, {@code beta}, {@code sigmaNu}). */
  public static FactorInstance of(double[][] a, double[] beta, double sigmaNu) {
    return new FactorInstance(a, beta, sigmaNu);
  }

  /** Gaussian A⋆ (i.i.d. N(0,1) entries) and β⋆ (i.i.d. N(0,1)) from {@code Streams.of(seed)}, σν = 0.5. */
  public static FactorInstance generated(int k, int d, long seed) {
    return generated(k, d, seed, DEFAULT_SIGMA_NU);
  }

  /** As {@link #generated(int, int, long)} with a given σν. */
  public static FactorInstance generated(int k, int d, long seed, double sigmaNu) {
    checkDims(k, d);
    UniformRandomProvider rng = Streams.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] a = new double[d][k];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = g.sample();
      }
    }
    double[] beta = new double[k];
    for (int j = 0; j < k; j++) {
      beta[j] = g.sample();
    }
    return new FactorInstance(a, beta, sigmaNu);
  }

  /**
   * A⋆ = U diag(s) Rᵀ with prescribed singular values s and random orthonormal U (d×k), R (k×k)
   * drawn from {@code Streams.of(seed)}; β⋆ = R γ, so γ are the coordinates of β⋆ in the right
   * singular basis (γ_i multiplies the direction with singular value s_i).
   */
  public static FactorInstance fromSingularValues(
      int d, double[] s, double[] gamma, double sigmaNu, long seed) {
    int k = s.length;
    checkDims(k, d);
    if (gamma.length != k) {
      throw new IllegalArgumentException("gamma must have k=" + k + " entries, got " + gamma.length);
    }
    for (double v : s) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("singular values must be finite and > 0, got " + v);
      }
    }
    UniformRandomProvider rng = Streams.of(seed);
    DMatrixRMaj u = randomOrthonormal(d, k, rng);
    DMatrixRMaj r = randomOrthonormal(k, k, rng);
    double[][] a = new double[d][k];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int l = 0; l < k; l++) {
          v += u.get(i, l) * s[l] * r.get(j, l);
        }
        a[i][j] = v;
      }
    }
    double[] beta = new double[k];
    for (int j = 0; j < k; j++) {
      for (int l = 0; l < k; l++) {
        beta[j] += r.get(j, l) * gamma[l];
      }
    }
    return new FactorInstance(a, beta, sigmaNu);
  }

  /** d, the dimension of x. */
  public int d() {
    return a.length;
  }

  /** k, the number of factors. */
  public int k() {
    return a[0].length;
  }

  /** A⋆ as a new d×k EJML matrix. */
  public DMatrixRMaj loading() {
    return new DMatrixRMaj(a);
  }

  /** β⋆ as a new k×1 EJML matrix. */
  public DMatrixRMaj betaVector() {
    return new DMatrixRMaj(k(), 1, true, beta);
  }

  /** Singular values of A⋆, largest first (square roots of the eigenvalues σ_i of M⋆ = A⋆A⋆ᵀ). */
  public double[] singularValues() {
    return singularValues(a);
  }

  @Override
  public double[][] a() {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  @Override
  public double[] beta() {
    return beta.clone();
  }

  @Override
  public String toString() {
    return "FactorInstance[d=" + d() + ", k=" + k() + ", singularValues="
        + java.util.Arrays.toString(singularValues()) + ", beta=" + java.util.Arrays.toString(beta)
        + ", sigmaNu=" + sigmaNu + "]";
  }

  private static double[] singularValues(double[][] a) {
    DMatrixRMaj m = new DMatrixRMaj(a);
    DMatrixRMaj ata = new DMatrixRMaj(m.numCols, m.numCols);
    CommonOps_DDRM.multTransA(m, m, ata);
    double[] ev = SymmetricEigen.of(ata).values();
    double[] s = new double[ev.length];
    for (int i = 0; i < ev.length; i++) {
      s[i] = Math.sqrt(Math.max(ev[i], 0));
    }
    return s;
  }

  private static void checkDims(int k, int d) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (d < k) {
      throw new IllegalArgumentException("d must be >= k, got d=" + d + ", k=" + k);
    }
  }

  private static DMatrixRMaj randomOrthonormal(int rows, int cols, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    DMatrixRMaj q = new DMatrixRMaj(rows, cols);
    for (int j = 0; j < cols; j++) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = g.sample();
      }
      for (int pass = 0; pass < 2; pass++) { // Gram–Schmidt, twice for orthogonality to round-off
        for (int l = 0; l < j; l++) {
          double dot = 0;
          for (int i = 0; i < rows; i++) {
            dot += v[i] * q.get(i, l);
          }
          for (int i = 0; i < rows; i++) {
            v[i] -= dot * q.get(i, l);
          }
        }
      }
      double n = 0;
      for (double x : v) {
        n += x * x;
      }
      n = Math.sqrt(n);
      for (int i = 0; i < rows; i++) {
        q.set(i, j, v[i] / n);
      }
    }
    return q;
  }
}
