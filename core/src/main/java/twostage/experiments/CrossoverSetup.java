package twostage.experiments;

import java.util.function.Supplier;
import twostage.baseline.BaselineProblem;
import twostage.models.factor.FactorBaseline;
import twostage.baseline.LocalChart;
import twostage.models.mixture.MixtureBaseline;
import twostage.models.spectral.SpectralBaseline;
import twostage.exec.Runner;
import twostage.models.factor.FactorDownstream;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;
import twostage.models.mixture.MixtureDownstreamSampler;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.models.spectral.SpectralGeometry;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;
import twostage.models.spectral.SpectralPopulation;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.stats.GroupedSums;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Crossover;
import twostage.theory.DownstreamMoments;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;

/**
 * Everything the crossover and planning commands need about one instance: σ², the engine's interaction
 * (weights, d_eff) with E‖L‖² as an {@link Estimate}, d_base as a {@link TangentRank}, and the
 * downstream-only baseline problem with its local chart.
 *
 * @param model "spectral", "factor" or "gmm"
 * @param sigma2 σ²
 * @param interaction the engine's result (weights, d_eff)
 * @param interactionMean E‖L(Z)‖² (exact: standard error 0; Monte Carlo: jackknife, bias-corrected)
 * @param base d_base with its eigenvalue gap
 * @param baseline the downstream-only problem
 * @param chart builds the local chart of F at φ⋆ (deferred: only the simulation needs it)
 */
public record CrossoverSetup(
    String model,
    double sigma2,
    Interaction interaction,
    Estimate interactionMean,
    TangentRank base,
    BaselineProblem baseline,
    Supplier<LocalChart> chart) {

  /** The crossover numbers (α₀ uses the point value of E‖L‖²). */
  public Crossover crossover() {
    return new Crossover(sigma2, interaction.dEff(), base.rank(), Math.max(interactionMean.value(), 0));
  }

  /** The factor model: exact Fisher information and exact Gaussian downstream moments. */
  public static CrossoverSetup factor(FactorInstance instance, double rankTolerance) {
    FactorModel model = FactorModel.of(instance);
    Interaction li = FactorLimit.exactInteraction(new AsymptoticEngine(), model);
    TangentRank base = TangentRank.baseline(FactorDownstream.moments(model), rankTolerance);
    return new CrossoverSetup("factor", model.sigmaSquared(), li, Estimate.exact(li.mean()), base,
        FactorBaseline.problem(instance), () -> FactorBaseline.exactChart(instance, rankTolerance));
  }

  /** The linear spectral model: exact Hessian, score covariance and downstream moments. */
  public static CrossoverSetup spectral(SpectralInstance instance, double rankTolerance) {
    Interaction li = SpectralLimit.exact(instance);
    TangentRank base = TangentRank.baseline(
        SpectralPopulation.downstream(SpectralGeometry.of(instance)), rankTolerance);
    return new CrossoverSetup("spectral", instance.sigma() * instance.sigma(), li,
        Estimate.exact(li.mean()), base, SpectralBaseline.problem(instance),
        () -> SpectralBaseline.exactChart(instance, rankTolerance));
  }

  /**
   * The mixture: Monte Carlo Fisher information and downstream moments ({@link MixtureLimit}); d_base
   * from {@code rankSamples} draws of [ψ; J] (the same streams as the interaction's downstream moments);
   * the chart from {@code chartSamples} design points.
   */
  public static CrossoverSetup mixture(
      MixtureInstance instance,
      long fisherSamples,
      long samples,
      long rankSamples,
      int chartSamples,
      int groups,
      double rankTolerance,
      long seed,
      Runner runner) {
    MixtureLimit.Result r = MixtureLimit.compute(instance, fisherSamples, samples, groups, seed, runner);
    InteractionEstimate est = r.estimate();
    MixtureDownstreamSampler sampler = new MixtureDownstreamSampler(instance);
    GroupedSums sums = MonteCarloMoments.downstream(sampler, rankSamples, groups, seed, runner);
    DownstreamMoments m = MonteCarloMoments.toDownstream(
        sums.mean(), sampler.featureDimension(), sampler.parameterDimension());
    TangentRank base = TangentRank.baseline(m, rankTolerance);
    BaselineProblem problem = MixtureBaseline.problem(instance);
    double s = instance.sigma();
    return new CrossoverSetup("gmm", s * s, est.interaction(), est.interactionMean(), base, problem,
        () -> LocalChart.at(problem, chartSamples, rankTolerance, Streams.of(seed, 4)));
  }
}
