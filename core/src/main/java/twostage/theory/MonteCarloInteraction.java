package twostage.theory;

import java.util.function.IntFunction;
import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.stats.GroupedSums;
import twostage.stats.Jackknife;

/**
 * Interaction from Monte Carlo moments: both stages are sampled in the same number of groups, group g
 * of the pre-training sample and group g of the downstream sample form one jackknife unit, and the
 * delete-one-unit estimates give the standard error of tr(VG) including the error of the estimated
 * Hessian/Fisher matrix that enters through its inverse. The delete-one-unit values take the
 * Cholesky shortcuts of {@link AsymptoticEngine#shortcuts} that the full evaluation allows.
 */
public final class MonteCarloInteraction {
  private MonteCarloInteraction() {}

  /** Both stages by Monte Carlo. */
  public static InteractionEstimate estimate(
      AsymptoticEngine engine,
      ScoreSampler pre,
      long preSamples,
      DownstreamSampler down,
      long downSamples,
      DMatrixRMaj orbit,
      int groups,
      long seed,
      Runner runner) {
    GroupedSums preSums = MonteCarloMoments.pretraining(pre, preSamples, groups, seed, runner);
    GroupedSums downSums = MonteCarloMoments.downstream(down, downSamples, groups, seed, runner);
    int q = pre.parameterDimension();
    boolean mle = pre.isMaximumLikelihood();
    return jackknifed(engine, MonteCarloMoments.toPretraining(preSums.mean(), q, mle),
        g -> MonteCarloMoments.toPretraining(preSums.meanWithout(g), q, mle), preSums.count(),
        down, downSums, orbit, groups, runner);
  }

  /** Exact pre-training moments, Monte Carlo downstream moments. */
  public static InteractionEstimate estimate(
      AsymptoticEngine engine,
      PretrainingMoments pre,
      DownstreamSampler down,
      long downSamples,
      DMatrixRMaj orbit,
      int groups,
      long seed,
      Runner runner) {
    GroupedSums downSums = MonteCarloMoments.downstream(down, downSamples, groups, seed, runner);
    return jackknifed(engine, pre, g -> pre, 0, down, downSums, orbit, groups, runner);
  }

  /**
   * The interaction at the full moments and its jackknife over the groups, unit g leaving out group g
   * of the downstream sums and {@code preWithout.apply(g)} for the pre-training moments.
   */
  private static InteractionEstimate jackknifed(
      AsymptoticEngine engine,
      PretrainingMoments preAll,
      IntFunction<PretrainingMoments> preWithout,
      long preCount,
      DownstreamSampler down,
      GroupedSums downSums,
      DMatrixRMaj orbit,
      int groups,
      Runner runner) {
    int q = down.parameterDimension();
    int p = down.featureDimension();
    DownstreamMoments downAll = MonteCarloMoments.toDownstream(downSums.mean(), p, q);
    Interaction full = engine.evaluate(preAll, downAll, orbit);
    AsymptoticEngine.Shortcuts near = engine.shortcuts(full, downAll, orbit);
    double[] loo =
        runner.map(groups, g -> engine.interactionMean(
                preWithout.apply(g), MonteCarloMoments.toDownstream(downSums.meanWithout(g), p, q), orbit, near))
            .stream().mapToDouble(Double::doubleValue).toArray();
    return new InteractionEstimate(full, Jackknife.of(full.mean(), loo), preCount, downSums.count());
  }
}
