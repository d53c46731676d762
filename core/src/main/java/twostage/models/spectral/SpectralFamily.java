package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.baseline.RegressionFamily;

/**
 * The downstream-only class of the linear spectral model (Section 6.1): f(x; θ, A) = θᵀAx = v(φ)ᵀx with
 * v = Aᵀθ, A ∈ R^{k×d}, θ ∈ R^k; φ = (θ, vec A row-major), P = k + kd. Derivatives are exact:
 * ∂v/∂θ_i = A_{i·}ᵀ and ∂v_b/∂A_ib = θ_i. Since δAᵀθ⋆ already covers R^d when θ⋆ ≠ 0, F is the class
 * of all linear functions near f⋆ and d_base = d (docs/crossover.md §1).
 */
public final class SpectralFamily implements RegressionFamily {
  private final int d;
  private final int k;

  /** The class for input dimension d and representation dimension k. */
  public SpectralFamily(int d, int k) {
    this.d = d;
    this.k = k;
  }

  @Override
  public int inputDimension() {
    return d;
  }

  @Override
  public int parameterDimension() {
    return k + k * d;
  }

  /** v(φ) = Aᵀθ. */
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

  @Override
  public void evaluate(double[] phi, double[] x, int count, double[] values) {
    double[] v = coefficients(phi);
    for (int n = 0; n < count; n++) {
      double s = 0;
      for (int b = 0; b < d; b++) {
        s += v[b] * x[n * d + b];
      }
      values[n] = s;
    }
  }

  @Override
  public void directionalDerivatives(
      double[] phi, double[] directions, int r, double[] x, int count, double[] out) {
    DMatrixRMaj dv = coefficientJacobian(phi);
    int p = parameterDimension();
    double[] dvd = new double[d * r];
    for (int b = 0; b < d; b++) {
      for (int a = 0; a < p; a++) {
        double v = dv.get(b, a);
        if (v == 0) {
          continue;
        }
        for (int j = 0; j < r; j++) {
          dvd[b * r + j] += v * directions[a * r + j];
        }
      }
    }
    for (int n = 0; n < count; n++) {
      for (int j = 0; j < r; j++) {
        double s = 0;
        for (int b = 0; b < d; b++) {
          s += x[n * d + b] * dvd[b * r + j];
        }
        out[n * r + j] = s;
      }
    }
  }
}
