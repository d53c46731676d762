package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import twostage.linalg.SymmetricEigen;

/**
 * The mixture problem written in the r⋆ intrinsic coordinates y = Bᵀx of the centred-mean subspace
 * (docs/gmm-dimension-reduction.md). For equal weights and identity covariances the complement
 * n = P⊥(x − ū) is N(0, I_{d−r⋆}) independent of y and of the component, the posteriors (full and
 * projected, eq. 6.3) are functions of y alone, and with P⊥θ_i dropped (it does not change G, see
 * docs/mixture-jacobian.md) every block of J splits as
 *
 * <pre>
 *   B ᵀJ_j = w_j (y − ỹ_j) − π_j θ̃_j,          P⊥J_j = α_j(y) n,
 *   α_j = Σ_i w_i c̃_iᵀΛ⁻¹c̃_j + Σ_i π_i θ̃_iᵀΛ⁻¹c̃_j,
 * </pre>
 * with ỹ_i = Bᵀu_i, c̃_i = Bᵀ(u_i − ū), θ̃_i = Bᵀθ_i, Λ the non-zero eigenvalues of S(U⋆) and
 * w_i = π_i(g_i − f). The Fisher score block i is −π_i(y − ỹ_i) ⊕ −π_i n. Hence F and G are block
 * diagonal, F = F_int ⊕ (R ⊗ I), G = G_int ⊕ (A ⊗ I) with R = E[ππᵀ], A = E[ααᵀ], and
 * E‖L(Z)‖² = tr(F_int⁻¹G_int) + (d − r⋆)·tr(R⁻¹A).
 *
 * <p>This class holds the intrinsic data and evaluates, per sample of y, the row
 * [ψ (K(r+1)) | B ᵀJ (K·r) | α (K)]. Immutable and thread-safe.
 */
public final class IntrinsicMixture {
  private final int k;
  private final int r;
  private final int multiplicity;
  private final double[][] centres;
  private final double[][] centred;
  private final double[] eigenvalues;
  private final double[][] theta;
  private final double[] bias;
  private final double[] halfNorms;
  private final double[][] centredGain;
  private final double[][] thetaGain;

