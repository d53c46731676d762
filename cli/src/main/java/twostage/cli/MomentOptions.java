package twostage.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.exec.ThreadPoolRunner;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.exec.Runner;

/** Options of the {@code limit} commands of the Gaussian models: α and how the moments are obtained. */
public final class MomentOptions {
  @Option(names = "--alpha", defaultValue = "2", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--method", defaultValue = "exact", description = "exact or montecarlo (default: ${DEFAULT-VALUE}).")
  Method method;

  @Option(names = "--pretraining-samples", defaultValue = "400000", converter = Counts.class,
      description = "Monte Carlo pre-training samples for H and S (montecarlo; default: ${DEFAULT-VALUE}).")
  long preSamples;

  @Option(names = "--samples", defaultValue = "400000", converter = Counts.class,
      description = "Monte Carlo downstream samples (montecarlo; default: ${DEFAULT-VALUE}).")
  long samples;

  /**
   * The exact interaction, or, with {@code --method montecarlo}, the Monte Carlo estimate that
   * {@code monteCarlo} computes on a pool of {@code run.threads()} threads.
   */
  ReportedInteraction interaction(Interaction exact, RunOptions run,
      java.util.function.Function<twostage.exec.Runner, InteractionEstimate> monteCarlo) {
    if (method != Method.MONTECARLO) {
      return ReportedInteraction.exact(exact);
    }
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      return ReportedInteraction.of(monteCarlo.apply(runner), "pretraining");
    }
  }

  void validate(CommandSpec spec) {
    Check.positive(spec, "--alpha", alpha);
    Check.atLeast(spec, "--pretraining-samples", preSamples, 20);
    Check.atLeast(spec, "--samples", samples, 20);
  }
}
