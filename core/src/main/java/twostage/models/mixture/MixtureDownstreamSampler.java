package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.theory.DownstreamSampler;

/**
 * Features ψ_{U⋆}(x) (intrinsic coordinates) and the analytic Jacobian J(x) = ∇_U f_U(x) at U⋆ of
 * f_U(x) = Σ_i π_i(x;U) g_i(x;U), g_i = ⟨θ_i, P_U(x − u_i)⟩ + b_i, for x from the mixture.
 *
 * <p>With c_i = u_i − ū, h_j = S⁺c_j, w_i = π_i(g_i − f), P⊥ = I − P⋆ and the projector derivative
 * DP[U̇] = Σ_j h_j(P⊥u̇_j)ᵀ + (P⊥u̇_j)h_jᵀ (first-order perturbation of the range projector of S, whose
 * other eigenvalues are 0), block j of J is
 *
 * <pre>
 * J_j = w_j P(x − u_j) − π_j Pθ_j + (a_j + t_j) P⊥(x − ū) + Σ_i π_i h_jᵀ(x − u_i) P⊥θ_i,
 * a_j = Σ_i w_i c_iᵀh_j,  t_j = Σ_i π_i θ_iᵀh_j,
 * </pre>
 * derived in docs/mixture-jacobian.md and tested against finite differences.
 */
public final class MixtureDownstreamSampler implements DownstreamSampler {
  private final int k;
  private final int d;
  private final int r;
  private final MixtureFeatures features;
  private final MixtureSampling sampling;

  private final double[][] centreCoords;
  private final double[][] thetaCoords;
  private final double[] bias;
  private final double[] basisT;
  private final double[] perpBasis;
  private final int directionCount;
  private final double[] directions;
  private final double[][] perpThetaCoords;
  private final double[][] hCoords;
  private final double[][] centredDotH;
  private final double[][] thetaDotH;
  private final double[][] centreDotH;
  private final double[] mean;
  private final double[] meanCoords;

