package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import twostage.linalg.GramSum;
import twostage.linalg.Sym;
import twostage.random.Streams;
import twostage.simulate.DesignMoments;
import twostage.simulate.FeatureSampler;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.Moments;
import twostage.simulate.PopulationMoments;
import twostage.simulate.TwoStageModel;

/**
 * The Gaussian-mixture case study (Section 6.3, Appendix K) in the simulator: EM for the centres,
 * subspace-aware features ψ_Û (eq. 6.4) with r⋆ = rank S(U⋆), x from the same mixture downstream,
 * population moments by Monte Carlo (ψ_Û is not linear in x).
 *
 * <p>EM starts by default at the true centres U⋆: Theorem 5.1 describes the local maximiser near U⋆
 * (the local asymptotics). With {@link Start#KMEANS_PP} it starts from k-means++ seeds instead, keeping
 * the restart with the highest likelihood. A fit whose relabelled distance to U⋆ (max over centres)
 * exceeds half the smallest distance between true centres is counted as landing in another basin.
 *
 * <p>From the truth, EM passes are accelerated by Fisher scoring ({@link MixtureEm#fitScoring}); from
 * k-means++ seeds by SQUAREM. Both stop at the same rule (EM step ≤ tolerance).
 */
public final class MixtureTwoStage implements TwoStageModel {
  /** Where EM starts. */
  public enum Start {
    /** At U⋆ (the local asymptotics of Theorem 5.1). */
    TRUTH,
    /** From k-means++ seeds, best of the restarts by likelihood. */
    KMEANS_PP
  }

  /**
   * @param start where EM starts
   * @param restarts k-means++ restarts (ignored for {@link Start#TRUTH})
   * @param em the EM solver (tolerance, pass cap, acceleration)
   * @param populationSamples Monte Carlo size of the population moments (Appendix K: 2·10⁵)
   */
  public record Options(Start start, int restarts, MixtureEm em, long populationSamples) {
    public Options {
      if (restarts < 1) {
        throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
      }
      if (populationSamples < 2) {
        throw new IllegalArgumentException("population samples must be >= 2, got " + populationSamples);
      }
    }

    /** EM from the truth, default solver, 2·10⁵ population samples (Appendix K). */
    public static Options defaults() {
      return new Options(Start.TRUTH, 1, MixtureEm.standard(), 200_000);
    }
  }

  private final MixtureInstance instance;
  private final Options options;
  private final MixtureSampling sampling;
  private final double basinRadius;
  private final int featureDimension;
  private volatile double[] inverseFisher;

  /**
   * Scoring is used from the truth when m ≥ this many samples per centre coordinate (K·d): below, the
   * observed information is too far from F⋆ for scoring to beat SQUAREM (measured: m = 200, K·d = 80
   * took 55 scoring passes against 28 SQUAREM passes; m = 2·10⁵ took 7 against 16).
   */
  public static final int SCORING_MIN_SAMPLES_PER_COORDINATE = 50;

  /**
   * Draws behind the Fisher-information preconditioner of the scoring solver, each in the span of the
   * centres (see {@link #inverseFisher}): about 0.3 s once per process. Measured at K = 4, d = 20,
   * m = 2·10⁵: 5 scoring passes with it against 7 with 10⁵ full-space draws, whose error limited the
   * rate.
   */
  public static final int FISHER_SAMPLES = 4_000_000;

