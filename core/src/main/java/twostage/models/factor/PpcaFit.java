package twostage.models.factor;

import org.ejml.data.DMatrixRMaj;

/**
 * The PPCA maximum-likelihood estimate of M = AAᵀ with unit noise variance (Lemma I.1, (I.4)).
 *
 * @param descriptor M̂ = U_k diag((λ_i − 1)₊) U_kᵀ (d×d)
 * @param eigenvalues all eigenvalues λ_1 ≥ … ≥ λ_d of the sample covariance S_m
 * @param leadingVectors U_k (d×k), eigenvectors of the k largest eigenvalues
 * @param retained number of i ≤ k with λ_i &gt; 1 (the rank of M̂)
 */
public record PpcaFit(DMatrixRMaj descriptor, double[] eigenvalues, DMatrixRMaj leadingVectors, int retained) {

  /** k. */
  public int k() {
    return leadingVectors.numCols;
  }

  /** True when the (λ_i − 1)₊ truncation binds, i.e. some λ_i ≤ 1 for i ≤ k and M̂ has rank &lt; k. */
  public boolean truncationBinds() {
    return retained < k();
  }

  /** A representative Â = U_k diag(((λ_i − 1)₊)^{1/2}) with ÂÂᵀ = M̂ (d×k). */
  public DMatrixRMaj loading() {
    int d = leadingVectors.numRows;
    DMatrixRMaj a = new DMatrixRMaj(d, k());
    for (int j = 0; j < k(); j++) {
      double s = Math.sqrt(Math.max(eigenvalues[j] - 1, 0));
      for (int i = 0; i < d; i++) {
        a.set(i, j, leadingVectors.get(i, j) * s);
      }
    }
    return a;
  }
}
