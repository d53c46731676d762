package twostage.models.mixture;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;

/**
 * The centred-mean subspace of a set of centres U (Section 6.3): ū = (1/K)Σu_i,
 * S(U) = Σ(u_i − ū)(u_i − ū)ᵀ, and P_U, the projector onto its leading r-dimensional eigenspace,
 * kept as an orthonormal basis B (d×r) so that P_U = B Bᵀ.
 */
public final class SubspaceGeometry {
  private final int k;
  private final int d;
  private final int r;
  private final double[] mean;
  private final double[][] centred;
  private final double[] eigenvalues;
  private final double[][] basis;

  private SubspaceGeometry(double[][] u, int r) {
    this.k = u.length;
    this.d = u[0].length;
    this.mean = new double[d];
    for (double[] ui : u) {
      for (int a = 0; a < d; a++) {
        mean[a] += ui[a] / k;
      }
    }
    this.centred = new double[k][d];
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        centred[i][a] = u[i][a] - mean[a];
      }
    }
    // S(U) = CᵀC with C the K×d centred centres: when d > K its eigenpairs come from the K×K Gram CCᵀ
    // (same non-zero eigenvalues; eigenvectors Cᵀv/√λ), so the cost does not grow with d
    boolean gram = d > k;
    DMatrixRMaj s = gram ? new DMatrixRMaj(k, k) : new DMatrixRMaj(d, d);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < (gram ? k : 0); j++) {
        double dot = 0;
        for (int a = 0; a < d; a++) {
          dot += centred[i][a] * centred[j][a];
        }
        s.set(i, j, dot);
      }
      if (!gram) {
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            s.add(a, b, centred[i][a] * centred[i][b]);
          }
        }
      }
    }
    SymmetricEigen e = SymmetricEigen.of(s);
    this.eigenvalues = java.util.Arrays.copyOf(e.values(), d);
    this.r = r < 0 ? e.rank(1e-10) : r;
    if (this.r < 1 || this.r > Math.min(d, k - 1)) {
      throw new IllegalArgumentException(
          "the centred-mean subspace must have dimension in [1, min(d, K-1)], got " + this.r);
    }
    this.basis = new double[d][this.r];
    for (int c = 0; c < this.r; c++) {
      if (gram) {
        double norm = Math.sqrt(Math.max(eigenvalues[c], Double.MIN_NORMAL));
        for (int a = 0; a < d; a++) {
          double v = 0;
          for (int i = 0; i < k; i++) {
            v += centred[i][a] * e.vectors().get(i, c);
          }
          basis[a][c] = v / norm;
        }
      } else {
        for (int a = 0; a < d; a++) {
          basis[a][c] = e.vectors().get(a, c);
        }
      }
    }
  }

  /** Geometry at the true centres: r⋆ = rank S(U⋆). */
  public static SubspaceGeometry atTruth(double[][] centres) {
    return new SubspaceGeometry(centres, -1);
  }

  /** Geometry at estimated centres, projecting onto the leading {@code r} eigenvectors. */
  public static SubspaceGeometry withRank(double[][] centres, int r) {
    return new SubspaceGeometry(centres, r);
  }

  /** r, the dimension of the subspace. */
  public int rank() {
    return r;
  }

  /** Eigenvalues of S(U), largest first. */
  public double[] eigenvalues() {
    return eigenvalues.clone();
  }

  /** λ_r(S) − λ_{r+1}(S): the eigengap of Assumption 6.5(ii). */
  public double eigengap() {
    double next = r < eigenvalues.length ? eigenvalues[r] : 0.0;
    return eigenvalues[r - 1] - Math.max(next, 0.0);
  }

  /** ū. */
  public double[] mean() {
    return mean.clone();
  }

  /** u_i − ū, K×d. */
  public double[][] centred() {
    return centred;
  }

  /** B, d×r with orthonormal columns spanning the subspace. */
  public double[][] basis() {
    return basis;
  }

  /** Bᵀv. */
  public double[] coordinates(double[] v) {
    double[] out = new double[r];
    for (int a = 0; a < d; a++) {
      double va = v[a];
      if (va == 0) {
        continue;
      }
      for (int c = 0; c < r; c++) {
        out[c] += basis[a][c] * va;
      }
    }
    return out;
  }

  /** P v = B Bᵀ v. */
  public double[] project(double[] v) {
    return expand(coordinates(v));
  }

  /** S⁺ v = B diag(1/λ) Bᵀ v, the pseudo-inverse restricted to the subspace (S has rank r there at U⋆). */
  public double[] pseudoInverseTimes(double[] v) {
    double[] z = coordinates(v);
    for (int c = 0; c < r; c++) {
      z[c] /= eigenvalues[c];
    }
    return expand(z);
  }

  /** B z. */
  private double[] expand(double[] z) {
    double[] out = new double[d];
    for (int a = 0; a < d; a++) {
      double s = 0;
      for (int c = 0; c < r; c++) {
        s += basis[a][c] * z[c];
      }
      out[a] = s;
    }
    return out;
  }
}