  /** The model for {@code instance} with {@code options}. */
  public MixtureTwoStage(MixtureInstance instance, Options options) {
    this.instance = instance;
    this.options = options;
    this.sampling = new MixtureSampling(instance.centres());
    double[][] u = instance.centres();
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < u.length; i++) {
      for (int j = i + 1; j < u.length; j++) {
        double s = 0;
        for (int a = 0; a < u[i].length; a++) {
          s += (u[i][a] - u[j][a]) * (u[i][a] - u[j][a]);
        }
        min = Math.min(min, Math.sqrt(s));
      }
    }
    this.basinRadius = 0.5 * min;
    this.featureDimension = new MixtureProjectedSampler(instance, u).featureDimension();
    this.inverseFisher = null;
  }

  /**
   * F⋆⁻¹, the inverse Fisher information of the K·d centre coordinates at U⋆ (Lemma J.4): only a
   * preconditioner for the scoring solver (the estimate is the EM fixed point whatever it is), so its
   * Monte Carlo error does not enter the results, only the number of passes.
   *
   * <p>Computed in the span of the centres: with Q an orthonormal basis of span{u⋆_i} (dimension
   * s ≤ K) and x = Qy + w, the full-space posteriors ρ_i depend on y alone and w ~ N(0, I − QQᵀ) is
   * independent of y and of the component, so block (i, j) of F⋆ = E[∇ℓ∇ℓᵀ] is
   * Q E[ρ_iρ_j(y − Qᵀu_i)(y − Qᵀu_j)ᵀ] Qᵀ + E[ρ_iρ_j](I − QQᵀ): {@link #FISHER_SAMPLES} draws of y (s
   * Gaussians each instead of d) give every entry, the isotropic part exactly in form, and the
   * inverse is Q A⁻¹ Qᵀ (blockwise) + R⁻¹ ⊗ (I − QQᵀ) with A = E[ρ_iρ_j(y − ỹ_i)(y − ỹ_j)ᵀ] (Ks×Ks)
   * and R = E[ρρᵀ] (K×K): no (K·d)×(K·d) inversion.
   */
  static double[] inverseFisher(MixtureInstance instance) {
    double[][] u = instance.centres();
    int k = u.length;
    int d = u[0].length;
    double[][] basis = spanBasis(u);
    int s = basis.length;
    double[][] y0 = new double[k][s];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < s; c++) {
        double v = 0;
        for (int a = 0; a < d; a++) {
          v += basis[c][a] * u[i][a];
        }
        y0[i][c] = v;
      }
    }
    double[] halfNorms = Posteriors.halfNorms(y0);
    int dim = k * s + k; // [ρ_i (y − ỹ_i)]_i, then [ρ_i]_i
    int block = 4096;
    double[] rows = new double[block * dim];
    double[] y = new double[s];
    double[] rho = new double[k];
    UniformRandomProvider rng = Streams.of(0x5EED, 0xF15E);
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] m;
    try (GramSum gram = GramSum.create(dim, block)) {
      for (int left = FISHER_SAMPLES; left > 0; left -= block) {
        int c = Math.min(block, left);
        for (int n = 0; n < c; n++) {
          double[] centre = y0[rng.nextInt(k)];
          for (int e = 0; e < s; e++) {
            y[e] = centre[e] + normal.sample();
          }
          Posteriors.compute(y0, halfNorms, y, 0, rho);
          int o = n * dim;
          for (int i = 0; i < k; i++) {
            for (int e = 0; e < s; e++) {
              rows[o + i * s + e] = rho[i] * (y[e] - y0[i][e]);
            }
            rows[o + k * s + i] = rho[i];
          }
        }
        gram.add(rows, c);
      }
      m = gram.toSymmetric();
    }
    // In the basis (Q, Q⊥) of each block F⋆ = A ⊕ (R ⊗ I), so F⋆⁻¹ = Q A⁻¹ Qᵀ (blockwise) + R⁻¹ ⊗ (I − QQᵀ).
    int ks = k * s;
    DMatrixRMaj a = new DMatrixRMaj(ks, ks);
    DMatrixRMaj r = new DMatrixRMaj(k, k);
    for (int i = 0; i < ks; i++) {
      for (int j = 0; j < ks; j++) {
        a.unsafe_set(i, j, m[i * dim + j] / FISHER_SAMPLES);
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        r.unsafe_set(i, j, m[(ks + i) * dim + ks + j] / FISHER_SAMPLES);
      }
    }
    DMatrixRMaj aInv = Sym.pinv(a, 1e-12);
    DMatrixRMaj rInv = Sym.pinv(r, 1e-12);
    int q = k * d;
    double[] p = new double[q * q];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double ri = rInv.unsafe_get(i, j);
        for (int aa = 0; aa < d; aa++) {
          for (int b = 0; b < d; b++) {
            double span = 0;
            double proj = 0;
            for (int c = 0; c < s; c++) {
              double qa = basis[c][aa];
              proj += qa * basis[c][b];
              for (int e = 0; e < s; e++) {
                span += qa * aInv.unsafe_get(i * s + c, j * s + e) * basis[e][b];
              }
            }
            p[(i * d + aa) * q + j * d + b] = span + ri * ((aa == b ? 1.0 : 0.0) - proj);
          }
        }
      }
    }
    return p;
  }

  /** Rows of an orthonormal basis of span{u_i} (two-pass Gram–Schmidt). */
  private static double[][] spanBasis(double[][] u) {
    int d = u[0].length;
    double scale = 0;
    for (double[] ui : u) {
      for (double v : ui) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    java.util.List<double[]> out = new java.util.ArrayList<>();
    for (double[] ui : u) {
      double[] v = ui.clone();
      for (int pass = 0; pass < 2; pass++) {
        for (double[] e : out) {
          double dot = 0;
          for (int a = 0; a < d; a++) {
            dot += v[a] * e[a];
          }
          for (int a = 0; a < d; a++) {
            v[a] -= dot * e[a];
          }
        }
      }
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      if (norm > 1e-10 * Math.max(scale, Double.MIN_NORMAL)) {
        for (int a = 0; a < d; a++) {
          v[a] /= norm;
        }
        out.add(v);
      }
    }
    return out.toArray(new double[0][]);
  }

  /** F⋆⁻¹, computed at the first scoring fit (a pure function of the instance). */
  private double[] preconditioner() {
    double[] p = inverseFisher;
    if (p == null) {
      synchronized (this) {
        p = inverseFisher;
        if (p == null) {
          p = inverseFisher(instance);
          inverseFisher = p;
        }
      }
    }
    return p;
  }

  private int inverseFisherDim() {
    return instance.components() * instance.dimension();
  }

  /** The instance. */
  public MixtureInstance instance() {
    return instance;
  }

  /** Half the smallest distance between true centres: beyond it a fit is in another basin. */
  public double basinRadius() {
    return basinRadius;
  }

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public int featureDimension() {
    return featureDimension;
  }

  @Override
  public double noiseVariance() {
    return instance.sigma() * instance.sigma();
  }

  @Override
  public int minimumPretrainingSize() {
    return options.start() == Start.KMEANS_PP ? instance.components() : 1;
  }

  @Override
  public java.util.List<String> notes() {
    String em = options.start() == Start.TRUTH
        ? "EM starts at the true centres U*: the local asymptotics Theorem 5.1 describes; accelerated by "
            + "Fisher scoring when m >= " + SCORING_MIN_SAMPLES_PER_COORDINATE + " K d, by SQUAREM otherwise"
        : "EM starts from k-means++ seeds, best of " + options.restarts() + " restarts by likelihood (SQUAREM)";
    return java.util.List.of(
        em + "; stops when an EM step moves no coordinate by more than " + options.em().tolerance(),
        String.format(java.util.Locale.ROOT, "a fit is in another basin when a centre is farther than %.4g "
            + "(half the smallest distance between true centres) from U* after optimal relabelling", basinRadius),
        "population moments and Rep from " + options.populationSamples() + " Monte Carlo draws per replicate "
            + "(Rep as a mean of squared residuals, with its standard error)");
  }

  @Override
  public LearnedRepresentation pretrain(UniformRandomProvider rng, int m) {
    int d = instance.dimension();
    int k = instance.components();
    double[] x = new double[Math.multiplyExact(m, d)];
    sampling.draw(rng, m, x);
    MixtureEm.Fit best = null;
    int passes = 0;
    if (options.start() == Start.TRUTH && m >= SCORING_MIN_SAMPLES_PER_COORDINATE * inverseFisherDim()) {
      best = options.em().fitScoring(x, m, instance.centres(), preconditioner());
      passes = best.passes();
    } else if (options.start() == Start.TRUTH) {
      best = options.em().fit(x, m, instance.centres());
      passes = best.passes();
    } else {
      for (int r = 0; r < options.restarts(); r++) {
        MixtureEm.Fit f = options.em().fit(x, m, KMeansPlusPlus.seeds(rng, x, m, d, k));
        passes += f.passes();
        if (best == null || f.logLikelihood() > best.logLikelihood()) {
          best = f;
        }
      }
    }
    Relabelling match = Relabelling.of(best.centres(), instance.centres());
    FitDiagnostics diag =
        new FitDiagnostics(best.converged(), match.distance() > basinRadius, match.distance(), passes);
    MixtureProjectedSampler sampler = new MixtureProjectedSampler(instance, best.centres());
    return new Learned(sampler, diag, options.populationSamples());
  }

  /** The features of one EM fit, sampled through {@link MixtureProjectedSampler}. */
  private record Learned(MixtureProjectedSampler sampler, FitDiagnostics diagnostics, long samples)
      implements LearnedRepresentation, FeatureSampler {
    @Override
    public int featureDimension() {
      return sampler.featureDimension();
    }

    @Override
    public void draw(UniformRandomProvider rng, int count, double[] features, double[] target) {
      sampler.draw(rng, count, features, target);
    }

    @Override
    public void drawColumns(UniformRandomProvider rng, int count, double[][] features, double[] target) {
      sampler.drawColumns(rng, count, features, target);
    }

    @Override
    public DesignMoments design(UniformRandomProvider rng, int n) {
      return Moments.design(this, rng, n);
    }

    @Override
    public PopulationMoments population(UniformRandomProvider rng) {
      return Moments.monteCarlo(this, rng, samples);
    }
  }
}
