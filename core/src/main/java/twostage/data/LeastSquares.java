package twostage.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The downstream readout from labeled rows (eq. 3.3): θ̂ = argmin Σ_i (y_i − ⟨θ, ψ_i⟩)², the
 * minimum-norm solution, and σ̂² = RSS/(n − p̂) with p̂ the rank of the design (the unbiased residual
 * variance of a well-specified linear model).
 *
 * @param theta θ̂ (p)
 * @param sigma2 σ̂²
 * @param rank p̂, the numerical rank of Σ_i ψ_i ψ_iᵀ
 * @param covariance the heteroscedasticity-consistent covariance of θ̂ (HC1, p×p row-major):
 *     n/(n − p̂) (ΨᵀΨ)⁺(Σ_i e_i² ψ_iψ_iᵀ)(ΨᵀΨ)⁺ (White, 1980; MacKinnon and White, 1985)
 */
public record LeastSquares(double[] theta, double sigma2, int rank, double[] covariance) {
  /** Relative eigenvalue tolerance of the design's rank. */
  public static final double RANK_TOLERANCE = 1e-10;

  /**
   * Fits y on the rows of {@code psi} (row-major n × p).
   *
   * @throws IllegalArgumentException when n ≤ p̂ (no residual degrees of freedom)
   */
  public static LeastSquares fit(double[] psi, int n, int p, double[] y) {
    DMatrixRMaj x = DMatrixRMaj.wrap(n, p, psi);
    DMatrixRMaj gram = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(x, x, gram);
    DMatrixRMaj xty = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(n, 1, y), xty);
    SymmetricEigen e = SymmetricEigen.of(Sym.symmetrized(gram));
    int rank = e.rank(RANK_TOLERANCE);
    if (n <= rank) {
      throw new IllegalArgumentException("least squares needs more labeled rows than features: n=" + n
          + " <= rank " + rank + " of the design (the residual variance has n - p degrees of freedom)");
    }
    DMatrixRMaj gramPinv = Sym.pinv(gram, RANK_TOLERANCE);
    DMatrixRMaj theta = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(gramPinv, xty, theta);
    double rss = 0;
    DMatrixRMaj meat = new DMatrixRMaj(p, p);
    for (int i = 0; i < n; i++) {
      double f = 0;
      for (int j = 0; j < p; j++) {
        f += psi[i * p + j] * theta.data[j];
      }
      double r = y[i] - f;
      rss += r * r;
      for (int a = 0; a < p; a++) {
        double v = r * r * psi[i * p + a];
        for (int b = 0; b <= a; b++) {
          meat.data[a * p + b] += v * psi[i * p + b];
        }
      }
    }
    Sym.fillUpperFromLower(meat);
    DMatrixRMaj cov = Sym.congruence(gramPinv, meat);
    CommonOps_DDRM.scale((double) n / (n - rank), cov);
    return new LeastSquares(theta.data, rss / (n - rank), rank, cov.data);
  }

  /**
   * Directions v_c with Σ_c v_c v_cᵀ = Cov(θ̂) ({@link #covariance}): √μ_c times its eigenvectors. A
   * quantity quadratic in the readout, Q(θ) = θᵀMθ, has E[Q(θ̂)] = Q(θ) + Σ_c Q(v_c), so subtracting
   * Σ_c Q(v_c) removes the bias that the noise of θ̂ adds to its plug-in value.
   */
  public double[][] noiseDirections() {
    int p = theta.length;
    SymmetricEigen e = SymmetricEigen.of(Sym.symmetrized(DMatrixRMaj.wrap(p, p, covariance.clone())));
    java.util.List<double[]> out = new java.util.ArrayList<>();
    double top = Math.max(e.values()[0], 0);
    for (int c = 0; c < p; c++) {
      double mu = e.values()[c];
      if (!(mu > RANK_TOLERANCE * top)) {
        continue;
      }
      double[] v = new double[p];
      for (int a = 0; a < p; a++) {
        v[a] = Math.sqrt(mu) * e.vectors().get(a, c);
      }
      out.add(v);
    }
    return out.toArray(new double[0][]);
  }
}
