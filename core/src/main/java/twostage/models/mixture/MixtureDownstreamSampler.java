package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.theory.DownstreamSampler;
import twostage.theory.MonteCarloMoments;

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
  private final ThreadLocal<Block> scratch;

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
    this.scratch = ThreadLocal.withInitial(() -> new Block(k, r, d, directionCount, MonteCarloMoments.BLOCK));
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

  /** The same draws as {@link #sample}, evaluated a block at a time by coordinate. */
  @Override
  public void sampleColumns(UniformRandomProvider rng, int count, double[][] columns) {
    Block b = block(count);
    sampling.drawColumns(rng, count, b.x);
    evaluateColumns(b, count, columns);
  }

  /** ψ and J at given points x (row-major count×d) into row-major psi (count×p) and jac (count×q). */
  public void evaluate(double[] x, int count, double[] psi, double[] jac) {
    int p = features.dimension();
    int q = k * d;
    Block b = block(count);
    for (int a = 0; a < d; a++) {
      double[] xa = b.x[a];
      for (int n = 0; n < count; n++) {
        xa[n] = x[n * d + a];
      }
    }
    double[][] columns = new double[p + q][count];
    evaluateColumns(b, count, columns);
    for (int i = 0; i < p; i++) {
      for (int n = 0; n < count; n++) {
        psi[n * p + i] = columns[i][n];
      }
    }
    for (int j = 0; j < q; j++) {
      for (int n = 0; n < count; n++) {
        jac[n * q + j] = columns[p + j][n];
      }
    }
  }

  private Block block(int count) {
    Block b = scratch.get();
    if (b.cap < count) {
      b = new Block(k, r, d, directionCount, count);
      scratch.set(b);
    }
    return b;
  }

  /**
   * Working arrays of one thread: each array holds one quantity for every point of a block, so that
   * every loop below runs over the points with one index (the form the JIT vectorises).
   */
  private static final class Block {
    final int cap;
    final double[][] x;
    final double[][] z;
    final double[][] pi;
    final double[][] g;
    final double[][] w;
    final double[][] perp;
    final double[][] hx;
    final double[][] coef;
    final double[][] pc;
    final double[] max;
    final double[] total;
    final double[] f;
    final double[] t;
    final double[] ci;

    Block(int k, int r, int d, int directionCount, int cap) {
      this.cap = cap;
      x = new double[d][cap];
      z = new double[r][cap];
      pi = new double[k][cap];
      g = new double[k][cap];
      w = new double[k][cap];
      perp = new double[d][cap];
      hx = new double[k][cap];
      coef = new double[k * directionCount][cap];
      pc = new double[k][cap];
      max = new double[cap];
      total = new double[cap];
      f = new double[cap];
      t = new double[cap];
      ci = new double[cap];
    }
  }

  /**
   * ψ and J of the {@code count} points in {@code b.x} (coordinate a of point n in x[a][n]) into
   * {@code out}: out[i][n] is ψ_i for i &lt; p, out[p + j·d + a][n] entry a of block j of J. Each point
   * sees the same operations in the same order as a point-by-point evaluation, hence the same bits.
   *
   * <p>J_j = pc_j P⊥(x − ū) + Σ_m coef_{j,m} e_m over the fixed directions e_m (the columns of B, then
   * the basis of span{P⊥θ_i}): pc_j = a_j + t_j, coef_{j,c} = w_j(z − Bᵀu_j)_c − π_j(Bᵀθ_j)_c and
   * coef_{j,r+l} = Σ_i π_i h_jᵀ(x − u_i) (P⊥θ_i)_l.
   */
  private void evaluateColumns(Block b, int count, double[][] out) {
    coordinates(b, count);
    features.evaluateColumns(b.z, count, out, b.pi, b.max, b.total); // ψ and π, eq. (6.3)-(6.4)
    residualWeights(b, count);
    perpendicular(b, count);
    centreProducts(b, count);
    coefficients(b, count);
    combine(b, count, out);
  }

  // One method per stage keeps each compilation unit small: the JIT compiles (and vectorises) them
  // separately instead of one large method twice (on-stack replacement, then in full).

  /** z = Bᵀx. */
  private void coordinates(Block b, int count) {
    double[][] x = b.x;
    double[][] z = b.z;
    for (int c = 0; c < r; c++) {
      double[] zc = z[c];
      java.util.Arrays.fill(zc, 0, count, 0.0);
      for (int a = 0; a < d; a++) {
        double bt = basisT[c * d + a];
        double[] xa = x[a];
        for (int n = 0; n < count; n++) {
          zc[n] += bt * xa[n];
        }
      }
    }
  }

  /** g_i = b_i + ⟨Bᵀθ_i, z − Bᵀu_i⟩, f = Σ π_i g_i, w_i = π_i (g_i − f). */
  private void residualWeights(Block b, int count) {
    double[][] z = b.z;
    double[][] pi = b.pi;
    double[] f = b.f;
    java.util.Arrays.fill(f, 0, count, 0.0);
    for (int i = 0; i < k; i++) {
      double[] ti = thetaCoords[i];
      double[] ui = centreCoords[i];
      double[] gi = b.g[i];
      double[] pii = pi[i];
      java.util.Arrays.fill(gi, 0, count, bias[i]);
      for (int c = 0; c < r; c++) {
        double tc = ti[c];
        double u = ui[c];
        double[] zc = z[c];
        for (int n = 0; n < count; n++) {
          gi[n] += tc * (zc[n] - u);
        }
      }
      for (int n = 0; n < count; n++) {
        f[n] += pii[n] * gi[n];
      }
    }
    for (int i = 0; i < k; i++) {
      double[] wi = b.w[i];
      double[] gi = b.g[i];
      double[] pii = pi[i];
      for (int n = 0; n < count; n++) {
        wi[n] = pii[n] * (gi[n] - f[n]);
      }
    }
  }

  /** P⊥(x − ū) = (x − ū) − B(z − Bᵀū). */
  private void perpendicular(Block b, int count) {
    double[][] x = b.x;
    double[][] z = b.z;
    for (int a = 0; a < d; a++) {
      double[] pa = b.perp[a];
      double[] xa = x[a];
      double m = mean[a];
      for (int n = 0; n < count; n++) {
        pa[n] = xa[n] - m;
      }
    }
    for (int c = 0; c < r; c++) {
      double mc = meanCoords[c];
      double[] zc = z[c];
      for (int a = 0; a < d; a++) {
        double bt = basisT[c * d + a];
        double[] pa = b.perp[a];
        for (int n = 0; n < count; n++) {
          pa[n] += (mc - zc[n]) * bt;
        }
      }
    }
  }

  /** h_jᵀx, in coordinates. */
  private void centreProducts(Block b, int count) {
    double[][] z = b.z;
    for (int j = 0; j < k; j++) {
      double[] hj = b.hx[j];
      java.util.Arrays.fill(hj, 0, count, 0.0);
      for (int c = 0; c < r; c++) {
        double h = hCoords[j][c];
        double[] zc = z[c];
        for (int n = 0; n < count; n++) {
          hj[n] += h * zc[n];
        }
      }
    }
  }

  /** pc_j and the coefficients coef_{j,m} of J_j on the fixed directions, for every point. */
  private void coefficients(Block b, int count) {
    double[] t = b.t;
    double[] ci = b.ci;
    int sCount = perpThetaCoords.length == 0 ? 0 : perpThetaCoords[0].length;
    for (int j = 0; j < k; j++) {
      double[] pcj = b.pc[j];
      double[] hj = b.hx[j];
      int co = j * directionCount;
      java.util.Arrays.fill(pcj, 0, count, 0.0);
      java.util.Arrays.fill(t, 0, count, 0.0);
      for (int m = r; m < directionCount; m++) {
        java.util.Arrays.fill(b.coef[co + m], 0, count, 0.0);
      }
      for (int i = 0; i < k; i++) {
        double[] wi = b.w[i];
        double[] pii = b.pi[i];
        double cd = centredDotH[i][j];
        double td = thetaDotH[i][j];
        double ce = centreDotH[i][j];
        for (int n = 0; n < count; n++) {
          pcj[n] += wi[n] * cd;
          t[n] += pii[n] * td;
          ci[n] = pii[n] * (hj[n] - ce);
        }
        double[] pt = perpThetaCoords[i];
        for (int l = 0; l < sCount; l++) {
          double v = pt[l];
          double[] cl = b.coef[co + r + l];
          for (int n = 0; n < count; n++) {
            cl[n] += ci[n] * v;
          }
        }
      }
      for (int n = 0; n < count; n++) {
        pcj[n] += t[n];
      }
      double[] uj = centreCoords[j];
      double[] thj = thetaCoords[j];
      double[] wj = b.w[j];
      double[] pij = b.pi[j];
      for (int c = 0; c < r; c++) {
        double[] cc = b.coef[co + c];
        double[] zc = b.z[c];
        double u = uj[c];
        double th = thj[c];
        for (int n = 0; n < count; n++) {
          cc[n] = wj[n] * (zc[n] - u) - pij[n] * th;
        }
      }
    }
  }

  /** J_j = pc_j·perp + Σ_m coef_{j,m} e_m, four directions per pass (padded with zeros). */
  private void combine(Block b, int count, double[][] out) {
    int p = features.dimension();
    double[] e = directions;
    for (int j = 0; j < k; j++) {
      double[] pcj = b.pc[j];
      int co = j * directionCount;
      for (int a = 0; a < d; a++) {
        double[] o = out[p + j * d + a];
        double[] pa = b.perp[a];
        double[] k0 = b.coef[co];
        double[] k1 = b.coef[co + 1];
        double[] k2 = b.coef[co + 2];
        double[] k3 = b.coef[co + 3];
        double e0 = e[a];
        double e1 = e[d + a];
        double e2 = e[2 * d + a];
        double e3 = e[3 * d + a];
        for (int n = 0; n < count; n++) {
          o[n] = pcj[n] * pa[n] + k0[n] * e0 + k1[n] * e1 + k2[n] * e2 + k3[n] * e3;
        }
        for (int m = 4; m < directionCount; m += 4) {
          double[] l0 = b.coef[co + m];
          double[] l1 = b.coef[co + m + 1];
          double[] l2 = b.coef[co + m + 2];
          double[] l3 = b.coef[co + m + 3];
          double f0 = e[m * d + a];
          double f1 = e[(m + 1) * d + a];
          double f2 = e[(m + 2) * d + a];
          double f3 = e[(m + 3) * d + a];
          for (int n = 0; n < count; n++) {
            o[n] += l0[n] * f0 + l1[n] * f1 + l2[n] * f2 + l3[n] * f3;
          }
        }
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
