package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.exec.ThreadPoolRunner;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.theory.InteractionEstimate;

/** {@code twostage limit gmm}: the Gaussian-mixture case study (Section 6.3, Appendices J–K). */
@Command(
    name = "gmm",
    mixinStandardHelpOptions = true,
    description = {
      "Gaussian mixture U* = beta I_{K,d}, theta* blocks ~ (1/i) 1_{d+1} (Appendix K).",
      "Fisher information and downstream moments by Monte Carlo; standard errors by the jackknife."
    })
public final class LimitGmmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GmmOptions gmm;

  @Option(names = "--alpha", defaultValue = "2", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    gmm.validate(spec);
    Check.positive(spec, "--alpha", alpha);
    long t0 = System.nanoTime();
    MixtureLimit.Result result;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      result = MixtureLimit.compute(
          gmm.instance(), gmm.fisherSamples, gmm.samples, gmm.groups(), run.seed, runner);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    InteractionEstimate est = result.estimate();
    Map<String, Long> samples = new LinkedHashMap<>();
    samples.put("fisher", est.pretrainingSamples());
    samples.put("downstream", est.downstreamSamples());
    samples.put("jackknifeGroups", (long) est.mean().groups());
    Map<String, Object> diag = new LinkedHashMap<>();
    diag.put("fisherMinEigenvalue", est.interaction().diagnostics().get("hessianMinEigenvalue"));
    diag.put("subspaceRank", result.subspaceRank());
    diag.put("eigengap", result.eigengap());
    diag.put("featureRank", est.interaction().dEff());
    diag.put("featureDimension", result.featureDimension());
    ObjectNode params = gmm.params(run.seed);
    params.put("alpha", alpha);
    LimitReport report = new LimitReport(
        "gmm", params, gmm.sigma * gmm.sigma, alpha, est.interaction(), est.interactionMean(),
        est.mean().estimate(), samples, seconds, diag, null);
    spec.commandLine().getOut().println(
        run.format == OutputFormat.JSON ? Json.pretty(report.json()) : report.table());
    return 0;
  }
}
