package twostage.models.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;

/**
 * One instance of linear spectral pre-training (Section 6.1, Appendix H): (x, x⁺) jointly Gaussian with
 * E[xxᵀ] = Σpre and E[x x⁺ᵀ] = Σ⁺pre (an exchangeable pair, so Σ⁺pre is symmetric), x⁻ an independent
 * copy of x, representation dimension k, downstream x ~ N(0, Σdown), target f⋆(x) = β⋆ᵀA⋆x with the
 * canonical representative A⋆ = Λ_k^{1/2} U_kᵀ Σpre^{-1/2} (Appendix H.2) and label noise σ.
 *
 * <p>The compact constructor validates everything and copies the arrays: square d×d symmetric matrices,
 * Σpre positive definite, Σdown positive definite (Appendix H.3.2), the joint covariance of (x, x⁺)
 * positive semi-definite (all eigenvalues of C = Σpre^{-1/2}Σ⁺preΣpre^{-1/2} in [−1, 1]), the eigengap
 * of Assumption 6.1 λ_k(C) − max(λ_{k+1}(C), 0) &gt; 0, β⋆ of length k and σ ≥ 0.
 *
 * @param sigmaPre Σpre = E[xxᵀ] (d×d)
 * @param sigmaPlus Σ⁺pre = E[x x⁺ᵀ] (d×d, symmetric)
 * @param sigmaDown Σdown = E[xxᵀ] under µ_down (d×d)
 * @param k representation dimension, 1 ≤ k ≤ d
 * @param beta β⋆ ∈ R^k, the downstream coefficients on A⋆x
 * @param sigma label-noise standard deviation σ ≥ 0
 */
