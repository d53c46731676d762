package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws (ψ_Û(x), f⋆(x)) for x from the downstream mixture (1/K) Σ N(u⋆_i, I_d) without drawing x in
 * R^d. Both depend on x only through B̂ᵀx and B⋆ᵀx (eq. 6.3–6.4), where B̂, B⋆ are orthonormal bases
 * of the estimated and true centred-mean subspaces. With Q an orthonormal basis of span(B̂, B⋆)
 * (dimension q ≤ 2r⋆), Qᵀx = Qᵀu⋆_z + g with g ~ N(0, I_q), and B̂ᵀx = (B̂ᵀQ)(Qᵀx) because
 * B̂ = QQᵀB̂: the joint law is exact, and a draw costs q instead of d Gaussians.
 *
 * <p>The target is linear in the true features: f⋆(x) = ⟨t, ψ_{U⋆}(x)⟩ with block i of t equal to
 * (B⋆ᵀθ_i, b_i) (eq. 6.4 with P⋆ = B⋆B⋆ᵀ).
 */
public final class MixtureProjectedSampler {
  private final int k;
  private final int r;
  private final int q;
  private final double[][] centreCoords;
  private final double[][] hatMap;
  private final double[][] starMap;
  private final MixtureFeatures hatFeatures;
  private final MixtureFeatures starFeatures;
  private final double[] targetCoef;

