package twostage.models.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.baseline.LinearFamily;

/**
 * The downstream-only class of the factor model (Section 6.2): f(x; θ, A) = θᵀψ(x, A) with
 * ψ(x, A) = Aᵀ(I_d + AAᵀ)⁻¹x, i.e. the linear function x ↦ v(φ)ᵀx with v = (I + AAᵀ)⁻¹Aθ.
 * Parameters φ = (θ ∈ R^k, vec A ∈ R^{dk} row-major), P = k + dk.
 *
 * <p>Analytic derivatives (B = (I + AAᵀ)⁻¹): ∂v/∂θ_j = (BA)_{·j} and
 * ∂v/∂A_ij = B[e_i (θ_j − (Aᵀv)_j) − A_{·j} v_i] (from d(I + AAᵀ)⁻¹ = −B(dA Aᵀ + A dAᵀ)B).
 * Every f is linear in x and every v ∈ R^d is reached, so F is the class of all linear functions and
 * d_base = d whenever the tangent map is onto (β⋆ ≠ 0; docs/crossover.md).
 */
public final class FactorFamily extends LinearFamily {
  private final int d;
  private final int k;

  /** The class for dimension d and k factors. */
  public FactorFamily(int d, int k) {
    super(d);
    this.d = d;
    this.k = k;
  }

  @Override
  public int parameterDimension() {
    return k + d * k;
  }

  /** φ = (θ, vec A) for given θ and A (d×k). */
  public static double[] parameters(DMatrixRMaj theta, DMatrixRMaj a) {
    int k = a.numCols;
    int d = a.numRows;
    double[] phi = new double[k + d * k];
    for (int j = 0; j < k; j++) {
      phi[j] = theta.get(j);
    }
    System.arraycopy(a.data, 0, phi, k, d * k);
    return phi;
  }

  /** v(φ) = (I + AAᵀ)⁻¹Aθ, so f(x; φ) = v(φ)ᵀx. */
  @Override
  public double[] coefficients(double[] phi) {
    return solveCoefficients(phi)[0].data;
  }

  /** [v (d×1), B (d×d), A (d×k)] at φ. */
  private DMatrixRMaj[] solveCoefficients(double[] phi) {
    DMatrixRMaj a = new DMatrixRMaj(d, k);
    System.arraycopy(phi, k, a.data, 0, d * k);
    DMatrixRMaj theta = new DMatrixRMaj(k, 1);
    System.arraycopy(phi, 0, theta.data, 0, k);
    DMatrixRMaj m = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.multAddTransB(a, a, m);
    DMatrixRMaj b = new DMatrixRMaj(d, d);
    if (!CommonOps_DDRM.invertSPD(m, b)) {
      throw new ArithmeticException("I + AA^T is not positive definite");
    }
    DMatrixRMaj at = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.mult(a, theta, at);
    DMatrixRMaj v = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.mult(b, at, v);
    return new DMatrixRMaj[] {v, b, a};
  }

  /** The d×P derivative Dv of the coefficient map at φ. */
  @Override
  public DMatrixRMaj coefficientJacobian(double[] phi) {
    DMatrixRMaj[] s = solveCoefficients(phi);
    DMatrixRMaj v = s[0];
    DMatrixRMaj b = s[1];
    DMatrixRMaj a = s[2];
    DMatrixRMaj ba = new DMatrixRMaj(d, k);
    CommonOps_DDRM.mult(b, a, ba);
    DMatrixRMaj atv = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.multTransA(a, v, atv);
    int p = parameterDimension();
    DMatrixRMaj out = new DMatrixRMaj(d, p);
    for (int j = 0; j < k; j++) {
      for (int r = 0; r < d; r++) {
        out.set(r, j, ba.get(r, j));
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        double c = phi[j] - atv.get(j);
        int col = k + i * k + j;
        for (int r = 0; r < d; r++) {
          out.set(r, col, b.get(r, i) * c - ba.get(r, j) * v.get(i));
        }
      }
    }
    return out;
  }

  /** The exact gradient Gram E[∇f ∇fᵀ] = Dvᵀ Σx Dv at φ for x with covariance Σx. */
  public DMatrixRMaj gradientGram(double[] phi, DMatrixRMaj covariance) {
    DMatrixRMaj dv = coefficientJacobian(phi);
    DMatrixRMaj tmp = new DMatrixRMaj(d, dv.numCols);
    CommonOps_DDRM.mult(covariance, dv, tmp);
    DMatrixRMaj g = new DMatrixRMaj(dv.numCols, dv.numCols);
    CommonOps_DDRM.multTransA(dv, tmp, g);
    return g;
  }

  /** φ⋆ = (β⋆, vec A⋆) of a factor model. */
  public static double[] truth(FactorModel model) {
    return parameters(model.theta(), model.loading());
  }
}
