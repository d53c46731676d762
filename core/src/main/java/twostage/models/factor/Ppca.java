package twostage.models.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;

/**
 * Probabilistic PCA with unit noise variance (Tipping and Bishop, 1999; Lemma I.1): the minimiser of
 * ½ log det(I + M) + ½ tr(S_m(I + M)⁻¹) (I.3) over PSD M of rank ≤ k.
 */
public final class Ppca {
  private Ppca() {}

  /** M̂ = U_k diag((λ_i − 1)₊) U_kᵀ from the eigen-decomposition of the sample covariance (I.4). */
  public static PpcaFit fit(DMatrixRMaj sampleCovariance, int k) {
    int d = sampleCovariance.numRows;
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("k must be in [1, d=" + d + "], got " + k);
    }
    SymmetricEigen e = SymmetricEigen.of(sampleCovariance);
    DMatrixRMaj u = e.leading(k);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    int retained = 0;
    for (int j = 0; j < k; j++) {
      double g = e.values()[j] - 1; // (λ_j − 1)₊
      if (!(g > 0)) {
        continue;
      }
      retained++;
      for (int i = 0; i < d; i++) {
        double ui = u.get(i, j) * g;
        for (int l = 0; l < d; l++) {
          m.add(i, l, ui * u.get(l, j));
        }
      }
    }
    return new PpcaFit(m, e.values().clone(), u, retained);
  }
}
