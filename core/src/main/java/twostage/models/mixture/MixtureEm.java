package twostage.models.mixture;

import twostage.linalg.Blas;
import twostage.linalg.NativeRows;

/**
 * Maximum likelihood for the equal-weight, identity-covariance mixture (1/K) Σ N(u_i, I_d) by EM
 * (Section 6.3, Appendix K), optionally accelerated by SQUAREM (Varadhan and Roland, 2008), which
 * converges to the same fixed point (a stationary point of the likelihood) in fewer passes.
 *
 * <p>One EM pass: responsibilities ρ_ij ∝ exp(u_iᵀx_j − ½‖u_i‖²) (E-step), then
 * u_i ← Σ_j ρ_ij x_j / Σ_j ρ_ij (M-step; the weights are fixed at 1/K and the covariances at I_d).
 * Convergence: the largest coordinate change of an EM step is at most {@code tolerance}.
 */
public final class MixtureEm {
  /** Default convergence tolerance on the largest coordinate change of one EM step. */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  /** Default cap on the number of likelihood passes. */
  public static final int DEFAULT_MAX_PASSES = 2000;

  /**
   * Relative change of the mean log-likelihood below which scoring does not count it as a decrease:
   * near the fixed point the likelihood is flat and its computed value moves by rounding only (a few
   * hundred ulps at most), while a bad step lowers it by far more.
   */
  static final double LIKELIHOOD_ROUNDING = 1e-13;

  private final double tolerance;
  private final int maxPasses;
  private final boolean accelerate;

