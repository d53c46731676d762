package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Accumulate;
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
  private final double[] inverseFisher;

  /**
   * Scoring is used from the truth when m ≥ this many samples per centre coordinate (K·d): below, the
   * observed information is too far from F⋆ for scoring to beat SQUAREM (measured: m = 200, K·d = 80
   * took 55 scoring passes against 28 SQUAREM passes; m = 2·10⁵ took 7 against 16).
   */
  public static final int SCORING_MIN_SAMPLES_PER_COORDINATE = 50;

  /** Draws behind the Fisher-information preconditioner of the scoring solver. */
  public static final int FISHER_SAMPLES = 100_000;

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
    this.inverseFisher = options.start() == Start.TRUTH ? inverseFisher(instance) : null;
  }

  /**
   * F⋆⁻¹, the inverse Fisher information of the K·d centre coordinates at U⋆ (Lemma J.4), from
   * {@link #FISHER_SAMPLES} scores on a fixed stream: only a preconditioner for the scoring solver (the
   * estimate is the EM fixed point whatever it is), so its Monte Carlo error does not enter the results.
   */
  static double[] inverseFisher(MixtureInstance instance) {
    MixtureScoreSampler scores = new MixtureScoreSampler(instance);
    int q = scores.parameterDimension();
    double[] sum = new double[q * q];
    UniformRandomProvider rng = Streams.of(0x5EED, 0xF15E);
    int block = 4096;
    double[] s = new double[block * q];
    for (int left = FISHER_SAMPLES; left > 0; left -= block) {
      int c = Math.min(block, left);
      scores.sample(rng, c, s, null);
      Accumulate.gramLower(s, c, q, sum);
    }
    DMatrixRMaj f = new DMatrixRMaj(q, q, true, sum);
    Sym.fillUpperFromLower(f);
    CommonOps_DDRM.scale(1.0 / FISHER_SAMPLES, f);
    return Sym.pinv(f, 1e-12).data;
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
      best = options.em().fitScoring(x, m, instance.centres(), inverseFisher);
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