  /**
   * @param centres K×r intrinsic centres ỹ_i = Bᵀu_i
   * @param centred K×r intrinsic centred centres c̃_i = Bᵀ(u_i − ū)
   * @param eigenvalues the r non-zero eigenvalues of S(U⋆) (the basis B diagonalises S)
   * @param theta K×r intrinsic coefficients θ̃_i = Bᵀθ_i
   * @param bias the b_i
   * @param multiplicity d − r, the dimension of the isotropic complement
   */
  public IntrinsicMixture(
      double[][] centres,
      double[][] centred,
      double[] eigenvalues,
      double[][] theta,
      double[] bias,
      int multiplicity) {
    this.k = centres.length;
    this.r = centres[0].length;
    if (multiplicity < 0) {
      throw new IllegalArgumentException("multiplicity must be >= 0, got " + multiplicity);
    }
    if (eigenvalues.length != r || theta.length != k || bias.length != k || centred.length != k) {
      throw new IllegalArgumentException("eigenvalues must have r=" + r + " entries and theta, bias, centred k=" + k
          + " rows, got " + eigenvalues.length + ", " + theta.length + ", " + bias.length + ", " + centred.length);
    }
    this.multiplicity = multiplicity;
    this.centres = copy(centres);
    this.theta = copy(theta);
    this.centred = copy(centred);
    this.eigenvalues = eigenvalues.clone();
    this.bias = bias.clone();
    this.halfNorms = Posteriors.halfNorms(centres);
    this.centredGain = new double[k][k];
    this.thetaGain = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        centredGain[i][j] = dot(centred[i], centred[j], eigenvalues);
        thetaGain[i][j] = dot(theta[i], centred[j], eigenvalues);
      }
    }
  }

  /**
   * The intrinsic description of a (full, ambient) mixture instance; P⊥θ_i is dropped. The basis B of
   * the centred-mean subspace comes from the K×K Gram matrix M = CCᵀ of the centred centres (C is K×d):
   * M = VΛVᵀ gives B = CᵀVΛ^{-1/2}, so the cost is O(K²d) (no d×d eigenproblem) and, for
   * U⋆ = βI_{K,d}, M and hence B's coordinates do not depend on d.
   */
  public static IntrinsicMixture of(MixtureInstance instance) {
    Basis basis = Basis.of(instance.centres());
    int k = instance.components();
    double[][] y = new double[k][];
    double[][] c = new double[k][];
    double[][] t = new double[k][];
    for (int i = 0; i < k; i++) {
      y[i] = basis.coordinates(instance.centres()[i]);
      c[i] = basis.coordinates(basis.centred[i]);
      t[i] = basis.coordinates(instance.theta()[i]);
    }
    return new IntrinsicMixture(
        y, c, basis.lambda, t, instance.bias(), instance.dimension() - basis.lambda.length);
  }

  /**
   * Coordinates Bᵀv of an ambient vector in the intrinsic basis that {@link #of} uses for
   * {@code centres}.
   */
  public static double[] coordinates(double[][] centres, double[] v) {
    return Basis.of(centres).coordinates(v);
  }

  /** The basis B = CᵀVΛ^{-1/2} of the centred-mean subspace, kept implicitly through C and V. */
  private record Basis(double[][] centred, double[][] v, double[] lambda) {
    static Basis of(double[][] centres) {
      int k = centres.length;
      int d = centres[0].length;
      double[] mean = new double[d];
      for (double[] u : centres) {
        for (int a = 0; a < d; a++) {
          mean[a] += u[a] / k;
        }
      }
      double[][] c = new double[k][d];
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < d; a++) {
          c[i][a] = centres[i][a] - mean[a];
        }
      }
      org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(k, k);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          m.set(i, j, dot(c[i], c[j], null));
        }
      }
      twostage.linalg.SymmetricEigen e = twostage.linalg.SymmetricEigen.of(m);
      int r = e.rank(1e-10);
      if (r < 1) {
        throw new IllegalArgumentException("the centres coincide: the centred-mean subspace is {0}");
      }
      double[][] v = new double[k][r];
      double[] lambda = new double[r];
      for (int col = 0; col < r; col++) {
        lambda[col] = e.values()[col];
        for (int i = 0; i < k; i++) {
          v[i][col] = e.vectors().get(i, col);
        }
      }
      return new Basis(c, v, lambda);
    }

    /** Bᵀw = Λ^{-1/2}Vᵀ(Cw). */
    double[] coordinates(double[] w) {
      int k = centred.length;
      int r = lambda.length;
      double[] cw = new double[k];
      for (int i = 0; i < k; i++) {
        cw[i] = dot(centred[i], w, null);
      }
      double[] z = new double[r];
      for (int col = 0; col < r; col++) {
        double s = 0;
        for (int i = 0; i < k; i++) {
          s += v[i][col] * cw[i];
        }
        z[col] = s / Math.sqrt(lambda[col]);
      }
      return z;
    }
  }

  /**
   * The same mixture with other downstream coefficients given in intrinsic coordinates: θ̃_i (K×r) and
   * b_i. Used for hypotheses about the paper's normalisation of θ⋆ (docs/figure2.md).
   */
  public IntrinsicMixture withCoefficients(double[][] intrinsicTheta, double[] newBias) {
    return new IntrinsicMixture(centres, centred, eigenvalues, intrinsicTheta, newBias, multiplicity);
  }

  /** This problem with another isotropic multiplicity d − r⋆ (same intrinsic block). */
  public IntrinsicMixture withMultiplicity(int m) {
    return new IntrinsicMixture(centres, centred, eigenvalues, theta, bias, m);
  }

  /** K. */
  public int components() {
    return k;
  }

  /** r⋆, the intrinsic dimension. */
  public int rank() {
    return r;
  }

  /** d − r⋆, how many times the isotropic block R ⊗ I, A ⊗ I repeats. */
  public int multiplicity() {
    return multiplicity;
  }

  /** p = K(r⋆+1), the number of features. */
  public int featureDimension() {
    return k * (r + 1);
  }

  /** K·r⋆, the intrinsic parameter coordinates. */
  public int parameterDimension() {
    return k * r;
  }

  /** Length of a row [ψ | BᵀJ | α]. */
  public int rowLength() {
    return featureDimension() + parameterDimension() + k;
  }

  /** Draws {@code count} intrinsic points y = ỹ_τ + N(0, I_r), τ uniform, row-major into {@code y}. */
  public void draw(UniformRandomProvider rng, int count, double[] y) {
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int n = 0; n < count; n++) {
      double[] u = centres[rng.nextInt(k)];
      int o = n * r;
      for (int c = 0; c < r; c++) {
        y[o + c] = u[c] + normal.sample();
      }
    }
  }

  /**
   * Writes ψ(y) only (length p) for {@code count} points: the Fisher stage, whose gram holds
   * F_int (the y-blocks) and R (the π entries) because the score block i is −π_i(y − ỹ_i).
   */
  public void features(double[] y, int count, double[] out) {
    double[] pi = new double[k];
    int p = featureDimension();
    for (int n = 0; n < count; n++) {
      writeFeatures(y, n * r, pi, out, n * p);
    }
  }

  /** Writes rows [ψ | BᵀJ | α] for {@code count} points y (row-major) into {@code out}. */
  public void rows(double[] y, int count, double[] out) {
    double[] pi = new double[k];
    double[] w = new double[k];
    int p = featureDimension();
    int len = rowLength();
    for (int n = 0; n < count; n++) {
      int yo = n * r;
      int o = n * len;
      writeFeatures(y, yo, pi, out, o);
      double f = 0;
      for (int i = 0; i < k; i++) {
        double g = bias[i];
        double[] ti = theta[i];
        double[] ui = centres[i];
        for (int c = 0; c < r; c++) {
          g += ti[c] * (y[yo + c] - ui[c]);
        }
        w[i] = g;
        f += pi[i] * g;
      }
      for (int i = 0; i < k; i++) {
        w[i] = pi[i] * (w[i] - f);
      }
      int jo = o + p;
      for (int j = 0; j < k; j++) {
        double[] uj = centres[j];
        double[] tj = theta[j];
        for (int c = 0; c < r; c++) {
          out[jo + j * r + c] = w[j] * (y[yo + c] - uj[c]) - pi[j] * tj[c];
        }
      }
      int ao = jo + k * r;
      for (int j = 0; j < k; j++) {
        double a = 0;
        for (int i = 0; i < k; i++) {
          a += w[i] * centredGain[i][j] + pi[i] * thetaGain[i][j];
        }
        out[ao + j] = a;
      }
    }
  }

  /**
   * The draws of {@link #draw} from the same stream, stored by coordinate: coordinate c of point n in
   * {@code y[c][n]}.
   */
  public void drawColumns(UniformRandomProvider rng, int count, double[][] y) {
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int n = 0; n < count; n++) {
      double[] u = centres[rng.nextInt(k)];
      for (int c = 0; c < r; c++) {
        y[c][n] = u[c] + normal.sample();
      }
    }
  }

  /**
   * {@link #features} by coordinate: out[j][n] is ψ_j of point n (p arrays), from y[c][n]; {@code s}
   * holds the working arrays (see {@link #scratch}). Same bits as {@link #features}.
   */
  public void featuresColumns(double[][] y, int count, double[][] out, Scratch s) {
    Posteriors.featureColumns(centres, halfNorms, y, count, out, s.pi, s.max, s.total);
  }

  /**
   * {@link #rows} by coordinate: out[j][n] is entry j of the row [ψ | BᵀJ | α] of point n, from
   * y[c][n], in loops over the points (the JIT vectorises them). Same bits as {@link #rows}.
   */
  public void rowsColumns(double[][] y, int count, double[][] out, Scratch s) {
    featuresColumns(y, count, out, s);
    double[] f = s.total; // the posteriors are normalised: reuse as f
    java.util.Arrays.fill(f, 0, count, 0.0);
    for (int i = 0; i < k; i++) {
      double[] gi = s.w[i];
      double[] ti = theta[i];
      double[] ui = centres[i];
      double[] pii = s.pi[i];
      java.util.Arrays.fill(gi, 0, count, bias[i]);
      for (int c = 0; c < r; c++) {
        double t = ti[c];
        double u = ui[c];
        double[] yc = y[c];
        for (int n = 0; n < count; n++) {
          gi[n] += t * (yc[n] - u);
        }
      }
      for (int n = 0; n < count; n++) {
        f[n] += pii[n] * gi[n];
      }
    }
    for (int i = 0; i < k; i++) {
      double[] wi = s.w[i];
      double[] pii = s.pi[i];
      for (int n = 0; n < count; n++) {
        wi[n] = pii[n] * (wi[n] - f[n]);
      }
    }
    int p = featureDimension();
    for (int j = 0; j < k; j++) {
      double[] uj = centres[j];
      double[] tj = theta[j];
      double[] wj = s.w[j];
      double[] pij = s.pi[j];
      for (int c = 0; c < r; c++) {
        double[] o = out[p + j * r + c];
        double[] yc = y[c];
        double u = uj[c];
        double t = tj[c];
        for (int n = 0; n < count; n++) {
          o[n] = wj[n] * (yc[n] - u) - pij[n] * t;
        }
      }
    }
    int ao = p + k * r;
    for (int j = 0; j < k; j++) {
      double[] o = out[ao + j];
      java.util.Arrays.fill(o, 0, count, 0.0);
      for (int i = 0; i < k; i++) {
        double cg = centredGain[i][j];
        double tg = thetaGain[i][j];
        double[] wi = s.w[i];
        double[] pii = s.pi[i];
        for (int n = 0; n < count; n++) {
          o[n] += wi[n] * cg + pii[n] * tg;
        }
      }
    }
  }

  /** Working arrays for {@link #featuresColumns} and {@link #rowsColumns} of up to {@code cap} points. */
  public Scratch scratch(int cap) {
    return new Scratch(k, cap);
  }

  /** Working arrays of the column evaluations (one thread). */
  public static final class Scratch {
    final double[][] pi;
    final double[][] w;
    final double[] max;
    final double[] total;

    Scratch(int k, int cap) {
      pi = new double[k][cap];
      w = new double[k][cap];
      max = new double[cap];
      total = new double[cap];
    }
  }

  /** Index of the π_i entry of ψ (the others are the y-blocks). */
  public int piIndex(int i) {
    return i * (r + 1) + r;
  }

  private void writeFeatures(double[] y, int yo, double[] pi, double[] out, int o) {
    Posteriors.features(centres, halfNorms, y, yo, pi, out, o);
  }

  private static double dot(double[] a, double[] b, double[] divisor) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      s += a[c] * b[c] / (divisor == null ? 1.0 : divisor[c]);
    }
    return s;
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