  /**
   * @param tolerance stop when an EM step moves no coordinate by more than this
   * @param maxPasses cap on passes over the data (each EM step is one pass)
   * @param accelerate use SQUAREM extrapolation (monotone: falls back to plain EM when it does not
   *     increase the likelihood)
   */
  public MixtureEm(double tolerance, int maxPasses, boolean accelerate) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    if (maxPasses < 1) {
      throw new IllegalArgumentException("maxPasses must be >= 1, got " + maxPasses);
    }
    this.tolerance = tolerance;
    this.maxPasses = maxPasses;
    this.accelerate = accelerate;
  }

  /** Accelerated EM with the default tolerance and pass cap. */
  public static MixtureEm standard() {
    return new MixtureEm(DEFAULT_TOLERANCE, DEFAULT_MAX_PASSES, true);
  }

  /** The tolerance this solver stops at. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * @param centres the estimate Û (K×d)
   * @param passes passes over the data (EM steps, including those inside SQUAREM cycles)
   * @param converged whether the last EM step moved no coordinate by more than the tolerance
   * @param logLikelihood mean log-likelihood at the returned centres, up to an additive constant
   *     that does not depend on the centres
   * @param lastStep largest coordinate change of the last EM step
   */
  public record Fit(double[][] centres, int passes, boolean converged, double logLikelihood, double lastStep) {}

  /** Fits to the m×d row-major sample {@code x}, starting from {@code start} (not modified). */
  public Fit fit(double[] x, int m, double[][] start) {
    int k = start.length;
    int d = start[0].length;
    if (x.length < (long) m * d || m < 1) {
      throw new IllegalArgumentException("need m >= 1 rows of length d=" + d);
    }
    try (Kernel pass = kernel(x, m, k, d)) {
      return fit(pass, m, start);
    }
  }

  private Fit fit(Kernel pass, int m, double[][] start) {
    int k = start.length;
    int d = start[0].length;
    double[] theta = flatten(start);
    double[] next = new double[k * d];
    int passes = 0;
    double step = Double.POSITIVE_INFINITY;
    double ll = Double.NEGATIVE_INFINITY;
    double[] t1 = new double[k * d];
    double[] t2 = new double[k * d];
    double[] prop = new double[k * d];
    while (passes < maxPasses) {
      ll = pass.run(theta, next);
      passes++;
      step = maxDiff(theta, next);
      if (step <= tolerance) {
        System.arraycopy(next, 0, theta, 0, theta.length);
        break;
      }
      if (!accelerate || passes + 2 > maxPasses) {
        System.arraycopy(next, 0, theta, 0, theta.length);
        continue;
      }
      // SQUAREM (scheme S3): r = F(θ) − θ, v = F(F(θ)) − 2F(θ) + θ, a = −‖r‖/‖v‖ ≤ −1,
      // θ' = θ − 2a r + a² v, then one stabilising EM step from θ'.
      System.arraycopy(next, 0, t1, 0, t1.length);
      double ll1 = pass.run(t1, t2);
      passes++;
      double rr = 0;
      double vv = 0;
      for (int i = 0; i < theta.length; i++) {
        double r = t1[i] - theta[i];
        double v = t2[i] - 2 * t1[i] + theta[i];
        rr += r * r;
        vv += v * v;
      }
      double a = vv > 0 ? -Math.sqrt(rr / vv) : -1;
      a = Math.min(a, -1);
      for (int i = 0; i < theta.length; i++) {
        double r = t1[i] - theta[i];
        double v = t2[i] - 2 * t1[i] + theta[i];
        prop[i] = theta[i] - 2 * a * r + a * a * v;
      }
      double llProp = pass.run(prop, next);
      passes++;
      if (Double.isFinite(llProp) && llProp >= ll1) {
        System.arraycopy(next, 0, theta, 0, theta.length); // θ ← F(θ')
      } else {
        System.arraycopy(t2, 0, theta, 0, theta.length); // plain EM: θ ← F(F(θ))
      }
    }
    return new Fit(unflatten(theta, k, d), passes, step <= tolerance, ll, step);
  }

  /**
   * Fits from {@code start} with Fisher-scoring acceleration: every pass is the same E-step, and the
   * M-step u_i ← S_i/R_i is replaced by the scoring step θ ← θ + P ∇ℓ̄(θ), where
   * ∇_{u_i}ℓ̄ = (R_i/m)(S_i/R_i − u_i) is read off the E-step statistics and P approximates the inverse
   * Fisher information at the solution (e.g. at U⋆, in the same labelling as {@code start}). Near the
   * solution this is nearly Newton's method: a pass gains O(√(q/m)) digits-worth of contraction instead of
   * EM's fraction of missing information. Safeguard: if the likelihood ever decreases (by more than
   * {@link #LIKELIHOOD_ROUNDING} relative, i.e. beyond rounding), the solver goes
   * back to the last accepted point and continues with (accelerated) EM from there. The stopping rule is
   * EM's: the EM step from the returned centres moves no coordinate by more than the tolerance, so the
   * estimate is the same EM fixed point.
   *
   * @param preconditioner P, (K·d)×(K·d) row-major, coordinates ordered (i, a) ↦ i·d + a
   */
  public Fit fitScoring(double[] x, int m, double[][] start, double[] preconditioner) {
    int k = start.length;
    int d = start[0].length;
    int q = k * d;
    if (preconditioner.length != q * q) {
      throw new IllegalArgumentException("preconditioner must be " + q + "x" + q);
    }
    try (Kernel pass = kernel(x, m, k, d)) {
      return fitScoring(pass, m, start, preconditioner);
    }
  }

  private Fit fitScoring(Kernel pass, int m, double[][] start, double[] preconditioner) {
    int k = start.length;
    int d = start[0].length;
    int q = k * d;
    double[] theta = flatten(start);
    double[] em = new double[q];
    double[] grad = new double[q];
    double[] best = theta.clone();
    double[] bestEm = new double[q];
    double bestLl = Double.NEGATIVE_INFINITY;
    int passes = 0;
    while (passes < maxPasses) {
      double ll = pass.run(theta, em);
      passes++;
      if (!(ll >= bestLl - LIKELIHOOD_ROUNDING * Math.abs(bestLl))) {
        // likelihood went down: EM from the last accepted point, then plain accelerated EM
        Fit rest = fit(pass, m, unflatten(bestEm, k, d));
        return new Fit(rest.centres(), passes + rest.passes(), rest.converged(), rest.logLikelihood(),
            rest.lastStep());
      }
      bestLl = ll;
      System.arraycopy(theta, 0, best, 0, q);
      System.arraycopy(em, 0, bestEm, 0, q);
      double step = maxDiff(theta, em);
      if (step <= tolerance) {
        return new Fit(unflatten(em, k, d), passes, true, ll, step);
      }
      for (int i = 0; i < k; i++) {
        double w = pass.weight(i) / m;
        for (int a = 0; a < d; a++) {
          grad[i * d + a] = w * (em[i * d + a] - theta[i * d + a]);
        }
      }
      for (int r = 0; r < q; r++) {
        double s = 0;
        int o = r * q;
        for (int c = 0; c < q; c++) {
          s += preconditioner[o + c] * grad[c];
        }
        theta[r] += s;
      }
    }
    return new Fit(unflatten(best, k, d), passes, false, bestLl, Double.NaN);
  }

  /** Mean log-likelihood (up to a constant) at {@code centres}. */
  public static double logLikelihood(double[] x, int m, double[][] centres) {
    try (Kernel p = kernel(x, m, centres.length, centres[0].length)) {
      return p.run(flatten(centres), new double[centres.length * centres[0].length]);
    }
  }

  /**
   * One E+M pass over the data (the E-step's posteriors, then the M-step's weighted means), with what
   * every pass keeps: the sizes, ½‖θ_i‖² and the weights R_i of the last pass.
   */
  private abstract static class Kernel implements AutoCloseable {
    final int m;
    final int k;
    final int d;
    final double[] half;
    final double[] weight;

    Kernel(int m, int k, int d) {
      this.m = m;
      this.k = k;
      this.d = d;
      this.half = new double[k];
      this.weight = new double[k];
    }

    /** The mean log-likelihood at {@code theta} (up to a constant); writes the EM update into {@code out}. */
    abstract double run(double[] theta, double[] out);

    /** R_i = Σ_j ρ_ij of the last pass. */
    final double weight(int i) {
      return weight[i];
    }

    /** Starts a pass at {@code theta}: ½‖θ_i‖² of every centre, the weights cleared. */
    final void start(double[] theta) {
      for (int i = 0; i < k; i++) {
        double h = 0;
        for (int a = 0; a < d; a++) {
          double v = theta[i * d + a];
          h += v * v;
        }
        half[i] = 0.5 * h;
        weight[i] = 0;
      }
    }

    /** The M-step of centre i from its sum Σ_j ρ_ij x_j at {@code sum[from..from+d)}. */
    final void update(int i, double[] sum, int from, double[] theta, double[] out) {
      int to = i * d;
      if (weight[i] > 0) {
        for (int a = 0; a < d; a++) {
          out[to + a] = sum[from + a] / weight[i];
        }
      } else {
        System.arraycopy(theta, to, out, to, d); // an empty component keeps its centre
      }
    }

    @Override
    public void close() {}
  }

  /** The OpenBLAS pass when it loads, else the pure-Java one. */
  private static Kernel kernel(double[] x, int m, int k, int d) {
    return Blas.available() ? new BlasPass(x, m, k, d) : new Pass(x, m, k, d);
  }

  /**
   * The pass with the data in native memory: per block of rows, the logits XΘᵀ and the sums RᵀX are
   * two OpenBLAS products, the posteriors R in between are computed here. Same EM as {@link Pass};
   * the sums run in OpenBLAS's order, so the fixed point agrees with the pure-Java pass to rounding
   * (well inside the stopping tolerance).
   */
  private static final class BlasPass extends Kernel {
    private static final int BLOCK = 4096;
    private final NativeRows rows;
    private final double[] logits;
    private final double[] sums;

    BlasPass(double[] x, int m, int k, int d) {
      super(m, k, d);
      this.rows = new NativeRows(x, m, d, Math.min(BLOCK, m), k);
      this.logits = new double[Math.min(BLOCK, m) * k];
      this.sums = new double[k * d];
    }

    @Override
    double run(double[] theta, double[] out) {
      start(theta);
      rows.clearSum();
      double ll = 0;
      for (int from = 0; from < m; from += BLOCK) {
        int c = Math.min(BLOCK, m - from);
        rows.timesTransposed(from, c, theta, k, logits);
        for (int n = 0; n < c; n++) {
          int o = n * k;
          double max = logits[o] - half[0];
          for (int i = 0; i < k; i++) {
            double v = logits[o + i] - half[i];
            logits[o + i] = v;
            max = v > max ? v : max;
          }
          double total = 0;
          for (int i = 0; i < k; i++) {
            double e = Math.exp(logits[o + i] - max);
            logits[o + i] = e;
            total += e;
          }
          ll += max + Math.log(total);
          double inv = 1.0 / total;
          for (int i = 0; i < k; i++) {
            double r = logits[o + i] * inv;
            logits[o + i] = r;
            weight[i] += r;
          }
        }
        rows.addTransposedProduct(from, c, logits, k);
      }
      rows.sum(k, sums);
      for (int i = 0; i < k; i++) {
        update(i, sums, i * d, theta, out);
      }
      return ll / m;
    }

    @Override
    public void close() {
      rows.close();
    }
  }

  /**
   * The pure-Java pass: returns the mean log-likelihood at {@code theta} and writes the EM update. Four
   * logits are summed side by side (independent chains, each over the coordinates in order), and four
   * components' sums Σ_j ρ_ij x_j in one pass over the row, so that the processor overlaps them; every
   * number is computed by the same operations in the same order as one logit and one
   * component at a time.
   */
  private static final class Pass extends Kernel {
    private final double[] x;
    private final double[] s;
    private final double[][] sums;

    Pass(double[] x, int m, int k, int d) {
      super(m, k, d);
      this.x = x;
      this.s = new double[k];
      this.sums = new double[k][d];
    }

    @Override
    double run(double[] theta, double[] out) {
      start(theta);
      for (double[] row : sums) {
        java.util.Arrays.fill(row, 0.0);
      }
      double ll = 0;
      for (int j = 0; j < m; j++) {
        int xo = j * d;
        logits(xo, theta);
        double max = s[0];
        for (int i = 1; i < k; i++) {
          max = s[i] > max ? s[i] : max; // NaN-free logits: the same value as Math.max, cheaper
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
          s[i] = Math.exp(s[i] - max);
          total += s[i];
        }
        ll += max + Math.log(total);
        double inv = 1.0 / total;
        int i = 0;
        for (; i + 3 < k; i += 4) {
          double r0 = s[i] * inv;
          double r1 = s[i + 1] * inv;
          double r2 = s[i + 2] * inv;
          double r3 = s[i + 3] * inv;
          weight[i] += r0;
          weight[i + 1] += r1;
          weight[i + 2] += r2;
          weight[i + 3] += r3;
          double[] s0 = sums[i];
          double[] s1 = sums[i + 1];
          double[] s2 = sums[i + 2];
          double[] s3 = sums[i + 3];
          for (int a = 0; a < d; a++) {
            double xa = x[xo + a];
            s0[a] += r0 * xa;
            s1[a] += r1 * xa;
            s2[a] += r2 * xa;
            s3[a] += r3 * xa;
          }
        }
        for (; i < k; i++) {
          double r = s[i] * inv;
          weight[i] += r;
          double[] si = sums[i];
          for (int a = 0; a < d; a++) {
            si[a] += r * x[xo + a];
          }
        }
      }
      for (int i = 0; i < k; i++) {
        update(i, sums[i], 0, theta, out);
      }
      return ll / m;
    }

    /** s_i = θ_iᵀx − ½‖θ_i‖² for the row at {@code xo}, four components per pass over the row. */
    private void logits(int xo, double[] theta) {
      int i = 0;
      for (; i + 3 < k; i += 4) {
        int t0 = i * d;
        int t1 = t0 + d;
        int t2 = t1 + d;
        int t3 = t2 + d;
        double v0 = -half[i];
        double v1 = -half[i + 1];
        double v2 = -half[i + 2];
        double v3 = -half[i + 3];
        for (int a = 0; a < d; a++) {
          double xa = x[xo + a];
          v0 += theta[t0 + a] * xa;
          v1 += theta[t1 + a] * xa;
          v2 += theta[t2 + a] * xa;
          v3 += theta[t3 + a] * xa;
        }
        s[i] = v0;
        s[i + 1] = v1;
        s[i + 2] = v2;
        s[i + 3] = v3;
      }
      for (; i < k; i++) {
        int to = i * d;
        double v = -half[i];
        for (int a = 0; a < d; a++) {
          v += theta[to + a] * x[xo + a];
        }
        s[i] = v;
      }
    }
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double[] flatten(double[][] u) {
    int d = u[0].length;
    double[] out = new double[u.length * d];
    for (int i = 0; i < u.length; i++) {
      System.arraycopy(u[i], 0, out, i * d, d);
    }
    return out;
  }

  private static double[][] unflatten(double[] v, int k, int d) {
    double[][] out = new double[k][d];
    for (int i = 0; i < k; i++) {
      System.arraycopy(v, i * d, out[i], 0, d);
    }
    return out;
  }
}
