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
  private final double[][] basis;
  private final double[][] centreCoords;
  private final double[][] thetaCoords;
  private final double[] bias;
  private final double[][] projectedTheta;
  private final double[][] perpTheta;
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
    this.basis = geo.basis();
    this.centreCoords = features.centreCoordinates();
    this.bias = instance.bias();
    this.mean = geo.mean();
    this.meanCoords = geo.coordinates(mean);
    this.thetaCoords = new double[k][];
    this.projectedTheta = new double[k][];
    this.perpTheta = new double[k][d];
    double[][] h = new double[k][];
    this.hCoords = new double[k][];
    for (int i = 0; i < k; i++) {
      thetaCoords[i] = geo.coordinates(theta[i]);
      projectedTheta[i] = geo.project(theta[i]);
      for (int a = 0; a < d; a++) {
        perpTheta[i][a] = theta[i][a] - projectedTheta[i][a];
      }
      h[i] = geo.pseudoInverseTimes(geo.centred()[i]);
      hCoords[i] = geo.coordinates(h[i]);
    }
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
    double[] z = new double[r];
    double[] pi = new double[k];
    double[] g = new double[k];
    double[] w = new double[k];
    double[] coef = new double[k];
    double[] perp = new double[d];
    double[] hx = new double[k];
    double[] zc = new double[r];
    for (int n = 0; n < count; n++) {
      int xo = n * d;
      features.evaluate(x, xo, psi, n * p, z, pi);
      double f = 0;
      for (int i = 0; i < k; i++) {
        double gi = bias[i];
        double[] ti = thetaCoords[i];
        double[] ui = centreCoords[i];
        for (int c = 0; c < r; c++) {
          gi += ti[c] * (z[c] - ui[c]);
        }
        g[i] = gi;
        f += pi[i] * gi;
      }
      for (int i = 0; i < k; i++) {
        w[i] = pi[i] * (g[i] - f);
      }
      for (int c = 0; c < r; c++) {
        zc[c] = z[c] - meanCoords[c];
      }
      for (int a = 0; a < d; a++) {
        double s = x[xo + a] - mean[a];
        double[] row = basis[a];
        for (int c = 0; c < r; c++) {
          s -= row[c] * zc[c];
        }
        perp[a] = s;
      }
      for (int j = 0; j < k; j++) {
        double s = 0;
        double[] hj = hCoords[j];
        for (int c = 0; c < r; c++) {
          s += hj[c] * z[c];
        }
        hx[j] = s;
      }
      int jo = n * q;
      for (int j = 0; j < k; j++) {
        double aj = 0;
        double tj = 0;
        for (int i = 0; i < k; i++) {
          aj += w[i] * centredDotH[i][j];
          tj += pi[i] * thetaDotH[i][j];
          coef[i] = pi[i] * (hx[j] - centreDotH[i][j]);
        }
        double perpCoef = aj + tj;
        double[] uj = centreCoords[j];
        for (int c = 0; c < r; c++) {
          zc[c] = w[j] * (z[c] - uj[c]);
        }
        int o = jo + j * d;
        double[] ptj = projectedTheta[j];
        for (int a = 0; a < d; a++) {
          double s = perpCoef * perp[a] - pi[j] * ptj[a];
          double[] row = basis[a];
          for (int c = 0; c < r; c++) {
            s += row[c] * zc[c];
          }
          for (int i = 0; i < k; i++) {
            s += coef[i] * perpTheta[i][a];
          }
          jac[o + a] = s;
        }
      }
    }
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
