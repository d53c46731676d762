package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Rows;
import twostage.linalg.Sym;

/** Instances shared by the spectral tests. */
public final class SpectralFixtures {
  private SpectralFixtures() {}

  /** Diagonal, non-identity Σpre and Σdown, a negative whitened eigenvalue, β⋆ of mixed sign. */
  public static SpectralInstance diagonal() {
    return new SpectralInstance(
        diag(2, 1, 0.5, 1.5), diag(1.6, 0.3, 0.1, -0.3), diag(1, 2, 0.5, 1), 2,
        new double[] {1, -0.5}, 0.7);
  }

  /** A correlated instance: Σpre and Σ⁺pre share no eigenbasis, Σdown is correlated too (d=3, k=2). */
  public static SpectralInstance correlated() {
    double[][] pre = {{1.5, 0.4, -0.2}, {0.4, 1.0, 0.3}, {-0.2, 0.3, 0.8}};
    // C = V diag(0.9, 0.5, 0.25) Vᵀ for a rotation V, Σ⁺ = Σ^{1/2} C Σ^{1/2}
    double[][] v = rotation(0.3, -0.7, 1.1);
    DMatrixRMaj c = new DMatrixRMaj(3, 3);
    double[] ev = {0.9, 0.5, 0.25};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double t = 0;
        for (int l = 0; l < 3; l++) {
          t += v[i][l] * ev[l] * v[j][l];
        }
        c.set(i, j, t);
      }
    }
    DMatrixRMaj root = Sym.sqrtPsd(new DMatrixRMaj(pre));
    DMatrixRMaj tmp = new DMatrixRMaj(3, 3);
    DMatrixRMaj plus = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(root, c, tmp);
    CommonOps_DDRM.mult(tmp, root, plus);
    double[][] down = {{1.2, -0.3, 0.1}, {-0.3, 0.9, 0.2}, {0.1, 0.2, 0.7}};
    return new SpectralInstance(pre, Rows.of(Sym.symmetrized(plus)), down, 2, new double[] {0.8, 1.3}, 1);
  }

  /** A rotation of R³ from three angles. */
  public static double[][] rotation(double a, double b, double c) {
    double[][] x = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
    double[][] y = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
    double[][] z = {{Math.cos(c), -Math.sin(c), 0}, {Math.sin(c), Math.cos(c), 0}, {0, 0, 1}};
    return mult(mult(x, y), z);
  }

  /** A rotation of R^4 (two planar rotations composed). */
  public static double[][] rotation4() {
    double[][] r = new double[4][4];
    double[][] three = rotation(0.4, 0.9, -0.5);
    for (int i = 0; i < 3; i++) {
      System.arraycopy(three[i], 0, r[i], 0, 3);
    }
    r[3][3] = 1;
    double t = 0.6;
    double[][] g = {{1, 0, 0, 0}, {0, Math.cos(t), 0, -Math.sin(t)}, {0, 0, 1, 0}, {0, Math.sin(t), 0, Math.cos(t)}};
    return mult(r, g);
  }

  public static double[][] diag(double... v) {
    double[][] out = new double[v.length][v.length];
    for (int i = 0; i < v.length; i++) {
      out[i][i] = v[i];
    }
    return out;
  }

  private static double[][] mult(double[][] a, double[][] b) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int l = 0; l < n; l++) {
          out[i][j] += a[i][l] * b[l][j];
        }
      }
    }
    return out;
  }
}
