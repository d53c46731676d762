package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.models.mixture.MixtureInstance;
import twostage.theory.MonteCarloMoments;

/** Options that define a Gaussian-mixture instance and its Monte Carlo sample sizes. */
public final class GmmOptions {
  @Option(names = "--K", required = true, description = "Number of components K (>= 2).")
  int k;

  @Option(names = "--d", required = true, description = "Ambient dimension d (>= K).")
  int d;

  @Option(names = "--beta", defaultValue = "2", description = "Centre scale: u*_i = beta e_i (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--theta-norm", defaultValue = "1", description = "Euclidean norm of theta* in ambient coordinates (default: ${DEFAULT-VALUE}).")
  double thetaNorm;

  @Option(names = "--sigma", defaultValue = "0.5", description = "Label-noise standard deviation (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--fisher-samples", defaultValue = "100000", converter = Counts.class,
      description = "Monte Carlo samples for the Fisher information (default: ${DEFAULT-VALUE}).")
  long fisherSamples;

  @Option(names = "--samples", defaultValue = "1000000", converter = Counts.class,
      description = "Monte Carlo samples for the downstream moments (default: ${DEFAULT-VALUE}).")
  long samples;

  /** Checks every rule; failures name the option. */
  void validate(CommandSpec spec) {
    Check.atLeast(spec, "--K", k, 2);
    Check.rule(spec, d >= k, "--d must be >= --K (centres beta*e_i), got d=" + d + ", K=" + k);
    Check.positive(spec, "--beta", beta);
    Check.positive(spec, "--theta-norm", thetaNorm);
    Check.nonNegative(spec, "--sigma", sigma);
    Check.rule(spec, fisherSamples >= MonteCarloMoments.DEFAULT_GROUPS, "--fisher-samples must be >= "
        + MonteCarloMoments.DEFAULT_GROUPS + " (one per jackknife group), got " + fisherSamples);
    Check.rule(spec, samples >= MonteCarloMoments.DEFAULT_GROUPS, "--samples must be >= "
        + MonteCarloMoments.DEFAULT_GROUPS + " (one per jackknife group), got " + samples);
  }

  /** Jackknife groups. */
  int groups() {
    return MonteCarloMoments.DEFAULT_GROUPS;
  }

  MixtureInstance instance() {
    return MixtureInstance.appendixK(k, d, beta, thetaNorm, sigma);
  }

  ObjectNode params(long seed) {
    ObjectNode p = Json.object();
    p.put("K", k);
    p.put("d", d);
    p.put("beta", beta);
    p.put("thetaNorm", thetaNorm);
    p.put("sigma", sigma);
    p.put("fisherSamples", fisherSamples);
    p.put("samples", samples);
    p.put("seed", seed);
    return p;
  }
}