  /**
   * @param instance the mixture and f⋆
   * @param estimate the estimated centres Û (K×d); features use the leading r⋆ eigenvectors of S(Û)
   */
  public MixtureProjectedSampler(MixtureInstance instance, double[][] estimate) {
    double[][] truth = instance.centres();
    this.k = truth.length;
    int d = truth[0].length;
    SubspaceGeometry star = SubspaceGeometry.atTruth(truth);
    this.r = star.rank();
    SubspaceGeometry hat = SubspaceGeometry.withRank(estimate, r);
    this.hatFeatures = new MixtureFeatures(estimate, hat);
    this.starFeatures = new MixtureFeatures(truth, star);
    double[][] basis = orthonormalSpan(star.basis(), hat.basis(), d, r);
    this.q = basis.length;
    this.centreCoords = new double[k][q];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < q; c++) {
        centreCoords[i][c] = dot(basis[c], truth[i]);
      }
    }
    this.hatMap = new double[r][q];
    this.starMap = new double[r][q];
    for (int c = 0; c < r; c++) {
      for (int e = 0; e < q; e++) {
        double sh = 0;
        double ss = 0;
        for (int a = 0; a < d; a++) {
          sh += hat.basis()[a][c] * basis[e][a];
          ss += star.basis()[a][c] * basis[e][a];
        }
        hatMap[c][e] = sh;
        starMap[c][e] = ss;
      }
    }
    this.targetCoef = new double[k * (r + 1)];
    for (int i = 0; i < k; i++) {
      double[] t = star.coordinates(instance.theta()[i]);
      System.arraycopy(t, 0, targetCoef, i * (r + 1), r);
      targetCoef[i * (r + 1) + r] = instance.bias()[i];
    }
  }

  /** p = K(r⋆ + 1), the number of features. */
  public int featureDimension() {
    return k * (r + 1);
  }

  /** q, the dimension of span(B̂, B⋆) the draws live in. */
  public int spanDimension() {
    return q;
  }

  /** Fills {@code count} rows of ψ_Û (row-major count×p) and f⋆ (count): {@link #drawColumns} transposed. */
  public void draw(UniformRandomProvider rng, int count, double[] psi, double[] target) {
    int p = featureDimension();
    double[][] columns = new double[p][count];
    drawColumns(rng, count, columns, target);
    for (int j = 0; j < p; j++) {
      double[] c = columns[j];
      for (int n = 0; n < count; n++) {
        psi[n * p + j] = c[n];
      }
    }
  }

  /** Points per chunk of {@link #drawColumns}: the working arrays of a chunk stay in cache. */
  private static final int CHUNK = 512;

  /**
   * The draws of {@link #draw} from the same stream, stored by coordinate: psi[j][n] is feature j of
   * sample n and target[n] its f⋆. Computed a chunk at a time in loops over the points (the JIT
   * vectorises them), with the same operations per point as {@link #draw}, hence the same bits.
   */
  public void drawColumns(UniformRandomProvider rng, int count, double[][] psi, double[] target) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    Chunk s = new Chunk(k, r, q); // per call: a replicate's sampler lives for one population sample
    int p = featureDimension();
    for (int from = 0; from < count; from += CHUNK) {
      int c = Math.min(CHUNK, count - from);
      for (int n = 0; n < c; n++) {
        double[] u = centreCoords[rng.nextInt(k)];
        for (int e = 0; e < q; e++) {
          s.y[e][n] = u[e] + g.sample();
        }
      }
      project(hatMap, s.y, c, s.zh);
      project(starMap, s.y, c, s.zs);
      hatFeatures.evaluateColumns(s.zh, c, s.psi, s.pi, s.max, s.total);
      starFeatures.evaluateColumns(s.zs, c, s.star, s.pi, s.max, s.total);
      double[] f = s.f;
      java.util.Arrays.fill(f, 0, c, 0.0);
      for (int j = 0; j < p; j++) {
        double t = targetCoef[j];
        double[] sj = s.star[j];
        for (int n = 0; n < c; n++) {
          f[n] += t * sj[n];
        }
      }
      for (int j = 0; j < p; j++) {
        System.arraycopy(s.psi[j], 0, psi[j], from, c);
      }
      System.arraycopy(f, 0, target, from, c);
    }
  }

  /** z[c][n] = Σ_e map[c][e] y[e][n]. */
  private void project(double[][] map, double[][] y, int count, double[][] z) {
    for (int c = 0; c < r; c++) {
      double[] zc = z[c];
      double[] m = map[c];
      java.util.Arrays.fill(zc, 0, count, 0.0);
      for (int e = 0; e < q; e++) {
        double me = m[e];
        double[] ye = y[e];
        for (int n = 0; n < count; n++) {
          zc[n] += me * ye[n];
        }
      }
    }
  }

  /** Working arrays of one thread for one chunk, each holding one quantity for every point. */
  private static final class Chunk {
    final double[][] y;
    final double[][] zh;
    final double[][] zs;
    final double[][] psi;
    final double[][] star;
    final double[][] pi;
    final double[] max = new double[CHUNK];
    final double[] total = new double[CHUNK];
    final double[] f = new double[CHUNK];

    Chunk(int k, int r, int q) {
      y = new double[q][CHUNK];
      zh = new double[r][CHUNK];
      zs = new double[r][CHUNK];
      psi = new double[k * (r + 1)][CHUNK];
      star = new double[k * (r + 1)][CHUNK];
      pi = new double[k][CHUNK];
    }
  }

  /** f⋆ at one point x ∈ R^d (full-space evaluation, for tests). */
  public double target(double[] x) {
    double[] z = new double[r];
    double[] pi = new double[k];
    double[] star = new double[featureDimension()];
    starFeatures.evaluate(x, 0, star, 0, z, pi);
    double f = 0;
    for (int j = 0; j < star.length; j++) {
      f += targetCoef[j] * star[j];
    }
    return f;
  }

  /** ψ_Û at one point x ∈ R^d (full-space evaluation, for tests), into {@code out}. */
  public void features(double[] x, double[] out) {
    hatFeatures.evaluate(x, 0, out, 0, new double[r], new double[k]);
  }

  /** Rows of an orthonormal basis of span(columns of a, columns of b) by two-pass Gram–Schmidt. */
  private static double[][] orthonormalSpan(double[][] a, double[][] b, int d, int r) {
    double[][] out = new double[2 * r][];
    int q = 0;
    for (double[][] m : new double[][][] {a, b}) {
      for (int c = 0; c < r; c++) {
        double[] v = new double[d];
        for (int x = 0; x < d; x++) {
          v[x] = m[x][c];
        }
        for (int pass = 0; pass < 2; pass++) {
          for (int j = 0; j < q; j++) {
            double s = dot(out[j], v);
            for (int x = 0; x < d; x++) {
              v[x] -= s * out[j][x];
            }
          }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm > 1e-10) {
          for (int x = 0; x < d; x++) {
            v[x] /= norm;
          }
          out[q++] = v;
        }
      }
    }
    return java.util.Arrays.copyOf(out, q);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
