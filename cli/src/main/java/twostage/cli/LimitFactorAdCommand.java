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
import twostage.ad.AnalysisOptions;
import twostage.ad.ModelAnalysis;
import twostage.ad.ModelDiagnostics;
import twostage.ad.ModelLaw;
import twostage.ad.examples.FactorAd;
import twostage.exec.ThreadPoolRunner;
import twostage.models.factor.FactorInstance;
import twostage.theory.RegularityException;

/**
 * {@code twostage limit factor-ad}: the factor model written through the automatic-differentiation API
 * ({@link FactorAd}); the law from Monte Carlo moments of the derived scores and Jacobians, to compare
 * with {@code limit factor}.
 */
@Command(
    name = "factor-ad",
    mixinStandardHelpOptions = true,
    description = {
      "The factor model written once through the AD API (loss and features only); every derivative,",
      "the orbit and the regularity checks derived. Same instance files as 'limit factor'."
    })
public final class LimitFactorAdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FactorOptions factor;

  @Option(names = "--alpha", defaultValue = "2", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--pretraining-samples", defaultValue = "100000", converter = Counts.class,
      description = "Pre-training samples for S (default: ${DEFAULT-VALUE}).")
  long preSamples;

  @Option(names = "--samples", defaultValue = "1000000", converter = Counts.class,
      description = "Downstream samples (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--pilot", defaultValue = "20000", converter = Counts.class,
      description = "Samples per stage behind the orbit and the checks (default: ${DEFAULT-VALUE}).")
  long pilot;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    Check.positive(spec, "--alpha", alpha);
    Check.atLeast(spec, "--pretraining-samples", preSamples, 20);
    Check.atLeast(spec, "--samples", samples, 20);
    Check.atLeast(spec, "--pilot", pilot, 20);
    FactorInstance inst = factor.instance(spec);
    AnalysisOptions options = AnalysisOptions.defaults().withSamples(preSamples, samples).withPilot(pilot, pilot);
    long t0 = System.nanoTime();
    ModelLaw law;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      law = ModelAnalysis.run(new FactorAd(inst), options, run.seed, runner);
    } catch (RegularityException e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ModelDiagnostics d = law.diagnostics();
    Map<String, Object> diag = new LinkedHashMap<>();
    diag.put("orbitSource", d.orbit().source().name());
    diag.put("orbitDimension", d.orbit().dimension());
    diag.put("orbitEigengap", d.orbit().gap());
    diag.put("parameterDimension", inst.d() * inst.k());
    diag.put("gradientStatistic", d.gradientStatistic());
    diag.put("gradientThreshold", d.gradientThreshold());
    diag.put("hessianOffOrbit", d.hessianOffOrbit());
    diag.put("scoreOrbitResidual", d.scoreOrbitResidual());
    diag.put("equivarianceResidual", d.equivarianceResidual());
    diag.put("activationResidual", d.activationResidual());
    ObjectNode params = factor.params(inst);
    params.put("alpha", alpha);
    params.put("method", "montecarlo");
    params.put("seed", run.seed);
    ReportedInteraction reported = ReportedInteraction.of(law.estimate(), "pretraining");
    LimitReport report = new LimitReport("factor-ad", params, law.sigma2(), alpha, reported.interaction(),
        reported.mean(), reported.plugInMean(), reported.samples(), seconds, diag, null);
    spec.commandLine().getOut().println(run.format == OutputFormat.JSON ? Json.pretty(report.json()) : report.table());
    return 0;
  }
}
