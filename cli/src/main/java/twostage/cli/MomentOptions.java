package twostage.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

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

  void validate(CommandSpec spec) {
    Check.positive(spec, "--alpha", alpha);
    Check.atLeast(spec, "--pretraining-samples", preSamples, 20);
    Check.atLeast(spec, "--samples", samples, 20);
  }
}
