package twostage.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * A regression class of linear functions f(x; φ) = v(φ)ᵀx, given by its coefficient map v: R^P → R^d
 * and the derivative Dv; values and directional derivatives follow exactly from them
 * (∂/∂t f(x; φ + tD) = xᵀ Dv D).
 */
public abstract class LinearFamily implements RegressionFamily {
  private final int d;

  /** A class of linear functions on R^d. */
  protected LinearFamily(int d) {
    this.d = d;
  }

  /** v(φ), so that f(x; φ) = v(φ)ᵀx. */
  public abstract double[] coefficients(double[] phi);

  /** The d×P derivative Dv of the coefficient map at φ. */
  public abstract DMatrixRMaj coefficientJacobian(double[] phi);

  @Override
  public final int inputDimension() {
    return d;
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
