package twostage.ad;

import twostage.theory.MonteCarloMoments;

/**
 * Sample sizes and tolerances of a {@link ModelAnalysis}.
 *
 * @param pilotPretraining samples behind ḡ, S (and H) for the orbit and the checks
 * @param pilotDownstream samples behind the downstream checks (cost O((pq)²) each)
 * @param pretrainingSamples samples behind H and S of the law
 * @param downstreamSamples samples behind Σψ, C and E[JJᵀ] of the law
 * @param groups jackknife groups
 * @param orbitTolerance relative eigenvalue tolerance of the orbit null space
 * @param checkTolerance tolerance of the checks whose quantity vanishes exactly
 * @param truthSamples samples of the population loss when w⋆ must be found (and no exact mean loss exists)
 */
public record AnalysisOptions(
    long pilotPretraining,
    long pilotDownstream,
    long pretrainingSamples,
    long downstreamSamples,
    int groups,
    double orbitTolerance,
    double checkTolerance,
    long truthSamples) {

  public AnalysisOptions {
    positive("pilotPretraining", pilotPretraining);
    positive("pilotDownstream", pilotDownstream);
    positive("pretrainingSamples", pretrainingSamples);
    positive("downstreamSamples", downstreamSamples);
    positive("truthSamples", truthSamples);
    if (groups < 2) {
      throw new IllegalArgumentException("groups must be >= 2, got " + groups);
    }
    if (!(orbitTolerance > 0 && orbitTolerance < 1)) {
      throw new IllegalArgumentException("orbitTolerance must be in (0, 1), got " + orbitTolerance);
    }
    if (!(checkTolerance > 0 && checkTolerance < 1)) {
      throw new IllegalArgumentException("checkTolerance must be in (0, 1), got " + checkTolerance);
    }
  }

  /** 20 000 pilot samples per stage, 10⁵ pre-training and 10⁶ downstream samples, 20 groups. */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(20_000, 20_000, 100_000, 1_000_000, MonteCarloMoments.DEFAULT_GROUPS,
        OrbitFinder.DEFAULT_TOLERANCE, ModelDiagnostics.DEFAULT_TOLERANCE, 1_000_000);
  }

  /** These options with other sample sizes for the law. */
  public AnalysisOptions withSamples(long pretraining, long downstream) {
    return new AnalysisOptions(pilotPretraining, pilotDownstream, pretraining, downstream, groups,
        orbitTolerance, checkTolerance, truthSamples);
  }

  /** These options with other pilot sample sizes. */
  public AnalysisOptions withPilot(long pretraining, long downstream) {
    return new AnalysisOptions(pretraining, downstream, pretrainingSamples, downstreamSamples, groups,
        orbitTolerance, checkTolerance, truthSamples);
  }

  private static void positive(String name, long v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }
}