public record SpectralInstance(
    double[][] sigmaPre, double[][] sigmaPlus, double[][] sigmaDown, int k, double[] beta, double sigma) {

  /** Relative tolerance for symmetry and for eigenvalue checks. */
  static final double TOLERANCE = 1e-10;

  public SpectralInstance {
    int d = checkSquare("sigmaPre", sigmaPre, -1, true);
    checkSquare("sigmaPlus", sigmaPlus, d, true);
    checkSquare("sigmaDown", sigmaDown, d, true);
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("k must satisfy 1 ≤ k ≤ d = " + d + ", got k = " + k);
    }
    if (beta == null || beta.length != k) {
      throw new IllegalArgumentException(
          "beta must have length k = " + k + ", got " + (beta == null ? "null" : beta.length));
    }
    for (double b : beta) {
      if (!Double.isFinite(b)) {
        throw new IllegalArgumentException("beta must be finite, got " + Arrays.toString(beta));
      }
    }
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and ≥ 0, got " + sigma);
    }
    sigmaPre = deepCopy(sigmaPre);
    sigmaPlus = deepCopy(sigmaPlus);
    sigmaDown = deepCopy(sigmaDown);
    beta = beta.clone();
    double[] pre = SymmetricEigen.of(new DMatrixRMaj(sigmaPre)).values();
    if (!(pre[d - 1] > TOLERANCE * pre[0])) {
      throw new IllegalArgumentException(
          "sigmaPre must be positive definite (Assumption 6.1: Σpre invertible); eigenvalues "
              + Arrays.toString(pre));
    }
    double[] down = SymmetricEigen.of(new DMatrixRMaj(sigmaDown)).values();
    if (!(down[d - 1] > TOLERANCE * down[0])) {
      throw new IllegalArgumentException(
          "sigmaDown must be positive definite (Appendix H.3.2: Σdown ≻ 0); eigenvalues "
              + Arrays.toString(down));
    }
    double[] c = SpectralGeometry.whitenedEigenvalues(sigmaPre, sigmaPlus);
    if (c[0] > 1 + 1e-9 || c[d - 1] < -1 - 1e-9) {
      throw new IllegalArgumentException(
          "sigmaPlus: the joint covariance [[Σpre, Σ⁺],[Σ⁺, Σpre]] of (x, x⁺) must be positive "
              + "semi-definite, i.e. all eigenvalues of C = Σpre^{-1/2}Σ⁺Σpre^{-1/2} in [−1, 1]; got "
              + Arrays.toString(c));
    }
    double next = k < d ? Math.max(c[k], 0) : 0;
    double scale = Math.max(Math.abs(c[0]), Math.abs(c[d - 1]));
    if (!(c[k - 1] - next > TOLERANCE * Math.max(scale, Double.MIN_NORMAL))) {
      throw new IllegalArgumentException(
          "eigengap of Assumption 6.1 violated: λ_k(C) − max(λ_{k+1}(C), 0) = "
              + (c[k - 1] - next) + " must be > 0 (k = " + k + ", eigenvalues of C "
              + Arrays.toString(c) + ")");
    }
  }

  /**
   * The diagonal instance of Corollary 6.3: Σpre = I_d, Σ⁺pre = diag(1, 1/2, …, 1/d), Σdown = I_d,
   * β⋆ = 1_k, so that A⋆ = [diag(1, 1/√2, …, 1/√k), 0].
   */
  public static SpectralInstance corollary63(int k, int d, double sigma) {
    if (d < 1) {
      throw new IllegalArgumentException("d must be ≥ 1, got " + d);
    }
    double[][] plus = new double[d][d];
    for (int i = 0; i < d; i++) {
      plus[i][i] = 1.0 / (i + 1);
    }
    double[] beta = new double[Math.max(k, 0)];
    Arrays.fill(beta, 1.0);
    return new SpectralInstance(identity(d), plus, identity(d), k, beta, sigma);
  }

  /** {@link #corollary63(int, int, double)} with σ = 1. */
  public static SpectralInstance corollary63(int k, int d) {
    return corollary63(k, d, 1.0);
  }

  /**
   * The instance seen in rotated coordinates x ↦ Qx (Q orthogonal): every covariance becomes QΣQᵀ and
   * β⋆ is unchanged, so the law of ‖L(Z)‖² is the same (a check for non-diagonal instances).
   */
  public SpectralInstance rotated(double[][] q) {
    int d = dimension();
    checkSquare("rotation", q, d, false);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double t = 0;
        for (int l = 0; l < d; l++) {
          t += q[i][l] * q[j][l];
        }
        if (Math.abs(t - (i == j ? 1 : 0)) > 1e-9) {
          throw new IllegalArgumentException(
              "rotation must be orthogonal (QQᵀ = I): entry (" + i + "," + j + ") of QQᵀ is " + t);
        }
      }
    }
    return new SpectralInstance(
        congruence(q, sigmaPre), congruence(q, sigmaPlus), congruence(q, sigmaDown), k, beta, sigma);
  }

  /** d, the input dimension. */
  public int dimension() {
    return sigmaPre.length;
  }

  /** q = k·d, the number of representative coordinates vec(A) (row-major). */
  public int parameterDimension() {
    return k * dimension();
  }

  /** k(k−1)/2, the number of orbit directions of O(k). */
  public int orbitDimension() {
    return k * (k - 1) / 2;
  }

  /** True when Σpre, Σ⁺pre and Σdown are all diagonal (the family of Appendix H.7). */
  public boolean isDiagonal() {
    return isDiagonal(sigmaPre) && isDiagonal(sigmaPlus) && isDiagonal(sigmaDown);
  }

  @Override
  public double[][] sigmaPre() {
    return deepCopy(sigmaPre);
  }

  @Override
  public double[][] sigmaPlus() {
    return deepCopy(sigmaPlus);
  }

  @Override
  public double[][] sigmaDown() {
    return deepCopy(sigmaDown);
  }

  @Override
  public double[] beta() {
    return beta.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpectralInstance s
        && Arrays.deepEquals(sigmaPre, s.sigmaPre)
        && Arrays.deepEquals(sigmaPlus, s.sigmaPlus)
        && Arrays.deepEquals(sigmaDown, s.sigmaDown)
        && k == s.k
        && Arrays.equals(beta, s.beta)
        && Double.compare(sigma, s.sigma) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {sigmaPre, sigmaPlus, sigmaDown, k, beta, sigma});
  }

  @Override
  public String toString() {
    return "SpectralInstance[d=" + dimension() + ", k=" + k + ", sigmaPre="
        + Arrays.deepToString(sigmaPre) + ", sigmaPlus=" + Arrays.deepToString(sigmaPlus)
        + ", sigmaDown=" + Arrays.deepToString(sigmaDown) + ", beta=" + Arrays.toString(beta)
        + ", sigma=" + sigma + "]";
  }

  public DMatrixRMaj sigmaPreMatrix() {
    return new DMatrixRMaj(sigmaPre);
  }

  public DMatrixRMaj sigmaPlusMatrix() {
    return new DMatrixRMaj(sigmaPlus);
  }

  public DMatrixRMaj sigmaDownMatrix() {
    return new DMatrixRMaj(sigmaDown);
  }

  public double betaAt(int i) {
    return beta[i];
  }

  private static int checkSquare(String name, double[][] a, int d, boolean symmetric) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + " must be a non-empty d×d array");
    }
    int n = a.length;
    if (d >= 0 && n != d) {
      throw new IllegalArgumentException(
          name + " must be " + d + "×" + d + " like sigmaPre, got " + n + " rows");
    }
    double scale = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new IllegalArgumentException(
            name + " must be square: row " + i + " has "
                + (a[i] == null ? "no" : Integer.toString(a[i].length)) + " entries, expected " + n);
      }
      for (double v : a[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(name + " must have finite entries, got " + v);
        }
        scale = Math.max(scale, Math.abs(v));
      }
    }
    if (symmetric) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          if (Math.abs(a[i][j] - a[j][i]) > TOLERANCE * Math.max(scale, 1e-300)) {
            throw new IllegalArgumentException(
                name + " must be symmetric: entry (" + i + "," + j + ") = " + a[i][j]
                    + " but (" + j + "," + i + ") = " + a[j][i]);
          }
        }
      }
    }
    return n;
  }

  private static boolean isDiagonal(double[][] a) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (i != j && a[i][j] != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static double[][] identity(int d) {
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      out[i][i] = 1;
    }
    return out;
  }

  private static double[][] congruence(double[][] q, double[][] s) {
    int d = q.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double t = 0;
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            t += q[i][a] * s[a][b] * q[j][b];
          }
        }
        out[i][j] = t;
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (out[i][j] + out[j][i]);
        out[i][j] = m;
        out[j][i] = m;
      }
    }
    return out;
  }

  private static double[][] deepCopy(double[][] a) {
    if (a == null) {
      return null;
    }
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] == null ? null : a[i].clone();
    }
    return out;
  }
}
