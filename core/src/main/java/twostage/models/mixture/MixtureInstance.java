package twostage.models.mixture;

import java.util.Arrays;

/**
 * An instance of the Gaussian-mixture case study (Section 6.3, Appendix J): K equally weighted
 * components N(u⋆_i, I_d) for pre-training and downstream x, the downstream target
 * f⋆(x) = Σ_i π_i(x; U⋆)(⟨θ_i, P⋆(x − u⋆_i)⟩ + b_i) written with ambient coefficient blocks (θ_i, b_i)
 * ∈ R^{d+1} (eq. 6.4), and label noise σ².
 *
 * @param centres K×d, row i is u⋆_i
 * @param theta K×d, row i is θ_i (ambient coordinates; only P⋆θ_i matters for f⋆)
 * @param bias length K, the b_i
 * @param sigma label-noise standard deviation σ
 */
public record MixtureInstance(double[][] centres, double[][] theta, double[] bias, double sigma) {

  public MixtureInstance {
    int k = centres.length;
    if (k < 2) {
      throw new IllegalArgumentException("K must be >= 2, got " + k);
    }
    int d = centres[0].length;
    for (double[] u : centres) {
      if (u.length != d) {
        throw new IllegalArgumentException("all centres must have the same dimension d");
      }
    }
    if (theta.length != k || bias.length != k) {
      throw new IllegalArgumentException("theta and bias must have K=" + k + " blocks");
    }
    for (double[] t : theta) {
      if (t.length != d) {
        throw new IllegalArgumentException("each theta block must have d=" + d + " entries");
      }
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be >= 0 and finite, got " + sigma);
    }
    centres = deepCopy(centres);
    theta = deepCopy(theta);
    bias = bias.clone();
  }

  /**
   * The instance of Appendix K: U⋆ = β I_{K,d} (u⋆_i = β e_i), blocks (θ_i, b_i) ∝ (1/i)·1_{d+1} in
   * ambient coordinates, the whole vector (θ_1, b_1, …, θ_K, b_K) scaled to Euclidean norm
   * {@code thetaNorm}.
   */
  public static MixtureInstance appendixK(int k, int d, double beta, double thetaNorm, double sigma) {
    if (k < 2) {
      throw new IllegalArgumentException("K must be >= 2, got " + k);
    }
    if (d < k) {
      throw new IllegalArgumentException("d must be >= K (centres beta*e_i), got d=" + d + ", K=" + k);
    }
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be > 0 and finite, got " + beta);
    }
    if (!(thetaNorm > 0) || Double.isInfinite(thetaNorm)) {
      throw new IllegalArgumentException("theta-norm must be > 0 and finite, got " + thetaNorm);
    }
    double[][] u = new double[k][d];
    double[][] th = new double[k][d];
    double[] b = new double[k];
    double harmonic2 = 0;
    for (int i = 1; i <= k; i++) {
      harmonic2 += 1.0 / ((double) i * i);
    }
    double c = thetaNorm / Math.sqrt((d + 1) * harmonic2);
    for (int i = 0; i < k; i++) {
      u[i][i] = beta;
      Arrays.fill(th[i], c / (i + 1));
      b[i] = c / (i + 1);
    }
    return new MixtureInstance(u, th, b, sigma);
  }

  /** The centres u⋆_i (a copy: the instance is immutable). */
  @Override
  public double[][] centres() {
    return deepCopy(centres);
  }

  /** The ambient θ_i blocks (a copy). */
  @Override
  public double[][] theta() {
    return deepCopy(theta);
  }

  /** The b_i (a copy). */
  @Override
  public double[] bias() {
    return bias.clone();
  }

  /** K, the number of components. */
  public int components() {
    return centres.length;
  }

  /** d, the ambient dimension. */
  public int dimension() {
    return centres[0].length;
  }

  /** This instance with components reordered: new component i is old component {@code order[i]}. */
  public MixtureInstance relabelled(int[] order) {
    int k = components();
    double[][] u = new double[k][];
    double[][] th = new double[k][];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      u[i] = centres[order[i]];
      th[i] = theta[order[i]];
      b[i] = bias[order[i]];
    }
    return new MixtureInstance(u, th, b, sigma);
  }

  /** This instance with θ_i replaced by θ_i + {@code shift[i]} (f⋆ unchanged when P⋆ shift[i] = 0). */
  public MixtureInstance withThetaShift(double[][] shift) {
    double[][] th = deepCopy(theta);
    for (int i = 0; i < th.length; i++) {
      for (int j = 0; j < th[i].length; j++) {
        th[i][j] += shift[i][j];
      }
    }
    return new MixtureInstance(centres, th, bias, sigma);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
