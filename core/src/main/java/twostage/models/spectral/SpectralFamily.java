package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.baseline.LinearFamily;

/**
 * The downstream-only class of the linear spectral model (Section 6.1): f(x; θ, A) = θᵀAx = v(φ)ᵀx with
 * v = Aᵀθ, A ∈ R^{k×d}, θ ∈ R^k; φ = (θ, vec A row-major), P = k + kd. Derivatives are exact:
 * ∂v/∂θ_i = A_{i·}ᵀ and ∂v_b/∂A_ib = θ_i. Since δAᵀθ⋆ already covers R^d when θ⋆ ≠ 0, F is the class
 * of all linear functions near f⋆ and d_base = d (docs/crossover.md §1).
 */
public final class SpectralFamily extends LinearFamily {
  private final int d;
  private final int k;

  /** The class for input dimension d and representation dimension k. */
  public SpectralFamily(int d, int k) {
    super(d);
    this.d = d;
    this.k = k;
  }

  @Override
  public int parameterDimension() {
    return k + k * d;
  }

  /** v(φ) = Aᵀθ. */
  @Override
  public double[] coefficients(double[] phi) {
    double[] v = new double[d];
    for (int i = 0; i < k; i++) {
      for (int b = 0; b < d; b++) {
        v[b] += phi[k + i * d + b] * phi[i];
      }
    }
    return v;
  }

  /** The d×P derivative of v at φ. */
  @Override
  public DMatrixRMaj coefficientJacobian(double[] phi) {
    DMatrixRMaj out = new DMatrixRMaj(d, parameterDimension());
    for (int i = 0; i < k; i++) {
      for (int b = 0; b < d; b++) {
        out.set(b, i, phi[k + i * d + b]);
        out.set(b, k + i * d + b, phi[i]);
      }
    }
    return out;
  }
}
