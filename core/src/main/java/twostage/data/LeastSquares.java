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
 */
public record LeastSquares(double[] theta, double sigma2, int rank) {
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
    DMatrixRMaj theta = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(Sym.pinv(gram, RANK_TOLERANCE), xty, theta);
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double f = 0;
      for (int j = 0; j < p; j++) {
        f += psi[i * p + j] * theta.data[j];
      }
      double r = y[i] - f;
      rss += r * r;
    }
    return new LeastSquares(theta.data, rss / (n - rank), rank);
  }
}
