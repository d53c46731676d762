package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.models.mixture.KMeansPlusPlus;
import twostage.models.mixture.MixtureEm;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureProjectedSampler;
import twostage.models.mixture.MixtureSampling;
import twostage.models.mixture.Relabelling;

/**
 * The Gaussian-mixture case study (Section 6.3, Appendix K) in the simulator: EM for the centres,
 * subspace-aware features ψ_Û (eq. 6.4) with r⋆ = rank S(U⋆), x from the same mixture downstream,
 * population moments by Monte Carlo (ψ_Û is not linear in x).
 *
 * <p>EM starts by default at the true centres U⋆: Theorem 5.1 describes the local maximiser near U⋆
 * (the local asymptotics). With {@link Start#KMEANS_PP} it starts from k-means++ seeds instead, keeping
 * the restart with the highest likelihood. A fit whose relabelled distance to U⋆ (max over centres)
 * exceeds half the smallest distance between true centres is counted as landing in another basin.
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
  public LearnedRepresentation pretrain(UniformRandomProvider rng, int m) {
    int d = instance.dimension();
    int k = instance.components();
    double[] x = new double[Math.multiplyExact(m, d)];
    sampling.draw(rng, m, x);
    MixtureEm.Fit best = null;
    int passes = 0;
    if (options.start() == Start.TRUTH) {
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
    public DesignMoments design(UniformRandomProvider rng, int n) {
      return Moments.design(this, rng, n);
    }

    @Override
    public PopulationMoments population(UniformRandomProvider rng) {
      return Moments.monteCarlo(this, rng, samples);
    }
  }
}
