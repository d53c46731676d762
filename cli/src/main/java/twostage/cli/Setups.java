package twostage.cli;

import picocli.CommandLine.Model.CommandSpec;
import twostage.exec.ThreadPoolRunner;
import twostage.experiments.CrossoverSetup;
import twostage.models.factor.FactorInstance;
import twostage.models.spectral.SpectralInstance;

/** Builds the {@link CrossoverSetup} of each model from its options (shared by crossover and plan). */
final class Setups {
  /** Draws of [ψ; J] for d_base in the mixture (far more than p + q; same streams as the moments). */
  static final long MIXTURE_RANK_SAMPLES = 200_000;

  /** Design points of the mixture's local chart. */
  static final int MIXTURE_CHART_SAMPLES = 20_000;

  private Setups() {}

  static CrossoverSetup gmm(CommandSpec spec, GmmOptions gmm, RunOptions run, double tol) {
    gmm.validate(spec);
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      return CrossoverSetup.mixture(gmm.instance(), gmm.fisherSamples, gmm.samples,
          Math.min(gmm.samples, MIXTURE_RANK_SAMPLES), MIXTURE_CHART_SAMPLES, gmm.groups(), tol,
          run.seed, runner);
    }
  }

  static CrossoverSetup factor(FactorInstance instance, double tol) {
    return CrossoverSetup.factor(instance, tol);
  }

  static CrossoverSetup spectral(SpectralInstance instance, double tol) {
    return CrossoverSetup.spectral(instance, tol);
  }
}
