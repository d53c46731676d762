package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The population minimiser of Appendix H.2 and the geometry around it: the whitened cross-covariance
 * C = Σpre^{-1/2} Σ⁺pre Σpre^{-1/2} = U Λ Uᵀ, the canonical representative A⋆ = Λ_k^{1/2} U_kᵀ Σpre^{-1/2}
 * (so M⋆ = A⋆ᵀA⋆ and Σpre^{1/2} M⋆ Σpre^{1/2} = U_kΛ_kU_kᵀ), a⋆ = A⋆ᵀβ⋆ and the orbit tangent
 * {ΩA⋆ : Ω skew} of O(k) in representative coordinates vec(A) (row-major, index a·d + b). Each
 * eigenvector u_i is signed so that its largest-magnitude entry is positive (row i of A⋆ pairs with
 * β⋆_i, so the sign fixes f⋆); with a repeated eigenvalue among the top k, A⋆ depends on the basis the
 * eigen-solver returns.
 *
 * @param instance the instance
 * @param eigenvalues eigenvalues of C, largest first
 * @param aStar A⋆ (k×d)
 * @param mStar M⋆ = A⋆ᵀA⋆ (d×d)
 * @param aTarget a⋆ = A⋆ᵀβ⋆ ∈ R^d, so f⋆(x) = a⋆ᵀx
 */
public record SpectralGeometry(
    SpectralInstance instance, double[] eigenvalues, DMatrixRMaj aStar, DMatrixRMaj mStar, double[] aTarget) {

  /** Computes the minimiser of (H.4) for {@code instance}. */
  public static SpectralGeometry of(SpectralInstance instance) {
    int d = instance.dimension();
    int k = instance.k();
    DMatrixRMaj invSqrt = inverseSqrt(instance.sigmaPreMatrix());
    SymmetricEigen c = SymmetricEigen.of(Sym.congruence(invSqrt, instance.sigmaPlusMatrix()));
    DMatrixRMaj a = new DMatrixRMaj(k, d);
    for (int i = 0; i < k; i++) {
      double s = Math.sqrt(c.values()[i]) * canonicalSign(c.vectors(), i);
      for (int b = 0; b < d; b++) {
        double t = 0;
        for (int j = 0; j < d; j++) {
          t += c.vectors().get(j, i) * invSqrt.get(j, b);
        }
        a.set(i, b, s * t);
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(a, a, m);
    double[] target = new double[d];
    for (int b = 0; b < d; b++) {
      for (int i = 0; i < k; i++) {
        target[b] += a.get(i, b) * instance.betaAt(i);
      }
    }
    return new SpectralGeometry(instance, c.values(), a, m, target);
  }

  /** +1 or −1 so that the largest-magnitude entry (first on ties) of eigenvector {@code col} is positive. */
  private static double canonicalSign(DMatrixRMaj vectors, int col) {
    int best = 0;
    for (int j = 1; j < vectors.numRows; j++) {
      if (Math.abs(vectors.get(j, col)) > Math.abs(vectors.get(best, col)) + 1e-12) {
        best = j;
      }
    }
    return vectors.get(best, col) < 0 ? -1 : 1;
  }

  /** Eigenvalues of C = Σpre^{-1/2} Σ⁺pre Σpre^{-1/2}, largest first. */
  static double[] whitenedEigenvalues(double[][] sigmaPre, double[][] sigmaPlus) {
    DMatrixRMaj invSqrt = inverseSqrt(new DMatrixRMaj(sigmaPre));
    return SymmetricEigen.of(Sym.congruence(invSqrt, new DMatrixRMaj(sigmaPlus))).values();
  }

  /** Σ^{-1/2} of a positive definite Σ. */
  public static DMatrixRMaj inverseSqrt(DMatrixRMaj s) {
    return Sym.function(SymmetricEigen.of(s), -1.0, v -> 1.0 / Math.sqrt(v));
  }

  /**
   * The orbit tangent at A⋆: a q×k(k−1)/2 matrix whose columns are vec(Ω_{ij}A⋆) for the skew
   * Ω_{ij} = e_ie_jᵀ − e_je_iᵀ, i &lt; j (row-major vec).
   */
  public DMatrixRMaj orbitBasis() {
    return orbitBasis(aStar);
  }

  /** The orbit tangent {ΩA : Ω skew} at any A (k×d), as in {@link #orbitBasis()}. */
  static DMatrixRMaj orbitBasis(DMatrixRMaj a) {
    int k = a.numRows;
    int d = a.numCols;
    DMatrixRMaj out = new DMatrixRMaj(k * d, k * (k - 1) / 2);
    int col = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        for (int b = 0; b < d; b++) {
          out.set(i * d + b, col, a.get(j, b));
          out.set(j * d + b, col, -a.get(i, b));
        }
        col++;
      }
    }
    return out;
  }

  /** k, the representation dimension. */
  public int k() {
    return instance.k();
  }

  /** d, the input dimension. */
  public int d() {
    return instance.dimension();
  }
}