  /** ψ and J at the instance's true centres, with r⋆ = rank S(U⋆). */
  public MixtureDownstreamSampler(MixtureInstance instance) {
    double[][] u = instance.centres();
    double[][] theta = instance.theta();
    this.k = u.length;
    this.d = u[0].length;
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    this.r = geo.rank();
    this.features = new MixtureFeatures(u, geo);
    this.sampling = new MixtureSampling(u);
    double[][] basis = geo.basis();
    this.centreCoords = features.centreCoordinates();
    this.bias = instance.bias();
    this.mean = geo.mean();
    this.meanCoords = geo.coordinates(mean);
    this.thetaCoords = new double[k][];
    double[][] perpTheta = new double[k][d];
    this.basisT = new double[r * d];
    for (int a = 0; a < d; a++) {
      for (int c = 0; c < r; c++) {
        basisT[c * d + a] = basis[a][c];
      }
    }
    double[][] h = new double[k][];
    this.hCoords = new double[k][];
    for (int i = 0; i < k; i++) {
      thetaCoords[i] = geo.coordinates(theta[i]);
      double[] projected = geo.project(theta[i]);
      for (int a = 0; a < d; a++) {
        perpTheta[i][a] = theta[i][a] - projected[a];
      }
      h[i] = geo.pseudoInverseTimes(geo.centred()[i]);
      hCoords[i] = geo.coordinates(h[i]);
    }
    double[][][] ortho = orthonormalise(perpTheta, d);
    this.perpBasis = ortho[0][0];
    this.perpThetaCoords = ortho[1];
    int s = perpBasis.length / d;
    this.directionCount = (r + s + 3) / 4 * 4;
    this.directions = new double[directionCount * d];
    System.arraycopy(basisT, 0, directions, 0, r * d);
    System.arraycopy(perpBasis, 0, directions, r * d, s * d);
    this.centredDotH = new double[k][k];
    this.thetaDotH = new double[k][k];
    this.centreDotH = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        centredDotH[i][j] = dot(geo.centred()[i], h[j]);
        thetaDotH[i][j] = dot(theta[i], h[j]);
        centreDotH[i][j] = dot(u[i], h[j]);
      }
    }
  }

  @Override
  public int featureDimension() {
    return features.dimension();
  }

  @Override
  public int parameterDimension() {
    return k * d;
  }

  /** r⋆, the dimension of the centred-mean subspace at U⋆. */
  public int subspaceDimension() {
    return r;
  }

  @Override
  public void sample(UniformRandomProvider rng, int count, double[] psi, double[] jac) {
    double[] x = new double[count * d];
    sampling.draw(rng, count, x);
    evaluate(x, count, psi, jac);
  }

  /** ψ and J at given points x (row-major count×d); used by tests and by {@link #sample}. */
  public void evaluate(double[] x, int count, double[] psi, double[] jac) {
    int p = features.dimension();
    int q = k * d;
    Scratch w = new Scratch(k, r, d, directionCount);
    for (int n = 0; n < count; n++) {
      features.evaluate(x, n * d, psi, n * p, w.z, w.pi);
      coefficients(x, n * d, w);
      for (int j = 0; j < k; j++) {
        combine(w.pc[j], w.perp, w.coef, j * directionCount, jac, n * q + j * d);
      }
    }
  }

  /** Per-sample working arrays. */
  private static final class Scratch {
    final double[] z;
    final double[] pi;
    final double[] g;
    final double[] w;
    final double[] perp;
    final double[] hx;
    final double[] pc;
    final double[] coef;

    Scratch(int k, int r, int d, int directionCount) {
      z = new double[r];
      pi = new double[k];
      g = new double[k];
      w = new double[k];
      perp = new double[d];
      hx = new double[k];
      pc = new double[k];
      coef = new double[k * directionCount];
    }
  }

  /**
   * J_j = pc_j P⊥(x − ū) + Σ_m coef_{j,m} e_m over the fixed directions e_m (the columns of B, then the
   * basis of span{P⊥θ_i}): pc_j = a_j + t_j, coef_{j,c} = w_j(z − Bᵀu_j)_c − π_j(Bᵀθ_j)_c and
   * coef_{j,r+l} = Σ_i π_i h_jᵀ(x − u_i) (P⊥θ_i)_l. Needs ψ's z and π in {@code s}.
   */
  private void coefficients(double[] x, int xo, Scratch s) {
    double[] z = s.z;
    double[] pi = s.pi;
    double f = 0;
    for (int i = 0; i < k; i++) {
      double gi = bias[i];
      double[] ti = thetaCoords[i];
      double[] ui = centreCoords[i];
      for (int c = 0; c < r; c++) {
        gi += ti[c] * (z[c] - ui[c]);
      }
      s.g[i] = gi;
      f += pi[i] * gi;
    }
    for (int i = 0; i < k; i++) {
      s.w[i] = pi[i] * (s.g[i] - f);
    }
    // P⊥(x − ū) = (x − ū) − B(z − Bᵀū)
    double[] perp = s.perp;
    for (int a = 0; a < d; a++) {
      perp[a] = x[xo + a] - mean[a];
    }
    for (int c = 0; c < r; c++) {
      double zc = meanCoords[c] - z[c];
      int bo = c * d;
      for (int a = 0; a < d; a++) {
        perp[a] += zc * basisT[bo + a];
      }
    }
    for (int j = 0; j < k; j++) {
      double sum = 0;
      double[] hj = hCoords[j];
      for (int c = 0; c < r; c++) {
        sum += hj[c] * z[c];
      }
      s.hx[j] = sum;
    }
    int sCount = perpThetaCoords.length == 0 ? 0 : perpThetaCoords[0].length;
    double[] coef = s.coef;
    java.util.Arrays.fill(coef, 0);
    for (int j = 0; j < k; j++) {
      double aj = 0;
      double tj = 0;
      int co = j * directionCount;
      for (int i = 0; i < k; i++) {
        aj += s.w[i] * centredDotH[i][j];
        tj += pi[i] * thetaDotH[i][j];
        double ci = pi[i] * (s.hx[j] - centreDotH[i][j]);
        double[] pt = perpThetaCoords[i];
        for (int l = 0; l < sCount; l++) {
          coef[co + r + l] += ci * pt[l];
        }
      }
      s.pc[j] = aj + tj;
      double[] uj = centreCoords[j];
      double[] thj = thetaCoords[j];
      for (int c = 0; c < r; c++) {
        coef[co + c] = s.w[j] * (z[c] - uj[c]) - pi[j] * thj[c];
      }
    }
  }

  /** out[o..o+d) = pc·perp + Σ_m coef[co+m] e_m, four directions per pass (padded with zeros). */
  private void combine(double pc, double[] perp, double[] coef, int co, double[] out, int o) {
    double c0 = coef[co];
    double c1 = coef[co + 1];
    double c2 = coef[co + 2];
    double c3 = coef[co + 3];
    double[] e = directions;
    for (int a = 0; a < d; a++) {
      out[o + a] = pc * perp[a] + c0 * e[a] + c1 * e[d + a] + c2 * e[2 * d + a] + c3 * e[3 * d + a];
    }
    for (int m = 4; m < directionCount; m += 4) {
      c0 = coef[co + m];
      c1 = coef[co + m + 1];
      c2 = coef[co + m + 2];
      c3 = coef[co + m + 3];
      int e0 = m * d;
      for (int a = 0; a < d; a++) {
        out[o + a] += c0 * e[e0 + a] + c1 * e[e0 + d + a] + c2 * e[e0 + 2 * d + a] + c3 * e[e0 + 3 * d + a];
      }
    }
  }

  /** Orthonormal basis (rows, flat s×d) of span{P⊥θ_i}, and coordinates of each P⊥θ_i in it (K×s). */
  private static double[][][] orthonormalise(double[][] vectors, int d) {
    java.util.List<double[]> basis = new java.util.ArrayList<>();
    double scale = 0;
    for (double[] v : vectors) {
      for (double e : v) {
        scale = Math.max(scale, Math.abs(e));
      }
    }
    for (double[] v : vectors) {
      double[] res = v.clone();
      for (int pass = 0; pass < 2; pass++) {
        for (double[] e : basis) {
          double dot = dot(res, e);
          for (int a = 0; a < d; a++) {
            res[a] -= dot * e[a];
          }
        }
      }
      double norm = Math.sqrt(dot(res, res));
      if (norm > 1e-12 * Math.max(scale, Double.MIN_NORMAL) * Math.sqrt(d)) {
        for (int a = 0; a < d; a++) {
          res[a] /= norm;
        }
        basis.add(res);
      }
    }
    double[][] flat = new double[1][basis.size() * d];
    for (int l = 0; l < basis.size(); l++) {
      System.arraycopy(basis.get(l), 0, flat[0], l * d, d);
    }
    double[][] coords = new double[vectors.length][basis.size()];
    for (int i = 0; i < vectors.length; i++) {
      for (int l = 0; l < basis.size(); l++) {
        coords[i][l] = dot(vectors[i], basis.get(l));
      }
    }
    return new double[][][] {flat, coords};
  }

  /** f_U(x) at arbitrary centres U with the instance's θ (r = r⋆), for finite-difference tests. */
  public static double target(MixtureInstance instance, double[][] centres, double[] x) {
    SubspaceGeometry geo = SubspaceGeometry.withRank(centres, SubspaceGeometry.atTruth(
        instance.centres()).rank());
    MixtureFeatures feats = new MixtureFeatures(centres, geo);
    int r = geo.rank();
    int k = centres.length;
    double[] z = new double[r];
    double[] pi = new double[k];
    double[] psi = new double[feats.dimension()];
    feats.evaluate(x, 0, psi, 0, z, pi);
    double f = 0;
    for (int i = 0; i < k; i++) {
      double[] t = geo.coordinates(instance.theta()[i]);
      double[] ui = geo.coordinates(centres[i]);
      double gi = instance.bias()[i];
      for (int c = 0; c < r; c++) {
        gi += t[c] * (z[c] - ui[c]);
      }
      f += pi[i] * gi;
    }
    return f;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
