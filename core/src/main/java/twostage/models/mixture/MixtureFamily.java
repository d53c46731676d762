package twostage.models.mixture;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.baseline.RegressionFamily;

/**
 * The downstream-only class of the Gaussian-mixture case study (Section 6.3):
 * f(x; θ, b, U) = Σ_i π_i(x; U) (⟨θ_i, B_Uᵀ(x − u_i)⟩ + b_i), the responsibilities π_i of (6.3) and the
 * features of (6.4) in intrinsic coordinates of the leading r⋆-dimensional eigenspace of S(U).
 *
 * <p>The intrinsic basis must vary smoothly with U for nonlinear least squares, so it is pinned to the
 * true basis B⋆: B_U = P_U B⋆ (B⋆ᵀ P_U B⋆)^{-1/2}, the orthonormal basis of range P_U closest to B⋆
 * (smooth near U⋆, independent of the eigen-solver's choice of basis, and B_{U⋆} = B⋆). Any other
 * smooth choice changes θ by a smooth invertible map and leaves the class and T_base unchanged.
 *
 * <p>Parameters φ = (θ_1, …, θ_K ∈ R^{r⋆}, b_1, …, b_K, u_1, …, u_K ∈ R^d), P = K r⋆ + K + K d.
 * Derivatives are the interface's central differences.
 */
public final class MixtureFamily implements RegressionFamily {
  private final int k;
  private final int d;
  private final int r;
  private final DMatrixRMaj basisStar;

  /** The class for K components in R^d with subspace dimension r⋆ and reference basis B⋆ (d×r⋆). */
  public MixtureFamily(int k, int d, double[][] basisStar) {
    this.k = k;
    this.d = d;
    this.r = basisStar[0].length;
    this.basisStar = new DMatrixRMaj(basisStar);
  }

  @Override
  public int inputDimension() {
    return d;
  }

  @Override
  public int parameterDimension() {
    return k * r + k + k * d;
  }

  /** r⋆. */
  public int subspaceDimension() {
    return r;
  }

  /** B_U (d×r), pinned to B⋆ as in the class comment. */
  public DMatrixRMaj basis(double[][] centres) {
    double[][] v = SubspaceGeometry.withRank(centres, r).basis();
    DMatrixRMaj vm = new DMatrixRMaj(v);
    DMatrixRMaj m = new DMatrixRMaj(r, r);
    CommonOps_DDRM.multTransA(basisStar, vm, m); // M = B⋆ᵀV
    DMatrixRMaj mmt = new DMatrixRMaj(r, r);
    CommonOps_DDRM.multTransB(m, m, mmt);
    DMatrixRMaj invSqrt = Sym.function(SymmetricEigen.of(mmt), -1.0, x -> 1.0 / Math.sqrt(x));
    DMatrixRMaj mtInv = new DMatrixRMaj(r, r);
    CommonOps_DDRM.multTransA(m, invSqrt, mtInv); // Mᵀ(MMᵀ)^{-1/2}
    DMatrixRMaj b = new DMatrixRMaj(d, r);
    CommonOps_DDRM.mult(vm, mtInv, b);
    return b;
  }

  /** The centres u_i stored in φ (K×d). */
  public double[][] centres(double[] phi) {
    double[][] u = new double[k][d];
    int o = k * r + k;
    for (int i = 0; i < k; i++) {
      System.arraycopy(phi, o + i * d, u[i], 0, d);
    }
    return u;
  }

  @Override
  public void evaluate(double[] phi, double[] x, int count, double[] values) {
    double[][] u = centres(phi);
    DMatrixRMaj b = basis(u);
    double[] bd = b.data;
    double[][] c = new double[k][r];
    double[] half = new double[k];
    double[] offset = new double[k]; // b_i − ⟨θ_i, c_i⟩
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        for (int j = 0; j < r; j++) {
          c[i][j] += bd[a * r + j] * u[i][a];
        }
      }
      double s = 0;
      double t = 0;
      for (int j = 0; j < r; j++) {
        s += c[i][j] * c[i][j];
        t += phi[i * r + j] * c[i][j];
      }
      half[i] = 0.5 * s;
      offset[i] = phi[k * r + i] - t;
    }
    double[] z = new double[r];
    double[] logit = new double[k];
    for (int n = 0; n < count; n++) {
      int xo = n * d;
      java.util.Arrays.fill(z, 0);
      for (int a = 0; a < d; a++) {
        double xa = x[xo + a];
        if (xa == 0) {
          continue;
        }
        for (int j = 0; j < r; j++) {
          z[j] += bd[a * r + j] * xa;
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        double s = -half[i];
        for (int j = 0; j < r; j++) {
          s += c[i][j] * z[j];
        }
        logit[i] = s;
        max = Math.max(max, s);
      }
      double total = 0;
      double f = 0;
      for (int i = 0; i < k; i++) {
        double w = Math.exp(logit[i] - max);
        double g = offset[i];
        for (int j = 0; j < r; j++) {
          g += phi[i * r + j] * z[j];
        }
        total += w;
        f += w * g;
      }
      values[n] = f / total;
    }
  }

  /**
   * φ⋆ from ambient readout blocks θ_i ∈ R^d (only B⋆ᵀθ_i matters), biases b_i and centres U⋆.
   */
  public double[] truth(double[][] ambientTheta, double[] bias, double[][] centres) {
    double[] phi = new double[parameterDimension()];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < r; j++) {
        double s = 0;
        for (int a = 0; a < d; a++) {
          s += basisStar.get(a, j) * ambientTheta[i][a];
        }
        phi[i * r + j] = s;
      }
      phi[k * r + i] = bias[i];
      System.arraycopy(centres[i], 0, phi, k * r + k + i * d, d);
    }
    return phi;
  }
}
